// Fixes that insert text: an authorization reference (front matter key, MDX prop or directive) and a
// disable directive with a reason to fill in.
import type { OffsetRange, ParsedDocument, TextEdit } from "../types";
import { trailingRun } from "../text/scan";
import { lineAt, lineBreakOf } from "./text";

/** The id written by an authorization-reference fix, for the writer to replace. */
export const AUTH_ID_PLACEHOLDER = "AUTH-ID";

/** The comment syntax of a document's language around a directive body. */
export function directiveComment(language: ParsedDocument["language"], body: string): string {
  if (language === "plaintext") return body;
  if (language === "mdx") return `{/* ${body} */}`;
  return `<!-- ${body} -->`;
}

const BLANK = /^[ \t]*(?:>[ \t]*)*$/;
const QUOTE_PREFIX = /^(?:[ \t]{0,3}>[ \t]?)+/;

/** True when the line at `start` is blank (a bare `>` counts as blank inside a blockquote). */
function isBlank(source: string, start: number): boolean {
  const line = lineAt(source, start);
  return BLANK.test(source.slice(line.start, line.end));
}

/** The start of the first line of the block holding `at` (after the previous blank line or front matter). */
function blockStart(doc: ParsedDocument, at: number): number {
  const floor = doc.frontmatterRange ? lineAt(doc.source, doc.frontmatterRange.end).next : 0;
  const memo = blockStartMemo(doc.source);
  let line = lineAt(doc.source, at);
  const walked: number[] = [];
  let found: number | undefined;
  while (line.start > floor) {
    const known = memo.get(line.start);
    if (known !== undefined) {
      found = known;
      break;
    }
    walked.push(line.start);
    const prev = lineAt(doc.source, line.start - 1);
    if (isBlank(doc.source, prev.start) || /^[ \t]*(?:```|~~~)/.test(doc.source.slice(prev.start, prev.end))) break;
    line = prev;
  }
  const start = found ?? Math.max(line.start, floor);
  for (const w of walked) memo.set(w, start);
  return start;
}

let lastMemo: { source: string; starts: Map<number, number> } | undefined;

/** Block starts already found for lines of the last source (many findings share a block). */
function blockStartMemo(source: string): Map<number, number> {
  if (lastMemo?.source !== source) lastMemo = { source, starts: new Map() };
  return lastMemo.starts;
}

/** The smallest MDX component whose range holds `range`. */
function componentAround(doc: ParsedDocument, range: OffsetRange): ParsedDocument["components"][number] | undefined {
  return doc.components
    .filter((c) => c.range.start <= range.start && range.end <= c.range.end && c.name)
    .sort((a, b) => a.range.end - a.range.start - (b.range.end - b.range.start))[0];
}

/** The edit that adds an authorization id to existing front matter; undefined when there is none. */
function frontmatterAuthorization(doc: ParsedDocument, nl: string): TextEdit | undefined {
  const fm = doc.frontmatterRange;
  if (!fm || doc.language === "plaintext") return undefined;
  const { source } = doc;
  const toml = source.startsWith("+++", fm.start);
  const open = lineAt(source, fm.start);
  const close = lineAt(source, fm.end - 1);
  const body = source.slice(open.next, close.start);
  const key = toml
    ? /^(authorizations?)[ \t]*=(.*)$/m.exec(body)
    : /^(authorizations?)[ \t]*:(.*)$/m.exec(body);
  if (!key) {
    if (toml) return { range: { start: open.next, end: open.next }, newText: `authorization = "${AUTH_ID_PLACEHOLDER}"${nl}` };
    return { range: { start: close.start, end: close.start }, newText: `authorization: ${AUTH_ID_PLACEHOLDER}${nl}` };
  }
  const keyStart = open.next + key.index;
  const raw = key[2];
  const valueStart = keyStart + key[0].length - raw.length + (raw.length - raw.trimStart().length);
  const hash = raw.search(/[ \t]#/);
  const value = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
  const valueEnd = valueStart + value.length;
  if (/^\[.*\]$/.test(value)) {
    const at = valueStart + value.lastIndexOf("]");
    const empty = /^\[\s*\]$/.test(value);
    const item = toml ? `"${AUTH_ID_PLACEHOLDER}"` : AUTH_ID_PLACEHOLDER;
    return { range: { start: at, end: at }, newText: empty ? item : `, ${item}` };
  }
  if (value === "" && !toml) {
    // A block sequence: add an item after the last one.
    const keyLine = lineAt(source, keyStart);
    let last = keyLine;
    let indent = "  ";
    for (let next = keyLine.next; next < close.start; ) {
      const line = lineAt(source, next);
      const item = /^([ \t]*)-[ \t]/.exec(source.slice(line.start, line.end));
      if (!item) break;
      indent = item[1];
      last = line;
      next = line.next;
    }
    return { range: { start: last.end, end: last.end }, newText: `${nl}${indent}- ${AUTH_ID_PLACEHOLDER}` };
  }
  const item = toml ? `"${AUTH_ID_PLACEHOLDER}"` : AUTH_ID_PLACEHOLDER;
  return { range: { start: valueStart, end: valueEnd }, newText: `[${value}, ${item}]` };
}

/**
 * The edit that references an authorization for the text at `range`: a front matter key when the
 * document has front matter (YAML `authorization: AUTH-ID`, TOML `authorization = "AUTH-ID"`, added to
 * an existing list), else an `authorization` prop on the MDX component around it, else a directive
 * before the block (`<!-- -->` in Markdown, `{/* *\/}` in MDX, a plain line in text files).
 */
export function authorizationEdit(doc: ParsedDocument, range: OffsetRange): TextEdit {
  const nl = lineBreakOf(doc.source);
  const fm = frontmatterAuthorization(doc, nl);
  if (fm) return fm;
  const component = doc.language === "mdx" ? componentAround(doc, range) : undefined;
  if (component) {
    const existing = component.attributes.authorization;
    if (existing) return { range: { start: existing.range.end, end: existing.range.end }, newText: `${existing.value.trim() ? " " : ""}${AUTH_ID_PLACEHOLDER}` };
    const at = component.range.start + 1 + component.name.length;
    return { range: { start: at, end: at }, newText: ` authorization="${AUTH_ID_PLACEHOLDER}"` };
  }
  const start = blockStart(doc, range.start);
  const line = lineAt(doc.source, start);
  const prefix = QUOTE_PREFIX.exec(doc.source.slice(line.start, line.end))?.[0] ?? "";
  return { range: { start, end: start }, newText: `${prefix}${directiveComment(doc.language, `safeharbor-authorization ${AUTH_ID_PLACEHOLDER}`)}${nl}` };
}

/** True when the line at `start` opens its block: nothing but blank lines or front matter before it. */
function opensBlock(doc: ParsedDocument, start: number): boolean {
  return blockStart(doc, start) === lineAt(doc.source, start).start;
}

/**
 * The edits that disable a rule for the line holding `range`, with `-- reason: ` to complete. The
 * first line of a paragraph or heading gets `disable-next-line` on a line of its own before it; a list
 * item, a table row or a line inside a paragraph gets `disable-line` at its end, so the Markdown renders
 * the same; a multi-line MDX element is wrapped in `disable`/`enable`; front matter gets a comment line.
 */
export function disableEdits(doc: ParsedDocument, ruleId: string, range: OffsetRange): TextEdit[] {
  const { source, language } = doc;
  const nl = lineBreakOf(source);
  const line = lineAt(source, range.start);
  const text = source.slice(line.start, line.end);
  const reason = "-- reason: ";
  const fm = doc.frontmatterRange;
  if (fm && range.start >= fm.start && range.start < fm.end) {
    const indent = /^[ \t]*/.exec(text)![0];
    return [{ range: { start: line.start, end: line.start }, newText: `${indent}# safeharbor-disable-next-line ${ruleId} ${reason}${nl}` }];
  }
  if (language === "plaintext") {
    return [{ range: { start: line.start, end: line.start }, newText: `safeharbor-disable-next-line ${ruleId} ${reason}${nl}` }];
  }
  const component = language === "mdx" ? componentAround(doc, range) : undefined;
  if (component && lineAt(source, component.range.start).start !== line.start && /^[ \t]*$/.test(source.slice(lineAt(source, component.range.start).start, component.range.start))) {
    const open = lineAt(source, component.range.start);
    const indent = source.slice(open.start, component.range.start);
    return [
      { range: { start: open.start, end: open.start }, newText: `${indent}${directiveComment(language, `safeharbor-disable ${ruleId} ${reason}`)}${nl}` },
      { range: { start: component.range.end, end: component.range.end }, newText: `${nl}${indent}${directiveComment(language, `safeharbor-enable ${ruleId}`)}` },
    ];
  }
  const unquoted = text.replace(/^[ \t>]+/, "");
  const listItem = /^(?:[-*+]|\d{1,9}[.)])[ \t]/.test(unquoted);
  const tableRow = unquoted.startsWith("|") || text.trimEnd().endsWith("|");
  if (opensBlock(doc, line.start) && !listItem && !tableRow) {
    const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(text)![0];
    return [{ range: { start: line.start, end: line.start }, newText: `${prefix}${directiveComment(language, `safeharbor-disable-next-line ${ruleId} ${reason}`)}${nl}` }];
  }
  const comment = directiveComment(language, `safeharbor-disable-line ${ruleId} ${reason}`);
  if (tableRow && text.trimEnd().endsWith("|")) {
    const pipe = text.trimEnd().length - 1;
    const at = line.start + pipe - trailingRun(text.slice(0, pipe), " \t");
    return [{ range: { start: at, end: at }, newText: ` ${comment}` }];
  }
  // Before trailing spaces or a backslash, so a hard line break stays one.
  const spaces = trailingRun(text, " \t");
  const body = text.slice(0, text.length - spaces);
  const at = line.start + (body.endsWith("\\") ? body.length - 1 - trailingRun(body.slice(0, -1), " \t") : body.length);
  return [{ range: { start: at, end: at }, newText: ` ${comment}` }];
}
