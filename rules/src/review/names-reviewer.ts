// review/names-reviewer: a reply to a review that names the reviewer beyond a greeting.
import type { DocumentAnalysis, IdentifierMention } from "@safeharbor/server/engine";
import { defineRule } from "../define";

/** True when a first name is used to address someone: after a comma at a sentence's end, or before one at its start. */
function isVocative(analysis: DocumentAnalysis, m: IdentifierMention): boolean {
  const s = analysis.sentences[m.sentence];
  const before = s.text.slice(0, m.start - s.start);
  const after = s.text.slice(m.end - s.start);
  return (before.trimEnd().endsWith(",") && /^[.!?,]?$/.test(after.trim())) || (before.trim() === "" && /^[,!]/.test(after.trimStart()));
}

export default defineRule({
  meta: {
    id: "review/names-reviewer",
    family: "review",
    description: "Flags review replies that name the reviewer beyond a first-name greeting.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(A); 164.502(a)",
    category: "Naming the reviewer",
    fixable: true,
    messages: {
      names: "This reply names the reviewer beyond a greeting, tying a real identity to the practice; use only the name they reviewed under, in the greeting.",
    },
    docs: `A reply may greet the reviewer by the name they posted under ("Hi Dana,"). Naming them anywhere
else, using a full name, or using a real name where the review used a nickname ties a real person
to the practice and, with anything about their care, discloses PHI. Staff and provider names are
not flagged. Fix: remove the name, or keep only the greeting.`,
  },
  check({ analysis, fixes, report }) {
    if (analysis.kind !== "review-reply") return;
    for (const m of analysis.mentions) {
      if (m.type !== "name" || m.owner !== "unknown" || m.detail === "provider" || m.confidence < 0.55 || analysis.quoted.has(m.sentence)) continue;
      const s = analysis.sentences[m.sentence];
      const greeting = s.cues.some((c) => c.kind === "greeting" || c.kind === "gratitude") || /^(?:thanks|thank you|hi|hello|hey|dear)\b/i.test(s.text);
      const full = m.detail === "full" || m.detail === "initial";
      if (greeting && !full) continue;
      // addressing the reviewer by the first name they posted under ("Sorry to hear this, Brenda.") is a greeting too
      if (m.detail === "first" && isVocative(analysis, m)) continue;
      report({ messageId: "names", range: m.range, fixes: [...fixes.deidentify(m), fixes.disable("review/names-reviewer", m.range)] });
    }
  },
});
