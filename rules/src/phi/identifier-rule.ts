// Builds a phi/* rule for a group of identifier types: flags each identifier tied to a patient.
import type { IdentifierMention, IdentifierType, Rule, RuleMeta, Severity } from "@safeharbor/server/engine";
import { AUTHORIZATION_MESSAGES, capForConsentClaim, defineRule, withAuthorization } from "../define";
import type { DisclosedElement } from "@safeharbor/server/engine";

/** What a phi rule declares beyond its metadata. */
export interface IdentifierRuleSpec {
  meta: Omit<RuleMeta, "family" | "fixable" | "messages"> & { messages: { tied: string; alone?: string } };
  types: readonly IdentifierType[];
  /** The authorization element that covers this identifier. */
  element: DisclosedElement;
  /** Extra condition on a mention (e.g. ages over 89 only). */
  accept?: (m: IdentifierMention) => boolean;
  /** Severity when the identifier is not tied to a patient (undefined: not reported). */
  untied?: Severity;
  /** Lowest detector confidence that counts. */
  minConfidence?: number;
}

/** A phi rule over identifier mentions: error when tied to a patient, never for the practice's own details. */
export function identifierRule(spec: IdentifierRuleSpec): Rule {
  const meta: RuleMeta = {
    ...spec.meta,
    family: "phi",
    fixable: true,
    messages: { ...AUTHORIZATION_MESSAGES, tied: spec.meta.messages.tied, alone: spec.meta.messages.alone ?? spec.meta.messages.tied },
  };
  return defineRule({
    meta,
    check({ analysis, fixes, authorize, report }) {
      for (const m of analysis.mentions) {
        if (!spec.types.includes(m.type) || m.owner !== "unknown") continue;
        if (m.confidence < (spec.minConfidence ?? 0.4)) continue;
        if (spec.accept && !spec.accept(m)) continue;
        if (!m.tied && !spec.untied) continue;
        const base = {
          messageId: m.tied ? "tied" : "alone",
          range: m.range,
          severity: m.tied ? ("error" as const) : spec.untied,
          fixes: [...fixes.deidentify(m), fixes.authorizationReference(m.range), fixes.disable(meta.id, m.range), ...[fixes.allowlist(m)].filter((f) => f !== undefined)],
        };
        report(m.tied ? capForConsentClaim(withAuthorization(base, authorize(m.range, [spec.element])), analysis) : base);
      }
    },
  });
}
