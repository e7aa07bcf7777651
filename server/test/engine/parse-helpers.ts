// Helpers for parser tests: parse a source and read its blocks as (kind, text) pairs with checked offsets.
import { expect } from "vitest";
import { parseDocument, type Language, type ParsedDocument, type ProseBlock } from "@safeharbor/server/engine";

/** Parses a source as a file of the given language with optional front matter keys. */
export function parse(source: string, language: Language = "markdown", frontmatterKeys?: string[]): ParsedDocument {
  return parseDocument(language === "mdx" ? "doc.mdx" : language === "plaintext" ? "doc.txt" : "doc.md", source, language, frontmatterKeys ? { frontmatterKeys } : {});
}

/** `kind: text` of every block, in document order. */
export function blocks(doc: ParsedDocument): string[] {
  return doc.blocks.map((b) => `${b.kind}: ${b.text}`);
}

/** The source text a span of a block's prose maps to. */
export function sourceOf(doc: ParsedDocument, block: ProseBlock, start: number, end: number): string {
  return doc.source.slice(block.offsets[start], block.offsets[end - 1] + 1);
}

/**
 * Asserts the offset map of every block: each prose character that is not whitespace sits at its
 * offset in the source, offsets never decrease, and the end offset is past the last visible character.
 */
export function expectExactOffsets(doc: ParsedDocument): void {
  for (const b of doc.blocks) {
    expect(b.offsets.length).toBe(b.text.length + 1);
    for (let i = 0; i < b.text.length; i++) {
      if (i > 0) expect(b.offsets[i], `block ${b.index} char ${i}`).toBeGreaterThanOrEqual(b.offsets[i - 1]);
      if (/\s/.test(b.text[i])) continue;
      expect(doc.source[b.offsets[i]], `block ${b.index} "${b.text}" char ${i}`).toBe(b.text[i]);
    }
    const last = b.text.length - 1;
    if (last >= 0) expect(b.offsets[last + 1]).toBeGreaterThanOrEqual(b.offsets[last] + (/\s/.test(b.text[last]) ? 0 : 1));
  }
}

/** Finds the block containing a phrase and returns the source under the phrase. */
export function sourceOfPhrase(doc: ParsedDocument, phrase: string): string {
  const block = doc.blocks.find((b) => b.text.includes(phrase));
  if (!block) throw new Error(`no block contains ${phrase}`);
  const i = block.text.indexOf(phrase);
  return doc.source.slice(block.offsets[i], block.offsets[i + phrase.length - 1] + 1);
}
