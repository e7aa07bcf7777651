// social/public-reply: a public post or reply addressed to a person that mentions their care.
import type { DocumentAnalysis, IdentifierMention, SentenceInfo } from "@safeharbor/server/engine";
import { either, proseRange, rx, words } from "@safeharbor/server/engine";
import { defineRule, DISCLOSURE_MESSAGES, withDisclosures } from "../define";
import { replyRange } from "../review/reply";

/** True when a name is the person the post speaks to: "Hi Jenna!", "Get well soon to Mr. Kim", "Sarah, great job". */
function addressed(analysis: DocumentAnalysis, m: IdentifierMention): boolean {
  const s = analysis.sentences[m.sentence];
  const before = s.text.slice(0, m.start - s.start);
  const after = s.text.slice(m.end - s.start);
  return GREETED.test(before) || (before.trim() === "" && /^[,!]/.test(after.trimStart())) || (before.trimEnd().endsWith(",") && /^[.!?]/.test(after.trimStart()));
}

const GREETED = rx("i", String.raw`(?:\b`, words(["to", "hi", "hello", "hey", "dear", "congrats", "congratulations", "thanks", "thank you", "welcome", "go", "way to go", "proud of you", "birthday", "yay", "wow"]), String.raw`)[,!]?\s*$`);
const CONTACT = new Set(["phone", "fax", "email", "url"]);
/** What the practice carries or offers, or what a source says: an answer to a general question. */
const OFFERING = rx(
  "i",
  either(
    /\bwe (?:carry|offer|have|stock|provide|accept|take|give|do|sell|run|host)\b/,
    /\b(?:is|are) available\b/,
    /\bno appointments? (?:needed|necessary|required)\b/,
    /\b(?:CDC|FDA|AAP|ADA|WHO|guidelines?|research|studies|experts?) (?:says?|recommends?|suggests?|shows?)\b/,
  ),
);

/** The sentences a mention's message holds: from its sentence to the end of its paragraph, or to the next message. */
function message(analysis: DocumentAnalysis, m: IdentifierMention, starts: Set<number>): SentenceInfo[] {
  const out: SentenceInfo[] = [];
  for (let i = m.sentence; i < analysis.sentences.length; i++) {
    const s = analysis.sentences[i];
    if (s.block !== analysis.sentences[m.sentence].block || (i > m.sentence && (starts.has(i) || analysis.quoted.has(i)))) break;
    out.push(s);
  }
  return out;
}

export default defineRule({
  meta: {
    id: "social/public-reply",
    family: "social",
    description: "Flags public posts or replies addressed to a person (@handle or name) that mention their condition, treatment or visit.",
    severity: "error",
    hipaa: "45 CFR 164.502(a); 164.514(b)(2)(i)(A), (N)",
    category: "Public reply about a person's care",
    fixable: true,
    messages: {
      ...DISCLOSURE_MESSAGES,
      addressed: "Public post addressed to a person about their care; anyone can read it. Move the conversation to a private channel.",
      care: "Public post tells a named person about their {what}; this discloses their care. Move it to a private channel.",
    },
    docs: `A social post or comment reply addressed to someone, by @handle or by name, that mentions their
condition, treatment, visit or appointment tells everyone who reads it that the person is a
patient and what for. Friendly messages count ("so glad your PT is going well"). Promotional posts
that address no one ("Book your flu shot today") are fine. Fix: swap in the private-channel
template, and follow up by direct message or phone.`,
  },
  check: withDisclosures("social/public-reply", (d, a) => a.kind === "comment-reply" || (a.kind === "social" && d.voice === "addressed"), ({ analysis, document, fixes, report }) => {
    if (analysis.kind !== "social" && analysis.kind !== "comment-reply") return;
    const whole = replyRange(document);
    const template = fixes.template("social-private", whole, "Replace the post with the private-channel template");
    // Who the post speaks to: a handle at the start of a sentence or after a greeting, or a name addressed.
    const people = analysis.mentions.filter((m) => m.owner === "unknown" && !analysis.quoted.has(m.sentence) && (m.type === "handle" || (m.type === "name" && m.detail !== "provider" && m.confidence >= 0.55)));
    const addressees = new Set(people.filter((m) => (m.type === "handle" ? atSentenceStart(analysis, m) || GREETED.test(before(analysis, m)) : addressed(analysis, m))));
    const starts = new Set([...addressees].map((m) => m.sentence));
    // each person, health detail and visit phrase is reported once, however many messages share it
    const reported = new Set<object>();
    const once = (item: object): boolean => !reported.has(item) && Boolean(reported.add(item));
    for (const person of people) {
      const isAddressee = addressees.has(person);
      // A message to someone covers the rest of its paragraph; a handle mid-sentence ("so proud of @sam"), its sentence.
      const sentences = isAddressee ? message(analysis, person, starts) : [analysis.sentences[person.sentence]];
      const about = sentences.filter((s) => {
        const kinds = new Set(s.cues.map((c) => c.kind));
        // privacy statements, general answers, calls to the office and what the practice offers are not about the person
        if (kinds.has("privacy") || kinds.has("general") || kinds.has("hypothetical") || kinds.has("aggregate") || kinds.has("call-office")) return false;
        if (s.mentions.some((i) => analysis.mentions[i].owner === "practice" && CONTACT.has(analysis.mentions[i].type))) return false;
        if (OFFERING.test(s.text) && !kinds.has("second-person-care")) return false;
        return s.health.length > 0 || kinds.has("second-person-care");
      });
      if (about.length === 0 || !once(person)) continue;
      report({ messageId: "addressed", range: person.range, fixes: [template, fixes.disable("social/public-reply", person.range)] });
      for (const s of about) {
        // "see you Thursday at 4", "your follow-up": the visit itself
        for (const c of s.cues) {
          if (c.kind !== "second-person-care" || s.health.some((i) => analysis.health[i].start < c.end && c.start < analysis.health[i].end) || !once(c)) continue;
          const range = proseRange(document.blocks[s.block], c.start, c.end);
          report({ messageId: "care", data: { what: "visit" }, range, fixes: [template] });
        }
        for (const i of s.health) {
          const h = analysis.health[i];
          if (!once(h)) continue;
          report({ messageId: "care", data: { what: h.category === "visit" ? "visit" : h.category === "condition" || h.category === "symptom" ? "condition" : "treatment" }, range: h.range, fixes: [template] });
        }
      }
    }
  }),
});

/** The text of a mention's sentence before it. */
function before(analysis: DocumentAnalysis, m: IdentifierMention): string {
  const s = analysis.sentences[m.sentence];
  return s.text.slice(0, m.start - s.start);
}

/** True when a mention opens its sentence (after quotation marks or a thread's bracketed label). */
function atSentenceStart(analysis: DocumentAnalysis, m: IdentifierMention): boolean {
  return /^[\s"“'‘(]*$/.test(before(analysis, m).replace(/^\s*\[[^\]\n]{0,80}\]/, ""));
}
