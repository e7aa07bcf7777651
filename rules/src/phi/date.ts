// phi/date: dates other than the year (birth, visit, admission, surgery) tied to a patient.
import { identifierRule } from "./identifier-rule";

export default identifierRule({
  meta: {
    id: "phi/date",
    description: "Flags dates other than the year (birth, visit, surgery, discharge) tied to a patient.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(C)",
    category: "Dates (except year)",
    messages: {
      tied: "Date tied to a patient (Safe Harbor identifier: dates other than the year); keep only the year or say \u201crecently\u201d.",
    },
    docs: `Every element of a date directly related to a person, except the year, is a Safe Harbor identifier:
birth dates, admission and discharge dates, visit and surgery dates, even a month or a weekday when
it pins down when a specific patient was seen. Dates of clinic events, publication dates and
general seasons are not flagged. Fix: keep the year alone, or write "recently".`,
  },
  types: ["date"],
  element: "date",
});
