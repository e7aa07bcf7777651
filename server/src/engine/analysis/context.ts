// Patient context: which sentences speak of one specific patient, and which identifiers and health
// details are tied to that patient, across sentences and paragraphs.
import type { ParsedDocument } from "../types";
import { nameTokens } from "./owners";
import { rx, words } from "./pattern-kit";
import type { DocumentAnalysis, IdentifierMention, SentenceInfo } from "./types";

const SPECIFIC_CUES = new Set(["patient-reference", "care-event", "records", "case-study"]);
/** Hypothetical cues that also introduce a real case ("for example, one of our patients ..."). */
const WEAK_HYPOTHETICAL = /^for (?:example|instance)$/i;
const GENERAL_CUES = new Set(["general", "hypothetical", "aggregate", "composite"]);

/** A heading or title that says what follows is one patient's case. */
const CASE_HEADING = rx("i", /\b/, words(["case report", "clinical case", "(?:patient|client) (?:case|profile|background|history|presentation|of the month)", "presenting (?:complaint|problem)"]), /\b/);
/** Later sections of the same case: "Procedure", "Outcome", "Follow-up". */
const CASE_PART = rx("i", /^(?:the )?/, words(["procedure", "surgery", "treatment(?: plan)?", "plan", "course", "hospital course", "outcome", "results?", "follow-?up", "recovery", "assessment", "diagnosis", "findings", "history", "intervention", "discharge", "progress"]), /s?\b/);

/**
 * Gives every sentence of a case section (under a heading such as "Patient profile" up to the next
 * heading, or the next ones that continue the case: "Procedure", "Outcome") a case-study cue: its
 * fragments are one patient's details.
 */
export function markCaseSections(doc: ParsedDocument, a: DocumentAnalysis): void {
  const title = doc.frontmatter?.title;
  let depth = typeof title === "string" && CASE_HEADING.test(title) ? 0 : -1;
  const byBlock = new Map<number, SentenceInfo[]>();
  for (const s of a.sentences) {
    const list = byBlock.get(s.block);
    if (list) list.push(s);
    else byBlock.set(s.block, [s]);
  }
  for (const b of doc.blocks) {
    if (b.kind === "heading") {
      // the section ends at the next heading, unless it continues the case ("## Outcome")
      if (depth >= 0 && !((b.depth ?? 1) === depth && CASE_PART.test(b.text.trim()))) depth = -1;
      if (CASE_HEADING.test(b.text)) depth = b.depth ?? 1;
      continue;
    }
    if (depth < 0 || b.kind !== "paragraph") continue;
    for (const s of byBlock.get(b.index) ?? []) {
      if (s.cues.some((c) => c.kind === "general" || c.kind === "hypothetical" || c.kind === "composite" || c.kind === "aggregate")) continue;
      const lead = /^[^,.;:!?]{1,60}/.exec(s.text)?.[0] ?? s.text;
      s.cues.push({ kind: "case-study", start: s.start, end: s.start + lead.trimEnd().length });
    }
  }
}

/** Decides, sentence by sentence, whether the text speaks of a specific patient. */
export function markPatientContext(a: DocumentAnalysis): void {
  // a reply, or a letter that opens by greeting someone by name ("Welcome aboard, Trevor Banks!")
  // (a reply greets the reviewer by the name they posted under: the review rules judge that)
  const replyKind = a.kind === "review-reply" || a.kind === "social" || a.kind === "comment-reply";
  const letter = !replyKind && opensAsLetter(a);
  const reply = replyKind || letter;
  let previous: SentenceInfo | undefined;
  // People introduced in a hypothetical or fictional example ("a fictional 9-year-old we'll call Sam") stay made up.
  const madeUp = new Set<string>();
  for (const s of a.sentences) {
    if (!s.cues.some((c) => c.kind === "hypothetical" || c.kind === "composite")) continue;
    for (const i of s.mentions) if (a.mentions[i].type === "name") nameTokens(a.mentions[i].text).forEach((t) => madeUp.add(t));
    for (const m of s.text.matchAll(NAMED_AS)) madeUp.add(m[1].toLowerCase());
  }
  const real = (m: IdentifierMention): boolean => !nameTokens(m.text).every((t) => madeUp.has(t));
  for (const s of a.sentences) {
    const kinds = new Set(s.cues.map((c) => c.kind));
    const general = [...kinds].some((k) => GENERAL_CUES.has(k));
    const specific = [...kinds].some((k) => SPECIFIC_CUES.has(k));
    // (donors and sponsors thanked by name are not patients for being named near a health word)
    const personal = !kinds.has("donor") && s.mentions.some((i) => a.mentions[i].type === "name" && a.mentions[i].owner === "unknown" && real(a.mentions[i]));
    // a name and a health detail of the same clause: not a speaker outside a quotation about health in general
    const specificHealth = !kinds.has("donor") && s.health.some((i) => a.health[i].specific && s.mentions.some((k) => a.mentions[k].type === "name" && a.mentions[k].owner === "unknown" && real(a.mentions[k]) && sameClause(s, a.mentions[k], a.health[i])));
    const yourCare = reply && /\byour\b/i.test(s.text) && s.health.length > 0 && !general;
    const continues = previous !== undefined && previous.patientContext && previous.block === s.block && /^(?:she|he|they|her|his|their|after|now|today|since then)\b/i.test(s.text);
    s.general = general && !specific && !personal;
    // "For example, patient Nora Blevins could not log in": an example drawn from a real patient is not hypothetical
    const hypothetical = s.cues.some((c) => c.kind === "hypothetical" && !(WEAK_HYPOTHETICAL.test(s.text.slice(c.start - s.start, c.end - s.start)) && kinds.has("patient-reference")));
    s.patientContext = !hypothetical && !kinds.has("composite") && (specific || yourCare || (personal && specificHealth) || continues);
    // in a letter, the person greeted is the one whose care the letter speaks of
    if (letter && s.patientContext && yourCare) for (const g of a.sentences.slice(0, 3)) if (GREETING_LINE.test(g.text)) g.patientContext = true;
    // a public figure's own story, or history, is not a patient's
    if ((kinds.has("public-figure") || kinds.has("history")) && !kinds.has("patient-reference")) s.patientContext = false;
    // "everyone who came to our screening", "87% of our patients": a group, not one patient
    if (kinds.has("aggregate") && !kinds.has("patient-reference")) s.patientContext = false;
    // the review being answered, quoted in the reply, is the reviewer's own account
    if (a.quoted.has(s.index) || a.subject === "animals") s.patientContext = false;
    previous = s;
  }
  // A named person, then pronouns with health details in the next sentences of the same paragraph:
  // the whole passage is about that person.
  for (let i = 0; i < a.sentences.length; i++) {
    const s = a.sentences[i];
    const named = s.mentions.some((k) => a.mentions[k].type === "name" && a.mentions[k].owner === "unknown" && a.mentions[k].confidence >= 0.7);
    if (!named || s.general || s.cues.some((c) => c.kind === "hypothetical" || c.kind === "composite" || c.kind === "public-figure")) continue;
    for (let j = i + 1; j < a.sentences.length && j <= i + 3 && a.sentences[j].block === s.block; j++) {
      const t = a.sentences[j];
      // (not a provider's expertise: "she specializes in diabetes care")
      if (!/\b(?:she|he|her|his|they|their|him)\b/i.test(t.text) || t.general || EXPERTISE.test(t.text)) break;
      if (t.health.some((k) => a.health[k].specific)) {
        s.patientContext = true;
        t.patientContext = true;
      }
    }
  }
  // Names the document treats as patients, so that their other identifiers count too.
  const patientTokens = new Set<string>();
  const unknownName = (m: IdentifierMention): boolean => m.type === "name" && m.owner === "unknown" && m.confidence >= 0.55 && real(m);
  for (const m of a.mentions) if (unknownName(m) && a.sentences[m.sentence].patientContext) nameTokens(m.text).forEach((t) => patientTokens.add(t));
  const namesPatient = (m: IdentifierMention): boolean => unknownName(m) && nameTokens(m.text).some((t) => patientTokens.has(t));
  // Paragraphs that speak of a specific patient somewhere.
  const patientBlocks = new Set(a.sentences.filter((s) => s.patientContext).map((s) => s.block));
  for (const m of a.mentions) {
    if (m.owner !== "unknown") continue;
    const s = a.sentences[m.sentence];
    m.tied = s.patientContext || namesPatient(m) || s.mentions.some((i) => namesPatient(a.mentions[i])) || carriesPatientName(m, patientTokens);
    // A unique identifier (a phone, a record number, a device serial) in a paragraph about a patient
    // is that patient's, unless its own sentence points to the office; so is the date of care told
    // there ("On May 2 Dr. Lee completed the hospital's first robotic knee replacement.").
    // (In a reply, the handle addressed is the social rule's to report.)
    const officeOrExample = s.cues.some((c) => c.kind === "call-office" || c.kind === "hypothetical");
    const careTold = m.type === "date" && m.confidence >= 0.7 && (s.health.length > 0 || s.cues.some((c) => c.kind === "care-event"));
    if (!m.tied && (UNIQUE_TYPES.has(m.type) || careTold) && !(reply && m.type === "handle") && patientBlocks.has(m.block) && !officeOrExample) m.tied = true;
    // "She", "his" in the next sentences about a patient (or the first of the next paragraph): the same person.
    if (!m.tied && PRONOUN.test(s.text) && !officeOrExample && previousSentences(a, s).some((p) => p.patientContext)) m.tied = true;
  }
  // Sentences that speak of a patient named just before by pronoun.
  for (const s of a.sentences) {
    if (s.general || !PRONOUN.test(s.text) || s.mentions.some((i) => namesPatient(a.mentions[i]))) continue;
    for (const p of previousSentences(a, s)) {
      const named = p.mentions.find((i) => namesPatient(a.mentions[i]) && a.mentions[i].tied);
      if (named !== undefined) {
        s.refersTo = named;
        break;
      }
    }
  }
}

/** True when one of the first sentences greets a person by name: the document is a message to them. */
const GREETING_LINE = /^(?:hi|hello|hey|dear|welcome(?: aboard| back)?|congrats|congratulations)\b[,!]?\s/i;
export function opensAsLetter(a: DocumentAnalysis): boolean {
  return a.sentences.slice(0, 3).some((s) => GREETING_LINE.test(s.text) && s.mentions.some((i) => a.mentions[i].type === "name" && a.mentions[i].owner === "unknown" && a.mentions[i].start - s.start < 30));
}

/**
 * True when a name and a health mention belong to one statement: not split by a quotation's edge
 * (unless the quotation speaks of "my" health) or by a colon or semicolon.
 */
function sameClause(s: SentenceInfo, name: { start: number; end: number }, health: { start: number; end: number }): boolean {
  const from = Math.min(name.end, health.end);
  const to = Math.max(name.start, health.start);
  const between = s.text.slice(Math.max(0, from - s.start), Math.max(0, to - s.start));
  if (/[:;]/.test(between)) return false;
  if (/["“”]/.test(between)) {
    const quoted = /["“]([^"“”]*)["”]/.exec(s.text)?.[1] ?? "";
    return /\b(?:I|I'm|I've|my|me)\b/.test(quoted);
  }
  return true;
}

/** The name a made-up example is given: 'we'll call "Sam"', 'a patient named Ana'. */
const NAMED_AS = /\b(?:call|called|named|name)\s(?:(?:him|her|them|this (?:patient|client|person))\s)?["“'‘]?([A-Z][a-z]{1,20})\b/g;
/** Words of a clinician's expertise ("specializes", "board-certified"). */
const EXPERTISE = rx("i", /\b/, words(["speciali[sz]es?", "specialty", "treats", "offers", "leads", "teaches", "trained", "certified", "expert(?:ise)?", "board-certified", "fellowship", "residency", "practices"]), /\b/);

/** Identifier types that point to one person wherever they appear (not dates or towns). */
const UNIQUE_TYPES = new Set(["phone", "fax", "email", "ssn", "record-number", "health-plan", "account", "license", "vehicle", "device", "url", "handle", "ip", "biometric"]);
/** A pronoun for one person ("they" is too often everyone: "patients ... their"). */
const PRONOUN = /\b(?:she|he|her|his|him|hers)\b/i;

/** Up to three sentences before `s` in its paragraph; for a paragraph's first sentence, the last two of the paragraph before. */
function previousSentences(a: DocumentAnalysis, s: SentenceInfo): SentenceInfo[] {
  const out: SentenceInfo[] = [];
  for (let i = s.index - 1; i >= 0 && i >= s.index - 3 && a.sentences[i].block === s.block; i--) out.push(a.sentences[i]);
  const first = s.index === 0 || a.sentences[s.index - 1].block !== s.block;
  if (first && s.index > 0) {
    const block = a.sentences[s.index - 1].block;
    for (let i = s.index - 1; i >= 0 && i >= s.index - 2 && a.sentences[i].block === block; i--) out.push(a.sentences[i]);
  }
  return out;
}

/** An email, URL or handle spelled with a patient's name ("gwen.hollister@", "/help-darnell-beat-leukemia"). */
function carriesPatientName(m: IdentifierMention, patientTokens: Set<string>): boolean {
  if (m.type !== "email" && m.type !== "url" && m.type !== "handle") return false;
  return m.text
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((t) => t.length >= 3 && patientTokens.has(t));
}

