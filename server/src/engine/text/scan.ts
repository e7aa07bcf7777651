// Small linear scans that replace end-anchored regular expressions (which backtrack quadratically).

const SPACE = /\s/;

/** Index just after the last non-white-space character of `text` before `end`. */
export function trimmedEnd(text: string, end = text.length): number {
  let i = end;
  while (i > 0 && SPACE.test(text[i - 1])) i--;
  return i;
}

/**
 * True when `at` starts a sentence: only white space before it, or a line break, or sentence
 * punctuation followed by white space, or an opening quote or parenthesis.
 */
export function atSentenceStart(text: string, at: number): boolean {
  let i = at;
  let crossedSpace = false;
  while (i > 0 && (text[i - 1] === " " || text[i - 1] === "\t" || text[i - 1] === "\r")) {
    i--;
    crossedSpace = true;
  }
  if (i === 0) return true;
  const c = text[i - 1];
  if (c === "\n" || c === '"' || c === "\u201c" || c === "(") return true;
  return crossedSpace && (c === "." || c === "!" || c === "?" || c === ":");
}

/** The run of letters and dots that ends `text` ("Dr", "e.g", "K.M"), or "" when it ends otherwise. */
export function trailingWord(text: string): string {
  let i = text.length;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1])) i--;
  while (i < text.length && text[i] === ".") i++;
  return text.slice(i);
}

/** Length of the run at the end of `text` made only of characters in `chars`. */
export function trailingRun(text: string, chars: string): number {
  let i = text.length;
  while (i > 0 && chars.includes(text[i - 1])) i--;
  return text.length - i;
}

/** `text` without HTML comments and MDX comment expressions, removed by a linear scan. */
export function withoutComments(text: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const html = text.indexOf("<!--", i);
    const mdx = text.indexOf("{/*", i);
    const at = html < 0 ? mdx : mdx < 0 ? html : Math.min(html, mdx);
    if (at < 0) return out + text.slice(i);
    const close = at === html ? text.indexOf("-->", at + 4) : text.indexOf("*/}", at + 3);
    if (close < 0) return out + text.slice(i);
    out += text.slice(i, at);
    i = close + 3;
  }
}

/** Offset in `text` where the sentence that runs to its end begins (after the last ". ", "! ", "? "), or -1. */
export function lastSentenceStart(text: string): number {
  let i = text.length;
  while (i > 0 && !".!?\u2026".includes(text[i - 1])) i--;
  if (i === 0) return 0;
  let j = i;
  while (j < text.length && "\"\u201d\u2019)".includes(text[j])) j++;
  if (j >= text.length || (text[j] !== " " && text[j] !== "\t")) return -1;
  while (j < text.length && (text[j] === " " || text[j] === "\t")) j++;
  return j;
}
