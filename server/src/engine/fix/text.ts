// Reading the text around a span for fixes: lines, sentence starts, wrappers, labels and connectors.
import type { OffsetRange, TextEdit } from "../types";
import { LineIndex } from "../text/lines";
import { lastSentenceStart, trailingRun, withoutComments } from "../text/scan";

/** The line break a document uses (CRLF when it has any). */
export function lineBreakOf(text: string): string {
  // a data file's many findings ask of the same large source: the answer for the last one is kept
  if (text !== lastBreak.text) lastBreak = { text, value: text.includes("\r\n") ? "\r\n" : "\n" };
  return lastBreak.value;
}

let lastBreak = { text: "", value: "\n" };

/** Bounds of the line holding `at`: `start`, `end` (before the break) and `next` (after the break). */
export function lineAt(source: string, at: number): { start: number; end: number; next: number } {
  if (source[at] === "\n" && source[at - 1] === "\r") at--;
  const index = lineIndexOf(source);
  const line = index.lineOf(at);
  const start = index.lineStart(line);
  const end = index.lineEnd(line);
  const next = line + 1 < index.lineCount ? index.lineStart(line + 1) : source.length;
  return { start, end, next };
}

let lastLines: { source: string; index: LineIndex } | undefined;

/** The line index of a source, kept for the last source seen (fixes of one document ask many times). */
export function lineIndexOf(source: string): LineIndex {
  if (lastLines?.source !== source) lastLines = { source, index: new LineIndex(source) };
  return lastLines.index;
}

/** Markup that may open a line before its prose: quotes, headings, list markers, table pipes, dashes. */
const LINE_MARKUP = /^[ \t]*(?:(?:>[ \t]?)+|#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|\|[ \t]*|[—–―~][ \t]*|--[ \t]*)*[ \t]*/;
/** Inline openers and spaces between a sentence boundary and its first word. */
const OPENERS = /(?<![\s*_~"“‘'([])[\s*_~"“‘'([]+$/;

/** True when `at` begins a sentence, so a replacement there should be capitalised. */
export function atSentenceStart(source: string, at: number): boolean {
  const line = lineAt(source, at);
  const head = source.slice(Math.max(line.start, at - CONTEXT), at);
  const trimmed = head.replace(OPENERS, "");
  if (trimmed === "" || LINE_MARKUP.exec(head)?.[0] === head || LINE_MARKUP.exec(trimmed)?.[0] === trimmed) {
    // Block markup (heading, list item, quote, table cell, attribution dash) opens a fresh phrase.
    if (trimmed.trim() !== "") return true;
    if (line.start === 0) return true;
    const prev = lineAt(source, line.start - 1);
    const prevText = source.slice(prev.start, prev.end).replace(/(?<![\s*_"”’')\]])[\s*_"”’')\]]+$/, "");
    if (prevText.replace(LINE_MARKUP, "").trim() === "") return true;
    if (/^(?:---|\+\+\+)$/.test(prevText.trim())) return true;
    return /[.!?:…]$/.test(prevText);
  }
  // Image alt text opens a fresh phrase.
  if (/!\[[*_]*$/.test(head)) return true;
  // A value at the start of a front matter entry or JSX attribute reads as a fresh phrase.
  if (/^[ \t]*[\w.-]+[ \t]*[:=][ \t]*["']?$/.test(head) || /(?<![\w-])[\w-]+=["']$/.test(head) || /^[ \t]*-[ \t]+["']?$/.test(head)) return true;
  // a sentence ended before the openers, and a space separates them from it
  return /[.!?…]["”’)]*$/.test(trimmed) && /\s/.test(head.slice(trimmed.length));
}

/** Upper-cases the first letter of a text. */
export function capitalize(text: string, cap = true): string {
  if (!cap) return text;
  const i = text.search(/\p{L}/u);
  return i < 0 ? text : text.slice(0, i) + text.charAt(i).toUpperCase() + text.slice(i + 1);
}

/** The word (letters, apostrophes, periods) ending right before `at`, on the same line. */
export function wordBefore(source: string, at: number): { word: string; start: number } | undefined {
  const m = /(?<![\p{L}'’.])([\p{L}][\p{L}'’.]*)[ \t]+$/u.exec(source.slice(Math.max(0, at - 40), at));
  if (!m) return undefined;
  return { word: m[1], start: at - m[0].length };
}

/** Grows a range over markup that wraps it: a Markdown link `[x](url)`, an autolink `<x>`, code. */
export function unwrap(source: string, r: OffsetRange): OffsetRange {
  const { start, end } = r;
  const line = lineAt(source, start);
  const before = source.slice(line.start, start);
  // The text of an inline link, perhaps emphasised (`[**x**](url)`): take the whole link.
  const open = /!?\[(?:\*\*|__|\*|_|`)?$/.exec(before);
  const close = /^(?:\*\*|__|\*|_|`)?\]\(/.exec(source.slice(end, end + 4));
  if (open && close) {
    const paren = source.indexOf(")", end);
    if (paren > 0 && paren < line.end) return { start: start - open[0].length, end: paren + 1 };
  }
  // The URL of an inline link (with or without its scheme): take the whole link.
  const target = /\]\((?:mailto:|tel:)?$/i.exec(before);
  if (target && /^[^)\s]*\)/.test(source.slice(end, line.end))) {
    const bracket = before.lastIndexOf("[", target.index);
    const image = bracket > 0 && before[bracket - 1] === "!" ? 1 : 0;
    if (bracket >= 0) return { start: line.start + bracket - image, end: end + /^[^)\s]*\)/.exec(source.slice(end))![0].length };
  }
  // An autolink `<x>` or `<mailto:x>`.
  const angle = /<(?:mailto:|tel:)?$/i.exec(before);
  if (angle && source[end] === ">") return { start: line.start + angle.index, end: end + 1 };
  if (before.endsWith("`") && source[end] === "`") return { start: start - 1, end: end + 1 };
  return { start, end };
}

/** Determiners that may open a label ("her phone", "the MRN"). */
const DETERMINER = String.raw`(?:her|his|their|my|your|our|the|a|an|patient['’]?s?|su|sus|el|la)\s+`;
/** Words after a label that name it as a number ("# ", "no. ", "number"). */
const NUMBER_WORD = String.raw`(?:\s*(?:#|no\.|nbr\.?|num\.?|number|n[úu]mero|id)\b\.?)?`;
/** Separators between a label and its value. */
const LABEL_SEPARATOR = String.raw`\s*(?::|#|=|-|\bis\b|\bwas\b|\bes\b)?\s*`;
/** Connectors that go with a removed identifier. */
const CONNECTOR = /(?<![ \t])(?:[ \t]+(?:at|via|on|to|is|was|en|a|al|por|de)|[ \t]*:)[ \t]*$/i;

/** True when a text holds no word: only markup, punctuation and spaces. */
export function hasNoWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(withoutComments(text));
}

/**
 * The edit that removes an identifier with its label ("MRN", "DOB", "email:") and connector ("at"),
 * so that the sentence stays grammatical. When nothing of its sentence or line would remain, the
 * sentence or the whole line goes. `limit` bounds the edit (the prose block's span).
 */
/** How far around a removed value the sentence is read (characters). */
const CONTEXT = 400;

export function removalEdit(source: string, value: OffsetRange, labels: string | undefined, limit: OffsetRange): TextEdit {
  const { start: vs, end: ve } = unwrap(source, value);
  const line = lineAt(source, vs);
  // Labels, connectors and punctuation sit right next to a value: a bounded window keeps long
  // single-line paragraphs with many findings linear.
  const lo = Math.max(limit.start, line.start, vs - CONTEXT);
  const lineOfEnd = lineAt(source, ve);
  const hi = Math.min(limit.end, lineOfEnd.end, ve + CONTEXT);
  let start = vs;
  let end = ve;
  let head = source.slice(lo, start);
  if (labels) {
    const re = new RegExp(`(?:^|(?<=[\\s(,;]))(?:${DETERMINER})?(?:${labels})${NUMBER_WORD}${LABEL_SEPARATOR}$`, "iu");
    const m = re.exec(head);
    // A label that is the subject of the sentence ("Her blog <url> tells ...") stays.
    const subject = m && head.length === m[0].length && /^[ \t]+\p{Ll}/u.test(source.slice(end, hi)) && !/[:#=-][ \t]*$/.test(m[0]);
    if (m && m[0].trim() && !subject) {
      start -= m[0].length;
      head = head.slice(0, head.length - m[0].length);
    }
  }
  const tail = source.slice(end, hi);
  let newText = "";
  const paren = /(?<![ \t])[ \t]*\([ \t]*$/.exec(head);
  const comma = /(?<![ \t])[ \t]*[,;][ \t]*$/.exec(head);
  const dash = /(?<![ \t])[ \t]+[—–][ \t]*$/.exec(head);
  if (paren && /^[ \t]*\)/.test(tail)) {
    start -= paren[0].length;
    end += /^[ \t]*\)/.exec(tail)![0].length;
  } else if (comma && /^[ \t]*,/.test(tail)) {
    start -= comma[0].length;
    end += /^[ \t]*,/.exec(tail)![0].length;
  } else if (dash && /^[ \t]*[—–]/.test(tail)) {
    start -= dash[0].length;
    end += /^[ \t]*[—–]/.exec(tail)![0].length;
  } else if (comma) {
    start -= comma[0].length;
  } else if (CONNECTOR.test(head)) {
    start -= CONNECTOR.exec(head)![0].length;
  } else if (head.trim() === "" || /[(\[][ \t]*$/.test(head) || atSentenceStart(source, start)) {
    // Nothing before it in its sentence: take the separator after it, and capitalise what follows.
    const sep = /^(?:[ \t]*[,;:][ \t]*|[ \t]+[—–-][ \t]+|[ \t]+)/.exec(tail);
    if (sep && /^\p{L}/u.test(tail.slice(sep[0].length)) || sep && /^[ \t]*[,;:]/.test(sep[0])) {
      end += sep[0].length;
      const next = source.charAt(end);
      if (/\p{Ll}/u.test(next) && atSentenceStart(source, start) && !/[(\[][ \t]*$/.test(head)) {
        newText = next.toUpperCase();
        end += 1;
      }
    }
  } else if (/[ \t]$/.test(head)) {
    start -= trailingRun(head, " \t");
  }
  // "..., and her email is x." → "...": a conjunction left with nothing to join goes too.
  if (newText === "" && /^[ \t]*(?:[.!?;]|\r?\n|$)/.test(source.slice(end, limit.end))) start -= danglingConjunction(source.slice(Math.max(limit.start, start - 12), start));
  return collapse(source, { range: { start, end }, newText }, limit);
}

/** The length of a conjunction ending `head` with its spaces and comma (", and "), or 0. */
function danglingConjunction(head: string): number {
  const bare = head.slice(0, head.length - trailingRun(head, " \t"));
  const word = /(?<![\p{L}])(?:and|or|but|y|o|pero)$/iu.exec(bare);
  if (!word) return 0;
  const before = bare.slice(0, word.index);
  const gap = trailingRun(before, " \t,");
  return gap > 0 && /[ \t]/.test(before.slice(before.length - gap)) ? head.length - word.index + gap : 0;
}

/** When an edit leaves its sentence or line without words, grows it to take the sentence or line. */
function collapse(source: string, edit: TextEdit, limit: OffsetRange): TextEdit {
  const { start, end } = edit.range;
  const line = lineAt(source, start);
  const lineEnd = lineAt(source, end);
  // A long line keeps words whatever one edit does; only a short one can be left empty.
  if (lineEnd.end - line.start <= 2 * CONTEXT) {
    const lineText = source.slice(line.start, lineEnd.end);
    const rest = source.slice(line.start, start) + edit.newText + source.slice(end, lineEnd.end);
    if (hasNoWords(rest) && !/^\s*\|/.test(lineText)) return { range: { start: line.start, end: lineEnd.next }, newText: "" };
  }
  // The sentence around the edit, within the line and the block (and a bounded window).
  const from0 = Math.max(line.start, limit.start, start - CONTEXT);
  const before = source.slice(from0, start);
  const after = source.slice(end, Math.min(lineEnd.end, limit.end, end + CONTEXT));
  const headAt = lastSentenceStart(before);
  const sentenceHead = headAt >= 0 ? before.slice(headAt) : before;
  const stop = after.search(/[.!?…]/);
  const sentenceTail = stop >= 0 ? after.slice(0, stop + 1) : after;
  if (!hasNoWords(sentenceHead + edit.newText + sentenceTail)) return edit;
  const from = start - sentenceHead.length;
  const to = end + sentenceTail.length;
  const following = /^[ \t]+/.exec(source.slice(to, lineEnd.end));
  if (following && !hasNoWords(source.slice(to, lineEnd.end))) return { range: { start: from, end: to + following[0].length }, newText: "" };
  const preceding = trailingRun(source.slice(from0, from), " \t");
  return { range: { start: from - preceding, end: to }, newText: "" };
}
