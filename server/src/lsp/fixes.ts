// Turns whole-text fixes of the engine (fix all, allowlist) into small LSP edits.
import { FIX_ALL_KINDS, fixAll, fixDocument, LineIndex, preferredFix, type Finding, type FixKind, type TextEdit } from "../engine";

/**
 * Fix kinds that fix-all applies: de-identification, exactly as `safeharbor fix` (templates that
 * replace content stay separate code actions the writer chooses).
 */
export const CONTENT_FIX_KINDS: readonly FixKind[] = FIX_ALL_KINDS;

/**
 * The single edit that turns `before` into `after`: the changed middle between the common prefix and
 * suffix. Empty when the texts are equal.
 */
export function replacementEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return [{ range: { start, end: before.length - end }, newText: after.slice(start, after.length - end) }];
}

/** LSP edits of offset edits on a text. */
export function lineEdits(text: string, edits: readonly TextEdit[], lines: LineIndex = new LineIndex(text)): { range: ReturnType<LineIndex["range"]>; newText: string }[] {
  return edits.map((e) => ({ range: lines.range(e.range), newText: e.newText }));
}

/**
 * The edits applying the preferred fixes of some findings at once, with the engine's rules for
 * overlaps, and how many fixes that is. With `relint` (the document's linter), the same passes as
 * `safeharbor fix`, so the result is the CLI's; without it, one pass over `findings`.
 */
export function fixAllEdits(text: string, findings: readonly Finding[], rules?: readonly string[], kinds: readonly FixKind[] = CONTENT_FIX_KINDS, relint?: (text: string) => readonly Finding[]): { edits: TextEdit[]; applied: number } {
  const options = { kinds, ...(rules ? { rules } : {}) };
  // With a linter at hand, exactly what `safeharbor fix` does (passes until nothing changes).
  const result = relint ? fixDocument(text, relint, options) : fixAll(text, findings, options);
  return { edits: replacementEdits(text, result.text), applied: result.applied.length };
}

/** True when a finding has a preferred fix that fix-all would apply. */
export function hasAutoFix(finding: Finding, kinds: readonly FixKind[] = CONTENT_FIX_KINDS): boolean {
  return preferredFix(finding, kinds) !== undefined;
}
