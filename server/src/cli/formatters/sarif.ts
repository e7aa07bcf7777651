// SARIF 2.1.0 as GitHub code scanning accepts it: a tool with rules (helpUri) and results with locations.
import { ruleDocsUrl, type Rule } from "@safeharbor/server/engine";
import type { FileReport } from "./types";

const LEVEL: Record<string, string> = { error: "error", warning: "warning", info: "note", hint: "note" };

/** Descriptions of the notices the engine and the CLI report themselves (they are not catalogue rules). */
export const ENGINE_NOTICES: Record<string, string> = {
  "safeharbor/parse-error": "The file could not be parsed, so it was not checked.",
  "safeharbor/file-too-large": "The file is larger than maxFileSize; only its beginning was checked.",
  "safeharbor/binary-file": "The file looks binary and was not checked.",
  "safeharbor/internal-error": "A check failed on this file and was skipped.",
  "safeharbor/unused-directive": "A suppression directive matches no finding.",
  "safeharbor/directive-reason": "A suppression directive gives no reason after `--`.",
  "safeharbor/unknown-directive": "A comment looks like a directive but names no known one.",
  "safeharbor/registry-syntax": "The authorization registry is not valid YAML or not a list of authorizations.",
  "safeharbor/registry-missing-element": "An authorization lacks a core element required by 45 CFR 164.508(c).",
  "safeharbor/registry-no-expiry": "An authorization has no expiration date or event (45 CFR 164.508(c)(1)(v)).",
  "safeharbor/registry-expired": "An authorization has expired.",
  "safeharbor/registry-revoked": "An authorization was revoked (45 CFR 164.508(b)(5)).",
  "safeharbor/registry-remuneration": "A marketing authorization does not say whether remuneration is involved (45 CFR 164.508(a)(3)(ii)).",
  "safeharbor/registry-duplicate-id": "Two authorizations share an id.",
  "safeharbor/registry-invalid-value": "An authorization has a value Safe Harbor cannot use.",
  "safeharbor/registry-unknown-key": "An authorization has a key Safe Harbor does not read.",
};

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
                shortDescription: { text: meta?.description ?? ENGINE_NOTICES[id] ?? "Safe Harbor engine notice" },
                fullDescription: { text: meta?.docs.replace(/\s+/g, " ").trim() ?? ENGINE_NOTICES[id] ?? "Safe Harbor engine notice" },
                helpUri: ruleDocsUrl(id),
                defaultConfiguration: { level: LEVEL[meta?.severity ?? "warning"] },
                properties: { tags: ["hipaa", "privacy", meta?.family ?? "engine"], ...(meta ? { hipaa: meta.hipaa } : {}) },
              };
            }),
          },
        },
        columnKind: "utf16CodeUnits",
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
