// phi/age-over-89: ages over 89, in numbers or words, or implied by a birth year.
import { identifierRule } from "./identifier-rule";

const CURRENT_YEAR = new Date().getFullYear();

export default identifierRule({
  meta: {
    id: "phi/age-over-89",
    description: "Flags ages over 89 (\u201c97th birthday\u201d, \u201cninety-three\u201d, \u201ccentenarian\u201d) about a person.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(C)",
    category: "Ages over 89",
    messages: {
      tied: "Age over 89 about a patient (Safe Harbor identifier: ages over 89); write \u201c90 or older\u201d.",
    },
    docs: `Safe Harbor treats every age over 89, and every date element that implies one, as an identifier,
because so few people are that old: they must be aggregated into a single "90 or older" category.
"97th birthday", "ninety-three years old", "a centenarian" or "born in 1929" about a specific person
are flagged. Statistics about a population ("adults over 90 make up 2%") are not. Fix: write
"90 or older".`,
  },
  types: ["age"],
  element: "age",
  accept: (m) => {
    if (m.detail === "90") return true;
    const n = Number(/\d{1,4}/.exec(m.text)?.[0] ?? NaN);
    if (m.detail === "born") return CURRENT_YEAR - n > 89;
    return n > 89 && n < 130;
  },
});
