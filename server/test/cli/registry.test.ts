// The CLI lints the authorization registry of each configuration it meets, once per run.
import { describe, expect, it } from "vitest";
import { ENTRY_WITHOUT_PURPOSE, parseJson, project, run, VALID_ENTRY } from "./helpers";

const TEXT = "Brush twice a day.\n";

describe("registry checks in the CLI", () => {
  it("reports the registry under its own path after the documents, and its errors make the run fail", async () => {
    const dir = project({ ".safeharbor.json": "{}", ".safeharbor/authorizations.yaml": VALID_ENTRY + ENTRY_WITHOUT_PURPOSE, "a.md": TEXT });
    const r = await run(dir, ["check", "a.md", "--format", "json"]);
    const report = parseJson(r.stdout);
    expect(report.map((x) => x.file)).toEqual(["a.md", ".safeharbor/authorizations.yaml"]);
    expect(report[1].findings.map((f) => [f.ruleId, f.severity, f.range.start.line])).toEqual([["safeharbor/registry-missing-element", "error", 10]]);
    expect(r.code).toBe(1);
  });

  it("reports a registry once although many files and folders use it", async () => {
    const dir = project({
      ".safeharbor.json": "{}",
      ".safeharbor/authorizations.yaml": ENTRY_WITHOUT_PURPOSE,
      "a.md": TEXT,
      "blog/b.md": TEXT,
      "blog/.safeharbor.json": '{ "extends": "../.safeharbor.json", "authorizations": "../.safeharbor/authorizations.yaml" }',
    });
    const report = parseJson((await run(dir, ["check", ".", "--format", "json"])).stdout);
    expect(report.map((x) => x.file)).toEqual(["a.md", "blog/b.md", ".safeharbor/authorizations.yaml"]);
  });

  it("reads the registry from the path the config names", async () => {
    const dir = project({ ".safeharbor.yaml": "authorizations: compliance/consents.yaml\n", "compliance/consents.yaml": VALID_ENTRY, "a.md": TEXT });
    const r = await run(dir, ["check", "a.md", "--format", "json"]);
    expect(parseJson(r.stdout)).toEqual([
      { file: "a.md", findings: [] },
      { file: "compliance/consents.yaml", findings: [] },
    ]);
    expect(r.code).toBe(0);
  });

  it("says nothing about a registry that does not exist", async () => {
    const dir = project({ ".safeharbor.json": "{}", "a.md": TEXT });
    const r = await run(dir, ["check", "a.md", "--format", "json"]);
    expect(parseJson(r.stdout).map((x) => x.file)).toEqual(["a.md"]);
  });

  it("reports a registry with a YAML error as an error at its place", async () => {
    const dir = project({ ".safeharbor.json": "{}", ".safeharbor/authorizations.yaml": "- id: A\n  subject: [unclosed\n", "a.md": TEXT });
    const r = await run(dir, ["check", "a.md"]);
    expect(r.stdout).toContain(".safeharbor/authorizations.yaml\n  3:1");
    expect(r.stdout).toContain("safeharbor/registry-syntax");
    expect(r.code).toBe(1);
  });

  it("does not lint the registry when checking standard input", async () => {
    const dir = project({ ".safeharbor.json": "{}", ".safeharbor/authorizations.yaml": ENTRY_WITHOUT_PURPOSE });
    const r = await run(dir, ["check", "--stdin", "--stdin-filename", "a.md", "--format", "json"], { stdin: TEXT });
    expect(parseJson(r.stdout).map((x) => x.file)).toEqual(["a.md"]);
    expect(r.code).toBe(0);
  });
});
