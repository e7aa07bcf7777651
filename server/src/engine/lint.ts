// Runs the pipeline for one document: parse → shared analysis → rules → severities → directives.
import { analyzeDocument } from "./analysis";
import { createAuthorizer, type AuthorizationRegistry } from "./authorization";
import { defaultConfig, type ResolvedConfig } from "./config/types";
import { applyDirectives, collectDirectives, type Directive } from "./directives";
import { fitDataFixes } from "./fix/data-edits";
import { dataSettingsFor } from "./parse/data";
import { createFixHelpers, withReplyDeidentification } from "./fix/helpers";
import { languageOf, parseDocument } from "./parse";
import type { Rule, RuleMeta } from "./rule";
import { LineIndex } from "./text/lines";
import type { Finding, Language, OffsetRange, ParsedDocument, Severity, SeveritySetting } from "./types";
import type { DocumentAnalysis } from "./analysis/types";

/** Where rule documentation lives; diagnostics link to it. */
export const REPO_URL = "https://github.com/safeharbor/safeharbor";

/** Link to a rule's documentation (its source file, whose header holds the docs). */
export function ruleDocsUrl(ruleId: string): string {
  if (ruleId.startsWith("safeharbor/registry-")) return `${REPO_URL}/blob/main/README.md#authorization-registry`;
  return ruleId.startsWith("safeharbor/") ? `${REPO_URL}/blob/main/README.md#suppression-comments` : `${REPO_URL}/blob/main/rules/src/${ruleId}.ts`;
}

export interface LintInput {
  /** File path or URI; its extension chooses the parser unless `language` is given. */
  uri: string;
  text: string;
  language?: Language;
  config?: ResolvedConfig;
  registry?: AuthorizationRegistry;
  /** Polled between rules; when it returns true the run stops and returns what it has. */
  isCancelled?: () => boolean;
  /** Do not wait for the NLP library to load (see `AnalyzeOptions.deferNlp`); the result says `nlpDeferred`. */
  deferNlp?: boolean;
}

export interface LintResult {
  findings: Finding[];
  document: ParsedDocument;
  analysis?: DocumentAnalysis;
  lines: LineIndex;
  /** True when the text was cut at the size limit. */
  truncated: boolean;
  cancelled: boolean;
  /** Names only the NLP pass finds are missing: lint again once `nlpLoaded()`. */
  nlpDeferred?: boolean;
}

/** Maps a configured severity to a reported one; undefined means "off". */
export function normalizeSeverity(s: SeveritySetting): Severity | undefined {
  if (s === "off") return undefined;
  if (s === "warn") return "warning";
  return s;
}

/** The severity a finding of a rule gets, given config and the rule's own choice. */
export function effectiveSeverity(meta: RuleMeta, reported: Severity | undefined, config: ResolvedConfig): Severity | undefined {
  const configured = config.rules[meta.id] ?? config.rules[meta.family];
  if (configured !== undefined) return normalizeSeverity(configured);
  return reported ?? meta.severity;
}

function fill(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (data && data[k] !== undefined ? String(data[k]) : m));
}

/** True when a text looks binary (NUL bytes or many control characters). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  if (sample.includes("\u0000")) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

const engineFinding = (ruleId: string, severity: Severity, message: string, start = 0, end = 0): Finding => ({ ruleId, severity, message, range: { start, end }, fixes: [] });

/** A data file up to this many times `maxFileSize` is parsed whole; a larger one is cut like a text file. */
const DATA_PARSE_FACTOR = 16;

/** A linter bound to a rule catalogue. */
export interface Linter {
  rules: readonly Rule[];
  ruleIds: ReadonlySet<string>;
  lint(input: LintInput): LintResult;
}

/** Creates a linter for a rule catalogue. */
export function createLinter(rules: readonly Rule[]): Linter {
  const ruleIds = new Set<string>();
  for (const r of rules) {
    ruleIds.add(r.meta.id);
    ruleIds.add(r.meta.family);
  }
  return { rules, ruleIds, lint: (input) => lint(rules, input) };
}

function lint(rules: readonly Rule[], input: LintInput): LintResult {
  const config = input.config ?? defaultConfig();
  const language = input.language ?? languageOf(input.uri);
  let text = input.text;
  const pre: Finding[] = [];
  let truncated = false;
  if (looksBinary(text)) {
    const document = parseDocument(input.uri, "", language);
    return { findings: [engineFinding("safeharbor/binary-file", "info", "This file looks binary and was not checked.")], document, lines: new LineIndex(input.text), truncated, cancelled: false };
  }
  const isData = language === "json" || language === "yaml" || language === "csv" || language === "module";
  // A data file cut short would not parse: it is read whole (up to a hard ceiling) and only the records
  // that start before the limit are checked.
  const recordLimit = isData && text.length > config.maxFileSize && text.length <= config.maxFileSize * DATA_PARSE_FACTOR ? config.maxFileSize : undefined;
  if (recordLimit !== undefined) {
    truncated = true;
    pre.push(engineFinding("safeharbor/file-too-large", "info", `This file is larger than the limit of ${config.maxFileSize} characters; only the records that start before the limit were checked.`, recordLimit, recordLimit));
  } else if (text.length > config.maxFileSize) {
    const cut = text.lastIndexOf("\n", config.maxFileSize);
    text = text.slice(0, cut > 0 ? cut : config.maxFileSize);
    truncated = true;
    pre.push(engineFinding("safeharbor/file-too-large", "info", `This file is larger than the limit of ${config.maxFileSize} characters; only the text before the limit was checked.`, text.length, text.length));
  }
  const lines = new LineIndex(input.text);
  const document = parseDocument(input.uri, text, language, { frontmatterKeys: config.frontmatterKeys, ...(isData ? { data: dataSettingsFor(input.uri, config) } : {}) });
  if (document.records && recordLimit !== undefined) document.records = document.records.filter((r) => r.blocks.length === 0 || r.blocks[0].offsets[0] < recordLimit);
  document.source = input.text;
  if (document.parseError) {
    const at = Math.min(document.parseError.offset, input.text.length);
    pre.push(engineFinding("safeharbor/parse-error", "warning", `This file could not be parsed, so it was not checked: ${document.parseError.message}`, at, Math.min(at + 1, input.text.length)));
    return { findings: pre, document, lines, truncated, cancelled: false };
  }
  const directives = collectDirectives(document, lines);
  const findings: Finding[] = [];
  let analysis: DocumentAnalysis | undefined;
  let cancelled = false;
  let nlpDeferred = false;
  // A data file's records are each checked in their own scope; their fixes are fitted to the file.
  for (const part of document.records ?? [document]) {
    part.source = input.text;
    let partAnalysis: DocumentAnalysis;
    try {
      partAnalysis = analyzeDocument(part, config, { deferNlp: input.deferNlp });
    } catch (err) {
      pre.push(engineFinding("safeharbor/internal-error", "warning", `Safe Harbor could not analyse this file (${(err as Error).name}); it was not checked.`));
      if (!document.records) return { findings: pre, document, lines, truncated, cancelled: false };
      continue;
    }
    if (partAnalysis.nlpDeferred) nlpDeferred = true;
    if (!document.records) analysis = partAnalysis;
    const found: Finding[] = [];
    cancelled = runRules(rules, input, part, partAnalysis, config, lines, directives, found);
    if (document.records) for (const f of found) f.fixes = fitDataFixes(document, part, f.fixes);
    findings.push(...found);
    if (cancelled) break;
  }
  const { kept, directiveFindings } = applyDirectives(findings, directives, lines);
  const all = [...pre, ...kept, ...(cancelled ? [] : directiveFindings)];
  all.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: all, document, ...(analysis ? { analysis } : {}), lines, truncated, cancelled, ...(nlpDeferred ? { nlpDeferred: true } : {}) };
}

/** Runs the rules over one analysed document (or record); true when cancelled on the way. */
function runRules(rules: readonly Rule[], input: LintInput, document: ParsedDocument, analysis: DocumentAnalysis, config: ResolvedConfig, lines: LineIndex, directives: Directive[], findings: Finding[]): boolean {
  let cancelled = false;
  const fixes = createFixHelpers(document, analysis, config, lines);
  const authorize = createAuthorizer(document, analysis, directives, input.registry, config);
  /** Model findings and the sentence each covers (dropped when another finding is in that sentence). */
  const sentenceFindings = new Map<Finding, OffsetRange>();
  const own: Finding[] = [];
  for (const rule of rules) {
    if (input.isCancelled?.()) {
      cancelled = true;
      break;
    }
    if ((config.rules[rule.meta.id] ?? config.rules[rule.meta.family]) === "off") continue;
    // A veterinary practice's animals are nobody's PHI: only the advertising rules apply.
    if (analysis.subject === "animals" && rule.meta.family !== "claim") continue;
    try {
      rule.check({
        document,
        analysis,
        config,
        lines,
        fixes,
        authorize,
        report(r) {
          const severity = r.messageId === "covered" ? "info" : effectiveSeverity(rule.meta, r.severity, config);
          if (!severity) return;
          const template = rule.meta.messages[r.messageId] ?? r.messageId;
          const finding: Finding = {
            ruleId: rule.meta.id,
            severity,
            message: fill(template, r.data),
            range: r.range,
            fixes: withReplyDeidentification(r.fixes ?? []),
            ...(r.authorization ? { authorization: r.authorization } : {}),
          };
          own.push(finding);
          if (r.sentence) sentenceFindings.set(finding, r.sentence);
        },
      });
    } catch (err) {
      if (process.env.SAFEHARBOR_DEBUG) process.stderr.write(`${rule.meta.id}: ${(err as Error).stack ?? String(err)}\n`);
      own.push(engineFinding("safeharbor/internal-error", "warning", `The rule ${rule.meta.id} failed on this file (${(err as Error).name}); its checks were skipped.`));
    }
  }
  const primary = own.filter((f) => !sentenceFindings.has(f) && f.severity !== "info" && f.severity !== "hint");
  for (const f of own) {
    const sentence = sentenceFindings.get(f);
    // (SAFEHARBOR_JUDGE=model keeps only the model's sentences, for the accuracy report's comparison)
    if (process.env.SAFEHARBOR_JUDGE === "model") {
      if (sentence) findings.push(f);
    } else if (!sentence || !primary.some((p) => p.range.start < sentence.end && sentence.start < p.range.end)) findings.push(f);
  }
  return cancelled;
}
