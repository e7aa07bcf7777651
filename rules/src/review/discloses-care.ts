// review/discloses-care: a reply to a review that mentions the reviewer's condition, care, dates or bill.
import { proseRange, rx, words } from "@safeharbor/server/engine";
import { defineRule, DISCLOSURE_MESSAGES, withDisclosures } from "../define";
import { replyRange } from "./reply";

export default defineRule({
  meta: {
    id: "review/discloses-care",
    family: "review",
    description: "Flags review replies that mention the reviewer's health, treatment, appointments, insurance or bill.",
    severity: "error",
    hipaa: "45 CFR 164.502(a); HHS OCR review-reply settlements (2016\u20132023)",
    category: "Health information in a public reply",
    fixable: true,
    messages: {
      ...DISCLOSURE_MESSAGES,
      discloses: "This reply discloses the reviewer's {what} (protected health information), even if the review mentioned it first; remove it and invite them to call the office.",
    },
    docs: `A reply to an online review must not discuss the reviewer's condition, treatment, medication,
appointments, insurance, billing or cost, even when the review raised them first and even when
the reply is friendly ("so glad your migraines improved"). Each health detail in a reply is
flagged. Mentions inside a privacy statement ("we can't discuss anyone's care here") are not.
Fix: swap in the compliant reply template.`,
  },
  check: withDisclosures("review/discloses-care", (d, a) => a.kind === "review-reply", ({ analysis, document, fixes, report }) => {
    if (analysis.kind !== "review-reply") return;
    const whole = replyRange(document);
    // a reply about the reviewer's child or parent speaks of their care as "him" or "her"
    const family = analysis.sentences.some((s) => !analysis.quoted.has(s.index) && RELATIVE.test(s.text));
    for (const s of analysis.sentences) {
      if (analysis.quoted.has(s.index)) continue;
      const kinds = new Set(s.cues.map((c) => c.kind));
      const block = document.blocks[s.block];
      // a health word tells of the reviewer's care when the sentence speaks to them or of their care
      // ("your migraines", "you missed three appointments"), not in "we make every visit welcoming"
      if (!s.patientContext && !SECOND_PERSON.test(s.text) && !(family && THIRD_PERSON.test(s.text))) continue;
      for (const i of s.health) {
        const h = analysis.health[i];
        if (!h.specific && (kinds.has("privacy") || kinds.has("call-office") || kinds.has("gratitude"))) continue;
        // a vague word ("care", "follow up") counts when it is the reviewer's: "your care", "you ... appointment"
        const near = block.text.slice(Math.max(s.start, h.start - 30), h.end);
        if (!h.specific && !s.patientContext && !SECOND_PERSON.test(near) && !(family && THIRD_PERSON.test(near))) continue;
        // a vague word inside a phrase the confirms-patient rule reports ("your chart") is reported once, there
        if (!h.specific && s.cues.some((c) => (c.kind === "records" || c.kind === "second-person-care") && c.start <= h.start && h.end <= c.end)) continue;
        // "your migraines": take the possessive with the detail
        const lead = /\b(?:your|ur)\s(?:[\w-]+\s)?$/i.exec(block.text.slice(Math.max(0, h.start - 20), h.start));
        const start = lead ? proseRange(block, h.start - lead[0].length, h.end).start : h.range.start;
        const range = { start, end: h.range.end };
        report({ messageId: "discloses", data: { what: WHAT[h.category] }, range, fixes: [fixes.template("review-reply", whole, "Replace the reply with the compliant review-reply template"), fixes.disable("review/discloses-care", range)] });
      }
    }
  }),
});

const SECOND_PERSON = /\b(?:you|your|yours|yourself|ur|u)\b/i;
const THIRD_PERSON = /\b(?:he|him|his|she|her|they|them|their)\b/i;
const RELATIVE = rx("i", /\byour /, words(["son", "daughter", "child", "children", "kids?", "baby", "little one", "mother", "mom", "father", "dad", "parents?", "wife", "husband", "partner", "spouse", "grandmother", "grandma", "grandfather", "grandpa", "grandson", "granddaughter", "sister", "brother", "aunt", "uncle"]), /\b/);

const WHAT: Record<string, string> = {
  condition: "condition",
  symptom: "symptoms",
  procedure: "treatment",
  medication: "medication",
  test: "tests or results",
  treatment: "care",
  visit: "appointments",
  insurance: "insurance",
  billing: "billing",
};
