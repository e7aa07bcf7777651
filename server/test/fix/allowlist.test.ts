// Adding values to the practice allowlist of a config file.
import { describe, expect, it } from "vitest";
import { parse as parseJsonc } from "jsonc-parser";
import { parse as parseYaml } from "yaml";
import { addToAllowlist, configFormatOf } from "@safeharbor/server/engine";
import { helperFixes } from "./support";

describe("addToAllowlist", () => {
  it("creates a JSON config when there is none", () => {
    const text = addToAllowlist(undefined, "json", "staff", "Jamie Chen");
    expect(JSON.parse(text)).toEqual({ practice: { staff: ["Jamie Chen"] } });
  });

  it("appends to an existing list and keeps JSONC comments", () => {
    const before = '{\n  // our team\n  "practice": {\n    "staff": ["Jamie Chen"]\n  }\n}\n';
    const after = addToAllowlist(before, "jsonc", "staff", "Sarah Lin");
    expect(after).toContain("// our team");
    expect(parseJsonc(after)).toEqual({ practice: { staff: ["Jamie Chen", "Sarah Lin"] } });
  });

  it("adds the practice block to a config that has none", () => {
    const after = addToAllowlist('{ "rules": { "claim": "off" } }', "json", "phones", "(555) 201-4400");
    expect(JSON.parse(after)).toEqual({ rules: { claim: "off" }, practice: { phones: ["(555) 201-4400"] } });
  });

  it("leaves the text unchanged when the value is already listed", () => {
    const before = '{ "practice": { "emails": ["office@example.com"] } }';
    expect(addToAllowlist(before, "json", "emails", "Office@example.com")).toBe(before);
    const yaml = "practice:\n  emails:\n    - office@example.com\n";
    expect(addToAllowlist(yaml, "yaml", "emails", "office@example.com")).toBe(yaml);
  });

  it("edits YAML through its document, keeping comments", () => {
    const before = "# clinic config\npractice:\n  staff:\n    - Jamie Chen # hygienist\n";
    const after = addToAllowlist(before, "yaml", "staff", "Sarah Lin");
    expect(after).toContain("# clinic config");
    expect(after).toContain("# hygienist");
    expect(parseYaml(after)).toEqual({ practice: { staff: ["Jamie Chen", "Sarah Lin"] } });
  });

  it("creates YAML lists and documents as needed", () => {
    expect(parseYaml(addToAllowlist("rules:\n  claim: off\n", "yaml", "locations", "Springfield"))).toEqual({ rules: { claim: "off" }, practice: { locations: ["Springfield"] } });
    expect(parseYaml(addToAllowlist("# empty\n", "yaml", "urls", "https://example.com"))).toEqual({ practice: { urls: ["https://example.com"] } });
    expect(parseYaml(addToAllowlist(undefined, "yaml", "faxes", "(555) 201-4401"))).toEqual({ practice: { faxes: ["(555) 201-4401"] } });
  });

  it("knows the format from the file name", () => {
    expect([".safeharbor.json", ".safeharbor.jsonc", ".safeharbor.yaml", ".safeharbor.yml"].map(configFormatOf)).toEqual(["json", "jsonc", "yaml", "yaml"]);
  });
});

describe("the allowlist fix", () => {
  it("carries the key and the value without its possessive", () => {
    const text = "Jamie Chen's hygiene tips.";
    const [fix] = helperFixes(text, "Jamie Chen's", (f, range) => [f.allowlist({ type: "name", range, block: 0, start: 0, end: 12, text: "Jamie Chen's", sentence: 0, confidence: 1, owner: "unknown", tied: true })!]);
    expect(fix).toMatchObject({ kind: "allowlist", edits: [], allowlist: { key: "staff", value: "Jamie Chen" } });
  });
});
