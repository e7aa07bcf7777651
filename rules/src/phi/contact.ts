// phi/contact: a patient's phone, fax or email address.
import { identifierRule } from "./identifier-rule";

export default identifierRule({
  meta: {
    id: "phi/contact",
    description: "Flags a patient's phone number, fax number or email address; the office's own are fine.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(D)\u2013(F)",
    category: "Telephone numbers, fax numbers, email addresses",
    messages: {
      tied: "Patient contact detail (Safe Harbor identifier: telephone, fax or email); remove it.",
    },
    docs: `Telephone numbers, fax numbers and email addresses are Safe Harbor identifiers. A patient's own
contact details next to their story or care disclose who they are and let anyone reach them. The
office's numbers and addresses (config \`practice.phones\`, \`practice.emails\`, or written as
"call our office at ...") are never flagged. Fix: remove the detail; invite readers to contact the
office instead.`,
  },
  types: ["phone", "fax", "email"],
  element: "contact",
});
