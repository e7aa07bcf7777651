// Builds the shared analysis of a document: sentences, identifiers, health information and context.
// Per-block work (patterns, lexicons, NLP) is cached by block text, so an edit re-analyses only the
// paragraphs it touched; the document-level pass (ownership, patient context, kind) is cheap.
import type { ResolvedConfig } from "../config/types";
import { VersionedCache } from "../cache";
import { proseRange } from "../text/range";
import type { ParsedDocument, ProseBlock } from "../types";
import { findCues } from "./cues";
import { findHealth, type RawHealth } from "./health";
import { findIdentifiers, type RawMention } from "./identifiers";
import { documentKind } from "./kind";
import { findNames, findPlaces, nlpLoaded, nlpPeople } from "./names";
import { nameTokens, resolveOwners } from "./owners";
import { findTestimonials } from "./testimonials";
import { splitSentences, type SentenceSpan } from "./sentences";
import { quotedSentences } from "./voices";
import { documentSubject } from "./subject";
import type { ContextCue, DocumentAnalysis, HealthMention, IdentifierMention, SentenceInfo } from "./types";

/** What the analysis finds in one block of text, independent of the document around it. */
interface BlockFacts {
  sentences: SentenceSpan[];
  mentions: RawMention[];
  health: RawHealth[];
  cues: ContextCue[];
}

/** Paragraph facts and NLP results of the last version of each document, and of recent text. */
export const blockCache = new VersionedCache<BlockFacts>();
export const nlpCache = new VersionedCache<RawMention[]>();

/** Pattern, lexicon and cue facts of a block's text. */
function blockFacts(text: string): BlockFacts {
  const ids = findIdentifiers(text);
  const names = findNames(text).filter((n) => !ids.some((m) => m.start < n.end && n.start < m.end && m.type !== "date"));
  const places = findPlaces(text).filter((p) => !names.some((n) => n.start < p.end && p.start < n.end) && !ids.some((m) => m.start < p.end && p.start < m.end));
  const mentions = [...ids.filter((m) => !names.some((n) => n.start <= m.start && m.end <= n.end)), ...names, ...places].sort((a, b) => a.start - b.start);
  return { sentences: splitSentences(text), mentions, health: findHealth(text), cues: findCues(text) };
}

/** Props and front matter keys whose whole value is a place or an age ("city", "age"). */
const PLACE_FIELD = /^(?:city|town|location|hometown|neighbou?rhood|county|address|from|lives?)$/i;
const AGE_FIELD = /^age$/i;

/** Mentions a block's field name implies: the value of a `city` prop is a place even with no "from". */
function fieldMentions(block: ProseBlock, raw: RawMention[]): RawMention[] {
  const field = block.attribute ?? block.key?.split(/[.[\]]+/).filter(Boolean).pop() ?? "";
  if (!field || raw.length) return [];
  const value = block.text.trim();
  const start = block.text.indexOf(value);
  if (PLACE_FIELD.test(field) && /^[A-Z]/.test(value) && !/^(?:online|remote|virtual)$/i.test(value)) {
    const city = /^[^,]+/.exec(value)?.[0] ?? value;
    return [{ type: "location", start, end: start + city.trimEnd().length, confidence: 0.8 }];
  }
  if (AGE_FIELD.test(field) && /^\d{1,3}$/.test(value)) return [{ type: "age", start, end: start + value.length, confidence: 0.8 }];
  return [];
}


/** Cues that make a block worth an NLP pass for names. */
const NLP_CUES = new Set(["patient-reference", "care-event", "records", "greeting", "consent-claim", "past-event"]);

/** Longer paragraphs (pasted data, not prose) skip the NLP pass; the lexicon pass still reads them. */
const NLP_MAX_CHARS = 5000;

function needsNlp(block: ProseBlock, facts: BlockFacts, kind: DocumentKind): boolean {
  if (block.text.length > NLP_MAX_CHARS) return false;
  if (!/[a-z]\s[A-Z][a-z]/.test(block.text) && !/^[A-Z][a-z]+\s[A-Z][a-z]+/.test(block.text)) return false;
  if (kind !== "post" || block.quoted || block.component || block.kind === "frontmatter" || block.kind === "jsxAttribute") return true;
  return facts.cues.some((c) => NLP_CUES.has(c.kind));
}

type DocumentKind = DocumentAnalysis["kind"];

const SPECIFIC_CUES = new Set(["patient-reference", "care-event", "records", "case-study"]);
/** Hypothetical cues that also introduce a real case ("for example, one of our patients ..."). */
const WEAK_HYPOTHETICAL = /^for (?:example|instance)$/i;
const GENERAL_CUES = new Set(["general", "hypothetical", "aggregate", "composite"]);

export interface AnalyzeOptions {
  /**
   * Skip the NLP pass, rather than load the library for it, while compromise is not loaded yet (a
   * language server's first diagnostics should not wait for it); the analysis then says `nlpDeferred`.
   */
  deferNlp?: boolean;
}

/** Analyses a parsed document once; every rule reads the result. */
export function analyzeDocument(doc: ParsedDocument, config: ResolvedConfig, options: AnalyzeOptions = {}): DocumentAnalysis {
  const skipNlp = options.deferNlp === true && !nlpLoaded();
  let nlpDeferred = false;
  const factsCache = blockCache.begin(doc.uri);
  const facts = doc.blocks.map((b) => {
    let f = factsCache.get(b.text);
    if (!f) factsCache.set(b.text, (f = blockFacts(b.text)));
    return f;
  });
  factsCache.commit();
  const people = nlpCache.begin(doc.uri);
  /** Person names from compromise for a block (one NLP pass per distinct block text). */
  const blockPeople = (text: string): RawMention[] => {
    let p = people.get(text);
    if (!p) people.set(text, (p = nlpPeople(text)));
    return p;
  };
  const opening = doc.blocks
    .filter((b) => b.kind !== "frontmatter" && b.kind !== "heading")
    .slice(0, 3)
    .map((b) => b.text)
    .join(" ");
  const kind = documentKind(doc, opening);
  const sentences: SentenceInfo[] = [];
  const mentions: IdentifierMention[] = [];
  const health: HealthMention[] = [];
  doc.blocks.forEach((block, bi) => {
    const f = facts[bi];
    let raw = f.mentions;
    const implied = fieldMentions(block, raw);
    if (implied.length) raw = implied;
    if (needsNlp(block, f, kind) && skipNlp) nlpDeferred = true;
    else if (needsNlp(block, f, kind)) {
      const extra = blockPeople(block.text).filter((p) => !raw.some((m) => m.start < p.end && p.start < m.end));
      if (extra.length) raw = [...raw, ...extra].sort((a, b) => a.start - b.start);
    }
    const first = sentences.length;
    for (const s of f.sentences) {
      sentences.push({ index: sentences.length, block: bi, range: proseRange(block, s.start, s.end), start: s.start, end: s.end, text: block.text.slice(s.start, s.end), cues: [], mentions: [], health: [], patientContext: false, general: false });
    }
    const sentenceAt = (offset: number): number => {
      for (let k = first; k < sentences.length; k++) if (offset < sentences[k].end) return k;
      return Math.max(first, sentences.length - 1);
    };
    if (sentences.length === first) return;
    for (const c of f.cues) sentences[sentenceAt(c.start)].cues.push(c);
    for (const m of raw) {
      const si = sentenceAt(m.start);
      sentences[si].mentions.push(mentions.length);
      mentions.push({ type: m.type, range: proseRange(block, m.start, m.end), block: bi, start: m.start, end: m.end, text: block.text.slice(m.start, m.end), sentence: si, confidence: m.confidence, owner: "unknown", tied: false, ...(m.detail ? { detail: m.detail } : {}) });
    }
    for (const h of f.health) {
      const si = sentenceAt(h.start);
      sentences[si].health.push(health.length);
      health.push({ category: h.category, range: proseRange(block, h.start, h.end), block: bi, start: h.start, end: h.end, text: block.text.slice(h.start, h.end), sentence: si, specific: h.specific });
    }
  });
  people.commit();
  const analysis: DocumentAnalysis = { kind, sentences, mentions, health, authorizations: [], staffNames: new Set(), testimonials: findTestimonials(doc), quoted: quotedSentences(doc, kind, sentences), subject: documentSubject(doc), ...(nlpDeferred ? { nlpDeferred } : {}) };
  resolveOwners(doc, analysis, config);
  markCaseSections(doc, analysis);
  markPatientContext(analysis);
  return analysis;
}

/** A heading or title that says what follows is one patient's case. */
const CASE_HEADING = /\b(?:case report|clinical case|(?:patient|client) (?:case|profile|background|history|presentation|of the month)|presenting (?:complaint|problem))\b/i;
/** Later sections of the same case: "Procedure", "Outcome", "Follow-up". */
const CASE_PART = /^(?:the )?(?:procedure|surgery|treatment(?: plan)?|plan|course|hospital course|outcome|results?|follow-?up|recovery|assessment|diagnosis|findings|history|intervention|discharge|progress)s?\b/i;

/**
 * Gives every sentence of a case section (under a heading such as "Patient profile" up to the next
 * heading, or the next ones that continue the case: "Procedure", "Outcome") a case-study cue: its
 * fragments are one patient's details.
 */
function markCaseSections(doc: ParsedDocument, a: DocumentAnalysis): void {
  const title = doc.frontmatter?.title;
  let depth = typeof title === "string" && CASE_HEADING.test(title) ? 0 : -1;
  for (const b of doc.blocks) {
    if (b.kind === "heading") {
      // the section ends at the next heading, unless it continues the case ("## Outcome")
      if (depth >= 0 && !((b.depth ?? 1) === depth && CASE_PART.test(b.text.trim()))) depth = -1;
      if (CASE_HEADING.test(b.text)) depth = b.depth ?? 1;
      continue;
    }
    if (depth < 0 || b.kind !== "paragraph") continue;
    for (const s of a.sentences) {
      if (s.block !== b.index || s.cues.some((c) => c.kind === "general" || c.kind === "hypothetical" || c.kind === "composite" || c.kind === "aggregate")) continue;
      const lead = /^[^,.;:!?]{1,60}/.exec(s.text)?.[0] ?? s.text;
      s.cues.push({ kind: "case-study", start: s.start, end: s.start + lead.trimEnd().length });
    }
  }
}

/** Decides, sentence by sentence, whether the text speaks of a specific patient. */
function markPatientContext(a: DocumentAnalysis): void {
  const reply = a.kind === "review-reply" || a.kind === "social" || a.kind === "comment-reply";
  let previous: SentenceInfo | undefined;
  for (const s of a.sentences) {
    const kinds = new Set(s.cues.map((c) => c.kind));
    const general = [...kinds].some((k) => GENERAL_CUES.has(k));
    const specific = [...kinds].some((k) => SPECIFIC_CUES.has(k));
    const personal = s.mentions.some((i) => a.mentions[i].type === "name" && a.mentions[i].owner === "unknown");
    // a name and a health detail of the same clause: not a speaker outside a quotation about health in general
    const specificHealth = s.health.some((i) => a.health[i].specific && s.mentions.some((k) => a.mentions[k].type === "name" && a.mentions[k].owner === "unknown" && sameClause(a, s, a.mentions[k], a.health[i])));
    const yourCare = reply && /\byour\b/i.test(s.text) && s.health.length > 0 && !general;
    const continues = previous !== undefined && previous.patientContext && previous.block === s.block && /^(?:she|he|they|her|his|their|after|now|today|since then)\b/i.test(s.text);
    s.general = general && !specific && !personal;
    // "For example, patient Nora Blevins could not log in": an example drawn from a real patient is not hypothetical
    const hypothetical = s.cues.some((c) => c.kind === "hypothetical" && !(WEAK_HYPOTHETICAL.test(s.text.slice(c.start - s.start, c.end - s.start)) && kinds.has("patient-reference")));
    s.patientContext = !hypothetical && !kinds.has("composite") && (specific || yourCare || (personal && specificHealth) || continues);
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
    const named = s.mentions.some((k) => a.mentions[k].type === "name" && a.mentions[k].owner === "unknown" && a.mentions[k].confidence >= 0.8);
    if (!named || s.general || s.cues.some((c) => c.kind === "hypothetical" || c.kind === "composite" || c.kind === "public-figure")) continue;
    for (let j = i + 1; j < a.sentences.length && j <= i + 3 && a.sentences[j].block === s.block; j++) {
      const t = a.sentences[j];
      if (!/\b(?:she|he|her|his|they|their|him)\b/i.test(t.text) || t.general) break;
      if (t.health.some((k) => a.health[k].specific)) {
        s.patientContext = true;
        t.patientContext = true;
      }
    }
  }
  // Names the document treats as patients, so that their other identifiers count too.
  const patientTokens = new Set<string>();
  const unknownName = (m: IdentifierMention): boolean => m.type === "name" && m.owner === "unknown" && m.confidence >= 0.55;
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

/**
 * True when a name and a health mention belong to one statement: not split by a quotation's edge
 * (unless the quotation speaks of "my" health) or by a colon or semicolon.
 */
function sameClause(a: DocumentAnalysis, s: SentenceInfo, name: { start: number; end: number }, health: { start: number; end: number }): boolean {
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

/** Identifier types that point to one person wherever they appear (not dates or towns). */
const UNIQUE_TYPES = new Set(["phone", "fax", "email", "ssn", "record-number", "health-plan", "account", "license", "vehicle", "device", "url", "handle", "ip", "biometric"]);
const PRONOUN = /\b(?:she|he|her|his|him|hers|they|their|them)\b/i;

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

