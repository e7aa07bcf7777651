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
import { findNames, findPlaces, nlpLoaded, nlpPeople, STATES } from "./names";
import { resolveOwners } from "./owners";
import { markCaseSections, markPatientContext } from "./context";
import { findTestimonials } from "./testimonials";
import { splitSentences, type SentenceSpan } from "./sentences";
import { quotedSentences } from "./voices";
import { documentSubject } from "./subject";
import { markDisclosures } from "./disclosures";
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
  // (a state alone is not smaller than a state: "OR", "Oregon" is what de-identification leaves)
  if (PLACE_FIELD.test(field) && /^[A-Z]/.test(value) && !/^(?:online|remote|virtual)$/i.test(value) && !STATES.has(value)) {
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


export interface AnalyzeOptions {
  /**
   * Skip the NLP pass, rather than load the library for it, while compromise is not loaded yet (a
   * language server's first diagnostics should not wait for it); the analysis then says `nlpDeferred`.
   */
  deferNlp?: boolean;
  /** Leave out the disclosure model (its trainer computes the features the model reads). */
  withoutModel?: boolean;
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
  const analysis: DocumentAnalysis = { kind, sentences, mentions, health, authorizations: [], staffNames: new Set(), testimonials: findTestimonials(doc), quoted: quotedSentences(doc, kind, sentences), disclosures: [], subject: documentSubject(doc), ...(nlpDeferred ? { nlpDeferred } : {}) };
  resolveOwners(doc, analysis, config);
  markCaseSections(doc, analysis);
  markPatientContext(analysis);
  // (SAFEHARBOR_JUDGE=rules measures the cue rules alone, for the accuracy report's comparison)
  if (!options.withoutModel && process.env.SAFEHARBOR_JUDGE !== "rules") markDisclosures(doc, analysis);
  return analysis;
}
