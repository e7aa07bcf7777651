// Every fixture with a `NAME.fixed.<ext>` beside it fixes to that text, which re-lints clean of the fixed findings.
//
// To write snapshots after reviewing the fixes: `SAFEHARBOR_WRITE_FIXED=1 npx vitest run server/test/fix/snapshots.test.ts`
// rewrites the existing `.fixed` files (review the diff before committing).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createLinter, dataLanguageOf, fixAll, parseDocument, type Finding, type Linter } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";
import { runSnapshot, snapshotPairs } from "./snapshots";
import { mentionRule } from "./support";

const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), "../../../test-fixtures");
const linter = createLinter(rules);

/** The checks every snapshot passes; returns the fixed text. */
function expectSnapshot(l: Linter, source: string, fixedFile: string): void {
  expect(existsSync(source), `${source} is missing beside its .fixed snapshot`).toBe(true);
  const run = runSnapshot(l, source);
  if (process.env.SAFEHARBOR_WRITE_FIXED === "1") writeFileSync(fixedFile, run.after);
  expect(run.after).toBe(readFileSync(fixedFile, "utf8"));
  const key = (f: { ruleId: string; text: string }): string => `${f.ruleId}:${f.text}`;
  const left = new Set(run.relinted.map((f: Finding) => key({ ruleId: f.ruleId, text: run.after.slice(f.range.start, f.range.end) })));
  for (const f of run.fixed) expect(left.has(key(f)), `${key(f)} is still reported after the fix`).toBe(false);
  expect(fixAll(run.after, run.relinted).text).toBe(run.after);
  if (source.endsWith(".mdx")) expect(parseDocument(source, run.after, "mdx").parseError).toBeUndefined();
  // a fixed data file still parses, and keeps every record it had
  const data = dataLanguageOf(source);
  if (data) {
    const fixed = parseDocument(source, run.after, data);
    expect(fixed.parseError, `${source} no longer parses after fixing`).toBeUndefined();
    expect(fixed.records?.length).toBe(parseDocument(source, run.before, data).records?.length);
  }
}

describe("fixed snapshots of the fixtures", () => {
  const pairs = snapshotPairs(fixturesRoot);
  it("pairs every snapshot with a fixture beside it", () => {
    for (const p of pairs) expect(existsSync(p.source), relative(fixturesRoot, p.fixed)).toBe(true);
  });
  for (const pair of pairs) {
    it(`${relative(fixturesRoot, pair.source)} fixes to its snapshot, which re-lints without the fixed findings`, () => {
      expectSnapshot(linter, pair.source, pair.fixed);
    });
  }
});

describe("the snapshot runner", () => {
  it("finds snapshots beside their fixtures and checks them with a rule catalogue", () => {
    const dir = mkdtempSync(join(tmpdir(), "safeharbor-fixed-"));
    writeFileSync(join(dir, "visit.md"), "Tobias Wren came in on 03/14.\n");
    writeFileSync(join(dir, "visit.fixed.md"), "A patient came in recently.\n");
    const pairs = snapshotPairs(dir);
    expect(pairs.map((p) => relative(dir, p.source))).toEqual(["visit.md"]);
    const testLinter = createLinter([mentionRule([{ find: "Tobias Wren", type: "name" }, { find: "03/14", type: "date" }])]);
    expectSnapshot(testLinter, pairs[0].source, pairs[0].fixed);
  });
});
