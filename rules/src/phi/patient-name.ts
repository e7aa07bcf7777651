// phi/patient-name: a person's name, initials or first name tied to a patient or to health information.
import { identifierRule } from "./identifier-rule";

export default identifierRule({
  meta: {
    id: "phi/patient-name",
    description: "Flags names, initials and first names of patients tied to health information.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(A)",
    category: "Names",
    messages: {
      tied: "Patient name tied to health information (Safe Harbor identifier: names); remove it, use a role such as \u201ca patient\u201d, or record an authorization.",
    },
    docs: `Names are the first of the 18 Safe Harbor identifiers. A full name, a first name with a last
initial, initials, or a first name in a sentence about a specific patient ("our patient Edna")
identifies the person, and next to a diagnosis, procedure or visit it discloses protected health
information. Staff and providers (from the config's \`practice.staff\`, the front matter author,
"Dr." and credentials, "our hygienist Maria"), public figures speaking of their own health and
greetings in review replies are not flagged. Fix: replace the name with a role ("a patient",
"the patient's") or a pseudonym, or record a signed authorization and reference it.`,
  },
  types: ["name"],
  element: "name",
  minConfidence: 0.55,
  accept: (m) => m.detail !== "provider",
});
