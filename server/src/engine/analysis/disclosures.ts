// Who each disclosing passage is about, and how sure a reviewer would be: the learned model's
// sentences get a voice (the patient speaking, the person a reply addresses, someone described),
// the identifiers in their scope, and a severity. Names in the scope of a certain disclosure are
// that patient's identifiers (recall first in a patient's scope, silence outside it).
import type { ParsedDocument } from "../types";
import { disclosureModel, scoreDocument, type DisclosureModel, type DocumentJudgement, type ModelDisclosure } from "./model";
import { opensAsLetter } from "./context";
import { firstPerson } from "./features";
import { nameCandidates } from "./name-candidates";
import { rx, words } from "./pattern-kit";
import type { Disclosure, DisclosureVoice, DocumentAnalysis, IdentifierMention, SentenceInfo } from "./types";

const YOU = /\b(?:you|your|you're|you’re|you've|you’ve|yours|yourself|ur|u)\b/i;
const REPLY_KINDS = new Set(["review-reply", "comment-reply"]);

/** A line that looks like an attribution: up to four capitalised words or initials, maybe a place or role after a comma. */
function looksLikeAttribution(line: string): boolean {
  const text = line.replace(/^[-–—~*\s]+/, "");
  const cut = text.search(/[,(|–—]/);
  const head = (cut < 0 ? text : text.slice(0, cut)).trim();
  const tail = cut < 0 ? "" : text.slice(cut + 1);
  const words = head.split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) && tail.length <= 40 && !/\d{3}/.test(tail);
}

/** A short line that is a date or holds a number ("February 2021.", "Age 34"). */
const DATE_LINE = /^(?=(?:\S+\s+){0,4}\S+$)(?=.*(?:\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))/i;

/** Identifier types that identify a person in a disclosure's scope. */
const IDENTIFYING: Record<string, string> = { name: "name", location: "town", address: "address", zip: "ZIP code", age: "age", email: "email", phone: "phone", handle: "handle", url: "web address", date: "date", photo: "photo", other: "identifying detail" };

/** Cues that say the people of a sentence are not patients. */
const NOT_PATIENT_CUES = new Set(["donor", "hypothetical", "composite", "public-figure", "history", "aggregate", "general"]);

/** A document this long or shorter is one scope; a longer one is scoped by sections. */
const ONE_SCOPE_WORDS = 700;

/** The voice of a disclosing sentence in its document. */
function voiceOf(a: DocumentAnalysis, s: SentenceInfo): DisclosureVoice {
  const reply = REPLY_KINDS.has(a.kind);
  // a testimonial's quote and attribution are the patient's own
  if (a.testimonials.some((t) => t.quoteBlocks.includes(s.block) || t.attributionBlocks.includes(s.block))) return "patient";
  if (YOU.test(s.text) && (reply || a.kind === "social" || a.kind === "testimonial" || opensWithGreeting(a))) return "addressed";
  if (!reply && firstPerson(s.text)) return "patient";
  return "described";
}

const GREETING = /^(?:hi|hello|hey|dear|welcome|congrats|congratulations|thank you|thanks)\b/i;
const opensWithGreeting = (a: DocumentAnalysis): boolean => a.sentences.slice(0, 2).some((s) => GREETING.test(s.text.trim()));

/** Sentence indexes of the scope around a sentence: the document, or its section between headings. */
function scopeOf(doc: ParsedDocument, a: DocumentAnalysis, s: SentenceInfo, words: number): [number, number] {
  if (words <= ONE_SCOPE_WORDS) return [0, a.sentences.length - 1];
  let from = s.index;
  while (from > 0 && doc.blocks[a.sentences[from - 1].block]?.kind !== "heading") from--;
  let to = s.index;
  while (to + 1 < a.sentences.length && doc.blocks[a.sentences[to + 1].block]?.kind !== "heading") to++;
  return [from, to];
}

const patientIdentifier = (m: IdentifierMention): boolean => m.owner === "unknown" && m.detail !== "provider" && IDENTIFYING[m.type] !== undefined && (m.type !== "name" || m.confidence >= 0.55) && (m.type !== "date" || m.confidence >= 0.7);

/** Judges the model's sentences and records them as `analysis.disclosures`; ties the names in their scope. */
export function markDisclosures(doc: ParsedDocument, a: DocumentAnalysis, model: DisclosureModel = disclosureModel()): void {
  a.disclosures = [];
  if (a.subject === "animals") return;
  // a writer who says the story is a composite or made up tells no one's health
  if (a.sentences.some((s) => s.cues.some((c) => c.kind === "composite"))) return;
  const judgement = scoreDocument(doc, a, model);
  const words = a.sentences.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
  const owned = ownedHealth(doc, a, judgement, words);
  // a sentence the model reports as a warning and the patient's scope owns is an error
  const levels = new Map(owned.map((d) => [d.sentence, d.level]));
  const merged = [...judgement.disclosures.map((d) => (levels.get(d.sentence) === "error" ? { ...d, level: "error" as const } : d)), ...owned.filter((d) => !judgement.disclosures.some((m) => m.sentence === d.sentence))];
  const scored = merged.filter((d) => !a.quoted.has(d.sentence) && !a.sentences[d.sentence].general && !onlyAPointer(a, a.sentences[d.sentence]) && !onlyStaff(a, a.sentences[d.sentence]) && !tellsNothing(a, a.sentences[d.sentence])).sort((x, y) => x.sentence - y.sentence);
  gateByModel(a, judgement.aboutPatient, scored.map((d) => d.sentence));
  if (scored.length === 0) return;
  const reply = REPLY_KINDS.has(a.kind);
  const photo = doc.images.length > 0;
  // names (and name-shaped words) in the scope of a probable disclosure first: they make it identifiable
  tieNamesInScope(doc, a, words, scored.filter((d) => d.level === "error").map((d) => d.sentence));
  for (const d of scored) {
    const s = a.sentences[d.sentence];
    const [from, to] = scopeOf(doc, a, s, words);
    const ids = new Set<string>();
    for (let k = from; k <= to; k++) for (const i of a.sentences[k].mentions) if (patientIdentifier(a.mentions[i]) && !a.quoted.has(k)) ids.add(IDENTIFYING[a.mentions[i].type]);
    if (photo && words <= ONE_SCOPE_WORDS) ids.add("photo");
    if (reply) ids.add("the review answered");
    const certain = d.level === "error";
    const disclosure: Disclosure = { sentence: d.sentence, probability: d.probability, voice: voiceOf(a, s), severity: certain && ids.size > 0 ? "error" : "warning", identifiers: [...ids], reasons: d.reasons };
    a.disclosures.push(disclosure);
  }
}

/**
 * A sentence whose only health words are a generic insurer, bill or visit, with no care event or
 * past time, points the reader somewhere ("call to check your insurance coverage"); it tells nothing.
 */
function onlyAPointer(a: DocumentAnalysis, s: SentenceInfo): boolean {
  if (s.health.length === 0 || s.cues.some((c) => c.kind === "care-event" || c.kind === "patient-reference" || c.kind === "records" || c.kind === "case-study")) return false;
  return s.health.every((i) => !a.health[i].specific && (a.health[i].category === "insurance" || a.health[i].category === "billing" || a.health[i].category === "visit")) && !/\b(?:was|were|had|did|came|got|went)\b/i.test(s.text);
}

/**
 * Sentences that tell nothing: no health word, identifier, care cue or person; a question to
 * readers outside a reply; a lone word.
 */
function tellsNothing(a: DocumentAnalysis, s: SentenceInfo): boolean {
  // a sentence with no health word, no identifier, no care cue and no person in it tells no one's health
  // (an attribution line is a person: "Susan G", "CW", "— Merle, Spokane")
  const substance = s.health.length > 0 || s.mentions.some((i) => a.mentions[i].owner === "unknown") || s.cues.some((c) => OWNED_CUES.has(c.kind)) || PERSONAL.test(s.text) || YOU.test(s.text) || looksLikeAttribution(s.text.trim()) || DATE_LINE.test(s.text.trim());
  if (!substance) return true;
  // the attribution of a testimonial the testimonial rule reports (health told, identifiers given)
  if (a.testimonials.some((t) => t.attributionBlocks.includes(s.block) && a.health.some((h) => t.quoteBlocks.includes(h.block) || t.attributionBlocks.includes(h.block)) && a.mentions.some((m) => t.attributionBlocks.includes(m.block) && m.owner === "unknown" && (m.type === "name" || m.type === "location" || m.type === "age")))) return true;
  if (!REPLY_KINDS.has(a.kind) && /\?["”']?$/.test(s.text.trim())) return true;
  return s.text.trim().split(/\s+/).length < 2 && !/^\p{Lu}/u.test(s.text.trim()) && s.mentions.length === 0 && s.health.length === 0;
}

/** A sentence that names only staff and tells no health detail (a provider's name in a prop, a byline). */
function onlyStaff(a: DocumentAnalysis, s: SentenceInfo): boolean {
  const names = s.mentions.map((i) => a.mentions[i]).filter((m) => m.type === "name");
  return s.health.length === 0 && names.length > 0 && names.every((m) => m.owner === "staff" || m.detail === "provider" || /^(?:dr|doctor)\b/i.test(m.text));
}

/** A patient's scope owns the health details in it: its sentences that tell a health detail or a care event. */
/** A person or a past event: I, she, his, a family member, or a past-tense verb. */
const PERSONAL = rx("", String.raw`\b`, words(["I", "I'm", "I’m", "I've", "I’ve", "me", "my", "he", "she", "him", "her", "his", "son", "daughter", "husband", "wife", "mom", "mum", "mother", "dad", "father", "was", "were", "had", "did", "came", "went", "got", "felt", "told", "started", "began"]), String.raw`\b`);
/** A family member or a patient spoken of in the third person. */
const PERSONAL_OTHER = /\b(?:son|daughter|husband|wife|mom|mum|mother|dad|father|child|grandson|granddaughter|patient|client)\b/i;
/** Words of general advice and of what is usually so. */
const GENERALLY = rx("i", String.raw`\b`, words(["many", "most", "often", "usually", "typically", "generally", "commonly", "people who", "patients who", "if you", "you can", "you may", "you might", "you should"]), String.raw`\b`);
const CLINICAL = new Set(["condition", "symptom", "procedure", "medication", "test", "treatment"]);
const OWNED_CUES = new Set(["care-event", "patient-reference", "records", "second-person-care", "case-study", "past-event"]);

/**
 * Sentences of a patient's scope that tell a health detail or care event the model left below its
 * thresholds: in a short document the model judges to be about a patient, the whole document; in a
 * longer one, the paragraphs around the sentences it reports.
 */
function ownedHealth(doc: ParsedDocument, a: DocumentAnalysis, j: DocumentJudgement, words: number): ModelDisclosure[] {
  if (!j.aboutPatient) return [];
  const anchors = j.disclosures.map((d) => a.sentences[d.sentence].block);
  const inScope = (s: SentenceInfo): boolean => words <= ONE_SCOPE_WORDS || anchors.some((b) => Math.abs(b - s.block) <= 1);
  const out: ModelDisclosure[] = [];
  for (const s of a.sentences) {
    if (!inScope(s) || doc.blocks[s.block]?.kind === "heading") continue;
    // a condition, symptom, procedure, drug or test; an insurer, a bill or a visit only with a care event
    const owned = s.health.some((i) => a.health[i].specific || CLINICAL.has(a.health[i].category)) || s.cues.some((c) => OWNED_CUES.has(c.kind));
    // about someone in particular (a person, a past event), not general advice or the staff's work
    const personal = PERSONAL.test(s.text) || s.mentions.some((i) => a.mentions[i].type === "name" && a.mentions[i].owner === "unknown") || s.cues.some((c) => c.kind === "care-event" || c.kind === "patient-reference" || c.kind === "case-study");
    // (a sentence about the staff's work names them and no one else: "Dr. Cho leads our screening program")
    const aboutStaff = !firstPerson(s.text) && !PERSONAL_OTHER.test(s.text) && (s.cues.some((c) => c.kind === "staff") || s.mentions.some((i) => a.mentions[i].owner === "staff" || a.mentions[i].detail === "provider"));
    const general = GENERALLY.test(s.text) || s.cues.some((c) => NOT_PATIENT_CUES.has(c.kind)) || aboutStaff;
    if (!owned || !personal || general) continue;
    out.push({ sentence: s.index, probability: j.probabilities[s.index], level: "error", reasons: ["a health detail in a document about a patient's care"] });
  }
  return out;
}

/**
 * The model decides whose text it is: outside a document it judges to be about a patient and away
 * from the sentences it reports, the cue-based patient context is dropped, so identifiers and health
 * words there are not tied to anyone (an organisation's phone in a guide, a company called "Phil").
 * Replies keep their own rules: the person a reply answers is its patient by definition.
 */
function gateByModel(a: DocumentAnalysis, aboutPatient: boolean, reported: number[]): void {
  if (aboutPatient || REPLY_KINDS.has(a.kind)) return;
  const near = (i: number): boolean => reported.some((r) => Math.abs(r - i) <= 2 && Math.abs(a.sentences[r].block - a.sentences[i].block) <= 1);
  // (the sentence's own patient context stays: the story and reply rules read their cues themselves)
  for (const s of a.sentences) if (!near(s.index)) s.refersTo = undefined;
  // a sentence that itself speaks of a specific patient by a cue ("our patient", "came in with"), or
  // a letter to a patient greeted by name, keeps its ties: that is evidence the model may lack
  const letter = opensAsLetter(a);
  const cued = (i: number): boolean => a.sentences[i].patientContext && (letter || a.sentences[i].cues.some((c) => STRONG_CUES.has(c.kind)));
  for (const m of a.mentions) if (m.tied && !near(m.sentence) && !cued(m.sentence)) m.tied = false;
}

const STRONG_CUES = new Set(["patient-reference", "care-event", "records", "second-person-care", "case-study"]);

/**
 * In the scope of a probable disclosure, a name that is not staff's, the practice's or a public
 * figure's is the patient's (tied), and so are name-shaped words no lexicon knows (recall first).
 */
function tieNamesInScope(doc: ParsedDocument, a: DocumentAnalysis, words: number, certain: number[]): void {
  // a reply greets the reviewer by the name they posted under: the review rules judge that
  if (REPLY_KINDS.has(a.kind) || certain.length === 0) return;
  const inScope = new Set<number>();
  for (const index of certain) {
    const s = a.sentences[index];
    const [from, to] = scopeOf(doc, a, s, words);
    // the disclosing paragraph, the short lines of the scope (attributions, record fields) and the
    // front matter or props that describe the record
    for (let k = from; k <= to; k++) {
      const o = a.sentences[k];
      const kind = doc.blocks[o.block]?.kind;
      if (o.block === s.block || o.text.length < 60 || kind === "frontmatter" || kind === "jsxAttribute") inScope.add(k);
    }
  }
  const staff = a.staffNames;
  // a testimonial's attribution is the testimonial rule's to report
  const attribution = new Set(a.testimonials.flatMap((t) => t.attributionBlocks));
  // donors, made-up examples, public figures, history and staff are nobody's patients
  const notPatient = (k: number): boolean => [a.sentences[k], a.sentences[k - 1]].some((o) => o !== undefined && o.block === a.sentences[k].block && o.cues.some((c) => NOT_PATIENT_CUES.has(c.kind)));
  for (const m of a.mentions) {
    if (m.type !== "name" || m.owner !== "unknown" || m.detail === "provider" || m.tied || m.confidence < 0.6 || !inScope.has(m.sentence) || attribution.has(m.block)) continue;
    if (a.quoted.has(m.sentence) || a.sentences[m.sentence].general || notPatient(m.sentence)) continue;
    if (m.text.toLowerCase().split(/\s+/).some((t) => staff.has(t))) continue;
    m.tied = true;
  }
  // name candidates no lexicon knows, in the short lines of the scope (attributions, record fields)
  for (const k of inScope) {
    const s = a.sentences[k];
    const block = doc.blocks[s.block];
    if (a.quoted.has(k) || s.general || notPatient(k) || attribution.has(s.block) || block.kind === "heading") continue;
    for (const c of nameCandidates(s, block, a)) {
      a.mentions.push({ type: "name", range: c.range, block: s.block, start: c.start, end: c.end, text: c.text, sentence: k, confidence: 0.6, owner: "unknown", tied: true, detail: c.detail });
      s.mentions.push(a.mentions.length - 1);
    }
  }
}
