// The authorization registry lint (45 CFR 164.508): core elements, expiry, revocation, marketing and ids.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LineIndex, lintRegistry, parseRegistry, type Finding } from "@safeharbor/server/engine";

const file = join(dirname(fileURLToPath(import.meta.url)), "fixtures/authorizations.yaml");
const registry = readFileSync(file, "utf8");
const TODAY = "2025-06-15";

/** Findings as `ruleId@line: source text under the range`, lines 1-based. */
function summary(text: string, findings: Finding[]): string[] {
  const lines = new LineIndex(text);
  return findings.map((f) => `${f.ruleId.replace("safeharbor/registry-", "")}@${lines.position(f.range.start).line + 1}: ${text.slice(f.range.start, f.range.end)}`);
}

describe("lintRegistry", () => {
  it("reports exactly the problems of the fixture registry, each at its entry or key", () => {
    const findings = lintRegistry(registry, file, { today: TODAY });
    expect(summary(registry, findings)).toEqual([
      "expired@30: 2020-01-15",
      "revoked@40: 2024-09-01",
      "missing-element@42: AUTH-2099-005",
      "missing-element@42: AUTH-2099-005",
      "no-expiry@42: AUTH-2099-005",
      "duplicate-id@48: AUTH-2099-001",
      "invalid-value@50: mood",
      "remuneration@51: advertising campaign on social media",
      "invalid-value@54: June 2024",
      "unknown-key@56: expiry",
    ]);
  });

  it("leaves a complete, current entry alone, including one that expires on an event", () => {
    const findings = lintRegistry(registry, file, { today: TODAY });
    const lines = new LineIndex(registry);
    const onFirstTwo = findings.filter((f) => lines.position(f.range.start).line + 1 < 23);
    expect(onFirstTwo).toEqual([]);
  });

  it("names the missing core elements, and takes channels as the recipients", () => {
    const missing = lintRegistry(registry, file, { today: TODAY }).filter((f) => f.ruleId === "safeharbor/registry-missing-element");
    expect(missing.map((f) => f.message)).toEqual([
      expect.stringContaining("`purpose`"),
      expect.stringContaining("`disclosedBy`"),
    ]);
    expect(missing.every((f) => f.severity === "error")).toBe(true);
  });

  it("gives errors for invalid entries, warnings for expired and revoked ones and information about remuneration", () => {
    const bySeverity = Object.fromEntries(lintRegistry(registry, file, { today: TODAY }).map((f) => [f.ruleId, f.severity]));
    expect(bySeverity).toMatchObject({
      "safeharbor/registry-missing-element": "error",
      "safeharbor/registry-no-expiry": "error",
      "safeharbor/registry-duplicate-id": "error",
      "safeharbor/registry-expired": "warning",
      "safeharbor/registry-revoked": "warning",
      "safeharbor/registry-remuneration": "info",
    });
  });

  it("counts an entry as expired only after its expiry date", () => {
    const entry = "- id: A\n  subject: S\n  discloses: [name]\n  purpose: blog\n  channels: [website]\n  disclosedBy: Clinic\n  signed: 2024-01-01\n  expires: 2025-06-15\n";
    expect(lintRegistry(entry, "r.yaml", { today: "2025-06-15" })).toEqual([]);
    expect(summary(entry, lintRegistry(entry, "r.yaml", { today: "2025-06-16" }))).toEqual(["expired@8: 2025-06-15"]);
  });

  it("reports an authorization that expires before it was signed", () => {
    const entry = "- id: A\n  subject: S\n  discloses: [name]\n  purpose: blog\n  channels: [website]\n  disclosedBy: Clinic\n  signed: 2024-01-01\n  expires: 2023-01-01\n";
    expect(summary(entry, lintRegistry(entry, "r.yaml", { today: "2022-01-01" }))).toEqual(["invalid-value@8: 2023-01-01"]);
  });

  it("reports a YAML syntax error at its place and nothing else", () => {
    const text = "authorizations:\n  - id: A\n    subject: [unclosed\n";
    const findings = lintRegistry(text, "r.yaml", { today: TODAY });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.ruleId === "safeharbor/registry-syntax" && f.severity === "error")).toBe(true);
    expect(new LineIndex(text).position(findings[0].range.start).line).toBeGreaterThanOrEqual(2);
  });

  it("reports a registry that is not a list, and an entry that is not a map", () => {
    expect(summary("authorizations: yes\n", lintRegistry("authorizations: yes\n", "r.yaml"))).toEqual(["syntax@1: authorizations"]);
    expect(summary("- just a string\n", lintRegistry("- just a string\n", "r.yaml"))).toEqual(["syntax@1: just a string"]);
  });

  it("accepts an empty registry, a top-level list and an empty list", () => {
    expect(lintRegistry("", "r.yaml")).toEqual([]);
    expect(lintRegistry("# nothing yet\n", "r.yaml")).toEqual([]);
    expect(lintRegistry("[]\n", "r.yaml")).toEqual([]);
    expect(lintRegistry("authorizations: []\n", "r.yaml")).toEqual([]);
  });

  it("never quotes the registry's values in its messages", () => {
    for (const f of lintRegistry(registry, file, { today: TODAY })) {
      const quoted = registry.slice(f.range.start, f.range.end);
      expect(f.message).not.toContain(quoted);
      for (const subject of ["Testy", "Placeholder", "Sam Sample", "Rory", "Alex", "Dana"]) expect(f.message).not.toContain(subject);
    }
  });

  it("agrees with the registry parser on the entries it reads", () => {
    const parsed = parseRegistry(registry, file);
    expect([...parsed.entries.keys()]).toEqual(["AUTH-2099-001", "AUTH-2099-002", "AUTH-2020-003", "AUTH-2099-004", "AUTH-2099-005"]);
  });
});
