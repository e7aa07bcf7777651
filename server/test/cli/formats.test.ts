// The three output formats: the JSON contract, SARIF 2.1.0 for code scanning, and the stylish report.
import { describe, expect, it } from "vitest";
import { formatStylish } from "../../src/cli/formatters/stylish";
import type { FileReport } from "../../src/cli/formatters/types";
import { ENTRY_WITHOUT_PURPOSE, project, run } from "./helpers";

/** A document whose findings come from the engine itself (directive hints), not from the rule catalogue. */
const WITH_DIRECTIVES = [
  "# Office news",
  "",
  "<!-- safeharbor-disable-next-line phi -- nothing to hide here -->",
  "We moved to a bigger building.",
  "",
  "<!-- safeharbor-disable-file -->",
  "",
].join("\n");
const BROKEN_MDX = "# Title\n\n<Card>\n\nunclosed\n";

function layout(): string {
  return project({
    ".safeharbor.json": "{}",
    ".safeharbor/authorizations.yaml": ENTRY_WITHOUT_PURPOSE,
    "posts/news.md": WITH_DIRECTIVES,
    "posts/card.mdx": BROKEN_MDX,
    "posts/clean.txt": "See you soon!\n",
  });
}

describe("--format json", () => {
  it("prints only one JSON array on stdout, one entry per checked file in order, then the registry", async () => {
    const r = await run(layout(), ["check", "posts", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.stdout.endsWith("]\n")).toBe(true);
    const report = JSON.parse(r.stdout) as unknown[];
    expect(Array.isArray(report)).toBe(true);
    expect(report.map((e) => (e as { file: string }).file)).toEqual(["posts/card.mdx", "posts/clean.txt", "posts/news.md", ".safeharbor/authorizations.yaml"]);
  });

  it("gives each file exactly the keys file and findings, and each finding exactly the contract's keys", async () => {
    const report = JSON.parse((await run(layout(), ["check", "posts", "--format", "json"])).stdout) as Record<string, unknown>[];
    const findings = report.flatMap((e) => {
      expect(Object.keys(e).sort()).toEqual(["file", "findings"]);
      expect(typeof e.file).toBe("string");
      return e.findings as Record<string, unknown>[];
    });
    expect(findings.length).toBeGreaterThanOrEqual(4);
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(["fixes", "message", "range", "ruleId", "severity"]);
      expect(typeof f.ruleId).toBe("string");
      expect(["error", "warning", "info", "hint"]).toContain(f.severity);
      expect(typeof f.message).toBe("string");
      const range = f.range as Record<string, Record<string, unknown>>;
      expect(Object.keys(range).sort()).toEqual(["end", "start"]);
      for (const p of [range.start, range.end]) {
        expect(Object.keys(p).sort()).toEqual(["character", "line"]);
        expect(Number.isInteger(p.line) && Number.isInteger(p.character)).toBe(true);
      }
      for (const fix of f.fixes as Record<string, unknown>[]) {
        expect(Object.keys(fix)).toEqual(["title"]);
        expect(typeof fix.title).toBe("string");
      }
    }
  });

  it("gives 0-based line and character positions, as in LSP", async () => {
    const report = JSON.parse((await run(layout(), ["check", "posts/news.md", "--format", "json"])).stdout) as { findings: { ruleId: string; range: unknown; fixes: unknown }[] }[];
    const unused = report[0].findings.find((f) => f.ruleId === "safeharbor/unused-directive");
    expect(unused?.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 65 } });
    expect(unused?.fixes).toEqual([{ title: "Remove the unused directive" }]);
  });

  it("prints an empty array when no file is checked", async () => {
    const r = await run(project({ "notes.html": "x" }), ["check", ".", "--format", "json"]);
    expect(r.stdout).toBe("[]\n");
    expect(r.code).toBe(0);
  });
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    columnKind: string;
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
    }[];
  }[];
}

describe("--format sarif", () => {
  it("prints a SARIF 2.1.0 log with one run whose driver describes every rule with a help link", async () => {
    const r = await run(layout(), ["check", "posts", "--format", "sarif"]);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].columnKind).toBe("utf16CodeUnits");
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe("safeharbor");
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(new Set(driver.rules.map((x) => x.id)).size).toBe(driver.rules.length);
    for (const rule of driver.rules) {
      expect(() => new URL(rule.helpUri)).not.toThrow();
      expect(rule.shortDescription.text).not.toBe("Safe Harbor engine notice");
      expect(["error", "warning", "note", "none"]).toContain(rule.defaultConfiguration.level);
    }
  });

  it("gives every result a rule in the driver, a level, a message and a 1-based region in a relative file", async () => {
    const log = JSON.parse((await run(layout(), ["check", "posts", "--format", "sarif"])).stdout) as SarifLog;
    const { rules } = log.runs[0].tool.driver;
    const results = log.runs[0].results;
    expect(results.length).toBeGreaterThanOrEqual(4);
    for (const res of results) {
      expect(rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(["error", "warning", "note"]).toContain(res.level);
      expect(res.message.text.length).toBeGreaterThan(0);
      expect(res.locations).toHaveLength(1);
      const { artifactLocation, region } = res.locations[0].physicalLocation;
      expect(artifactLocation.uri).not.toMatch(/^\/|\\/);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
    }
    const unused = results.find((x) => x.ruleId === "safeharbor/unused-directive");
    expect(unused?.level).toBe("note");
    expect(unused?.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "posts/news.md" }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 66 } });
    expect(results.some((x) => x.ruleId === "safeharbor/registry-missing-element" && x.level === "error")).toBe(true);
  });

  it("lists every rule of the catalogue in the driver even when nothing is found", async () => {
    const log = JSON.parse((await run(project({ "a.md": "Hello.\n" }), ["check", "a.md", "--format", "sarif"])).stdout) as SarifLog;
    const { rules } = await import("@safeharbor/rules");
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules.map((x) => x.id)).toEqual(rules.map((x) => x.meta.id));
  });
});

describe("--format stylish", () => {
  it("groups findings under their file, with 1-based positions, and ends with a summary line", async () => {
    const r = await run(layout(), ["check", "posts"]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("posts/card.mdx");
    expect(lines[1]).toMatch(/^ {2}3:1 +warning +This file could not be parsed.* {2}safeharbor\/parse-error$/);
    expect(lines).toContain("posts/news.md");
    expect(lines.some((l) => /^ {2}3:1 +hint +.*safeharbor\/unused-directive$/.test(l))).toBe(true);
    expect(lines).toContain(".safeharbor/authorizations.yaml");
    expect(lines).not.toContain("posts/clean.txt");
    expect(lines.at(-1)).toMatch(/^\d+ findings \(\d+ errors?, 1 warning, 0 info, 2 hints\) in 4 files checked$/);
  });

  it("prints no colour codes when stdout is not a terminal", async () => {
    const r = await run(layout(), ["check", "posts"]);
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("colours severities and the summary on a terminal", async () => {
    const r = await run(layout(), ["check", "posts"], { isTTY: true });
    expect(r.stdout).toContain("\u001b[33mwarning");
    expect(r.stdout).toContain("\u001b[31m");
  });

  it("counts in the singular and plural", () => {
    const one: FileReport = { file: "a.md", findings: [{ ruleId: "x/y", severity: "error", message: "m", range: { start: 0, end: 1 }, fixes: [], lineRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] };
    expect(formatStylish([one], false).trimEnd().split("\n").at(-1)).toBe("1 finding (1 error, 0 warnings, 0 info, 0 hints) in 1 file checked");
    expect(formatStylish([], false)).toBe("0 findings (0 errors, 0 warnings, 0 info, 0 hints) in 0 files checked\n");
  });
});
