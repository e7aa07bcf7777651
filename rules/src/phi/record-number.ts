// phi/record-number: medical record, health plan, account, claim, licence and social security numbers.
import { identifierRule } from "./identifier-rule";

export default identifierRule({
  meta: {
    id: "phi/record-number",
    description: "Flags medical record, health plan member, account, claim, licence and social security numbers.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(G)\u2013(K)",
    category: "Record, plan, account, licence and social security numbers",
    messages: {
      tied: "Record or account number of a patient (Safe Harbor identifiers G\u2013K); remove it.",
      alone: "Looks like a record, plan, account or licence number (Safe Harbor identifiers G\u2013K); make sure it is not a patient's.",
    },
    docs: `Social security numbers, medical record numbers, health plan beneficiary and member numbers,
account and claim numbers, and certificate or licence numbers are Safe Harbor identifiers. A
labelled number ("MRN 00482913", "member ID ...") is flagged as an error when it is about a patient,
and as a warning anywhere else in prose; numbers in code blocks are not read. Fix: remove it.`,
  },
  types: ["record-number", "health-plan", "account", "license", "ssn"],
  element: "contact",
  untied: "warning",
});
