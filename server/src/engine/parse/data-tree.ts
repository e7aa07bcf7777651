// The common shape of data files once parsed (JSON, YAML, JS/TS modules): objects, arrays and
// strings, each string with the source offset of every character it decodes to.
import type { OffsetRange, StringContainer } from "../types";

/** A string value: its decoded text, where each character came from, and the literal around it. */
export interface DataString {
  type: "string";
  value: string;
  /** Source offset of each character of `value`; `offsets[value.length]` is the end of the text. */
  offsets: Int32Array;
  container: StringContainer;
}

/** A number, boolean or null, kept only by its source text (an `age: 93` is read, the rest skipped). */
export interface DataScalar {
  type: "scalar";
  raw: string;
  range: OffsetRange;
}

export interface DataObject {
  type: "object";
  entries: { key: string; value: DataNode }[];
  range: OffsetRange;
}

export interface DataArray {
  type: "array";
  items: DataNode[];
  range: OffsetRange;
}

export type DataNode = DataString | DataScalar | DataObject | DataArray;

/** The result of reading a data file: its tree, or where and why it is malformed. */
export type DataParse = { root: DataNode | undefined; comments: { text: string; range: OffsetRange }[] } | { error: { message: string; offset: number } };

/**
 * Decodes the body of a JSON or JavaScript string literal (the text between its quotes, starting at
 * `start` in the source) into its value and an exact map of offsets: every decoded character points
 * at the first source character of its escape, so a finding on `\u00e9` covers the whole escape.
 */
export function decodeEscapes(raw: string, start: number, js: boolean): { value: string; offsets: Int32Array } {
  const units: string[] = [];
  const at: number[] = [];
  let i = 0;
  const push = (text: string, offset: number): void => {
    for (let k = 0; k < text.length; k++) {
      units.push(text[k]);
      at.push(offset);
    }
  };
  while (i < raw.length) {
    const c = raw[i];
    if (js && c === "\r") {
      // a template literal's CRLF is one line feed
      push("\n", start + i);
      i += raw[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    if (c !== "\\" || i + 1 >= raw.length) {
      push(c, start + i);
      i++;
      continue;
    }
    const n = raw[i + 1];
    const here = start + i;
    if (n === "u" && raw[i + 2] === "{" && js) {
      const close = raw.indexOf("}", i + 3);
      const code = parseInt(raw.slice(i + 3, close), 16);
      push(close > 0 && Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd", here);
      i = close > 0 ? close + 1 : raw.length;
    } else if (n === "u") {
      const code = parseInt(raw.slice(i + 2, i + 6), 16);
      push(Number.isFinite(code) ? String.fromCharCode(code) : "\ufffd", here);
      i += 6;
    } else if (n === "x" && js) {
      push(String.fromCharCode(parseInt(raw.slice(i + 2, i + 4), 16) || 0), here);
      i += 4;
    } else if (js && (n === "\n" || n === "\r" || n === "\u2028" || n === "\u2029")) {
      // a line continuation decodes to nothing
      i += n === "\r" && raw[i + 2] === "\n" ? 3 : 2;
    } else {
      const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" };
      push(simple[n] ?? n, here);
      i += 2;
    }
  }
  const offsets = new Int32Array(units.length + 1);
  for (let k = 0; k < at.length; k++) offsets[k] = at[k];
  offsets[units.length] = start + raw.length;
  return { value: units.join(""), offsets };
}

/** Source offsets of a verbatim value starting at `start`. */
export function verbatim(start: number, length: number): Int32Array {
  const out = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) out[i] = start + i;
  return out;
}
