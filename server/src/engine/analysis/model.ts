// The learned disclosure model: a logistic regression over the hashed sentence features of
// features.ts, trained by `npm run train` (server/src/train) and shipped as rules/models/disclosure.json.
// It answers, for each sentence, how likely a compliance reviewer is to flag it as telling a specific
// person's health, care or patient status; which person that is comes from the voice of the sentence.
import { readFileSync } from "node:fs";
import shipped from "../../../../rules/models/disclosure.json";
import type { ParsedDocument } from "../types";
import { documentFeatures, documentSignals, hashFeature, sentenceFeatures, type DocumentSignals } from "./features";
import type { DocumentAnalysis } from "./types";

/** The weights file: sparse weights by hashed slot, and what they were trained on (no text). */
export interface ModelFile {
  version: number;
  trainedAt: string;
  featureBits: number;
  /**
   * A sentence is reported as a warning when its probability reaches `warning`, or `inDocument` in a
   * document whose own probability reaches `document`; the same with the `error` pair for an error
   * (when its person is identifiable).
   */
  thresholds: Thresholds;
  bias: number;
  /** The sentence model's weights, packed (see `packWeights`). */
  weights: string;
  /** The document model: is the document about a specific patient's health at all? */
  document: { bias: number; weights: string };
  /** What the weights were trained on: sets, files and sentences per source (never text). */
  data: Array<{ set: string; files: number; sentences: number; positives: number }>;
}

/** Decision thresholds, chosen by grouped cross-validation at training. */
export interface Thresholds {
  document: number;
  warning: number;
  warningInDocument: number;
  error: number;
  errorInDocument: number;
}

/** A weight table ready for scoring. */
export interface DisclosureModel {
  weights: Float32Array;
  bias: number;
  document: { weights: Float32Array; bias: number };
  thresholds: ModelFile["thresholds"];
}

/** Weights are stored with this many steps per unit (16-bit signed: about ±8). */
const SCALE = 4096;

/**
 * Packs a sparse weight table as base64: for each non-zero slot in ascending order, the gap from
 * the previous slot as a variable-length integer, then the weight as a 16-bit signed integer.
 */
export function packWeights(weights: ArrayLike<number>): string {
  const bytes: number[] = [];
  let previous = -1;
  for (let slot = 0; slot < weights.length; slot++) {
    const q = Math.max(-32768, Math.min(32767, Math.round(weights[slot] * SCALE)));
    if (q === 0) continue;
    let gap = slot - previous;
    previous = slot;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap, q & 0xff, (q >> 8) & 0xff);
  }
  return Buffer.from(bytes).toString("base64");
}

/** Unpacks `packWeights` into a dense table. */
export function unpackWeights(bits: number, packed: string): Float32Array {
  const weights = new Float32Array(1 << bits);
  const bytes = Buffer.from(packed, "base64");
  let slot = -1;
  for (let i = 0; i < bytes.length; ) {
    let gap = 0;
    let shift = 0;
    while (bytes[i] & 0x80) {
      gap |= (bytes[i++] & 0x7f) << shift;
      shift += 7;
    }
    gap |= bytes[i++] << shift;
    slot += gap;
    const q = bytes[i] | (bytes[i + 1] << 8);
    i += 2;
    weights[slot] = (q & 0x8000 ? q - 0x10000 : q) / SCALE;
  }
  return weights;
}
const load = (file: ModelFile): DisclosureModel => ({
  weights: unpackWeights(file.featureBits, file.weights),
  bias: file.bias,
  document: { weights: unpackWeights(file.featureBits, file.document.weights), bias: file.document.bias },
  thresholds: file.thresholds,
});

let current: DisclosureModel | undefined;

/** The model in use: the shipped weights, or the file named by SAFEHARBOR_MODEL (evaluation of a retrained model). */
export function disclosureModel(): DisclosureModel {
  if (!current) {
    const override = process.env.SAFEHARBOR_MODEL;
    current = load(override ? (JSON.parse(readFileSync(override, "utf8")) as ModelFile) : (shipped as unknown as ModelFile));
  }
  return current;
}

/** Replaces the model in use (tests and the trainer's evaluation). */
export function useModel(file: ModelFile | undefined): void {
  current = file ? load(file) : undefined;
}

/** Readable names of the signals a hover may cite as the reason for a finding. */
const SIGNAL_TEXT: Record<string, string> = {
  "first-person+health": "a first-person account of a health condition or treatment",
  "first-person+past": "a first-person account of what happened",
  "health-narrative+first-person": "a first-person health story",
  "attribution+first-person": "a first-person statement with a named attribution",
  "you+health": "health details addressed to a specific reader",
  "you+past": "a past visit or event addressed to a specific reader",
  "we+you+health": "care the practice gave the person addressed",
  "we+you": "the practice speaking of its dealings with the person addressed",
  "third-person+health": "health details about a person described in the third person",
  "family+health": "health details about a family member",
  "past+health": "health events told in the past tense",
  "name+health": "a name next to health information",
  "refers-to-named": "refers back to a named person",
  "ctx:patient": "a specific patient is spoken of",
  "cue:patient-reference": "mentions a specific patient",
  "cue:care-event": "describes a care event",
  "cue:records": "refers to a person's records",
  "cue:second-person-care": "refers to the reader's own care",
  "cue:case-study": "part of a case presentation",
  "cue:past-event": "a specific time in the past",
  "cue:identifying-detail": "a detail that singles a person out",
  "time:specific": "a specific time",
  "health:specific": "a named condition, procedure, drug or test",
  "health:condition": "a condition",
  "health:symptom": "a symptom",
  "health:procedure": "a procedure",
  "health:medication": "a medication",
  "health:treatment": "a treatment",
  "health:visit": "a visit",
  "health:test": "a test",
  "health:insurance": "insurance",
  "id:name": "a person's name",
  "id:date": "a date",
  "id:location": "a place",
  "id:age": "an age",
  "doc:testimonial": "a testimonial",
  "doc:review-reply": "a reply to a review",
  "doc:attribution": "a document with a named attribution",
  "voice:family": "a family member",
};

/** A sentence the model judges to disclose a specific person's health information. */
export interface ModelDisclosure {
  sentence: number;
  /** 0..1. */
  probability: number;
  /** The model's decision: error when the person is identifiable, else at most a warning. */
  level: "warning" | "error";
  /** The strongest readable signals behind the judgement (never the text). */
  reasons: string[];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const linear = (t: { weights: Float32Array; bias: number }, slots: readonly number[]): number => {
  let z = t.bias;
  for (const k of slots) z += t.weights[k];
  return sigmoid(z);
};

/** Probabilities of every sentence of a document and of the document, with the readable reasons of each sentence. */
export function scoreSentences(model: DisclosureModel, doc: ParsedDocument, a: DocumentAnalysis, d: DocumentSignals = documentSignals(doc, a)): { document: number; sentences: Array<{ probability: number; reasons: string[] }> } {
  const features = a.sentences.map((s) => sentenceFeatures(doc, a, s, d));
  const words = features.filter((_, i) => /[a-z]{2}/i.test(a.sentences[i].text));
  return {
    document: linear(model.document, documentFeatures(words)),
    sentences: features.map((f) => ({ probability: linear(model, f.slots), reasons: reasonsOf(model.weights, f.signals) })),
  };
}

/** The decision for a sentence: undefined (not reported), a warning or an error (if the person is identifiable). */
export function decide(t: Thresholds, sentence: number, document: number): "warning" | "error" | undefined {
  const inDocument = document >= t.document;
  if (sentence >= t.error || (inDocument && sentence >= t.errorInDocument)) return "error";
  if (sentence >= t.warning || (inDocument && sentence >= t.warningInDocument)) return "warning";
  return undefined;
}

/** The named signals with the largest positive weights, as readable text. */
function reasonsOf(weights: Float32Array, signals: readonly string[]): string[] {
  const named = signals.filter((x) => SIGNAL_TEXT[x]).map((x) => ({ text: SIGNAL_TEXT[x], w: weights[hashFeature(`s:${x}`)] }));
  return [...new Set(named.filter((r) => r.w > 0.05).sort((p, q) => q.w - p.w).slice(0, 3).map((r) => r.text))];
}

/** The model's judgement of a document: its probability, and the sentences it reports. */
export interface DocumentJudgement {
  /** Probability that the document tells a specific patient's health at all. */
  document: number;
  /** Whether the document probability reaches the document threshold. */
  aboutPatient: boolean;
  disclosures: ModelDisclosure[];
  /** Every sentence's probability. */
  probabilities: number[];
}

/** Scores a document and its sentences; reports the sentences whose decision is a warning or an error. */
export function scoreDocument(doc: ParsedDocument, a: DocumentAnalysis, model = disclosureModel()): DocumentJudgement {
  if (a.subject === "animals" || a.sentences.length === 0) return { document: 0, aboutPatient: false, disclosures: [], probabilities: a.sentences.map(() => 0) };
  const scores = scoreSentences(model, doc, a);
  const out: ModelDisclosure[] = [];
  for (const s of a.sentences) {
    if (!/[a-z]{2}/i.test(s.text)) continue;
    const r = scores.sentences[s.index];
    const level = decide(model.thresholds, r.probability, scores.document);
    if (level) out.push({ sentence: s.index, probability: r.probability, level, reasons: scores.document >= model.thresholds.document ? [...r.reasons.slice(0, 2), "in a document about a patient's care"] : r.reasons });
  }
  return { document: scores.document, aboutPatient: scores.document >= model.thresholds.document, disclosures: out, probabilities: scores.sentences.map((x) => x.probability) };
}
