// Fits the fixes of a data file to where their text goes, so the fixed file still parses: a JSON
// or JS string stays escaped, a YAML scalar keeps its style (a plain one that would be misread is
// quoted), a CSV field stays quoted (an unquoted one is quoted when it must be). A directive becomes
// a YAML or JS comment; where a file has no comments (JSON, CSV) or the line is inside a string, the
// fix is left out rather than break the file.
import { recordObject } from "../parse/records";
import type { Fix, OffsetRange, ParsedDocument, StringContainer, TextEdit } from "../types";
import { AUTH_ID_PLACEHOLDER } from "./insertions";
import { lineAt, lineBreakOf } from "./text";

/** The container holding a range, by binary search over containers sorted by start. */
function containerAt(sorted: readonly StringContainer[], range: OffsetRange): StringContainer | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: StringContainer | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].range.start <= range.start) {
      found = sorted[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && range.end <= found.range.end ? found : undefined;
}

/** A YAML plain scalar that would be misread, or change type, if written as is. */
const UNSAFE_PLAIN = /:\s|\s#|^[-?:,[\]{}#&*!|>'"%@`\s]|\s$|[\r\n]|^(?:true|false|null|yes|no|on|off|~|[\d.+-]+)$/i;

/** Text escaped for a quoted container; undefined when the whole container must be rewritten. */
function escapeFor(c: StringContainer, text: string): string | undefined {
  switch (c.style) {
    case "json":
    case "js-double":
    case "yaml-double":
      return JSON.stringify(text).slice(1, -1);
    case "js-single":
      return text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
    case "js-template":
      return text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
    case "yaml-single":
      return /[\r\n]/.test(text) ? undefined : text.replace(/'/g, "''");
    case "yaml-block":
      return text.replace(/\r?\n/g, `\n${c.indent ?? ""}`);
    case "csv-quoted":
      return text.replace(/"/g, '""');
    case "csv-plain":
      return text.includes(c.delimiter ?? ",") || /["\r\n]/.test(text) ? undefined : text;
    case "yaml-plain":
      return /[\r\n]|:\s|\s#/.test(text) ? undefined : text;
    case "number":
      return undefined;
  }
}

/** The edits of one container, escaped, or merged into one rewrite of the whole value when needed. */
function fitContainer(source: string, c: StringContainer, edits: TextEdit[]): TextEdit[] {
  const escaped = edits.map((e) => escapeFor(c, e.newText));
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  if (escaped.every((t) => t !== undefined)) {
    const out = edits.map((e, i) => ({ range: e.range, newText: escaped[i] as string }));
    if (c.style !== "yaml-plain") return out;
    // a plain scalar must not start or end so that YAML reads it differently
    const after = applyWithin(source, c.range, sorted);
    if (!UNSAFE_PLAIN.test(after) || after === "") return out;
  }
  const value = applyWithin(source, c.range, sorted);
  if (c.style === "number") return [{ range: c.range, newText: JSON.stringify(value) }];
  if (c.style === "csv-plain") return [{ range: c.range, newText: `"${value.replace(/"/g, '""')}"` }];
  if (c.style === "yaml-plain" || c.style === "yaml-single") {
    const unfolded = c.style === "yaml-single" ? value.replace(/''/g, "'") : value;
    return [{ range: quotedRange(source, c), newText: JSON.stringify(foldLines(unfolded)) }];
  }
  return edits;
}

/** Lines joined with one space, as YAML folds a plain or single-quoted scalar's line breaks. */
function foldLines(value: string): string {
  const lines = value.split(/\r?\n/);
  return lines.map((l, i) => (i > 0 ? l.trimStart() : l)).map((l, i) => (i < lines.length - 1 ? l.trimEnd() : l)).join(" ");
}

/** A single-quoted scalar's range with its quotes (a plain scalar's is its own). */
function quotedRange(source: string, c: StringContainer): OffsetRange {
  return c.style === "yaml-single" && source[c.range.start - 1] === "'" ? { start: c.range.start - 1, end: c.range.end + 1 } : c.range;
}

/** The raw text of a container with sorted edits applied. */
function applyWithin(source: string, range: OffsetRange, sorted: readonly TextEdit[]): string {
  let out = "";
  let at = range.start;
  for (const e of sorted) {
    out += source.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + source.slice(at, range.end);
}

/** A directive line (written by the plain-text fix builders) as a comment of the data language. */
function commentEdit(doc: ParsedDocument, sorted: readonly StringContainer[], e: TextEdit): TextEdit | undefined {
  const marker = doc.language === "yaml" ? "#" : doc.language === "module" ? "//" : undefined;
  const body = e.newText.trim();
  if (!marker || !body.startsWith("safeharbor-") || /[\r\n]/.test(body) || e.range.start !== e.range.end) return undefined;
  const line = lineAt(doc.source, e.range.start);
  if (line.start !== e.range.start || sorted.some((c) => c.range.start < line.start && line.start <= c.range.end)) return undefined;
  const indent = /^[ \t]*/.exec(doc.source.slice(line.start, line.end))?.[0] ?? "";
  return { range: e.range, newText: `${indent}${marker} ${body.endsWith("-- reason:") ? `${body} ` : body}${lineBreakOf(doc.source)}` };
}

/**
 * The edit that references an authorization in a data record: an `authorization` key added as the
 * record's first key (JSON, JS object literal, YAML mapping), which the record is then read with.
 */
function authorizationKey(doc: ParsedDocument, record: ParsedDocument): TextEdit | undefined {
  const object = recordObject(record);
  if (!object || object.hasAuthorization) return undefined;
  const { source } = doc;
  if (source[object.start] === "{") {
    let first = object.start + 1;
    while (first < source.length && /\s/.test(source[first])) first++;
    const gap = source.slice(object.start + 1, first);
    const key = doc.language === "json" ? `"authorization": "${AUTH_ID_PLACEHOLDER}"` : doc.language === "yaml" ? `authorization: ${AUTH_ID_PLACEHOLDER}` : `authorization: "${AUTH_ID_PLACEHOLDER}"`;
    return { range: { start: first, end: first }, newText: `${key},${gap || " "}` };
  }
  if (doc.language !== "yaml") return undefined;
  // a block mapping: a key line at the column of its first key
  const column = object.start - lineAt(source, object.start).start;
  return { range: { start: object.start, end: object.start }, newText: `authorization: ${AUTH_ID_PLACEHOLDER}${lineBreakOf(source)}${" ".repeat(column)}` };
}

/** The containers of each data document, sorted by start once (a file may have many findings). */
const sortedContainers = new WeakMap<ParsedDocument, StringContainer[]>();

/** Record keys whose whole value is a place: any capitalised value there is read as a town. */
const PLACE_FIELD = /^(?:location|city|town|hometown|neighbou?rhood|county|address)$/i;

/**
 * A testimonial's attribution fix that would write "A patient in <State>" over a whole place field
 * (left after the name was fixed): the field is emptied instead, since whatever stays in it is read as
 * the person's town.
 */
function placeField(fix: Fix, sorted: readonly StringContainer[]): Fix | undefined {
  if (fix.kind !== "deidentify" || fix.edits.length !== 1 || !/^Attribute the testimonial/.test(fix.title)) return undefined;
  const [e] = fix.edits;
  const c = containerAt(sorted, e.range);
  if (!c || !c.field || !PLACE_FIELD.test(c.field) || e.range.start !== c.range.start || e.range.end !== c.range.end) return undefined;
  return { ...fix, title: "Remove the place from the attribution", edits: [{ range: c.range, newText: "" }] };
}

/** Fits every fix of a record's findings to the data file; fixes that cannot be written validly are dropped. */
export function fitDataFixes(doc: ParsedDocument, record: ParsedDocument, fixes: readonly Fix[]): Fix[] {
  let sorted = sortedContainers.get(doc);
  if (!sorted) sortedContainers.set(doc, (sorted = [...(doc.containers ?? [])].sort((a, b) => a.range.start - b.range.start)));
  const out: Fix[] = [];
  for (const original of fixes) {
    const fix = placeField(original, sorted) ?? original;
    if (fix.kind === "authorization") {
      const edit = authorizationKey(doc, record);
      if (edit) out.push({ ...fix, edits: [edit] });
      continue;
    }
    const groups = new Map<StringContainer, TextEdit[]>();
    const loose: TextEdit[] = [];
    let ok = true;
    for (const e of fix.edits) {
      // a directive is a comment line, never text inside a value
      const c = fix.kind === "disable" ? undefined : containerAt(sorted, e.range);
      if (c) {
        const list = groups.get(c);
        if (list) list.push(e);
        else groups.set(c, [e]);
        continue;
      }
      const comment = commentEdit(doc, sorted, e);
      if (comment) loose.push(comment);
      else ok = false;
    }
    if (!ok) continue;
    const edits = [...loose];
    for (const [c, list] of groups) edits.push(...fitContainer(doc.source, c, list));
    edits.sort((a, b) => a.range.start - b.range.start);
    out.push({ ...fix, edits });
  }
  return out;
}
