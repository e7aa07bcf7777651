// The default human report: findings grouped by file, colours on a TTY, a summary line.
import type { FileReport } from "./types";

const paint = (on: boolean, code: number, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
const SEVERITY_COLOUR: Record<string, number> = { error: 31, warning: 33, info: 36, hint: 90 };

/** Formats reports for people. */
export function formatStylish(reports: readonly FileReport[], colour: boolean): string {
  const out: string[] = [];
  const counts: Record<string, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) {
    if (r.findings.length === 0) continue;
    out.push(paint(colour, 4, r.file));
    for (const f of r.findings) {
      counts[f.severity]++;
      const pos = `${f.lineRange.start.line + 1}:${f.lineRange.start.character + 1}`.padEnd(8);
      out.push(`  ${pos} ${paint(colour, SEVERITY_COLOUR[f.severity], f.severity.padEnd(7))} ${f.message}  ${paint(colour, 90, f.ruleId)}`);
    }
    out.push("");
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = reports.length;
  const summary = `${total} finding${total === 1 ? "" : "s"} (${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info, ${counts.hint} hint${counts.hint === 1 ? "" : "s"}) in ${files} file${files === 1 ? "" : "s"} checked`;
  out.push(paint(colour, counts.error ? 31 : counts.warning ? 33 : 32, summary));
  return out.join("\n") + "\n";
}
