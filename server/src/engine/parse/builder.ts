// Accumulates prose text and its source offsets into ProseBlocks.
import { alignValue } from "../text/align";
import type { BlockKind, ProseBlock } from "../types";

/** Context inherited by blocks from their ancestors in the syntax tree. */
export interface BlockContext {
  quoted: boolean;
  listItem: boolean;
  component?: string;
}

/** Builds one prose block from text pieces, each aligned to the source. */
export class BlockBuilder {
  private text = "";
  private readonly parts: Int32Array[] = [];
  private lastEnd: number;

  constructor(
    private readonly source: string,
    private readonly start: number,
  ) {
    this.lastEnd = start;
  }

  /** Appends a parsed value that came from `source.slice(start, end)`. */
  append(value: string, start: number, end: number): void {
    if (!value) return;
    const map = alignValue(value, this.source, start, end);
    this.parts.push(map.subarray(0, value.length));
    this.text += value;
    this.lastEnd = map[value.length];
  }

  /** Appends a separator with no source of its own (mapped to the current position). */
  separator(value = " "): void {
    if (!this.text || /\s$/.test(this.text)) return;
    const map = new Int32Array(value.length).fill(this.lastEnd);
    this.parts.push(map);
    this.text += value;
  }

  /** Marks that source up to `offset` has been consumed (skipped markup). */
  advance(offset: number): void {
    if (offset > this.lastEnd) this.lastEnd = offset;
  }

  get isEmpty(): boolean {
    return this.text.trim().length === 0;
  }

  build(index: number, kind: BlockKind, ctx: BlockContext, extra: Partial<ProseBlock> = {}): ProseBlock {
    const offsets = new Int32Array(this.text.length + 1);
    let k = 0;
    for (const p of this.parts) {
      offsets.set(p, k);
      k += p.length;
    }
    offsets[this.text.length] = this.text.length ? this.lastEnd : this.start;
    return {
      index,
      kind,
      text: this.text,
      offsets,
      quoted: ctx.quoted,
      listItem: ctx.listItem,
      ...(ctx.component ? { component: ctx.component } : {}),
      ...extra,
    };
  }
}
