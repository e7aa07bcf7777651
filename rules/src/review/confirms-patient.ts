// review/confirms-patient: a reply to an online review that confirms the reviewer is or was a patient.
import { proseRange } from "@safeharbor/server/engine";
import { defineRule } from "../define";
import { mergeCues, replyRange } from "./reply";

export default defineRule({
  meta: {
    id: "review/confirms-patient",
    family: "review",
    description: "Flags review replies that confirm the reviewer is a patient (\u201cyour visit\u201d, \u201cour records show\u201d).",
    severity: "error",
    hipaa: "45 CFR 164.502(a); HHS OCR review-reply settlements (2016\u20132023)",
    category: "Confirming a patient relationship",
    fixable: true,
    messages: {
      confirms: "This reply confirms the reviewer is a patient (a disclosure of PHI); do not mention their visit, chart or care. Thank them and invite them to call the office.",
    },
    docs: `Even the fact that someone is a patient is protected health information. A public reply to an
online review that says "your visit", "when you came in", "we checked your chart", "our records
show" or "as your dentist" confirms the relationship, and practices have paid settlements to HHS
for exactly this. A reply that thanks the reviewer, says privacy law keeps the practice from
discussing details, and invites a call to the office is clean, even with the office phone and the
reviewer's first name in the greeting. Fix: swap in the compliant reply template.`,
  },
  check({ analysis, document, fixes, report }) {
    if (analysis.kind !== "review-reply") return;
    const whole = replyRange(document);
    for (const s of analysis.sentences) {
      if (analysis.quoted.has(s.index)) continue;
      const block = document.blocks[s.block];
      for (const c of mergeCues(s.cues.filter((c) => c.kind === "records" || c.kind === "second-person-care" || c.kind === "care-event"))) {
        const range = proseRange(block, c.start, c.end);
        report({ messageId: "confirms", range, fixes: [fixes.template("review-reply", whole, "Replace the reply with the compliant review-reply template"), fixes.disable("review/confirms-patient", range)] });
      }
    }
  },
});
