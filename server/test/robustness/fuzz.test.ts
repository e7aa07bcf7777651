// Property-based fuzzing: generated and mutated Markdown, MDX and plain text never break the engine.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentText, mutatedDocument, randomText } from "./arbitraries";
import { lintMeasured, timeBound } from "./inputs";

/** The engine's promises for one input: no throw, a bounded time, every range inside the document. */
function holds(text: string, uri: string): void {
  const run = lintMeasured(text, uri);
  expect(run.error).toBeUndefined();
  expect(run.outside).toEqual([]);
  expect(run.ms).toBeLessThan(timeBound(text.length));
}

/** Runs per property; the seed keeps failures reproducible. */
const RUNS = { numRuns: 150, seed: 20261122, endOnFailure: true } as const;

describe("fuzzed documents", () => {
  for (const uri of ["post.md", "post.mdx", "post.txt"]) {
    it(`lints generated ${uri} documents without throwing, in bounded time, with ranges inside the document`, () => {
      fc.assert(fc.property(documentText, (text) => holds(text, uri)), RUNS);
    }, 120_000);

    it(`lints mutated ${uri} documents (NUL, lone surrogates, mixed line ends, cut markup) the same way`, () => {
      fc.assert(fc.property(mutatedDocument, (text) => holds(text, uri)), RUNS);
    }, 120_000);

    it(`lints random UTF-16 text as ${uri} the same way`, () => {
      fc.assert(fc.property(randomText, (text) => holds(text, uri)), { ...RUNS, numRuns: 100 });
    }, 120_000);
  }
});
