// Suppression and authorization directives in comments, and how they apply to findings.
import { LineIndex } from "./text/lines";
import type { CommentRef, Finding, OffsetRange, ParsedDocument } from "./types";

export type DirectiveKind = "disable-next-line" | "disable-line" | "disable" | "enable" | "disable-file" | "authorization" | "unknown";

/** A parsed `safeharbor-*` comment. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids or family names; empty means every rule. For `authorization`: the authorization ids. */
  targets: string[];
  reason?: string;
  range: OffsetRange;
  /** Source lines the directive covers (for line directives), inclusive. */
  lines?: { from: number; to: number };
}

const DIRECTIVE = /^\s*safeharbor-(disable-next-line|disable-line|disable-file|disable|enable|authorization)(?=\s|$)([\s\S]*)$/;
const LOOKS_LIKE_DIRECTIVE = /^\s*safeharbor-[a-z]/i;

/**
 * Parses one comment's text into a directive, or undefined when it is not one. A comment that starts
 * like a directive but names no known kind (a typo such as `safeharbor-disable-nextline`) is an
 * `unknown` directive: it suppresses nothing and is reported.
 */
export function parseDirective(comment: CommentRef): Directive | undefined {
  const m = DIRECTIVE.exec(comment.text);
  if (!m) return LOOKS_LIKE_DIRECTIVE.test(comment.text) ? { kind: "unknown", targets: [], range: comment.range } : undefined;
  const kind = m[1] as DirectiveKind;
  const body = m[2];
  const sep = body.search(/(?:^|\s)--(?:\s|$)/);
  const head = sep >= 0 ? body.slice(0, sep) : body;
  const reason = sep >= 0 ? body.slice(sep).replace(/^\s*--\s*/, "").trim() : undefined;
  const targets = head.split(/[\s,]+/).filter(Boolean);
  return { kind, targets, ...(reason ? { reason } : {}), range: comment.range };
}

/** All directives of a document, with the lines each line directive covers. */
export function collectDirectives(doc: ParsedDocument, lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (const c of doc.comments) {
    const d = parseDirective(c);
    if (!d) continue;
    const endLine = lines.lineOf(c.range.end);
    if (d.kind === "disable-line") d.lines = { from: lines.lineOf(c.range.start), to: endLine };
    if (d.kind === "disable-next-line") {
      let next = endLine + 1;
      while (next < lines.lineCount && doc.source.slice(lines.lineStart(next), lines.lineEnd(next)).trim() === "") next++;
      d.lines = { from: next, to: next };
    }
    out.push(d);
  }
  return out;
}

/** True when a directive target (rule id, family or nothing) names the rule. */
export function targets(d: Directive, ruleId: string): boolean {
  if (d.targets.length === 0) return true;
  return d.targets.some((t) => t === ruleId || ruleId.startsWith(t.replace(/\/$/, "") + "/"));
}

export interface SuppressionResult {
  kept: Finding[];
  /** Hints about directives that suppress nothing or give no reason. */
  directiveFindings: Finding[];
}

/** Drops suppressed findings and reports unused or unexplained directives. */
export function applyDirectives(findings: Finding[], directives: Directive[], lines: LineIndex): SuppressionResult {
  const used = new Set<Directive>();
  const suppressors = directives.filter((d) => d.kind !== "authorization" && d.kind !== "enable" && d.kind !== "unknown");
  // Range directives in source order: for a finding, the last one before it that names its rule decides.
  const ranges = directives.filter((d) => d.kind === "disable" || d.kind === "enable").sort((a, b) => a.range.start - b.range.start);
  const kept = findings.filter((f) => {
    const line = lines.lineOf(f.range.start);
    let suppressed = false;
    for (const d of suppressors) {
      if (d.kind === "disable" || !targets(d, f.ruleId)) continue;
      const hit = d.kind === "disable-file" || (d.lines !== undefined && line >= d.lines.from && line <= d.lines.to);
      if (hit) {
        used.add(d);
        suppressed = true;
      }
    }
    let open: Directive | undefined;
    for (const d of ranges) {
      if (d.range.end > f.range.start) break;
      if (targets(d, f.ruleId)) open = d.kind === "disable" ? d : undefined;
    }
    if (open) {
      used.add(open);
      suppressed = true;
    }
    return !suppressed;
  });
  const directiveFindings: Finding[] = directives
    .filter((d) => d.kind === "unknown")
    .map((d) => ({
      ruleId: "safeharbor/unknown-directive",
      severity: "hint" as const,
      message: "This comment looks like a Safe Harbor directive but names no known one (disable-next-line, disable-line, disable, enable, disable-file, authorization); it has no effect.",
      range: d.range,
      fixes: [],
    }));
  for (const d of suppressors) {
    if (!used.has(d)) {
      directiveFindings.push({
        ruleId: "safeharbor/unused-directive",
        severity: "hint",
        message: "This suppression directive matches no finding; remove it.",
        range: d.range,
        fixes: [{ title: "Remove the unused directive", kind: "disable", edits: [{ range: d.range, newText: "" }] }],
      });
    } else if (!d.reason) {
      directiveFindings.push({
        ruleId: "safeharbor/directive-reason",
        severity: "hint",
        message: "Give a reason after `--` for suppressing this check, so reviewers know why it is safe.",
        range: d.range,
        fixes: [],
      });
    }
  }
  return { kept, directiveFindings };
}
