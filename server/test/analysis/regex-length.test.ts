// Keeps detection patterns readable: no regular expression literal in the analysis modules or the rules is
// longer than 120 characters (write a long pattern as named word lists with analysis/pattern-kit.ts).
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../redos/collect";

const ROOT = join(__dirname, "../../..");
const DIRS = ["server/src/engine/analysis", "rules/src"].map((d) => join(ROOT, d));
const MAX = 120;

/** Regular expression literals of a source file, with their line and length (slashes and flags included). */
function literals(file: string): { line: number; length: number }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: { line: number; length: number }[] = [];
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) out.push({ line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, length: n.getWidth(sf) });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe("regular expression literals", () => {
  const files = sourceFiles(DIRS);

  it("finds the analysis modules and the rules, and their literals", () => {
    expect(files.some((f) => f.endsWith("analysis/cue-data.ts"))).toBe(true);
    expect(files.filter((f) => relative(ROOT, f).startsWith("rules/src/")).length).toBeGreaterThan(10);
    expect(files.flatMap(literals).length).toBeGreaterThan(200);
  });

  it(`are at most ${MAX} characters long in server/src/engine/analysis and rules/src`, () => {
    const long = files.flatMap((f) => literals(f).filter((l) => l.length > MAX).map((l) => `${relative(ROOT, f)}:${l.line} (${l.length} characters)`));
    expect(long).toEqual([]);
  });
});
