// The text edit that adds a value to the practice allowlist of a config file (JSON, JSONC or YAML).
// Kept here until the engine offers one (server/src/engine/fix/); it only needs the file's text.
import { modify, parse as parseJsonc, type Edit } from "jsonc-parser";
import { isSeq, parseDocument } from "yaml";
import { LineIndex, type AllowlistKey, type TextEdit } from "../engine";

/** The edits that add `value` to `practice.<key>` in a config file's text; empty when it is already there. */
export function allowlistEdits(file: string, text: string, key: AllowlistKey, value: string): TextEdit[] {
  return /\.ya?ml$/i.test(file) ? yamlEdits(text, key, value) : jsonEdits(text, key, value);
}

function jsonEdits(text: string, key: AllowlistKey, value: string): TextEdit[] {
  const current = (parseJsonc(text) as { practice?: Record<string, unknown> } | undefined)?.practice?.[key];
  if (Array.isArray(current) && current.includes(value)) return [];
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const source = text.trim() ? text : "{}";
  const edits: Edit[] = modify(source, ["practice", key, -1], value, { isArrayInsertion: true, formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
  if (source !== text) return [{ range: { start: 0, end: text.length }, newText: applyAll(source, edits) + eol }];
  return edits.map((e) => ({ range: { start: e.offset, end: e.offset + e.length }, newText: e.content }));
}

function applyAll(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}

function yamlEdits(text: string, key: AllowlistKey, value: string): TextEdit[] {
  const doc = parseDocument(text);
  if (doc.errors.length) return [];
  const current = doc.getIn(["practice", key], true);
  if (isSeq(current)) {
    if (current.items.some((item) => String((item as { value?: unknown }).value ?? item) === value)) return [];
    current.add(doc.createNode(value));
  } else {
    doc.setIn(["practice", key], doc.createNode([value]));
  }
  return [{ range: { start: 0, end: text.length }, newText: String(doc) }];
}

/** The text of a new `.safeharbor.json` holding one allowlisted value. */
export function newConfigText(key: AllowlistKey, value: string): string {
  return JSON.stringify({ practice: { [key]: [value] } }, null, 2) + "\n";
}

/** Converts offset edits on a text to LSP edits. */
export function toLineEdits(text: string, edits: readonly TextEdit[]): { range: ReturnType<LineIndex["range"]>; newText: string }[] {
  const lines = new LineIndex(text);
  return edits.map((e) => ({ range: lines.range(e.range), newText: e.newText }));
}
