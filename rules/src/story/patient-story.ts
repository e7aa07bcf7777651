// story/patient-story: a narrative about a specific patient or case, without an authorization.
import { blockRange, proseRange, rx, words } from "@safeharbor/server/engine";
import { AUTHORIZATION_MESSAGES, DISCLOSURE_MESSAGES, withDisclosures, capForConsentClaim, defineRule, withAuthorization } from "../define";

const SPECIFIC = new Set(["patient-reference", "care-event", "records", "case-study"]);
/** Past-tense verbs of a story ("she came in", "he struggled"). */
const PAST = rx(
  "i",
  /\b/,
  words(["was", "were", "had", "came", "went", "struggled", "told", "found", "felt", "started", "began", "arrived", "called", "needed", "suffered", "lost", "fought", "decided", "showed", "walked", "asked", "cried", "said", "could(?:n't| not)", "did(?:n't| not)?", "got", "became", "tried", "hid", "missed", "broke", "tore", "fell"]),
  /\b/,
);
const QUASI = new Set(["name", "age", "location", "address", "zip", "date", "email", "phone", "url", "handle", "other"]);

export default defineRule({
  meta: {
    id: "story/patient-story",
    family: "story",
    description: "Flags stories about a specific patient or case (including anonymous anecdotes) without an authorization.",
    severity: "warning",
    hipaa: "45 CFR 164.502(a); 164.514(b)(2)(ii) (actual knowledge); 164.508",
    category: "Patient story",
    fixable: true,
    messages: {
      ...DISCLOSURE_MESSAGES,
      ...AUTHORIZATION_MESSAGES,
      story: "Story about a specific patient with no authorization on record; a patient may recognise themselves. Make it a general example, state that it is a composite, or record an authorization.",
      identifiable: "Story about a specific patient with details that can identify them ({what}) and no authorization on record; remove the details or record an authorization.",
      detail: "A detail of this story can single the patient out to people who know them (a unique role, their work, a hint that readers know them); remove it.",
    },
    docs: `A narrative about one specific patient or case ("one of my clients", "a patient came in last
week", an ER anecdote on social media) can identify the patient to the people around them even
with no name, and discloses their care. It is a warning; it is an error when it also carries
identifiers or quasi-identifiers: an age with an occupation or a town, a unique role, dates.
General and hypothetical examples, aggregates and stated composites are not flagged, and neither
is a writer's account of their own health. Fix: turn it into a general educational paragraph,
state that it is a composite with details changed, or record an authorization.`,
  },
  check: withDisclosures("story/patient-story", (d, a) => d.voice !== "patient" && a.kind !== "review-reply" && a.kind !== "comment-reply" && !(a.kind === "social" && d.voice === "addressed"), ({ analysis, document, fixes, authorize, report }) => {
    if (analysis.kind === "review-reply" || analysis.kind === "testimonial") return;
    const inTestimonial = new Set(analysis.testimonials.flatMap((t) => [...t.quoteBlocks, ...t.attributionBlocks]));
    const composite = analysis.sentences.some((s) => s.cues.some((c) => c.kind === "composite"));
    if (composite) return;
    const reported = new Set<number>();
    let caseReported = false;
    for (const s of analysis.sentences) {
      if (!s.patientContext || s.general || reported.has(s.block) || inTestimonial.has(s.block)) continue;
      const block = document.blocks[s.block];
      if (block.kind !== "paragraph" && block.kind !== "tableCell") continue;
      const cue = s.cues.find((c) => c.kind === "patient-reference") ?? s.cues.find((c) => SPECIFIC.has(c.kind));
      if (!cue) continue;
      // a case written under headings is one story, reported at its first paragraph
      if (cue.kind === "case-study" && caseReported) continue;
      if (cue.kind === "case-study") caseReported = true;
      // The writer's own health is not a patient story.
      if (cue.kind !== "patient-reference" && /^(?:I|I'm|I've|My|Me)\b/.test(s.text)) continue;
      const story = analysis.sentences.filter((o) => o.block === s.block && o.index >= s.index);
      // A story tells what happened: a care event, a past time, or a past-tense verb.
      const narrative = story.some((o) => o.cues.some((c) => c.kind === "care-event" || c.kind === "past-event" || c.kind === "case-study") || PAST.test(o.text));
      if (!narrative) continue;
      reported.add(s.block);
      const quasi = story.flatMap((o) => o.mentions.map((i) => analysis.mentions[i])).filter((m) => QUASI.has(m.type) && m.owner === "unknown");
      const details = story
        .flatMap((o) => o.cues.filter((c) => c.kind === "identifying-detail"))
        .sort((a, b) => a.start - b.start || b.end - a.end)
        .filter((d, i, all) => !all.slice(0, i).some((o) => o.start < d.end && d.start < o.end));
      const uniqueRole = details.length > 0;
      const what = [...new Set([...quasi.map((m) => (m.type === "address" || m.type === "zip" ? "location" : m.type)), ...(uniqueRole ? ["a unique role"] : [])])];
      const range = { start: s.range.start, end: proseRange(block, cue.start, cue.end).end };
      const base = {
        messageId: what.length ? "identifiable" : "story",
        severity: what.length ? ("error" as const) : ("warning" as const),
        data: { what: what.join(", ") },
        range,
        fixes: [fixes.template("story-scaffold", blockRange(block), "Replace the story with a general educational paragraph"), fixes.authorizationReference(range), fixes.disable("story/patient-story", range)],
      };
      for (const d of details) {
        const at = proseRange(block, d.start, d.end);
        report(capForConsentClaim(withAuthorization({ messageId: "detail", severity: "error", range: at, fixes: [fixes.authorizationReference(at), fixes.disable("story/patient-story", at)] }, authorize(at, ["story"])), analysis));
      }
      report(capForConsentClaim(withAuthorization(base, authorize(range, ["story", ...(what.includes("name") ? (["name"] as const) : []), ...(what.includes("age") ? (["age"] as const) : []), ...(what.includes("location") ? (["location"] as const) : [])])), analysis));
    }
  }),
});
