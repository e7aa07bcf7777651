// Reads a social calendar exported as CSV or TSV (Buffer, Hootsuite, Later, Sprout Social, Meta
// Business Suite): csv-parse reads the records and says where each one ends; within a record the
// cells are located exactly, quoted fields and embedded line breaks included.
import { parse } from "csv-parse/sync";
import type { OffsetRange, StringContainer } from "../types";

/** One cell of the calendar: its header, decoded text, exact offsets and the field around it. */
export interface CsvCell {
  row: number;
  column: string;
  value: string;
  offsets: Int32Array;
  container: StringContainer;
}

/** Header names (lower case) whose cells are post text, by scheduler: the default `columns`. */
export const DEFAULT_POST_COLUMNS: readonly string[] = [
  // Buffer
  "text", "first comment", "link", "alt text",
  // Hootsuite
  "message", "link url", "alt text (image)",
  // Later
  "caption", "first comment text",
  // Sprout Social
  "post", "post text", "message text", "image alt text",
  // Meta Business Suite and general
  "content", "body", "copy", "post copy", "description", "comment", "comments", "title", "headline", "url", "post link", "alt",
];

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is not closed",
  INVALID_OPENING_QUOTE: "a quote inside an unquoted field",
  CSV_INVALID_OPENING_QUOTE: "a quote inside an unquoted field",
  CSV_INVALID_CLOSING_QUOTE: "text after the closing quote of a field",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "a row with a different number of fields",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "text after the closing quote of a field",
};

interface CsvInfo {
  bytes: number;
}

/** UTF-16 offset of a UTF-8 byte count, walking forward from a known pair (records come in order). */
class ByteCursor {
  private char = 0;
  private byte = 0;
  constructor(private readonly source: string) {}

  charAt(bytes: number): number {
    const s = this.source;
    while (this.byte < bytes && this.char < s.length) {
      const c = s.charCodeAt(this.char);
      if (c < 0x80) this.byte += 1;
      else if (c < 0x800) this.byte += 2;
      else if (c >= 0xd800 && c <= 0xdbff && this.char + 1 < s.length) {
        this.byte += 4;
        this.char++;
      } else this.byte += 3;
      this.char++;
    }
    return this.char;
  }
}

/** The fields of one record between `start` and `end`: where each cell's text is, quoted or not. */
function fieldsOf(source: string, start: number, end: number, delimiter: string): { range: OffsetRange; quoted: boolean }[] {
  const out: { range: OffsetRange; quoted: boolean }[] = [];
  let i = start;
  for (;;) {
    if (source[i] === '"') {
      let j = i + 1;
      while (j < end && !(source[j] === '"' && source[j + 1] !== '"')) j += source[j] === '"' ? 2 : 1;
      out.push({ range: { start: i + 1, end: j }, quoted: true });
      i = j + 1;
      while (i < end && source[i] !== delimiter && source[i] !== "\n" && source[i] !== "\r") i++;
    } else {
      let j = i;
      while (j < end && source[j] !== delimiter && source[j] !== "\n" && source[j] !== "\r") j++;
      out.push({ range: { start: i, end: j }, quoted: false });
      i = j;
    }
    if (i >= end || source[i] !== delimiter) return out;
    i++;
  }
}

/** Offsets of a field's decoded value: a quoted field's `""` is one quote character. */
function cellOffsets(source: string, range: OffsetRange, quoted: boolean, value: string): Int32Array {
  const out = new Int32Array(value.length + 1);
  let s = range.start;
  for (let k = 0; k < value.length; k++) {
    out[k] = s;
    s += quoted && source[s] === '"' && source[s + 1] === '"' ? 2 : 1;
  }
  out[value.length] = range.end;
  return out;
}

/**
 * Reads a calendar: the cells of the post-text columns (found by header, case-insensitive), row by
 * row. With no header among `columns`, every column is read.
 */
export function readCsv(source: string, tsv: boolean, columns: readonly string[] | undefined): { cells: CsvCell[] } | { error: { message: string; offset: number } } {
  const delimiter = tsv ? "\t" : ",";
  let records: { record: string[]; info: CsvInfo }[];
  try {
    records = parse(source, { info: true, relax_column_count: true, bom: false, delimiter, relax_quotes: tsv, skip_empty_lines: false }) as unknown as { record: string[]; info: CsvInfo }[];
  } catch (err) {
    const e = err as { code?: string; bytes?: number; lines?: number };
    const at = new ByteCursor(source).charAt(e.bytes ?? 0);
    const what = CSV_ERRORS[e.code ?? ""] ?? "malformed CSV";
    return { error: { message: `invalid ${tsv ? "TSV" : "CSV"} (${what}${e.lines ? ` near line ${e.lines}` : ""})`, offset: Math.min(at, source.length) } };
  }
  if (records.length === 0) return { cells: [] };
  const cursor = new ByteCursor(source);
  const wanted = new Set((columns ?? DEFAULT_POST_COLUMNS).map((c) => c.trim().toLowerCase()));
  const header = records[0].record.map((h) => h.replace(/^\ufeff/, "").trim());
  let read = header.map((h) => wanted.has(h.toLowerCase()));
  if (!read.some(Boolean)) read = header.map(() => true);
  const cells: CsvCell[] = [];
  let start = cursor.charAt(records[0].info.bytes);
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    const end = cursor.charAt(info.bytes);
    const fields = fieldsOf(source, start, end, delimiter);
    record.forEach((value, c) => {
      const field = fields[c];
      if (!read[c] || !field || !value.trim()) return;
      const container: StringContainer = { style: field.quoted ? "csv-quoted" : "csv-plain", range: field.range, delimiter };
      cells.push({ row: r, column: header[c] ?? `column ${c + 1}`, value, offsets: cellOffsets(source, field.range, field.quoted, value), container });
    });
    start = end;
  }
  return { cells };
}
