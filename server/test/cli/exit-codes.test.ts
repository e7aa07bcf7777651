// Exit codes of `safeharbor check`: 0 clean, 1 error findings or too many warnings, 2 usage, config or I/O errors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENTRY_WITHOUT_PURPOSE, parseJson, project, run } from "./helpers";

const CLEAN = "# Flossing\n\nFloss once a day, gently, and replace your brush every three months.\n";
/** An MDX syntax error: a parse-error warning, independent of the rule catalogue. */
const BROKEN_MDX = "# Title\n\n<Card title=\"x\">\n\nunclosed\n";

describe("exit codes", () => {
  it("exits 0 when nothing is found", async () => {
    const dir = project({ "post.md": CLEAN });
    const r = await run(dir, ["check", "post.md"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("exits 1 when there is an error-level finding", async () => {
    const dir = project({ ".safeharbor.json": "{}", ".safeharbor/authorizations.yaml": ENTRY_WITHOUT_PURPOSE, "post.md": CLEAN });
    const r = await run(dir, ["check", "post.md", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout).flatMap((f) => f.findings).some((f) => f.severity === "error")).toBe(true);
  });

  it("exits 0 with warnings when no maximum is set", async () => {
    const dir = project({ "card.mdx": BROKEN_MDX });
    const r = await run(dir, ["check", "card.mdx", "--format", "json"]);
    expect(parseJson(r.stdout)[0].findings.map((f) => f.severity)).toEqual(["warning"]);
    expect(r.code).toBe(0);
  });

  it("exits 1 when warnings exceed --max-warnings and 0 when they do not", async () => {
    const dir = project({ "card.mdx": BROKEN_MDX });
    expect((await run(dir, ["check", "card.mdx", "--max-warnings", "0"])).code).toBe(1);
    expect((await run(dir, ["check", "card.mdx", "--max-warnings", "1"])).code).toBe(0);
  });

  it("exits 2 on an unknown command, an unknown option or a bad option value", async () => {
    const dir = project({ "post.md": CLEAN });
    for (const argv of [["lint", "post.md"], ["check", "--nope", "post.md"], ["check", "--format", "xml", "post.md"], ["check", "--max-warnings", "many", "post.md"], ["check", "--shard", "3/2", "post.md"], ["check", "--jobs", "0", "post.md"], ["check"]]) {
      const r = await run(dir, argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^safeharbor: /);
      expect(r.stdout).toBe("");
    }
  });

  it("exits 2 with the file, line and column when a config is malformed", async () => {
    const dir = project({ ".safeharbor.json": '{\n  "rules": { "phi": "loud" }\n}\n', "post.md": CLEAN });
    const r = await run(dir, ["check", "post.md"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`configuration error: ${join(dir, ".safeharbor.json")}:2:`);
    expect(r.stderr).toContain("must be one of");
  });

  it("exits 2 naming the place of bad YAML, an unknown key and an unknown rule id, before printing any report", async () => {
    const cases: [string, string, string][] = [
      [".safeharbor.yaml", "rules:\n  phi: warn\n practice: [\n", ".safeharbor.yaml:3:"],
      [".safeharbor.yml", "practice:\n  doctors: [Dr. Example]\n", '.safeharbor.yml:2:3: unknown key "doctors" in "practice"'],
      [".safeharbor.jsonc", '{\n  // rules\n  "rules": { "phi/patient-nam": "off" }\n}\n', '.safeharbor.jsonc:3:14: unknown rule or family "phi/patient-nam"'],
    ];
    for (const [name, text, expected] of cases) {
      const dir = project({ [name]: text, "post.md": CLEAN });
      const r = await run(dir, ["check", ".", "--format", "json"]);
      expect(r.code, name).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`configuration error: ${join(dir, expected)}`);
    }
  });

  it("reports a missing path on stderr, checks the rest and exits 2", async () => {
    const dir = project({ "post.md": CLEAN });
    const r = await run(dir, ["check", "post.md", "absent.md", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no such file or folder: absent.md");
    expect(parseJson(r.stdout).map((f) => f.file)).toEqual(["post.md"]);
  });

  it("skips a binary file with a message on stderr and goes on", async () => {
    const dir = project({ "a.md": CLEAN, "b.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]), "c.md": CLEAN });
    const r = await run(dir, ["check", ".", "--format", "json"]);
    expect(r.stderr).toBe("safeharbor: b.md looks like a binary file; skipped\n");
    expect(parseJson(r.stdout).map((f) => f.file)).toEqual(["a.md", "c.md"]);
    expect(r.code).toBe(0);
  });

  it("skips an unreadable file with a message on stderr, goes on and exits 2", async () => {
    const dir = project({ "a.md": CLEAN, "b.md": CLEAN, "c.md": CLEAN });
    const denied = join(dir, "b.md");
    const readFile = (path: string): Buffer => {
      if (path === denied) throw Object.assign(new Error("permission denied"), { code: "EACCES" });
      return readFileSync(path);
    };
    const r = await run(dir, ["check", ".", "--format", "json"], { readFile });
    expect(r.stderr).toBe("safeharbor: cannot read b.md: EACCES; skipped\n");
    expect(parseJson(r.stdout).map((f) => f.file)).toEqual(["a.md", "c.md"]);
    expect(r.code).toBe(2);
  });
});
