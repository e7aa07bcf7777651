// The rule API: what a rule declares about itself and what it receives when it checks a document.
import type { DocumentAnalysis, IdentifierMention } from "./analysis/types";
import type { ResolvedConfig } from "./config/types";
import type { LineIndex } from "./text/lines";
import type { Family, Fix, OffsetRange, ParsedDocument, Severity } from "./types";

/** What a rule says about itself; the README rule table and the editor's hover come from it. */
export interface RuleMeta {
  /** `family/kebab-name`, also the rule's path under rules/src. */
  id: string;
  family: Family;
  /** One line, shown in the rule table. */
  description: string;
  /** Default severity (a report may raise or lower it, config overrides it). */
  severity: Severity;
  /** The regulation the rule protects, e.g. "45 CFR 164.514(b)(2)(i)(A)". */
  hipaa: string;
  /** Safe Harbor category or risk named in hovers, e.g. "Names". */
  category: string;
  fixable: boolean;
  /** Messages by id; `{placeholders}` are filled from report data, never with matched text. */
  messages: Record<string, string>;
  /** Markdown: why it matters and how to fix it. */
  docs: string;
}

/** Elements a disclosure may contain, matched against an authorization's `discloses`. */
export type DisclosedElement =
  | "name"
  | "photo"
  | "age"
  | "location"
  | "date"
  | "contact"
  | "condition"
  | "treatment"
  | "story"
  | "testimonial";

/** How an authorization applies to a finding. */
export type AuthorizationStatus =
  | { status: "none" }
  | { status: "covered"; id: string; until?: string }
  | { status: "unknown"; id: string }
  /** The document names an authorization but no registry file exists to look it up in. */
  | { status: "no-registry"; id: string }
  | { status: "expired"; id: string; until: string }
  | { status: "revoked"; id: string }
  | { status: "not-covered"; id: string; missing: DisclosedElement[] }
  | { status: "wrong-channel"; id: string; channel: string };

/** Fix builders the engine offers to rules, so that rules compute fixes as data. */
export interface FixHelpers {
  /** De-identification fixes for an identifier mention (role, pseudonym, year, state...). */
  deidentify(mention: IdentifierMention): Fix[];
  /** Replaces a range with a compliant template (slots filled from the practice block). */
  template(templateId: string, range: OffsetRange, title: string): Fix;
  /** Replaces a testimonial attribution with "A patient" (or "A patient in <State>"), keeping its dash. */
  attribution(range: OffsetRange): Fix;
  /** Inserts an authorization reference for the block at `range`. */
  authorizationReference(range: OffsetRange): Fix;
  /** Inserts a disable-next-line directive with a reason placeholder. */
  disable(ruleId: string, range: OffsetRange): Fix;
  /** Adds a value to the practice allowlist in the nearest config file. */
  allowlist(mention: IdentifierMention): Fix | undefined;
}

/** What a rule reports. The engine turns it into a Finding. */
export interface RuleReport {
  messageId: string;
  range: OffsetRange;
  data?: Record<string, string | number>;
  /** Overrides the rule's default severity for this finding (config still wins). */
  severity?: Severity;
  fixes?: Fix[];
  /** The authorization that covered or failed to cover the finding. */
  authorization?: string;
  /**
   * A whole sentence the disclosure model judged (`analysis.disclosures`): dropped when another
   * finding already points into the same sentence, so a passage is reported once.
   */
  sentence?: OffsetRange;
}

/** What a rule receives. */
export interface RuleContext {
  document: ParsedDocument;
  analysis: DocumentAnalysis;
  config: ResolvedConfig;
  lines: LineIndex;
  fixes: FixHelpers;
  /** How the authorizations referenced for `range` (or the document) cover the elements disclosed. */
  authorize(range: OffsetRange, elements: DisclosedElement[]): AuthorizationStatus;
  report(report: RuleReport): void;
}

/** A rule: its metadata and a check over the shared analysis. Rules never run their own NLP. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
