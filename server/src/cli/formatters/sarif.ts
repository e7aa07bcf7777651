// SARIF 2.1.0 as GitHub code scanning accepts it: a tool with rules (helpUri) and results with locations.
import { ruleDocsUrl, type Rule } from "@safeharbor/server/engine";
import type { FileReport } from "./types";

const LEVEL: Record<string, string> = { error: "error", warning: "warning", info: "note", hint: "note" };

/** Formats reports as a SARIF 2.1.0 log. */
export function formatSarif(reports: readonly FileReport[], rules: readonly Rule[], version: string): string {
  const ruleIds = new Set<string>(rules.map((r) => r.meta.id));
  for (const r of reports) for (const f of r.findings) ruleIds.add(f.ruleId);
  const ids = [...ruleIds];
  const byId = new Map(rules.map((r) => [r.meta.id, r.meta]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "safeharbor",
            version,
            informationUri: "https://github.com/safeharbor/safeharbor",
            rules: ids.map((id) => {
              const meta = byId.get(id);
              return {
                id,
                name: id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
                shortDescription: { text: meta?.description ?? "Safe Harbor engine notice" },
                fullDescription: { text: meta?.docs.replace(/\s+/g, " ").trim() ?? "Safe Harbor engine notice" },
                helpUri: ruleDocsUrl(id),
                defaultConfiguration: { level: LEVEL[meta?.severity ?? "warning"] },
                properties: { tags: ["hipaa", "privacy", meta?.family ?? "engine"], ...(meta ? { hipaa: meta.hipaa } : {}) },
              };
            }),
          },
        },
        results: reports.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: ids.indexOf(f.ruleId),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.split("\\").join("/") },
                  region: {
                    startLine: f.lineRange.start.line + 1,
                    startColumn: f.lineRange.start.character + 1,
                    endLine: f.lineRange.end.line + 1,
                    endColumn: f.lineRange.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
