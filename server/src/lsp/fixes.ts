// Chooses fixes to apply together: whole fixes, never two that touch the same text.
import type { Finding, Fix, FixKind, TextEdit } from "../engine";

/** Fix kinds that change the content itself (as opposed to suppressing or allowlisting). */
export const CONTENT_FIX_KINDS: ReadonlySet<FixKind> = new Set(["deidentify", "template"]);

const overlaps = (a: TextEdit, b: TextEdit): boolean =>
  a.range.start === b.range.start ? true : a.range.start < b.range.end && b.range.start < a.range.end;

/**
 * The edits of as many fixes as can be applied at once, in document order. A fix is taken whole or
 * not at all; a fix that overlaps one already taken is left out (a second run can apply it).
 */
export function mergeFixes(fixes: readonly Fix[]): { edits: TextEdit[]; applied: number } {
  const ordered = fixes.filter((f) => f.edits.length > 0).sort((a, b) => firstStart(a) - firstStart(b));
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const fix of ordered) {
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
    applied++;
  }
  taken.sort((a, b) => a.range.start - b.range.start);
  return { edits: taken, applied };
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.range.start));
}

/** The preferred content fix of a finding, if it has one. */
export function preferredFix(finding: Finding, kinds: ReadonlySet<FixKind> = CONTENT_FIX_KINDS): Fix | undefined {
  return finding.fixes.find((f) => f.preferred && kinds.has(f.kind) && f.edits.length > 0);
}
