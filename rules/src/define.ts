// Helpers for writing rules: defineRule keeps the rule's type, and authorization outcomes become reports.
import type { AuthorizationStatus, Disclosure, DocumentAnalysis, OffsetRange, Rule, RuleContext, RuleReport } from "@safeharbor/server/engine";

/** Declares a rule. The file path under rules/src must match `meta.id`. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/**
 * Applies an authorization outcome to a report: a covering authorization turns the finding into
 * information; a failing one keeps it an error and says why. Returns the report to make.
 */
export function withAuthorization(report: RuleReport, auth: AuthorizationStatus): RuleReport {
  switch (auth.status) {
    case "none":
      return report;
    case "covered":
      return { ...report, messageId: "covered", severity: "info", data: { ...report.data, id: auth.id, until: auth.until ?? "revoked" }, authorization: auth.id, fixes: [] };
    case "unknown":
      return { ...report, messageId: "authUnknown", severity: "error", data: { ...report.data, id: auth.id }, authorization: auth.id };
    case "no-registry":
      return { ...report, messageId: "authNoRegistry", severity: "error", data: { ...report.data, id: auth.id }, authorization: auth.id };
    case "expired":
      return { ...report, messageId: "authExpired", severity: "error", data: { ...report.data, id: auth.id, until: auth.until }, authorization: auth.id };
    case "revoked":
      return { ...report, messageId: "authRevoked", severity: "error", data: { ...report.data, id: auth.id }, authorization: auth.id };
    case "not-covered":
      return { ...report, messageId: "authIncomplete", severity: "error", data: { ...report.data, id: auth.id, missing: auth.missing.join(", ") }, authorization: auth.id };
    case "wrong-channel":
      return { ...report, messageId: "authChannel", severity: "error", data: { ...report.data, id: auth.id, channel: auth.channel }, authorization: auth.id };
  }
}

/**
 * A document that claims consent ("shared with her permission") but references no authorization
 * gets at most a warning: the claim may be true, but only the registry can show it.
 */
export function capForConsentClaim(report: RuleReport, analysis: DocumentAnalysis): RuleReport {
  if ((report.severity ?? "error") !== "error" || report.messageId === "covered" || report.authorization) return report;
  if (analysis.authorizations.length > 0) return report;
  const claimed = analysis.sentences.some((s) => s.cues.some((c) => c.kind === "consent-claim"));
  return claimed ? { ...report, severity: "warning" } : report;
}

/** Messages every rule that honours authorizations includes. */
export const AUTHORIZATION_MESSAGES = {
  covered: "Covered by authorization {id} until {until}.",
  authUnknown: "The authorization {id} is not in the registry; the disclosure is not authorized.",
  authNoRegistry: "The authorization {id} cannot be checked: there is no authorization registry. Record it in .safeharbor/authorizations.yaml in this folder or one above it (or set `authorizations` in the config).",
  authExpired: "The authorization {id} expired on {until}; the disclosure is no longer authorized.",
  authRevoked: "The authorization {id} was revoked; the disclosure is no longer authorized.",
  authIncomplete: "The authorization {id} does not cover everything disclosed here (missing: {missing}).",
  authChannel: "The authorization {id} does not cover the {channel} channel.",
} as const;

/** The message data of a model disclosure: why it was judged so, and what identifies the person. */
function disclosureData(d: Disclosure): Record<string, string> {
  return { why: d.reasons.length ? d.reasons.join("; ") : "wording typical of a patient's account", who: d.identifiers.length ? d.identifiers.join(", ") : "nothing yet, but the account is specific" };
}

/** Messages of the rules that report the disclosure model's sentences. */
export const DISCLOSURE_MESSAGES = {
  disclosure: "This passage tells a specific person's health, care or patient status ({why}); identifiable by: {who}. Remove the details or record a signed authorization.",
} as const;

/**
 * Reports the model's disclosures of the given voices that no report of the rule already covers:
 * each is the sentence that tells it, at the severity the analysis judged (error when probable and
 * the person is identifiable).
 */
export function reportDisclosures(ctx: RuleContext, ruleId: string, accept: (d: Disclosure) => boolean, reported: OffsetRange[] = []): void {
  const { analysis, fixes, authorize, report } = ctx;
  for (const d of analysis.disclosures) {
    if (!accept(d)) continue;
    const range = analysis.sentences[d.sentence].range;
    if (reported.some((r) => r.start < range.end && range.start < r.end)) continue;
    const base: RuleReport = { messageId: "disclosure", severity: d.severity, data: disclosureData(d), range, sentence: range, fixes: [fixes.authorizationReference(range), fixes.disable(ruleId, range)] };
    report(capForConsentClaim(withAuthorization(base, authorize(range, ["condition", ...(d.identifiers.includes("name") ? (["name"] as const) : [])])), analysis));
  }
}

/** Wraps a rule's check so that, after its own reports, it reports the model's disclosures it accepts. */
export function withDisclosures(ruleId: string, accept: (d: Disclosure, analysis: DocumentAnalysis) => boolean, check: Rule["check"]): Rule["check"] {
  return (ctx) => {
    const reported: OffsetRange[] = [];
    check({ ...ctx, report: (r) => (reported.push(r.range), ctx.report(r)) });
    reportDisclosures(ctx, ruleId, (d) => accept(d, ctx.analysis), reported);
  };
}
