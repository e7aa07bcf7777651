// Configuration: discovery (nearest wins), extends, JSON/JSONC/YAML, and errors that name file, line and column.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, ConfigResolver, findConfigFile, loadConfigFile, readConfigFile } from "@safeharbor/server/engine";

const KNOWN = new Set(["phi", "phi/patient-name", "story", "claim", "claim/outcome-guarantee"]);
const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "safeharbor-config-"));
  made.push(dir);
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  return dir;
}

/** The ConfigError thrown by reading a config text, as `line:column: detail`. */
function errorOf(name: string, text: string): string {
  try {
    readConfigFile(name, KNOWN, text);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const e = err as ConfigError;
    expect(e.file).toBe(name);
    expect(e.message).toBe(`${name}:${e.line}:${e.column}: ${e.detail}`);
    return `${e.line}:${e.column}: ${e.detail}`;
  }
  throw new Error("no ConfigError");
}

describe("config discovery", () => {
  it("finds the nearest config file upward from a folder", () => {
    const dir = tree({ ".safeharbor.json": "{}", "blog/.safeharbor.yaml": "{}\n", "blog/2024/post.md": "" });
    expect(findConfigFile(join(dir, "blog/2024"))).toBe(join(dir, "blog/.safeharbor.yaml"));
    expect(findConfigFile(join(dir, "other"))).toBe(join(dir, ".safeharbor.json"));
  });

  it("prefers .json over .jsonc over .yaml over .yml in one folder", () => {
    const dir = tree({ ".safeharbor.yml": "{}", ".safeharbor.jsonc": "{}", ".safeharbor.yaml": "{}" });
    expect(findConfigFile(dir)).toBe(join(dir, ".safeharbor.jsonc"));
  });

  it("uses the nearest config only: a nearer file wins without merging unless it extends", () => {
    const dir = tree({ ".safeharbor.json": '{ "rules": { "claim": "off" }, "practice": { "state": "Oregon" } }', "blog/.safeharbor.json": '{ "rules": { "phi": "warn" } }' });
    const resolver = new ConfigResolver(KNOWN);
    const blog = resolver.forFile(join(dir, "blog/post.md"));
    expect(blog.rules).toEqual({ phi: "warn" });
    expect(blog.practice.state).toBe("");
    expect(resolver.forFile(join(dir, "post.md")).rules).toEqual({ claim: "off" });
  });

  it("gives defaults when no config file exists", () => {
    const dir = tree({});
    const cfg = new ConfigResolver(KNOWN).forFile(join(dir, "a.md"));
    expect(cfg.files).toEqual([]);
    expect(cfg.rules).toEqual({});
    expect(cfg.maxFileSize).toBe(1024 * 1024);
  });

  it("uses an explicit config file for every document", () => {
    const dir = tree({ "custom.yaml": "rules:\n  claim: error\n", "blog/.safeharbor.json": "{}" });
    const cfg = new ConfigResolver(KNOWN, join(dir, "custom.yaml")).forFile(join(dir, "blog/a.md"));
    expect(cfg.rules).toEqual({ claim: "error" });
  });
});

describe("extends", () => {
  it("merges the extended file under the extending one, key by key", () => {
    const dir = tree({
      "base.yaml": "rules:\n  claim: off\n  phi: error\npractice:\n  state: Oregon\n  staff: [Dr. Example]\nexclude: [drafts/**]\n",
      "site/.safeharbor.jsonc": '// site config\n{ "extends": "../base.yaml", "rules": { "phi": "warn" }, "practice": { "phones": ["555-0100"] }, }',
    });
    const cfg = loadConfigFile(join(dir, "site/.safeharbor.jsonc"), KNOWN);
    expect(cfg.rules).toEqual({ claim: "off", phi: "warn" });
    expect(cfg.practice).toMatchObject({ state: "Oregon", staff: ["Dr. Example"], phones: ["555-0100"] });
    expect(cfg.exclude).toEqual(["drafts/**"]);
    expect(cfg.files).toEqual([join(dir, "site/.safeharbor.jsonc"), join(dir, "base.yaml")]);
    expect(cfg.baseDir).toBe(join(dir, "site"));
  });

  it("extends a list of files, later ones winning", () => {
    const dir = tree({ "a.json": '{ "rules": { "claim": "off", "phi": "info" } }', "b.json": '{ "rules": { "claim": "error" } }', "c.json": '{ "extends": ["a.json", "b.json"] }' });
    expect(loadConfigFile(join(dir, "c.json"), KNOWN).rules).toMatchObject({ claim: "error" });
  });

  it("reports a missing extended file and a cycle as config errors", () => {
    const dir = tree({ "a.json": '{ "extends": "missing.json" }', "b.json": '{ "extends": "c.json" }', "c.json": '{ "extends": "b.json" }' });
    expect(() => loadConfigFile(join(dir, "a.json"), KNOWN)).toThrow(/does not exist: missing\.json/);
    expect(() => loadConfigFile(join(dir, "b.json"), KNOWN)).toThrow(/cycle/);
  });

  it("resolves the registry path relative to the file that names it", () => {
    const dir = tree({ "site/.safeharbor.json": '{ "authorizations": "legal/auth.yaml" }' });
    expect(loadConfigFile(join(dir, "site/.safeharbor.json"), KNOWN).authorizationsPath).toBe(join(dir, "site/legal/auth.yaml"));
  });

  it("defaults the registry to .safeharbor/authorizations.yaml beside the config", () => {
    const dir = tree({ ".safeharbor.json": "{}" });
    expect(loadConfigFile(join(dir, ".safeharbor.json"), KNOWN).authorizationsPath).toBe(join(dir, ".safeharbor/authorizations.yaml"));
  });
});

describe("config formats", () => {
  it("reads JSON, JSONC with comments and trailing commas, and YAML alike", () => {
    const json = readConfigFile("c.json", KNOWN, '{ "rules": { "phi": "warn" }, "frontmatter": { "keys": ["title"] } }');
    const jsonc = readConfigFile("c.jsonc", KNOWN, '{\n  // comment\n  "rules": { "phi": "warn", },\n  /* block */ "frontmatter": { "keys": ["title"] },\n}');
    const yaml = readConfigFile("c.yaml", KNOWN, "# comment\nrules:\n  phi: warn\nfrontmatter:\n  keys: [title]\n");
    expect(jsonc).toEqual(json);
    expect(yaml).toEqual(json);
  });

  it("accepts every severity name per rule and per family", () => {
    for (const s of ["off", "hint", "info", "warn", "warning", "error"]) expect(readConfigFile("c.json", KNOWN, `{ "rules": { "phi/patient-name": "${s}", "story": "${s}" } }`).rules).toBeDefined();
  });

  it("accepts an empty YAML file as an empty config", () => {
    expect(readConfigFile("c.yaml", KNOWN, "")).toEqual({});
  });
});

describe("config errors", () => {
  it("names the place of a JSON syntax error", () => {
    expect(errorOf("c.json", '{\n  "rules": { "phi": "warn" \n  "x": 1\n}')).toBe("3:3: invalid JSON: CommaExpected");
  });

  it("names the place of a YAML syntax error", () => {
    expect(errorOf("c.yaml", "rules:\n  phi: warn\n practice: [\n")).toMatch(/^3:\d+: invalid YAML: /);
  });

  it("reports an empty JSON file", () => {
    expect(errorOf("c.json", "")).toMatch(/^1:1: invalid JSON/);
  });

  it("names an unknown top-level key at the key", () => {
    expect(errorOf("c.json", '{\n  "rules": {},\n  "excludes": []\n}')).toBe('3:3: unknown key "excludes" in the configuration');
  });

  it("names an unknown nested key at the key, in YAML too", () => {
    expect(errorOf("c.yaml", "practice:\n  names: [A]\n  doctors: [B]\n")).toBe('3:3: unknown key "doctors" in "practice"');
  });

  it("names a value of the wrong type at the value", () => {
    expect(errorOf("c.json", '{ "practice": { "staff": "Dr. Example" } }')).toBe('1:26: "practice.staff" must be array');
    expect(errorOf("c.yaml", "maxFileSize: big\n")).toBe('1:14: "maxFileSize" must be integer');
    expect(errorOf("c.yaml", "practice:\n  phones:\n    - 5550100\n")).toBe('3:7: "practice.phones.0" must be string');
  });

  it("names an unknown severity with the allowed ones", () => {
    expect(errorOf("c.json", '{ "rules": { "phi": "loud" } }')).toBe('1:21: "rules.phi" must be one of "off", "hint", "info", "warn", "warning", "error"');
  });

  it("names an unknown rule id or family at its key", () => {
    expect(errorOf("c.json", '{\n  "rules": {\n    "phi/patient-nam": "off"\n  }\n}')).toBe('3:5: unknown rule or family "phi/patient-nam"');
    expect(errorOf("c.yaml", "rules:\n  stories: off\n")).toBe('2:3: unknown rule or family "stories"');
  });

  it("reports a config that is not an object", () => {
    expect(errorOf("c.json", "[1, 2]")).toMatch(/^1:1: the configuration must be object$/);
    expect(errorOf("c.yaml", "- a\n- b\n")).toMatch(/^1:1: the configuration must be object$/);
  });

  it("reports an unreadable config file", () => {
    const dir = tree({});
    expect(() => readConfigFile(join(dir, "missing.json"), KNOWN)).toThrow(ConfigError);
  });

  it("stops the resolver on a malformed nearest config instead of falling back to defaults", () => {
    const dir = tree({ ".safeharbor.json": "{}", "blog/.safeharbor.yaml": "rules: [\n" });
    expect(() => new ConfigResolver(KNOWN).forFile(join(dir, "blog/a.md"))).toThrow(ConfigError);
  });
});

describe("authorization registry discovery", () => {
  const REG = "authorizations: []\n";

  it("finds the nearest .safeharbor/authorizations.yaml above a document when there is no config file", () => {
    const dir = tree({ ".safeharbor/authorizations.yaml": REG, "blog/.safeharbor/authorizations.yaml": REG, "blog/a.md": "", "news/b.md": "" });
    const resolver = new ConfigResolver(KNOWN);
    expect(resolver.forFile(join(dir, "blog/a.md")).authorizationsPath).toBe(join(dir, "blog/.safeharbor/authorizations.yaml"));
    expect(resolver.forFile(join(dir, "news/b.md")).authorizationsPath).toBe(join(dir, ".safeharbor/authorizations.yaml"));
    expect(resolver.forFile(join(dir, "news/c.md"))).toBe(resolver.forFile(join(dir, "news/b.md")));
  });

  it("leaves the path beside the config when no registry exists anywhere, and none without a config", () => {
    const withConfig = tree({ ".safeharbor.json": "{}", "a.md": "" });
    expect(new ConfigResolver(KNOWN).forFile(join(withConfig, "a.md")).authorizationsPath).toBe(join(withConfig, ".safeharbor/authorizations.yaml"));
    const bare = tree({ "a.md": "" });
    expect(new ConfigResolver(KNOWN).forFile(join(bare, "a.md")).authorizationsPath).toBeUndefined();
  });

  it("does not search when the config names the registry", () => {
    const dir = tree({ ".safeharbor.json": '{ "authorizations": "consents.yaml" }', "blog/.safeharbor/authorizations.yaml": REG, "blog/a.md": "" });
    expect(new ConfigResolver(KNOWN).forFile(join(dir, "blog/a.md")).authorizationsPath).toBe(join(dir, "consents.yaml"));
  });
});
