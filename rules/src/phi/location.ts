// phi/location: street addresses, towns, counties and ZIP codes tied to a patient.
import { identifierRule } from "./identifier-rule";

export default identifierRule({
  meta: {
    id: "phi/location",
    description: "Flags addresses, towns, counties and ZIP codes (smaller than a state) tied to a patient.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(B)",
    category: "Geographic subdivisions smaller than a state",
    messages: {
      tied: "Place smaller than a state tied to a patient (Safe Harbor identifier: geography); generalise it to the state or remove it.",
    },
    docs: `Safe Harbor removes every geographic subdivision smaller than a state: street addresses, cities
and towns, counties, neighbourhoods and ZIP codes (the first three digits may stay unless that area
has 20,000 people or fewer). In a sentence about a specific patient, a town or address narrows the
patient down to a few people. The practice's own address and towns (config \`practice.locations\`
and \`practice.addresses\`, "our Springfield office") are never flagged. Fix: name the state, or
remove the place.`,
  },
  types: ["address", "location", "zip"],
  element: "location",
});
