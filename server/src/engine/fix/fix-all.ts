// Whole-document de-identification: apply every preferred de-identification fix at once.
import type { Finding, Fix, FixKind, OffsetRange, TextEdit } from "../types";

/** Options of {@link fixAll}. */
export interface FixAllOptions {
  /** Rule ids or families whose findings are fixed (`phi`, `review/confirms-patient`); all when absent. */
  rules?: readonly string[];
  /**
   * Fix kinds applied; default {@link FIX_ALL_KINDS}. Templates (a general-education scaffold, a reply
   * template) replace the writer's content and are a choice, never part of "fix all".
   */
  kinds?: readonly FixKind[];
  /**
   * Lints the fixed text again, so that fixes skipped because they overlapped another one get their
   * turn; passes repeat until nothing changes or `maxPasses` is reached. Without it, one pass.
   */
  relint?: (text: string) => readonly Finding[];
  /** Upper bound on passes with `relint` (default 5). */
  maxPasses?: number;
}

/** One fix that was applied. Its range is in the text of the pass that applied it. */
export interface AppliedFix {
  ruleId: string;
  title: string;
  range: OffsetRange;
  pass: number;
}

/** The fixed text and the fixes applied to reach it. */
export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
}

/** True when a finding's rule is one of `rules` (an id or a family prefix). */
export function ruleSelected(ruleId: string, rules: readonly string[] | undefined): boolean {
  if (!rules || rules.length === 0) return true;
  return rules.some((r) => ruleId === r || ruleId.startsWith(r.replace(/\/$/, "") + "/"));
}

/** The fix kinds "fix all" applies by default: de-identification only. */
export const FIX_ALL_KINDS: readonly FixKind[] = ["deidentify"];

/** The fix a finding would get from "fix all": its preferred fix of an allowed kind. */
export function preferredFix(finding: Finding, kinds: readonly FixKind[] = FIX_ALL_KINDS): Fix | undefined {
  return finding.fixes.find((f) => f.preferred && kinds.includes(f.kind) && f.edits.length > 0);
}

/** True when two edits cannot both apply: their ranges overlap, or an insertion falls strictly inside the other. */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === b.range.start && a.range.end === b.range.end) return a.range.start !== a.range.end && a.newText !== b.newText;
  if (a.range.start === a.range.end) return b.range.start < a.range.start && a.range.start < b.range.end;
  if (b.range.start === b.range.end) return a.range.start < b.range.start && b.range.start < a.range.end;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

const isSame = (a: TextEdit, b: TextEdit): boolean => a.range.start === b.range.start && a.range.end === b.range.end && a.newText === b.newText;

/** Applies non-overlapping edits right to left (insertions at one point keep their order). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((e, i) => ({ e, i })).sort((x, y) => y.e.range.start - x.e.range.start || y.e.range.end - x.e.range.end || y.i - x.i);
  let out = text;
  for (const { e } of ordered) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/** One pass: choose the fixes to apply (outer before inner, then document order) and apply them. */
function onePass(text: string, findings: readonly Finding[], options: FixAllOptions, pass: number): FixAllResult {
  const candidates: { finding: Finding; fix: Fix; span: OffsetRange; order: number }[] = [];
  findings.forEach((finding, order) => {
    if (!ruleSelected(finding.ruleId, options.rules)) return;
    const fix = preferredFix(finding, options.kinds);
    if (!fix || fix.edits.some((e) => e.range.start < 0 || e.range.end > text.length || e.range.start > e.range.end)) return;
    const span = { start: Math.min(...fix.edits.map((e) => e.range.start)), end: Math.max(...fix.edits.map((e) => e.range.end)) };
    candidates.push({ finding, fix, span, order });
  });
  // The outer fix wins over the edits inside it (a template over the names it replaces).
  candidates.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start || a.order - b.order);
  const accepted: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  for (const c of candidates) {
    if (c.fix.edits.some((e) => accepted.some((a) => conflicts(a, e)))) continue;
    for (const e of c.fix.edits) if (!accepted.some((a) => isSame(a, e))) accepted.push(e);
    applied.push({ ruleId: c.finding.ruleId, title: c.fix.title, range: c.span, pass });
  }
  applied.sort((a, b) => a.range.start - b.range.start);
  return { text: applyTextEdits(text, accepted), applied };
}

/**
 * Applies every preferred de-identification fix of `findings` to `text`. Overlapping
 * fixes resolve in favour of the outer one; the others apply right to left. With `relint`, repeats
 * until a pass changes nothing, so running it again on its own output changes nothing.
 */
export function fixAll(text: string, findings: readonly Finding[], options: FixAllOptions = {}): FixAllResult {
  let result = onePass(text, findings, options, 1);
  if (!options.relint) return result;
  const max = options.maxPasses ?? 5;
  const applied = [...result.applied];
  for (let pass = 2; pass <= max && result.applied.length > 0; pass++) {
    const next = onePass(result.text, options.relint(result.text), options, pass);
    if (next.text === result.text) break;
    applied.push(...next.applied);
    result = next;
  }
  return { text: result.text, applied };
}

/**
 * De-identifies a whole document the one way both `safeharbor fix` and the editor's
 * `source.fixAll.safeharbor` do: lint, apply the preferred fixes, lint the result again and repeat
 * until nothing changes. `lint` returns the findings of a text of this document.
 */
export function fixDocument(text: string, lint: (text: string) => readonly Finding[], options: Omit<FixAllOptions, "relint"> = {}): FixAllResult {
  return fixAll(text, lint(text), { ...options, relint: lint });
}
