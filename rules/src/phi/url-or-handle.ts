// phi/url-or-handle: a patient's web address or social media handle.
import { identifierRule } from "./identifier-rule";

export default identifierRule({
  meta: {
    id: "phi/url-or-handle",
    description: "Flags a patient's URL (a fundraiser page, a profile) or social handle tied to their care.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(N)",
    category: "Web URLs and social handles",
    messages: {
      tied: "Web address or handle that identifies a patient (Safe Harbor identifier: URLs); remove it.",
    },
    docs: `Web Universal Resource Locators are Safe Harbor identifiers, and a social media handle points to a
person just as surely. A patient's fundraiser page, blog or profile, or "@name" in a public reply
about their care, identifies them. Links to the practice's own site (config \`practice.urls\`),
to sources and to general resources are not flagged. Fix: remove it.`,
  },
  types: ["url", "handle"],
  element: "contact",
});
