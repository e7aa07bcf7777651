// Context cues: phrases that tell who a sentence is about (a specific patient, the reader's own care,
// general education, staff, a public figure) and what a reply or claim is doing.
import { CUE_ENTRIES, CUE_NEEDS } from "./cue-data";
import type { ContextCue, ContextCueKind } from "./types";

/** Cue patterns, in the order they run (the patterns, their documentation and examples live in cue-data.ts). */
const CUES: [ContextCueKind, RegExp][] = CUE_ENTRIES.map((e) => [e.kind, e.pattern]);

/** Words one of which a cue's text must contain; a paragraph without any skips the cue's patterns. */
const NEEDS: Partial<Record<ContextCueKind, RegExp>> = Object.fromEntries(CUE_NEEDS.map((n) => [n.kind, n.pattern]));

/** Cues of one text, in prose offsets. */
export function findCues(text: string): ContextCue[] {
  const out: ContextCue[] = [];
  const possible = new Map<ContextCueKind, boolean>();
  for (const [kind, re] of CUES) {
    const need = NEEDS[kind];
    if (need) {
      let v = possible.get(kind);
      if (v === undefined) possible.set(kind, (v = need.test(text)));
      if (!v) continue;
    }
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      out.push({ kind, start, end: start + m[0].trimEnd().length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
