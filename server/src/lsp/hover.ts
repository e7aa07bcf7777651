// Hover on a finding: what kind of thing was found, why it matters, how to fix it. Never the text itself.
import { MarkupKind, type Hover } from "vscode-languageserver/node";
import { ruleDocsUrl, type Finding, type RuleMeta } from "../engine";
import type { DocumentResult } from "./diagnostics";

/** Hover text for the engine's own notices, which have no rule file. */
const ENGINE_NOTICES: Record<string, { category: string; why: string; fix: string }> = {
  "safeharbor/unused-directive": { category: "Suppression comment", why: "A directive that suppresses nothing hides future findings on that line without anyone noticing.", fix: "Remove the directive." },
  "safeharbor/directive-reason": { category: "Suppression comment", why: "Reviewers need to know why a finding was judged safe.", fix: "Add a reason after `--`." },
  "safeharbor/file-too-large": { category: "Size limit", why: "Only the part before the limit was checked, so PHI further down would be missed.", fix: "Split the document, or raise `maxFileSize` in the config or the `safeharbor.maxFileSize` setting." },
  "safeharbor/binary-file": { category: "Not text", why: "Safe Harbor reads text; this file was not checked.", fix: "Nothing, unless the file is text in an unusual encoding (save it as UTF-8)." },
  "safeharbor/parse-error": { category: "Parse error", why: "A document that cannot be parsed cannot be checked.", fix: "Fix the syntax error the message names." },
  "safeharbor/internal-error": { category: "Not checked", why: "Safe Harbor failed on this document, so its findings are missing.", fix: "Please report the problem with the Safe Harbor output log (it holds no document text)." },
};

/** The first paragraph of a rule's docs (its "why"), on one line. */
function firstParagraph(docs: string): string {
  const first = docs.trim().split(/\n[ \t]*\n/)[0];
  return first.split("\n").map((line) => line.trim()).join(" ");
}

/** Markdown describing one finding. */
export function describeFinding(f: Finding, meta: RuleMeta | undefined): string {
  const parts: string[] = [];
  if (meta) {
    parts.push(`**Safe Harbor: ${meta.category}** (\`${f.ruleId}\`)`);
    parts.push(f.message);
    parts.push(`**Why it matters:** ${meta.hipaa}. ${firstParagraph(meta.docs)}`);
  } else {
    const notice = ENGINE_NOTICES[f.ruleId];
    parts.push(`**Safe Harbor: ${notice?.category ?? "Notice"}** (\`${f.ruleId}\`)`);
    parts.push(f.message);
    if (notice) parts.push(`**Why it matters:** ${notice.why}`);
    if (notice) parts.push(`**How to fix:** ${notice.fix}`);
  }
  if (meta) {
    const titles = f.fixes.map((x) => x.title);
    parts.push(titles.length ? `**How to fix:** ${titles.join("; ")} (quick fixes).` : "**How to fix:** rewrite the passage as the message says, or suppress it with a reason if it is safe.");
  }
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
