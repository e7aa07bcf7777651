// Warms the engine up: the first lint of a process costs ten times the next (regular expressions
// compiled, lexicon look-ups and rule code optimised on first use). A language server lints this
// small sample once it has started, so the first document a writer opens is checked at full speed.
import { forgetDocument } from "./forget";
import type { Linter } from "./lint";

/** A short post that reaches the parser, the detectors, the context cues, the rules and their fixes (fictional). */
const SAMPLE = `---
title: Warm-up
---

# A visit to remember

Our patient Casey Sample, 47, from Exampleton came in on March 3 with knee pain. She started
physical therapy with us and can be reached at (555) 010-0000 or casey@example.com.

> "Two weeks after surgery I was walking again." — C.S., Exampleton

Most adults benefit from regular checkups; results vary. Call our office at (555) 010-0001.
`;

/** Lints the sample once, without the NLP library, and forgets it. Returns the time it took in milliseconds. */
export function warmUp(linter: Linter): number {
  const started = performance.now();
  const uri = "safeharbor-warm-up.md";
  linter.lint({ uri, text: SAMPLE, deferNlp: true });
  forgetDocument(uri);
  return performance.now() - started;
}
