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

/** A testimonial naming its authorization, with a name and a treatment the authorization must cover. */
const TESTIMONIAL = '<Testimonial name="Sandra P." location="Tucson, AZ" quote="After two years of migraines, the Botox treatment here changed my life." authorization="AUTH-2099-001" />\n';
/** VALID_ENTRY's authorization, for this testimonial's patient and everything it discloses. */
const COVERING_ENTRY = VALID_ENTRY.replace("subject: Testy McExample", "subject: Sandra P.").replace("discloses: [name, testimonial]", "discloses: [name, location, condition, treatment, testimonial]");

describe("the registry without a config file", () => {
  it("is found upward from the document, and an authorization in it covers the testimonial", async () => {
    const dir = project({ ".safeharbor/authorizations.yaml": COVERING_ENTRY, "site/posts/t.mdx": TESTIMONIAL });
    const r = await run(dir, ["check", "site/posts/t.mdx", "--format", "json"]);
    const report = parseJson(r.stdout);
    expect(report.map((x) => x.file)).toEqual(["site/posts/t.mdx", ".safeharbor/authorizations.yaml"]);
    const findings = report[0].findings.filter((f) => f.ruleId === "testimonial/identifiable-patient");
    // the attribution and the quote's health detail are both covered
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect([f.severity, f.message]).toEqual(["info", expect.stringMatching(/^Covered by authorization AUTH-2099-001/)]);
    expect(r.code).toBe(0);
  });

  it("is the nearest one when folders have their own", async () => {
    const dir = project({ ".safeharbor/authorizations.yaml": ENTRY_WITHOUT_PURPOSE, "site/.safeharbor/authorizations.yaml": COVERING_ENTRY, "site/t.mdx": TESTIMONIAL });
    const report = parseJson((await run(dir, ["check", "site/t.mdx", "--format", "json"])).stdout);
    expect(report.map((x) => x.file)).toEqual(["site/t.mdx", "site/.safeharbor/authorizations.yaml"]);
    expect(report[0].findings.find((f) => f.ruleId === "testimonial/identifiable-patient")?.severity).toBe("info");
  });

  it("is also found above a config file that does not name one", async () => {
    const dir = project({ ".safeharbor/authorizations.yaml": COVERING_ENTRY, "site/.safeharbor.json": "{}", "site/t.mdx": TESTIMONIAL });
    const report = parseJson((await run(dir, ["check", "site/t.mdx", "--format", "json"])).stdout);
    expect(report[0].findings.find((f) => f.ruleId === "testimonial/identifiable-patient")?.severity).toBe("info");
  });

  it("says so when no registry exists, and how to create one, instead of 'not in the registry'", async () => {
    const dir = project({ "t.mdx": TESTIMONIAL });
    const r = await run(dir, ["check", "t.mdx", "--format", "json"]);
    const finding = parseJson(r.stdout)[0].findings.find((f) => f.ruleId === "testimonial/identifiable-patient");
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toMatch(/AUTH-2099-001 cannot be checked: there is no authorization registry/);
    expect(finding?.message).toContain(".safeharbor/authorizations.yaml");
    expect(finding?.message).not.toMatch(/not in the registry/);
    expect(r.code).toBe(1);
  });

  it("keeps 'not in the registry' for an id a registry lacks", async () => {
    const dir = project({ ".safeharbor/authorizations.yaml": ENTRY_WITHOUT_PURPOSE, "t.mdx": TESTIMONIAL });
    const finding = parseJson((await run(dir, ["check", "t.mdx", "--format", "json"])).stdout)[0].findings.find((f) => f.ruleId === "testimonial/identifiable-patient");
    expect(finding?.message).toMatch(/AUTH-2099-001 is not in the registry/);
  });
});
