// End-to-end CLI runs over broken inputs: binary files, unparsable MDX, huge files and bad configuration.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./server-process";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throw-away folder with the given files. */
function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "safeharbor-robust-"));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const PHI_POST = "Our patient Jane Roe was treated for diabetes; call her at 555-201-7788.\n";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

interface JsonFile {
  file: string;
  findings: { ruleId: string; message: string; range: { start: { line: number } } }[];
}

describe("CLI on broken and odd files", () => {
  it("skips a binary file with a message on stderr and checks the other files", () => {
    const dir = folder({ "a-photo.md": PNG, "b-post.md": PHI_POST, "c-notes.txt": Buffer.concat([Buffer.from("Jane Roe"), Buffer.from([0, 1, 2])]) });
    const r = runCli(dir, ["check", "--format", "json", "."]);
    expect(r.stderr).toMatch(/a-photo\.md looks like a binary file; skipped/);
    expect(r.stderr).toMatch(/c-notes\.txt looks like a binary file; skipped/);
    const files = JSON.parse(r.stdout) as JsonFile[];
    expect(files.map((f) => f.file)).toContain("b-post.md");
    expect(files.find((f) => f.file === "b-post.md")!.findings.length).toBeGreaterThan(0);
    expect(r.code).toBe(1);
  }, 120_000);

  it("gives broken MDX one finding saying it could not be parsed, and checks the rest of the run", () => {
    const dir = folder({ "a-broken.mdx": "# Title\n\n<Testimonial name=\"x\">\n\nJane Roe was treated for diabetes.\n\n</Other>\n", "b-post.md": PHI_POST, "c-also-broken.mdx": "export const = ;\n\n{unclosed\n" });
    const r = runCli(dir, ["check", "--format", "json", "."]);
    const files = JSON.parse(r.stdout) as JsonFile[];
    for (const name of ["a-broken.mdx", "c-also-broken.mdx"]) {
      const findings = files.find((f) => f.file === name)?.findings ?? [];
      expect(findings.map((f) => f.ruleId), name).toEqual(["safeharbor/parse-error"]);
      expect(findings[0].message).toMatch(/could not be parsed/);
    }
    expect(files.find((f) => f.file === "b-post.md")!.findings.length).toBeGreaterThan(0);
    expect(r.code).toBe(1);
  }, 120_000);

  it("checks a 5 MB Markdown file up to the size limit and says so", () => {
    const dir = folder({ "huge.md": ("Our clinic news for the week.\n\n" + "A general article about healthy teeth and gums. ".repeat(20) + "\n\n").repeat(5000).slice(0, 5 * 1024 * 1024), ".safeharbor.json": JSON.stringify({ maxFileSize: 65536 }) });
    const r = runCli(dir, ["check", "--format", "json", "huge.md"]);
    const [file] = JSON.parse(r.stdout) as JsonFile[];
    const notice = file.findings.filter((f) => f.ruleId === "safeharbor/file-too-large");
    expect(notice).toHaveLength(1);
    expect(notice[0].message).toMatch(/larger than the limit of 65536/);
    expect(r.code).toBe(0);
  }, 120_000);
});

describe("CLI on bad configuration", () => {
  const cases: { name: string; files: Record<string, string>; where: RegExp; problem: RegExp }[] = [
    { name: "malformed JSON", files: { ".safeharbor.json": '{\n  "rules": {\n    "phi": "warn",,\n  }\n}\n' }, where: /\.safeharbor\.json:3:\d+/, problem: /invalid JSON/ },
    { name: "malformed JSONC", files: { ".safeharbor.jsonc": '// comment\n{ "rules": { "phi": "warn" }\n' }, where: /\.safeharbor\.jsonc:\d+:\d+/, problem: /invalid JSON/ },
    { name: "malformed YAML", files: { ".safeharbor.yaml": "rules:\n  phi: warn\n practice: [unclosed\n" }, where: /\.safeharbor\.yaml:\d+:\d+/, problem: /invalid YAML/ },
    { name: "a wrong type", files: { ".safeharbor.json": '{\n  "maxFileSize": "big"\n}\n' }, where: /\.safeharbor\.json:2:\d+/, problem: /maxFileSize/ },
    { name: "a wrong severity", files: { ".safeharbor.yml": "rules:\n  phi/date: loud\n" }, where: /\.safeharbor\.yml:2:\d+/, problem: /phi\/date|rules/ },
    { name: "an unknown rule id", files: { ".safeharbor.json": '{\n  "rules": {\n    "phi/no-such-rule": "off"\n  }\n}\n' }, where: /\.safeharbor\.json:3:\d+/, problem: /unknown rule or family "phi\/no-such-rule"/ },
    { name: "an unknown key", files: { ".safeharbor.json": '{\n  "rules": {},\n  "colour": "blue"\n}\n' }, where: /\.safeharbor\.json:3:\d+/, problem: /unknown key "colour"/ },
    { name: "an unknown key in YAML", files: { ".safeharbor.yaml": "practice:\n  names: [Example Dental]\n  fax_numbers: []\n" }, where: /\.safeharbor\.yaml:3:\d+/, problem: /unknown key "fax_numbers"/ },
    { name: "an extends cycle", files: { ".safeharbor.json": '{ "extends": "./other.json" }', "other.json": '{ "extends": "./.safeharbor.json" }' }, where: /\.(safeharbor|other)\.json:\d+:\d+|json:1:1/, problem: /cycle/ },
    { name: "an empty file", files: { ".safeharbor.json": "" }, where: /\.safeharbor\.json:1:1/, problem: /invalid JSON|empty/ },
    { name: "a binary config file", files: { ".safeharbor.json": "\u0000\u0001\u0002" }, where: /\.safeharbor\.json:\d+:\d+/, problem: /invalid JSON/ },
  ];
  for (const c of cases) {
    it(`stops with exit code 2 and names the file and the place for ${c.name}`, () => {
      const dir = folder({ ...c.files, "post.md": PHI_POST });
      const r = runCli(dir, ["check", "post.md"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/configuration error/);
      expect(r.stderr).toMatch(c.where);
      expect(r.stderr).toMatch(c.problem);
      expect(r.stderr).not.toMatch(/internal error/);
    }, 60_000);
  }

  it("reports a malformed authorization registry as a located finding on the registry file and checks the documents", () => {
    const dir = folder({ ".safeharbor.json": '{ "authorizations": "auth.yaml" }', "auth.yaml": "- id: A-1\n  subject: [unclosed\n", "post.md": PHI_POST });
    const r = runCli(dir, ["check", "--format", "json", "post.md"]);
    const files = JSON.parse(r.stdout) as JsonFile[];
    const registry = files.find((f) => f.file === "auth.yaml")?.findings ?? [];
    expect(registry.map((f) => f.ruleId)).toEqual(["safeharbor/registry-syntax"]);
    expect(registry[0].range.start.line).toBeGreaterThan(0);
    expect(files.find((f) => f.file === "post.md")!.findings.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
  }, 60_000);
});
