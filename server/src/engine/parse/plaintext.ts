// Reads plain-text social copy: paragraphs separated by blank lines; directive lines are comments.
import { linearOffsets } from "../text/align";
import type { ParsedDocument } from "../types";

const DIRECTIVE_LINE = /^[ \t]*(?:(?:\/\/|#|--)[ \t]*)?safeharbor-[a-z-]+\b/;
const LINE = /[^\r\n]*(?:\r\n|\n|\r|$)/g;

/** Splits plain text into paragraph blocks (verbatim slices of the source, so offsets are linear). */
export function parsePlaintext(uri: string, source: string): ParsedDocument {
  const doc: ParsedDocument = { uri, language: "plaintext", source, blocks: [], images: [], links: [], components: [], comments: [] };
  let paraStart = -1;
  let paraEnd = -1;
  const flush = (): void => {
    if (paraStart >= 0) {
      const text = source.slice(paraStart, paraEnd);
      doc.blocks.push({ index: doc.blocks.length, kind: "paragraph", text, offsets: linearOffsets(paraStart, text.length), quoted: false, listItem: false });
    }
    paraStart = -1;
  };
  for (const m of source.matchAll(LINE)) {
    if (!m[0]) break;
    const start = m.index ?? 0;
    let cut = m[0].length;
    while (cut > 0 && (m[0].charCodeAt(cut - 1) === 10 || m[0].charCodeAt(cut - 1) === 13)) cut--;
    const line = m[0].slice(0, cut);
    if (DIRECTIVE_LINE.test(line)) {
      flush();
      doc.comments.push({ text: line.replace(/^[ \t]*(?:\/\/|#|--)?[ \t]*/, ""), range: { start, end: start + line.length } });
    } else if (!line.trim()) {
      flush();
    } else {
      if (paraStart < 0) paraStart = start;
      paraEnd = start + line.length;
    }
  }
  flush();
  return doc;
}
