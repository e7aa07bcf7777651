// The features of the disclosure model: what the engine knows about a sentence (cues, lexicon hits,
// identifiers, the person of its pronouns, tense, the block it sits in, the document around it) and
// its wording, as hashed word and phrase features. The same code runs at training and at inference.
import type { ParsedDocument } from "../types";
import { rx, words } from "./pattern-kit";
import type { DocumentAnalysis, SentenceInfo } from "./types";

/** Number of hashed feature slots (a power of two). */
export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
export function hashFeature(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|me|my|mine|myself)\b/;
const FIRST_PERSON_LOWER = /\b(?:me|my|mine|myself)\b/i;

/** True when a sentence speaks in the first person singular ("I", "my", "My", "me"). */
export const firstPerson = (text: string): boolean => FIRST_PERSON.test(text) || FIRST_PERSON_LOWER.test(text);
const WE = /\b(?:we|we're|we’re|we've|we’ve|us|our|ours)\b/i;
const YOU = /\b(?:you|your|you're|you’re|you've|you’ve|yours|yourself)\b/i;
const THIRD_SINGULAR = /\b(?:he|she|him|her|his|hers|himself|herself)\b/i;
const THEY = /\b(?:they|them|their|theirs)\b/i;
const FAMILY = rx("i", /\b/, words(["son", "daughter", "husband", "wife", "mom", "mum", "mother", "dad", "father", "child", "kid", "baby", "grandma", "grandmother", "grandpa", "grandfather", "partner", "brother", "sister", "toddler", "boy", "girl", "newborn", "infant"]), /\b/);
const PAST = rx("i", /\b/, words(["was", "were", "had", "came", "went", "got", "felt", "told", "found", "started", "began", "decided", "needed", "tried", "suffered", "became", "could(?:n't| not)", "did", "walked", "left", "saw", "took", "gave", "made"]), /\b/);
const PRESENT_PERFECT = /\b(?:have|has|had) (?:been|had|struggled|suffered|lived|seen|tried|gone|lost|gained)\b/i;
const IMPERATIVE = rx("i", "^", words(["call", "book", "schedule", "contact", "visit", "learn", "read", "find", "ask", "click", "join", "try", "make", "keep", "avoid", "drink", "eat", "use", "take", "see", "get", "check", "talk", "don't", "do"]), /\b/);
const MODAL = rx("i", /\b/, words(["can", "could", "may", "might", "should", "would", "will", "often", "usually", "typically", "generally", "commonly", "many", "most", "some people", "anyone", "everyone", "patients who"]), /\b/);
const NUMBER = /\d/;
const QUOTE_MARK = /["“”]/;
const TIME = rx("i", /\b/, words(["yesterday", "today", "last (?:week|month|year|spring|summer|fall|autumn|winter|night|time)", "this (?:morning|week|month)", "ago", "recently", "since", "after (?:my|her|his|your)", "before (?:my|her|his|your)"]), /\b/);
const GRATITUDE = rx("i", /\b/, words(["thank", "thanks", "grateful", "appreciate", "recommend", "highly", "amazing", "wonderful", "best", "love", "caring", "professional", "friendly", "staff", "team"]), /\b/);

/** Lower-cased word tokens of a sentence, with identifiers replaced by their type and digits by #. */
function tokens(s: SentenceInfo, a: DocumentAnalysis): string[] {
  let text = s.text;
  // replace identifier mentions (right to left, so offsets stay valid) by a placeholder of their type
  const ms = s.mentions.map((i) => a.mentions[i]).filter((m) => m.block === s.block && m.start >= s.start && m.end <= s.end).sort((x, y) => y.start - x.start);
  for (const m of ms) {
    const role = m.type === "name" ? (m.owner === "staff" || m.detail === "provider" ? "staffname" : "name") : m.type;
    text = `${text.slice(0, m.start - s.start)} ${role.toUpperCase()} ${text.slice(m.end - s.start)}`;
  }
  const out: string[] = [];
  for (const w of text.split(/[^A-Za-z0-9'’#]+/)) {
    if (!w) continue;
    if (/^[A-Z-]+$/.test(w) && w.length > 2 && /^(?:NAME|STAFFNAME|LOCATION|ADDRESS|DATE|AGE|PHONE|EMAIL|URL|HANDLE|ZIP|OTHER|RECORD|LICENSE|ACCOUNT)/.test(w)) out.push(`<${w.toLowerCase()}>`);
    else out.push(w.toLowerCase().replace(/’/g, "'").replace(/\d/g, "#"));
  }
  return out;
}

/** Facts of the whole document that each sentence's features include. */
export interface DocumentSignals {
  /** Share of sentences in the first person that carry a health term. */
  firstPersonHealth: number;
  /** Share of sentences addressing the reader (you/your). */
  secondPerson: number;
  /** Share of sentences that speak of a third person with a health term. */
  thirdPersonHealth: number;
  /** A short line that looks like an attribution ("— Maria G.", "Sam T., Austin"). */
  attribution: boolean;
  greeting: boolean;
  /** Words of the file path, the title and the front matter keys: evidence of what the page is, not the decision. */
  evidence: string[];
}

const ATTRIBUTION = /^(?:[-–—~]\s*)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\.?(?:\s*[,|–—-]\s*[A-Z][\w .'’-]{0,40})?$/;

/** Document-level signals. */
export function documentSignals(doc: ParsedDocument, a: DocumentAnalysis): DocumentSignals {
  let fph = 0;
  let sp = 0;
  let tph = 0;
  let attribution = false;
  for (const s of a.sentences) {
    const health = s.health.length > 0;
    if (health && (FIRST_PERSON.test(s.text) || FIRST_PERSON_LOWER.test(s.text))) fph++;
    if (YOU.test(s.text)) sp++;
    if (health && THIRD_SINGULAR.test(s.text)) tph++;
    const block = doc.blocks[s.block];
    if (!attribution && s.text.length < 60 && block && block.kind !== "heading" && ATTRIBUTION.test(s.text.trim()) && s.mentions.some((i) => a.mentions[i].type === "name")) attribution = true;
  }
  const n = Math.max(1, a.sentences.length);
  const greeting = a.sentences.slice(0, 3).some((s) => s.cues.some((c) => c.kind === "greeting" || c.kind === "gratitude"));
  const evidence = new Set<string>();
  for (const w of doc.uri.toLowerCase().split(/[\\/]/).slice(-3).join(" ").split(/[^a-z]+/)) if (w.length > 2 && w.length < 16) evidence.add(`path:${w}`);
  const title = doc.frontmatter?.title ?? doc.blocks.find((b) => b.kind === "heading")?.text ?? "";
  if (typeof title === "string") for (const w of title.toLowerCase().split(/[^a-z]+/)) if (w.length > 2) evidence.add(`title:${w}`);
  for (const k of Object.keys(doc.frontmatter ?? {})) evidence.add(`fm:${k.toLowerCase()}`);
  for (const c of doc.components) evidence.add(`component:${c.name.toLowerCase()}`);
  return { firstPersonHealth: fph / n, secondPerson: sp / n, thirdPersonHealth: tph / n, attribution, greeting, evidence: [...evidence] };
}

const bucket = (x: number, edges: number[]): number => {
  let i = 0;
  while (i < edges.length && x >= edges[i]) i++;
  return i;
};

/** Named (explainable) signals of one sentence, before hashing. */
export function sentenceSignals(doc: ParsedDocument, a: DocumentAnalysis, s: SentenceInfo, d: DocumentSignals): string[] {
  const f: string[] = [];
  const t = s.text;
  const block = doc.blocks[s.block];
  const i = FIRST_PERSON.test(t) || FIRST_PERSON_LOWER.test(t);
  const we = WE.test(t);
  const you = YOU.test(t);
  const third = THIRD_SINGULAR.test(t);
  const they = THEY.test(t);
  const family = FAMILY.test(t);
  const health = s.health.map((h) => a.health[h]);
  const hasHealth = health.length > 0;
  const specific = health.some((h) => h.specific);
  if (i) f.push("voice:first-person");
  if (we) f.push("voice:we");
  if (you) f.push("voice:you");
  if (third) f.push("voice:third-person");
  if (they) f.push("voice:they");
  if (family) f.push("voice:family");
  if (PAST.test(t)) f.push("tense:past");
  if (PRESENT_PERFECT.test(t)) f.push("tense:perfect");
  if (IMPERATIVE.test(t.trim())) f.push("mood:imperative");
  if (MODAL.test(t)) f.push("mood:general");
  if (TIME.test(t)) f.push("time:specific");
  if (NUMBER.test(t)) f.push("has:number");
  if (QUOTE_MARK.test(t)) f.push("has:quote-mark");
  if (GRATITUDE.test(t)) f.push("tone:praise");
  for (const h of health) f.push(`health:${h.category}`);
  if (specific) f.push("health:specific");
  if (hasHealth) f.push("health:any");
  for (const c of s.cues) f.push(`cue:${c.kind}`);
  for (const m of s.mentions.map((k) => a.mentions[k])) {
    const owner = m.owner === "unknown" ? "" : `-${m.owner}`;
    f.push(`id:${m.type}${owner}`);
    if (m.type === "name" && m.detail) f.push(`name:${m.detail}`);
  }
  if (s.refersTo !== undefined) f.push("refers-to-named");
  if (s.patientContext) f.push("ctx:patient");
  if (s.general) f.push("ctx:general");
  if (a.quoted.has(s.index)) f.push("ctx:quoted");
  // the block and document around the sentence
  f.push(`block:${block?.kind ?? "none"}`);
  if (block?.quoted) f.push("block:blockquote");
  if (block?.listItem) f.push("block:list-item");
  if (block?.component) f.push("block:component");
  if (block?.key) f.push(`field:${(block.key.split(/[.[\]]+/).filter(Boolean).pop() ?? "").toLowerCase()}`);
  if (block?.attribute) f.push(`field:${block.attribute.toLowerCase()}`);
  f.push(`doc:${a.kind}`);
  // (no document length: long pages are mostly clean in the training data, and a length prior
  // silenced the one testimonial section of a long landing page)
  f.push(`doc-first-person-health:${bucket(d.firstPersonHealth, [0.05, 0.15, 0.3])}`);
  f.push(`doc-second-person:${bucket(d.secondPerson, [0.1, 0.3, 0.6])}`);
  f.push(`doc-third-person-health:${bucket(d.thirdPersonHealth, [0.05, 0.15])}`);
  if (d.attribution) f.push("doc:attribution");
  if (d.greeting) f.push("doc:greeting");
  f.push(`len:${bucket(t.length, [25, 60, 140, 260])}`);
  // conjunctions the linear model cannot form itself
  if (hasHealth) {
    if (i) f.push("first-person+health");
    if (you) f.push("you+health");
    if (third) f.push("third-person+health");
    if (family) f.push("family+health");
    if (we && you) f.push("we+you+health");
    if (PAST.test(t)) f.push("past+health");
    f.push(`doc:${a.kind}+health`);
  }
  if (i && PAST.test(t)) f.push("first-person+past");
  if (you && PAST.test(t)) f.push("you+past");
  if (we && you) f.push("we+you");
  if (i) f.push(`doc:${a.kind}+first-person`);
  if (you) f.push(`doc:${a.kind}+you`);
  if (d.attribution && i) f.push("attribution+first-person");
  if (d.firstPersonHealth >= 0.15 && i) f.push("health-narrative+first-person");
  if (s.mentions.some((k) => a.mentions[k].type === "name" && a.mentions[k].owner === "unknown") && hasHealth) f.push("name+health");
  return f;
}

/** Hashed word and phrase features of a sentence: unigrams, bigrams and the first two words. */
export function wordFeatures(s: SentenceInfo, a: DocumentAnalysis): string[] {
  const w = tokens(s, a);
  const f: string[] = [];
  for (let k = 0; k < w.length; k++) {
    f.push(`w:${w[k]}`);
    if (k + 1 < w.length) f.push(`b:${w[k]} ${w[k + 1]}`);
  }
  if (w.length) f.push(`start:${w.slice(0, 2).join(" ")}`);
  return f;
}

/** The neighbouring sentences' main signals, so a sentence reads in its context. */
function neighbourSignals(a: DocumentAnalysis, s: SentenceInfo): string[] {
  const f: string[] = [];
  for (const [tag, o] of [["prev", a.sentences[s.index - 1]], ["next", a.sentences[s.index + 1]]] as const) {
    if (!o || o.block !== s.block) continue;
    if (o.health.length) f.push(`${tag}:health`);
    if (FIRST_PERSON.test(o.text)) f.push(`${tag}:first-person`);
    if (YOU.test(o.text)) f.push(`${tag}:you`);
  }
  return f;
}

/** All features of a sentence, as hashed slots (duplicates removed). */
export function sentenceFeatures(doc: ParsedDocument, a: DocumentAnalysis, s: SentenceInfo, d: DocumentSignals): { slots: number[]; signals: string[] } {
  const signals = sentenceSignals(doc, a, s, d);
  const all = [...signals.map((x) => `s:${x}`), ...neighbourSignals(a, s).map((x) => `s:${x}`), ...wordFeatures(s, a), ...d.evidence.map((x) => `e:${x}`), "bias"];
  const slots = [...new Set(all.map(hashFeature))];
  return { slots, signals };
}


/** Named signals whose count in a document the document model reads. */
const COUNTED = ["first-person+health", "you+health", "third-person+health", "family+health", "name+health", "past+health", "health:specific", "voice:first-person", "voice:you", "voice:we", "mood:general", "cue:patient-reference", "cue:care-event", "cue:general", "cue:hypothetical", "cue:aggregate", "id:name", "id:name-staff", "tone:praise"];

/**
 * Features of the document model (is this document about a specific patient's health at all?):
 * every sentence feature, once, and how many sentences carry each of the main signals.
 */
export function documentFeatures(sentences: ReadonlyArray<{ slots: number[]; signals: string[] }>): number[] {
  const slots = new Set<number>();
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (const k of s.slots) slots.add(k);
    for (const x of s.signals) if (COUNTED.includes(x)) counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  const n = Math.max(1, sentences.length);
  for (const x of COUNTED) {
    const c = counts.get(x) ?? 0;
    slots.add(hashFeature(`count:${x}:${bucket(c, [1, 2, 4, 8])}`));
    slots.add(hashFeature(`share:${x}:${bucket(c / n, [0.05, 0.15, 0.3, 0.5])}`));
  }
  return [...slots];
}
