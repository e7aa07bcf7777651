// Hover on a finding: what kind of thing was found, why it matters, how to fix it. Never the text itself.
import { MarkupKind, type Hover } from "vscode-languageserver/node";
import { explainFinding, ruleDocsUrl, type Finding, type RuleMeta } from "../engine";
import type { DocumentResult } from "./diagnostics";

/** Markdown describing one finding. */
export function describeFinding(f: Finding, meta: RuleMeta | undefined): string {
  const explained = explainFinding(f, meta);
  const parts = [`**Safe Harbor: ${explained.category}** (\`${f.ruleId}\`)`, f.message];
  if (explained.why) parts.push(`**Why it matters:** ${explained.why}`);
  if (explained.fix) parts.push(`**How to fix:** ${explained.fix}`);
  if (f.authorization) parts.push(`Authorization: \`${f.authorization}\``);
  parts.push(`[Rule documentation](${ruleDocsUrl(f.ruleId)})`);
  return parts.join("\n\n");
}

/** The hover at an offset of a linted document, or null when no finding covers it. */
export function hoverAt(result: DocumentResult, offset: number, metas: ReadonlyMap<string, RuleMeta>): Hover | null {
  const hits = result.findings.filter((f) => f.range.start <= offset && offset <= f.range.end && (f.range.end > f.range.start || f.range.start === offset)).slice(0, 3);
  if (!hits.length) return null;
  const first = hits[0];
  return {
    contents: { kind: MarkupKind.Markdown, value: hits.map((f) => describeFinding(f, metas.get(f.ruleId))).join("\n\n---\n\n") },
    range: result.lines.range(hits.length === 1 ? first.range : { start: Math.max(...hits.map((h) => h.range.start)), end: Math.min(...hits.map((h) => h.range.end)) }),
  };
}
