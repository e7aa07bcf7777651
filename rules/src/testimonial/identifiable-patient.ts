// testimonial/identifiable-patient: a testimonial that identifies its author together with health information.
import type { DisclosedElement, IdentifierMention } from "@safeharbor/server/engine";
import { proseRange } from "@safeharbor/server/engine";
import { AUTHORIZATION_MESSAGES, DISCLOSURE_MESSAGES, withDisclosures, defineRule, withAuthorization } from "../define";

/** Source offset of the end of the line (within its block) that holds a prose offset. */
function lineEnd(block: { text: string; offsets: Int32Array }, from: number): number {
  const nl = block.text.indexOf("\n", from);
  return proseRange(block, from, block.text.slice(0, nl < 0 ? block.text.length : nl).trimEnd().length).end;
}

const IDENTIFYING: ReadonlySet<string> = new Set(["name", "age", "location", "address", "zip", "email", "phone", "url", "handle"]);

export default defineRule({
  meta: {
    id: "testimonial/identifiable-patient",
    family: "testimonial",
    description: "Flags testimonials whose attribution or content identifies the patient together with health information.",
    severity: "error",
    hipaa: "45 CFR 164.508(a)(3) (authorization for marketing); 164.514(b)(2)",
    category: "Identifiable testimonial",
    fixable: true,
    messages: {
      ...DISCLOSURE_MESSAGES,
      ...AUTHORIZATION_MESSAGES,
      identifiable: "Testimonial identifies the patient ({what}) together with health information, with no authorization on record; attribute it to \u201cA patient\u201d or record a signed authorization.",
      weak: "Testimonial gives part of the patient's identity ({what}) next to health information; make sure a signed authorization covers it.",
      consent: "Testimonial identifies the patient ({what}) and says it is shared with permission, but no authorization is referenced; add the authorization id from the registry.",
    },
    docs: `Using a patient's testimonial in marketing needs the patient's written authorization (45 CFR
164.508(a)(3)). A quote, blockquote, front matter testimonial or testimonial component whose
attribution or content identifies the person (full name, first name and last initial, initials
with a town, age, town, photo) together with health information is an error unless a valid
authorization covers it. An anonymous testimonial with no identifiers is fine. A sentence that only
claims consent ("shared with permission") lowers this to a warning until an authorization is
referenced. Fix: attribute it to "A patient", or reference the authorization.`,
  },
  check: withDisclosures("testimonial/identifiable-patient", (d, a) => d.voice === "patient" && a.kind !== "review-reply" && a.kind !== "comment-reply", ({ analysis, document, fixes, authorize, report }) => {
    const consentClaimed = analysis.sentences.some((s) => s.cues.some((c) => c.kind === "consent-claim"));
    for (const t of analysis.testimonials) {
      const blocks = new Set([...t.quoteBlocks, ...t.attributionBlocks]);
      const health = analysis.health.filter((h) => blocks.has(h.block));
      if (health.length === 0) continue;
      const inAttribution = (m: IdentifierMention): boolean => t.attributionBlocks.includes(m.block);
      const ids = analysis.mentions.filter((m) => blocks.has(m.block) && IDENTIFYING.has(m.type) && m.owner === "unknown" && m.detail !== "provider" && (inAttribution(m) || m.type !== "name" || m.detail === "full"));
      const names = ids.filter((m) => m.type === "name");
      const strongName = names.some((m) => m.detail === "full" || m.detail === "initial" || m.detail === "titled");
      const place = ids.some((m) => m.type === "location" || m.type === "address" || m.type === "zip");
      const age = ids.some((m) => m.type === "age");
      const what = [names.length ? "name" : "", age ? "age" : "", place ? "town" : "", t.hasPhoto ? "photo" : ""].filter(Boolean);
      if (what.length === 0) continue;
      const strong = strongName || place || age || t.hasPhoto || (names.some((m) => m.detail === "initials") && place);
      const elements: DisclosedElement[] = ["testimonial", ...(names.length ? (["name"] as const) : []), ...(age ? (["age"] as const) : []), ...(place ? (["location"] as const) : []), ...(t.hasPhoto ? (["photo"] as const) : []), ...(health.some((h) => h.category === "condition" || h.category === "symptom") ? (["condition"] as const) : [])];
      // From the first identifier to the end of its line: the attribution "Robert Jennings, 72, Plano TX".
      const first = [...ids].sort((a, b) => a.range.start - b.range.start)[0];
      const attributionIds = ids.filter(inAttribution);
      const range = first ? { start: first.range.start, end: inAttribution(first) ? lineEnd(document.blocks[first.block], first.end) : first.range.end } : t.range;
      const attributionFix = attributionIds.length && t.source !== "inline" ? [fixes.attribution(range)] : [];
      const base = { messageId: strong ? "identifiable" : "weak", severity: strong ? ("error" as const) : ("warning" as const), data: { what: what.join(", ") }, range, fixes: [...attributionFix, fixes.authorizationReference(t.range), fixes.disable("testimonial/identifiable-patient", range)] };
      const auth = authorize(t.range, elements);
      if (auth.status === "none" && consentClaimed && strong) report({ ...base, messageId: "consent", severity: "warning" });
      else report(withAuthorization(base, auth));
    }
  }),
});
