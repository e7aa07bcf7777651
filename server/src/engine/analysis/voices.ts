// Whose words a sentence is, in a reply: the review or comment being answered (quoted above the
// reply, in a blockquote, in quotation marks, or on a "[Comment from @someone]" line of a thread) is
// the other person's own text, not the practice's disclosure.
import type { ParsedDocument } from "../types";
import { rx } from "./pattern-kit";
import type { DocumentKind, SentenceInfo } from "./types";

/** A line that introduces the practice's answer: "Response from the owner:", "Our reply:". */
export const REPLY_MARKER = rx("i", /^(?:(?:our|the|owner(?:'s)?|practice(?:'s)?|business)\s)?/, /(?:response|reply|answer)(?:\sfrom\s(?:the\s)?[\w'’ .&-]{1,40})?\s?:?$/);
/** A line that labels the review: "Reviewer: Jordan M. ★☆☆☆☆", "Review (Google, 1 star):". */
const REVIEW_LABEL = /^(?:original\s)?(?:review(?:er)?|rating|posted by|comment(?:er)?|customer|patient review)\b[^:\n]{0,40}:/i;
/** A thread line written by someone else: "[Comment from @dana]", "Question from Sam:", "Review by J.M. —". */
const OTHER_VOICE_LINE = /^\s*\[?(?:comment|review|question|message|dm|mention|tweet|tag)s?\s(?:from|by)\b[^\]\n:]{0,60}[\]:]/i;
/** A paragraph that is one quotation from start to end. */
const WHOLLY_QUOTED = /^\s*["“][^"“”]*["”]\s*$/;

/** The sentences of a reply document that quote the review or comments it answers. */
export function quotedSentences(doc: ParsedDocument, kind: DocumentKind, sentences: readonly SentenceInfo[]): Set<number> {
  const out = new Set<number>();
  if (kind !== "review-reply" && kind !== "social" && kind !== "comment-reply") return out;
  const prose = doc.blocks.filter((b) => b.kind !== "frontmatter");
  const marker = prose.findIndex((b) => REPLY_MARKER.test(b.text.trim()));
  const whole = new Set(prose.filter((b, i) => (marker >= 0 && i <= marker) || b.quoted || REVIEW_LABEL.test(b.text.trim()) || WHOLLY_QUOTED.test(b.text)).map((b) => b.index));
  // Everything quoted and nothing else: it is the reply itself, quoted for some reason.
  if (whole.size === prose.length) whole.clear();
  // Lines of other people in a thread: each sentence that starts on such a line.
  const otherLines = new Map<number, { start: number; end: number }[]>();
  for (const b of prose) {
    if (!/[:\]]/.test(b.text)) continue;
    let at = 0;
    for (const line of b.text.split("\n")) {
      if (OTHER_VOICE_LINE.test(line)) {
        const list = otherLines.get(b.index);
        if (list) list.push({ start: at, end: at + line.length });
        else otherLines.set(b.index, [{ start: at, end: at + line.length }]);
      }
      at += line.length + 1;
    }
  }
  for (const s of sentences) {
    if (whole.has(s.block) || startsOnLine(otherLines.get(s.block), s.start)) out.add(s.index);
  }
  return out;
}

/** True when an offset lies on one of some sorted, disjoint lines (binary search: threads can be long). */
function startsOnLine(lines: { start: number; end: number }[] | undefined, offset: number): boolean {
  if (!lines) return false;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < lines[mid].start) hi = mid - 1;
    else if (offset >= lines[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}
