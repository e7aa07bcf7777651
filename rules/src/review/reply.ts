// Shared by the review and social rules: the range of the whole reply (all of its prose).
import { blockRange, type ContextCue, type OffsetRange, type ParsedDocument } from "@safeharbor/server/engine";

/** Cues with overlapping spans merged into one (so one phrase gives one finding). */
export function mergeCues(cues: readonly ContextCue[]): ContextCue[] {
  const sorted = [...cues].sort((a, b) => a.start - b.start);
  const out: ContextCue[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.start <= last.end) last.end = Math.max(last.end, c.end);
    else out.push({ ...c });
  }
  return out;
}

/** From the first prose character to the last, so a template swap replaces the reply and nothing else. */
export function replyRange(doc: ParsedDocument): OffsetRange {
  const blocks = doc.blocks.filter((b) => b.kind === "paragraph" || b.kind === "heading");
  if (blocks.length === 0) return { start: 0, end: doc.source.length };
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  return { start: blockRange(first).start, end: blockRange(last).end };
}
