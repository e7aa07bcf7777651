// Runs every fixture document and compares its findings with the expectations beside it.
//
// A fixture is `NAME.md|.mdx|.markdown|.txt` (or, under data/, `.json|.yml|.yaml|.csv|.tsv|.ts`) with `NAME.<ext>.expected.json` next to it: the exact set
// of findings, `[{ "ruleId": "...", "line": 1-based, "text": "source text under the range" }]`. Hints
// are left out of the comparison unless the expectation lists one. `NAME.fixed.<ext>` snapshots are
// compared by the fix tests, not here.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigResolver, createLinter, loadRegistry } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";

const root = dirname(fileURLToPath(import.meta.url));
const linter = createLinter(rules);
const resolver = new ConfigResolver(linter.ruleIds);

interface Expected {
  ruleId: string;
  line: number;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    // fix/ holds before-and-after pairs for the fixes (server/test/fix/snapshots.test.ts), not detection expectations
    if (statSync(p).isDirectory()) return name.startsWith(".") || (dir === root && name === "fix") ? [] : walk(p);
    if (/\.fixed\./.test(name)) return [];
    // data files (JSON, YAML, CSV/TSV, TS modules) are fixtures under data/ only
    const data = /\.(json|ya?ml|csv|tsv|ts)$/.test(name) && !name.endsWith(".expected.json") && !name.startsWith(".") && relative(root, p).split(/[\\/]/)[0] === "data";
    return /\.(md|mdx|markdown|txt)$/.test(name) || data ? [p] : [];
  });
}

const fixtures = walk(root);

describe("fixtures", () => {
  it("has fixtures to run", () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });
  for (const file of fixtures) {
    const name = relative(root, file);
    it(`${name} gives exactly the expected findings, with exact ranges`, () => {
      const text = readFileSync(file, "utf8");
      const config = resolver.forFile(file);
      const result = linter.lint({ uri: file, text, config, registry: loadRegistry(config.authorizationsPath) });
      const expectFile = `${file}.expected.json`;
      const expected: Expected[] = existsSync(expectFile) ? JSON.parse(readFileSync(expectFile, "utf8")) : [];
      const listsHints = expected.some((e) => e.ruleId.startsWith("safeharbor/"));
      const actual = result.findings
        .filter((f) => f.severity !== "hint" || listsHints)
        .map((f) => ({ ruleId: f.ruleId, line: result.lines.position(f.range.start).line + 1, text: text.slice(f.range.start, f.range.end) }));
      const key = (e: Expected): string => `${e.ruleId}@${e.line}:${e.text}`;
      expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
      // Messages never repeat the matched text.
      for (const f of result.findings) {
        const matched = text.slice(f.range.start, f.range.end).trim();
        if (matched.length >= 4) expect(f.message).not.toContain(matched);
      }
    });
  }
});
