// Lints open documents into LSP diagnostics, cached per document text and configuration generation.
import { performance } from "node:perf_hooks";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type TextEdit as LspTextEdit } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { dataFileSelected, dataLanguageOf, LineIndex, nlpLoaded, ruleDocsUrl, type AllowlistKey, type Finding, type FixKind, type Language, type Linter, type OffsetRange, type Severity } from "../engine";
import { describeError, describeFindings, type ServerLog } from "./log";
import type { DocumentSettings, SettingsStore } from "./settings";
import type { DocumentContext, WorkspaceState } from "./workspace";

/** A fix as it travels in `Diagnostic.data`: LSP edits on the document version it was computed for. */
export interface DiagnosticFix {
  title: string;
  kind: FixKind;
  preferred?: boolean;
  edits: LspTextEdit[];
  allowlist?: { key: AllowlistKey; value: string };
}

/** What `Diagnostic.data` holds, so that a code action never re-runs analysis. */
export interface DiagnosticData {
  /** Document version the fixes apply to. */
  version: number;
  fixes: DiagnosticFix[];
}

/** The outcome of linting one version of a document. */
export interface DocumentResult {
  uri: string;
  version: number;
  /** The text that was linted (results are reused while the text stays the same). */
  text: string;
  generation: number;
  resultId: string;
  findings: Finding[];
  lines: LineIndex;
  diagnostics: Diagnostic[];
  context?: DocumentContext;
  /** Where front matter ends (0 when there is none): no directive comments go before it. */
  frontmatterEnd: number;
  /**
   * Linted before the NLP library was loaded, without its pass for names (the first diagnostics of a
   * session do not wait for it): superseded by a full lint once it is loaded.
   */
  partial?: boolean;
}

/**
 * Lints other texts of a document with the config of its result (for fix-all passes), the way
 * `safeharbor fix` lints a file; undefined when the result has no config (linting was off or failed).
 */
export function relintFor(linter: Linter, doc: TextDocument, result: DocumentResult | undefined): ((text: string) => Finding[]) | undefined {
  const context = result?.context;
  if (!context) return undefined;
  const language = LANGUAGES[doc.languageId];
  return (text) => linter.lint({ uri: doc.uri, text, config: context.config, registry: context.registry, ...(language ? { language } : {}) }).findings;
}

/** Why a result is wanted; with `run: onSave`, only open and save lint afresh. */
export type LintReason = "open" | "change" | "save" | "request";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const LANGUAGES: Record<string, Language> = { markdown: "markdown", mdx: "mdx", plaintext: "plaintext" };

/** Converts a finding's edits to LSP edits on the same text. */
export function toLspEdits(edits: readonly { range: OffsetRange; newText: string }[], lines: LineIndex): LspTextEdit[] {
  return edits.map((e) => ({ range: lines.range(e.range), newText: e.newText }));
}

/** The LSP diagnostic of a finding: rule id as code, docs link, severity, fixes in data. */
export function toDiagnostic(f: Finding, lines: LineIndex, version: number): Diagnostic {
  const data: DiagnosticData = {
    version,
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      kind: fix.kind,
      ...(fix.preferred ? { preferred: true } : {}),
      edits: toLspEdits(fix.edits, lines),
      ...(fix.allowlist ? { allowlist: fix.allowlist } : {}),
    })),
  };
  return {
    range: lines.range(f.range),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    source: "safeharbor",
    message: f.message,
    ...(f.ruleId === "safeharbor/unused-directive" ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data,
  };
}

/** The single finding reported when a document could not be checked at all. */
function failureFinding(): Finding {
  return { ruleId: "safeharbor/internal-error", severity: "warning", message: "Safe Harbor could not check this document; its findings are not shown. See the Safe Harbor output for details.", range: { start: 0, end: 0 }, fixes: [] };
}

/** Lints documents on demand and keeps the last result of each. */
export class DocumentLinter {
  private readonly results = new Map<string, DocumentResult>();
  private readonly running = new Map<string, { key: string; promise: Promise<DocumentResult | undefined> }>();
  private counter = 0;

  constructor(
    private readonly linter: Linter,
    private readonly settings: SettingsStore,
    private readonly workspace: WorkspaceState,
    private readonly log: ServerLog,
    /** Called after each run, to publish config diagnostics. */
    private readonly afterRun: () => void,
    /** Called after a run whose result is `partial`: load the NLP library, then lint again. */
    private readonly onPartial: () => void = () => undefined,
  ) {}

  /** The last result of a document, whatever its version. */
  cached(uri: string): DocumentResult | undefined {
    return this.results.get(uri);
  }

  /** The last result when it was computed for exactly this text (fixes and ranges are valid). */
  current(doc: TextDocument): DocumentResult | undefined {
    const r = this.results.get(doc.uri);
    return r && r.text === doc.getText() ? r : undefined;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.results.delete(uri);
    this.running.delete(uri);
  }

  /**
   * The result for a document: the cached one when text and configuration are unchanged (or, with
   * `run: onSave`, until the next save), else a new lint. Undefined when cancelled.
   */
  async diagnose(doc: TextDocument, reason: LintReason, isCancelled: () => boolean = () => false): Promise<DocumentResult | undefined> {
    const settings = await this.settings.get(doc.uri);
    const text = doc.getText();
    const cached = this.results.get(doc.uri);
    const generation = this.workspace.generation;
    if (cached && cached.generation === generation && !(cached.partial && nlpLoaded())) {
      if (cached.text === text) return cached.version === doc.version ? cached : this.withVersion(cached, doc.version);
      if (settings.run === "onSave" && (reason === "change" || reason === "request")) return cached;
    }
    const version = doc.version;
    const key = `${generation}\u0000${version}`;
    const inflight = this.running.get(doc.uri);
    if (inflight && inflight.key === key) return inflight.promise;
    const promise = new Promise<DocumentResult | undefined>((resolveResult) => {
      // Yield once, so that a cancellation or a newer edit that is already queued is seen first.
      setImmediate(() => {
        const stale = () => isCancelled() || doc.version !== version || this.workspace.generation !== generation;
        resolveResult(stale() ? undefined : this.run(doc, text, settings, generation, stale));
      });
    }).finally(() => {
      if (this.running.get(doc.uri)?.key === key) this.running.delete(doc.uri);
    });
    this.running.set(doc.uri, { key, promise });
    return promise;
  }

  private withVersion(r: DocumentResult, version: number): DocumentResult {
    const next: DocumentResult = { ...r, version, diagnostics: r.findings.map((f) => toDiagnostic(f, r.lines, version)) };
    this.results.set(r.uri, next);
    return next;
  }

  private run(doc: TextDocument, text: string, settings: DocumentSettings, generation: number, isCancelled: () => boolean): DocumentResult | undefined {
    const started = performance.now();
    let findings: Finding[];
    let lines: LineIndex;
    let context: DocumentContext | undefined;
    let frontmatterEnd = 0;
    let partial = false;
    if (!settings.enable) {
      findings = [];
      lines = new LineIndex(text);
    } else {
      try {
        context = this.workspace.contextFor(doc.uri, settings);
        // a data file (by its name, whatever the editor calls it) is checked only when `include` selects it
        const data = dataLanguageOf(doc.uri);
        const language = data ?? LANGUAGES[doc.languageId];
        if (data && !dataFileSelected(doc.uri, context.config)) {
          findings = [];
          lines = new LineIndex(text);
        } else {
          const result = this.linter.lint({ uri: doc.uri, text, config: context.config, registry: context.registry, isCancelled, deferNlp: true, ...(language ? { language } : {}) });
          if (result.cancelled) return undefined;
          partial = result.nlpDeferred === true;
          findings = result.findings;
          lines = result.lines;
          frontmatterEnd = result.document.frontmatterRange?.end ?? 0;
        }
      } catch (err) {
        this.log.error(`could not check ${doc.uri} (version ${doc.version}): ${describeError(err)}`);
        findings = [failureFinding()];
        lines = new LineIndex(text);
      }
      this.afterRun();
    }
    const result: DocumentResult = {
      uri: doc.uri,
      version: doc.version,
      text,
      generation,
      resultId: `${generation}.${++this.counter}`,
      findings,
      lines,
      diagnostics: findings.map((f) => toDiagnostic(f, lines, doc.version)),
      frontmatterEnd,
      ...(context ? { context } : {}),
      ...(partial ? { partial } : {}),
    };
    this.results.set(doc.uri, result);
    const ms = (performance.now() - started).toFixed(1);
    this.log.info(`checked ${doc.uri} v${doc.version} in ${ms} ms: ${findings.length} finding(s)${partial ? " (names from NLP pending)" : ""} ${describeFindings(findings, lines)}`);
    if (partial) this.onPartial();
    return result;
  }
}
