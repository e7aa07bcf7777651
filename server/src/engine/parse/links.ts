// Finds bare URLs and emails in text (GFM autolink literals) with linear scans instead of the GFM extension.

/** A bare URL or email found in text: offsets into the scanned text and the link's URL. */
export interface BareLink {
  start: number;
  end: number;
  url: string;
}

const URL_START = /\b(?:https?:\/\/|www\.)/gi;
/** Characters a bare link does not end with (they are sentence punctuation). */
const TRAILING = new Set([..."?!.,:*_~'\")]"]);
const isSpace = (c: string): boolean => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v" || c === "\u00a0";
const isLocalChar = (c: string): boolean => /[A-Za-z0-9._+-]/.test(c);
const isDomainChar = (c: string): boolean => /[A-Za-z0-9._-]/.test(c);

/**
 * Bare `http(s)://` and `www.` URLs and `name@domain.tld` emails of a text, in order. Each scan
 * stops at white space, `<` or the next `@`, so the whole search is linear in the text's length.
 */
export function bareLinks(text: string): BareLink[] {
  const out: BareLink[] = [];
  let covered = 0;
  for (const m of text.matchAll(URL_START)) {
    const start = m.index ?? 0;
    if (start < covered) continue;
    let end = start + m[0].length;
    while (end < text.length && !isSpace(text[end]) && text[end] !== "<") end++;
    while (end > start + m[0].length && TRAILING.has(text[end - 1])) end--;
    if (end === start + m[0].length) continue;
    const raw = text.slice(start, end);
    out.push({ start, end, url: /^www\./i.test(raw) ? `http://${raw}` : raw });
    covered = end;
  }
  const urls = out.length;
  let k = 0;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && isLocalChar(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && isDomainChar(text[end])) end++;
    while (end > at + 1 && /[._-]/.test(text[end - 1])) end--;
    const domain = text.slice(at + 1, end);
    // Email starts only grow (a scan stops at the previous `@`), so one pointer finds an enclosing URL.
    while (k < urls && out[k].end <= start) k++;
    if (start === at || !/\.[A-Za-z0-9]/.test(domain) || (k < urls && out[k].start <= start)) continue;
    out.push({ start, end, url: `mailto:${text.slice(start, end)}` });
  }
  return out.sort((a, b) => a.start - b.start);
}
