// Server commands: de-identify a document, scan the workspace (with progress), show a rule's docs.
import { readFileSync } from "node:fs";
import type { CancellationToken, Connection, WorkDoneProgressServerReporter } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { REPO_URL, ruleDocsUrl, type Linter } from "../engine";
import { expandPaths, selectedByConfig } from "../cli/files";
import { documentEdit, type EditCapabilities } from "./codeActions";
import { relintFor, toDiagnostic, toLspEdits, type DocumentLinter } from "./diagnostics";
import { fixAllEdits } from "./fixes";
import { describeError, type ServerLog } from "./log";
import type { SettingsStore } from "./settings";
import { pathToUri } from "./uri";
import type { WorkspaceState } from "./workspace";

/** Command ids the server executes (the VS Code extension contributes them to the palette). */
export const COMMANDS = {
  deidentifyDocument: "safeharbor.deidentifyDocument",
  scanWorkspace: "safeharbor.scanWorkspace",
  showRuleDocs: "safeharbor.showRuleDocs",
} as const;

/** What the commands need from the server. */
export interface CommandContext {
  connection: Connection;
  linter: Linter;
  documents: { get(uri: string): TextDocument | undefined };
  diagnostics: DocumentLinter;
  settings: SettingsStore;
  workspace: WorkspaceState;
  log: ServerLog;
  edits: EditCapabilities;
  workDoneProgress: boolean;
  showDocument: boolean;
}

/** Applies every preferred de-identification fix of a document that does not overlap another. */
export async function deidentifyDocument(ctx: CommandContext, uri: unknown): Promise<{ applied: number }> {
  const doc = typeof uri === "string" ? ctx.documents.get(uri) : undefined;
  if (!doc) return { applied: 0 };
  const result = await ctx.diagnostics.diagnose(doc, "request");
  if (!result || result.text !== doc.getText()) return { applied: 0 };
  const { edits, applied } = fixAllEdits(result.text, result.findings, undefined, ["deidentify"], relintFor(ctx.linter, doc, result));
  if (applied === 0 || edits.length === 0) return { applied: 0 };
  const response = await ctx.connection.workspace.applyEdit({ label: "De-identify document", edit: documentEdit(doc.uri, doc.version, toLspEdits(edits, result.lines), ctx.edits) });
  return { applied: response.applied ? applied : 0 };
}

/** Summary of a workspace scan. */
export interface ScanSummary {
  files: number;
  findings: number;
  cancelled: boolean;
}

/** No file is named explicitly in a workspace scan. */
const NONE: ReadonlySet<string> = new Set();

const nullProgress: Pick<WorkDoneProgressServerReporter, "begin" | "report" | "done"> & { token?: CancellationToken } = { begin() {}, report() {}, done() {} };

/**
 * Lints every Markdown, MDX and text file (and data file selected by `include`) of the workspace folders that is not open, publishing the
 * diagnostics, one file per turn of the event loop so that edits keep being served.
 */
export async function scanWorkspace(ctx: CommandContext, token: CancellationToken): Promise<ScanSummary> {
  const progress = ctx.workDoneProgress ? await ctx.connection.window.createWorkDoneProgress() : nullProgress;
  progress.begin("Safe Harbor: scanning the workspace", 0, "listing files", true);
  const cancelled = () => token.isCancellationRequested || Boolean(progress.token?.isCancellationRequested);
  const files: string[] = [];
  for (const folder of ctx.workspace.folderPaths()) {
    try {
      files.push(...expandPaths([folder], folder).files);
    } catch (err) {
      ctx.log.error(`could not list ${folder}: ${describeError(err)}`);
    }
  }
  let findings = 0;
  let done = 0;
  for (const file of [...new Set(files)]) {
    if (cancelled()) break;
    await new Promise((r) => setImmediate(r));
    const uri = pathToUri(file);
    done++;
    progress.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
    if (ctx.documents.get(uri)) continue;
    try {
      const settings = await ctx.settings.get(uri);
      ctx.settings.forget(uri);
      if (!settings.enable) continue;
      const { config, registry } = ctx.workspace.contextFor(uri, settings);
      // as the CLI: excluded files never, data files only where `include` selects them
      if (!selectedByConfig(file, config, NONE)) continue;
      const text = readFileSync(file, "utf8");
      const result = ctx.linter.lint({ uri, text, config, registry, isCancelled: cancelled });
      findings += result.findings.length;
      await ctx.connection.sendDiagnostics({ uri, diagnostics: result.findings.map((f) => toDiagnostic(f, result.lines, 0)) });
    } catch (err) {
      ctx.log.error(`could not scan ${uri}: ${describeError(err)}`);
    }
  }
  progress.done();
  const summary = { files: done, findings, cancelled: cancelled() };
  ctx.log.info(`workspace scan: ${summary.files} file(s), ${summary.findings} finding(s)${summary.cancelled ? ", cancelled" : ""}`);
  return summary;
}

/** Opens a rule's documentation (or the rule list) in the browser when the client can; returns the URL. */
export async function showRuleDocs(ctx: CommandContext, ruleId: unknown): Promise<string> {
  const known = typeof ruleId === "string" && (ruleId.startsWith("safeharbor/") || ctx.linter.rules.some((r) => r.meta.id === ruleId));
  const url = known ? ruleDocsUrl(ruleId) : `${REPO_URL}/blob/main/README.md#rules`;
  if (ctx.showDocument) {
    try {
      await ctx.connection.window.showDocument({ uri: url, external: true });
    } catch (err) {
      ctx.log.error(`could not open the rule docs: ${describeError(err)}`);
    }
  }
  return url;
}
