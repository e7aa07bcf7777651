// Runs the examples kept with every context cue: each pattern matches its positive sentences and none of its
// negative ones (as LanguageTool keeps an example with every rule).
import { describe, expect, it } from "vitest";
import { CUE_ENTRIES, CUE_NEEDS } from "../../src/engine/analysis/cue-data";
import { findCues } from "../../src/engine/analysis/cues";

/** Whether a pattern matches anywhere in a text (a fresh copy, so a global pattern's lastIndex never leaks). */
const matchesIn = (re: RegExp, text: string): boolean => new RegExp(re.source, re.flags).test(text);

describe("cue data", () => {
  it("names every entry once and documents it with at least one example each way", () => {
    expect(new Set(CUE_ENTRIES.map((e) => e.name)).size).toBe(CUE_ENTRIES.length);
    for (const e of CUE_ENTRIES) {
      expect(e.about.length, e.name).toBeGreaterThan(10);
      expect(e.matches.length, e.name).toBeGreaterThan(0);
      expect(e.rejects.length, e.name).toBeGreaterThan(0);
    }
  });

  for (const e of CUE_ENTRIES) {
    it(`${e.kind} / ${e.name}: matches its examples and rejects its counter-examples`, () => {
      for (const s of e.matches) expect(matchesIn(e.pattern, s), `should match: ${s}`).toBe(true);
      for (const s of e.rejects) expect(matchesIn(e.pattern, s), `should not match: ${s}`).toBe(false);
    });
  }

  it("lets every positive example through its kind's prefilter, so findCues reports it", () => {
    const needs = new Map(CUE_NEEDS.map((n) => [n.kind, n.pattern]));
    const missed: string[] = [];
    for (const e of CUE_ENTRIES) {
      for (const s of e.matches) {
        const need = needs.get(e.kind);
        if (need && !matchesIn(need, s)) missed.push(`${e.name} prefilter: ${s}`);
        if (!findCues(s).some((c) => c.kind === e.kind)) missed.push(`${e.name} via findCues: ${s}`);
      }
    }
    expect(missed).toEqual([]);
  });
});
