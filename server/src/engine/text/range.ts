// Maps a span of prose text to its source range, tight around the characters (no trailing markup).
import type { OffsetRange, ProseBlock } from "../types";

/**
 * The source range of prose characters [start, end) of a block. The end is one past the last
 * character's own source offset, so markup after the span ("**" closing a bold name) is left out.
 */
export function proseRange(block: Pick<ProseBlock, "offsets" | "text">, start: number, end: number): OffsetRange {
  const s = block.offsets[Math.min(start, block.text.length)];
  if (end <= start) return { start: s, end: s };
  const last = block.offsets[Math.min(end, block.text.length) - 1];
  const code = block.text.charCodeAt(end - 1);
  // a character that has no source of its own (a separator) maps to the position after its predecessor
  return { start: s, end: Math.max(s, code >= 0xd800 && code <= 0xdbff ? last + 2 : last + 1) };
}

/** The source range of a whole block, without trailing white space. */
export function blockRange(block: Pick<ProseBlock, "offsets" | "text">): OffsetRange {
  return proseRange(block, 0, block.text.trimEnd().length);
}
