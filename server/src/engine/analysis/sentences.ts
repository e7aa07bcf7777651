// Splits prose into sentences without NLP: punctuation, line breaks, and common abbreviations.
import { trailingWord } from "../text/scan";

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  "dr", "mr", "mrs", "ms", "mx", "pt", "st", "ste", "apt", "jr", "sr", "prof", "rev", "gen", "col", "lt", "sgt", "capt",
  "no", "vs", "etc", "e.g", "i.e", "approx", "dept", "est", "inc", "ltd", "co", "corp", "ave", "blvd", "rd", "ln",
  "mt", "ft", "fl", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
  "a.m", "p.m", "ph.d", "m.d", "d.d.s", "d.o", "n.p", "p.a", "r.n", "lpn", "fig", "vol", "pp", "ca", "min", "max",
]);

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Sentence spans of a text (prose offsets), trimmed of surrounding white space. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      // A line break ends a sentence when the next line looks like a new one (list-like copy, social posts).
      const next = text.slice(i + 1).match(/^\s*(\S)/)?.[1] ?? "";
      const prev = text.slice(start, i).trimEnd();
      // A long line that stops mid-sentence is hard-wrapped prose: the sentence goes on ("Example Health\nPPO").
      const lineStart = text.lastIndexOf("\n", i - 1) + 1;
      const wrapped = i - lineStart >= 60 && /[A-Za-z,]$/.test(prev) && /[A-Za-z0-9]/.test(next);
      if (/[.!?:;…]$/.test(prev) || (/[A-Z0-9@#"“—[-]/.test(next) && !wrapped) || prev.length === 0) push(i + 1);
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue;
    let j = i + 1;
    while (j < text.length && /[.!?…"'”’)\]]/.test(text[j])) j++;
    if (j < text.length && !/\s/.test(text[j])) continue;
    if (c === ".") {
      const word = trailingWord(text.slice(Math.max(start, i - 12), i));
      if (ABBREVIATIONS.has(word.toLowerCase())) continue;
      // Initials ("K.M.", "J. Smith") do not end a sentence.
      if (/^[A-Z]$/.test(word) || /^(?:[A-Z]\.)+[A-Z]$/.test(word)) continue;
      const after = text.slice(j).match(/^\s+(\S)/)?.[1] ?? "";
      if (after && /[a-z]/.test(after)) continue;
    }
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}
