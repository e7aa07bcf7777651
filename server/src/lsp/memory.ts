// Keeps the language server's memory flat over long editing sessions. Each keystroke's parse and
// analysis live until the next one (the per-document caches hold them), so they are promoted to the
// old generation and die there. V8 sizes the old generation from how fast the program allocates, and
// a writer typing steadily looks like a fast allocator: it let the heap double over 10,000 edits,
// though the live set after a full collection stayed the same (`npm run bench`, issue 6). A smaller
// growth factor makes V8 collect sooner instead; it cost a few milliseconds on opening a large post
// and nothing measurable per edit.
import { setFlagsFromString } from "node:v8";

/** The old generation may grow this much (percent) past its live size before the next full collection. */
export const HEAP_GROWING_PERCENT = 20;

/** Sets V8's heap growth for this process; call once, at start, from the server's entry point. */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  // A V8 flag: an engine that lacks it ignores it, and the server works as before.
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
