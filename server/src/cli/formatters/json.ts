// The JSON report: a contract other tools read (documented in the README).
import type { FileReport } from "./types";

/** Serialises reports as `[{ file, findings: [{ ruleId, severity, message, range, fixes: [{ title }] }] }]`. */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        range: f.lineRange,
        fixes: f.fixes.map((x) => ({ title: x.title })),
      })),
    })),
  );
}
