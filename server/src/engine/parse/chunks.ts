// Incremental Markdown parsing: the document is cut into independent chunks at blank lines, and
// each chunk's parse is cached by its text, so an edit re-parses only the paragraphs it touched.
import { VersionedCache } from "../cache";
import type { ParsedDocument } from "../types";
import { parseMarkdown, type ParseOptions } from "./markdown";

/** Chunk parses of the last version of each document, and of recently seen text. */
export const chunkCache = new VersionedCache<ParsedDocument>();

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONTMATTER_OPEN = /^(---|\+\+\+)[ \t]*\r?$/;

/**
 * Start offsets of the chunks of a Markdown source. A chunk starts after a blank line at a line
 * that begins at column 0 (not indented, so no list continuation or indented code is cut off),
 * outside fenced code and after the front matter. Chunks parse the same alone as in the whole:
 * CommonMark blocks do not run across such a blank line (lists become separate lists, which
 * changes nothing for prose).
 */
export function chunkStarts(source: string): number[] {
  const starts = [0];
  const lines = source.split("\n");
  let offset = 0;
  let fence: string | undefined;
  let i = 0;
  const firstLine = lines[0] ?? "";
  const fm = FRONTMATTER_OPEN.exec(firstLine);
  if (fm) {
    // skip to the closing front matter line
    offset = firstLine.length + 1;
    for (i = 1; i < lines.length; i++) {
      const line = lines[i];
      offset += line.length + 1;
      if (line.replace(/\r$/, "").trimEnd() === fm[1]) {
        i++;
        break;
      }
    }
  }
  let blankBefore = false;
  for (; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
    } else if (f) {
      if (blankBefore && offset > 0) starts.push(offset);
      fence = f[1];
    } else if (line.trim() === "") {
      blankBefore = true;
      offset += lines[i].length + 1;
      continue;
    } else if (blankBefore && /^[^\s]/.test(line) && !/^\[[^\]]+\]:/.test(line) && offset > 0 && starts[starts.length - 1] !== offset) {
      starts.push(offset);
    }
    blankBefore = false;
    offset += lines[i].length + 1;
  }
  return starts;
}

function shiftRange<T extends { start: number; end: number }>(r: T, by: number): T {
  return { ...r, start: r.start + by, end: r.end + by };
}

/** Chunks shorter than this are merged with the next one: each parse call has a fixed cost. */
const MIN_CHUNK = 1500;

/** Chunk starts with small neighbours merged. */
function mergedStarts(source: string, minChunk: number): number[] {
  const starts = chunkStarts(source);
  const out = [starts[0]];
  for (let i = 1; i < starts.length; i++) if (starts[i] - out[out.length - 1] >= minChunk) out.push(starts[i]);
  return out;
}

/** A chunk's blocks placed at a source offset and block index, reused while the chunk stays put. */
const placed = new WeakMap<ParsedDocument, { start: number; base: number; blocks: ParsedDocument["blocks"] }>();

function placedBlocks(part: ParsedDocument, start: number, base: number): ParsedDocument["blocks"] {
  const last = placed.get(part);
  if (last && last.start === start && last.base === base) return last.blocks;
  const blocks = part.blocks.map((b) => {
    const offsets = new Int32Array(b.offsets.length);
    for (let k = 0; k < offsets.length; k++) offsets[k] = b.offsets[k] + start;
    return { ...b, index: base + b.index, offsets };
  });
  placed.set(part, { start, base, blocks });
  return blocks;
}

/** Parses Markdown chunk by chunk with a parse cache; the result is the same shape as a whole parse. */
export function parseMarkdownIncremental(uri: string, source: string, options: ParseOptions = {}, minChunk = MIN_CHUNK): ParsedDocument {
  const starts = mergedStarts(source, minChunk);
  if (starts.length < 2) return parseMarkdown(uri, source, "markdown", options);
  const doc: ParsedDocument = { uri, language: "markdown", source, blocks: [], images: [], links: [], components: [], comments: [] };
  const keys = options.frontmatterKeys?.length ? JSON.stringify(options.frontmatterKeys) : "";
  const cache = chunkCache.begin(uri);
  for (let c = 0; c < starts.length; c++) {
    const start = starts[c];
    const text = source.slice(start, c + 1 < starts.length ? starts[c + 1] : source.length);
    const key = c === 0 ? `${keys}\u0000${text}` : text;
    let part = cache.get(key);
    if (!part) {
      part = parseMarkdown("chunk.md", text, "markdown", c === 0 ? options : {});
      cache.set(key, part);
    }
    const base = doc.blocks.length;
    doc.blocks.push(...placedBlocks(part, start, base));
    for (const img of part.images) {
      doc.images.push({
        ...img,
        range: shiftRange(img.range, start),
        ...(img.srcRange ? { srcRange: shiftRange(img.srcRange, start) } : {}),
        ...(img.altBlock !== undefined ? { altBlock: img.altBlock + base } : {}),
        ...(img.titleBlock !== undefined ? { titleBlock: img.titleBlock + base } : {}),
        captionBlocks: img.captionBlocks.map((b) => b + base),
      });
    }
    for (const l of part.links) doc.links.push({ ...l, range: shiftRange(l.range, start), ...(l.textBlock !== undefined ? { textBlock: l.textBlock + base } : {}) });
    for (const comp of part.components) {
      const attributes: ParsedDocument["components"][number]["attributes"] = {};
      for (const [k, v] of Object.entries(comp.attributes)) attributes[k] = { value: v.value, range: shiftRange(v.range, start) };
      doc.components.push({ ...comp, range: shiftRange(comp.range, start), attributes, blocks: comp.blocks.map((b) => b + base) });
    }
    for (const cm of part.comments) doc.comments.push({ ...cm, range: shiftRange(cm.range, start) });
    if (c === 0 && part.frontmatter) {
      doc.frontmatter = part.frontmatter;
      if (part.frontmatterRange) doc.frontmatterRange = part.frontmatterRange;
    }
  }
  cache.commit();
  return doc;
}
