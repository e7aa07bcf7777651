// phi/health-detail: a diagnosis, procedure, drug or test result about a named, identifiable person.
import { AUTHORIZATION_MESSAGES, capForConsentClaim, defineRule, withAuthorization } from "../define";

export default defineRule({
  meta: {
    id: "phi/health-detail",
    family: "phi",
    description: "Flags a specific health detail (diagnosis, procedure, drug, test) about a named person.",
    severity: "error",
    hipaa: "45 CFR 160.103 (protected health information); 164.502(a)",
    category: "Health information about an identifiable person",
    fixable: false,
    messages: {
      ...AUTHORIZATION_MESSAGES,
      detail: "Health detail about an identifiable person (protected health information); remove the detail or the identifiers, or record an authorization.",
    },
    docs: `Health information becomes protected health information when it can be tied to an individual. A
diagnosis, procedure, medication or test result in a sentence that names a patient (or in a
document that names them) is a disclosure even when every identifier is otherwise fine. General
education, staff bios and a public figure's own public statements are not flagged; replies to
reviews and social replies are covered by the review and social rules. Fix: remove the health
detail or the identifiers, or record a signed authorization and reference it.`,
  },
  check({ analysis, authorize, fixes, report }) {
    if (analysis.kind === "review-reply" || analysis.kind === "comment-reply") return;
    for (const s of analysis.sentences) {
      // a patient named in the sentence, or just before and referred to by pronoun ("Her X-rays showed ...")
      const person = s.mentions.map((i) => analysis.mentions[i]).find((m) => m.type === "name" && m.owner === "unknown" && m.tied && m.confidence >= 0.55) ?? (s.refersTo !== undefined ? analysis.mentions[s.refersTo] : undefined);
      if (!person) continue;
      for (const i of s.health) {
        const h = analysis.health[i];
        // an insurer, a bill or a visit is not a diagnosis, procedure, drug or test
        if (!h.specific || h.category === "insurance" || h.category === "billing" || h.category === "visit") continue;
        const elements = h.category === "condition" || h.category === "symptom" ? (["condition"] as const) : (["treatment"] as const);
        report(capForConsentClaim(withAuthorization({ messageId: "detail", range: h.range, fixes: [fixes.authorizationReference(h.range), fixes.disable("phi/health-detail", h.range)] }, authorize(h.range, [...elements, "name"])), analysis));
      }
    }
  },
});
