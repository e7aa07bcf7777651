// Finds testimonials: blockquotes with an attribution, testimonial components, front matter
// testimonials and inline "quote" — attribution paragraphs.
import { blockRange } from "../text/range";
import type { OffsetRange, ParsedDocument } from "../types";

/** One testimonial: its quote blocks and, when present, its attribution. */
export interface Testimonial {
  source: "blockquote" | "component" | "frontmatter" | "inline";
  /** Blocks holding the quoted words. */
  quoteBlocks: number[];
  /** Blocks holding the attribution (name, age, town). */
  attributionBlocks: number[];
  /** The whole testimonial in the source. */
  range: OffsetRange;
  /** A photo of the person is part of it (component photo/avatar/image prop). */
  hasPhoto: boolean;
}

const ATTRIBUTION = /^\s*(?:[—–~]|-{1,2}\s)/;
const COMPONENT = /testimonial|review|quote|patientstory|successstory|story/i;
const ATTRIBUTION_PROPS = /^(?:name|author|by|attribution|cite|patient|client|person|reviewer|location|city|town|age|title|role|signature|from)$/i;
const PHOTO_PROPS = /^(?:photo|image|img|avatar|picture|headshot|src|portrait)$/i;
const FRONTMATTER_KEY = /(?:^|\.)(?:testimonials?|quotes?|reviews?)(?:\[|\.|$)/i;

/** Testimonials of a document. */
export function findTestimonials(doc: ParsedDocument): Testimonial[] {
  const out: Testimonial[] = [];
  const used = new Set<number>();
  const span = (blocks: number[]): OffsetRange => {
    const starts = blocks.map((b) => blockRange(doc.blocks[b]).start);
    const ends = blocks.map((b) => blockRange(doc.blocks[b]).end);
    return { start: Math.min(...starts), end: Math.max(...ends) };
  };
  for (const c of doc.components) {
    if (!COMPONENT.test(c.name)) continue;
    const attributionBlocks = c.blocks.filter((b) => ATTRIBUTION_PROPS.test(doc.blocks[b].attribute ?? ""));
    const quoteBlocks = c.blocks.filter((b) => !attributionBlocks.includes(b));
    c.blocks.forEach((b) => used.add(b));
    const hasPhoto = Object.keys(c.attributes).some((k) => PHOTO_PROPS.test(k));
    out.push({ source: "component", quoteBlocks, attributionBlocks, range: c.range, hasPhoto });
  }
  // A whole document declared a testimonial in its front matter, attributed by its own keys
  // (author, name, age, location): the body is the quote.
  if (isTestimonialDocument(doc)) {
    const attributionBlocks = doc.blocks.filter((b) => b.kind === "frontmatter" && !used.has(b.index) && ATTRIBUTION_PROPS.test(b.key ?? "") && !/^title$/i.test(b.key ?? "")).map((b) => b.index);
    const quoteBlocks = doc.blocks.filter((b) => !used.has(b.index) && !attributionBlocks.includes(b.index) && (b.kind === "paragraph" || (b.kind === "frontmatter" && /^(?:procedure|treatment|condition|diagnosis|service|quote|story|summary|description|excerpt)$/i.test(b.key ?? "")))).map((b) => b.index);
    if (attributionBlocks.length && quoteBlocks.length) {
      out.push({ source: "frontmatter", quoteBlocks, attributionBlocks, range: span([...attributionBlocks, ...quoteBlocks]), hasPhoto: false });
      [...attributionBlocks, ...quoteBlocks].forEach((b) => used.add(b));
    }
  }
  // Front matter testimonials: keys under testimonial/quote/review.
  const fm = doc.blocks.filter((b) => b.kind === "frontmatter" && !used.has(b.index) && FRONTMATTER_KEY.test(b.key ?? ""));
  const groups = new Map<string, number[]>();
  for (const b of fm) {
    const group = (b.key ?? "").replace(/\.[^.[\]]+$/, "");
    const list = groups.get(group);
    if (list) list.push(b.index);
    else groups.set(group, [b.index]);
  }
  for (const blocks of groups.values()) {
    const attributionBlocks = blocks.filter((b) => ATTRIBUTION_PROPS.test((doc.blocks[b].key ?? "").split(".").pop() ?? ""));
    out.push({ source: "frontmatter", quoteBlocks: blocks.filter((b) => !attributionBlocks.includes(b)), attributionBlocks, range: span(blocks), hasPhoto: false });
    blocks.forEach((b) => used.add(b));
  }
  // Blockquotes: runs of quoted blocks; an attribution line starts with a dash.
  let run: number[] = [];
  const flush = (): void => {
    if (run.length) {
      const attributionBlocks = run.filter((b) => ATTRIBUTION.test(doc.blocks[b].text) || doc.blocks[b].attribute === "cite");
      const last = doc.blocks[run[run.length - 1]];
      // An attribution may also follow the blockquote directly.
      const next = doc.blocks[last.index + 1];
      if (!attributionBlocks.length && next && !next.quoted && ATTRIBUTION.test(next.text) && next.text.length < 120) attributionBlocks.push(next.index);
      const quoteBlocks = run.filter((b) => !attributionBlocks.includes(b));
      out.push({ source: "blockquote", quoteBlocks, attributionBlocks, range: span([...quoteBlocks, ...attributionBlocks]), hasPhoto: false });
    }
    run = [];
  };
  for (const b of doc.blocks) {
    if (used.has(b.index)) continue;
    if (b.quoted && (b.kind === "paragraph" || b.kind === "html")) {
      if (run.length && b.index !== run[run.length - 1] + 1) flush();
      run.push(b.index);
    } else if (run.length) flush();
  }
  flush();
  // Inline: a paragraph that is a quotation followed by a dash attribution.
  for (const b of doc.blocks) {
    if (b.quoted || used.has(b.index) || b.kind !== "paragraph") continue;
    const m = /^\s*["“][^"”]{20,}["”]\s*(?:[—–~]|-{1,2})\s*\S/.exec(b.text);
    if (!m) continue;
    out.push({ source: "inline", quoteBlocks: [b.index], attributionBlocks: [b.index], range: span([b.index]), hasPhoto: false });
  }
  return out;
}

/** True when the front matter declares the document a testimonial (`kind: testimonial`). */
export function isTestimonialDocument(doc: ParsedDocument): boolean {
  const declared = doc.frontmatter?.kind ?? doc.frontmatter?.type ?? doc.frontmatter?.layout;
  return typeof declared === "string" && /^(?:testimonials?|patient-stor(?:y|ies)|success-stor(?:y|ies)|review)$/i.test(declared);
}
