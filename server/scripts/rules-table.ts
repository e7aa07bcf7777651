// Renders the README's rule table from rule metadata and splices it between the rules-table markers.
import type { Rule } from "@safeharbor/server/engine";
import { ruleDocsUrl } from "@safeharbor/server/engine";

/** The markers the table sits between in README.md. */
export const TABLE_START = "<!-- rules-table:start -->";
export const TABLE_END = "<!-- rules-table:end -->";

const SEVERITY: Record<string, string> = { error: "error", warning: "warn", info: "info", hint: "hint" };

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
}

/** The Markdown table of a rule catalogue: id, description, default severity, HIPAA reference, fixable. */
export function renderRulesTable(rules: readonly Rule[]): string {
  const rows = rules.map(({ meta }) => `| [\`${meta.id}\`](${ruleDocsUrl(meta.id).replace(/^.*\/blob\/main\//, "")}) | ${cell(meta.description)} | ${SEVERITY[meta.severity] ?? meta.severity} | ${cell(meta.hipaa)} | ${meta.fixable ? "yes" : "no"} |`);
  return ["| rule | what it flags | default | regulation | fixable |", "|---|---|---|---|---|", ...rows].join("\n");
}

/** The README with the table between the markers replaced. Throws when the markers are missing. */
export function spliceRulesTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${TABLE_START} and ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
