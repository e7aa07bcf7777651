// The shared analysis of a document that every rule reads: identifiers, health information,
// patient-context cues and the document kind.
import type { OffsetRange } from "../types";
import type { Testimonial } from "./testimonials";

export type { Testimonial };

/** The Safe Harbor identifier categories of 45 CFR 164.514(b)(2)(i), as detected in text. */
export type IdentifierType =
  | "name" // (A) names, including initials and first names in patient context
  | "location" // (B) geographic subdivisions smaller than a state: town, county, neighbourhood
  | "address" // (B) street address
  | "zip" // (B) ZIP code
  | "date" // (C) dates other than the year tied to a person
  | "age" // (C) ages over 89
  | "phone" // (D)
  | "fax" // (E)
  | "email" // (F)
  | "ssn" // (G)
  | "record-number" // (H) medical record number
  | "health-plan" // (I) health plan beneficiary / member number
  | "account" // (J) account and claim numbers
  | "license" // (K) certificate and licence numbers
  | "vehicle" // (L) VIN, licence plate
  | "device" // (M) device identifiers and serial numbers
  | "url" // (N)
  | "handle" // (N, by analogy) social media handles
  | "ip" // (O)
  | "biometric" // (P)
  | "photo" // (Q)
  | "other"; // (R) any other unique identifying number or characteristic

/** Whose identifier a mention is, as far as the analysis can tell. */
export type IdentifierOwner = "practice" | "staff" | "public" | "unknown";

/** One identifier found in the text. Ranges are source offsets; start/end are prose offsets. */
export interface IdentifierMention {
  type: IdentifierType;
  range: OffsetRange;
  block: number;
  start: number;
  end: number;
  text: string;
  /** Index into DocumentAnalysis.sentences. */
  sentence: number;
  /** 0..1: how sure the detector is that this is an identifier of its type. */
  confidence: number;
  owner: IdentifierOwner;
  /** Tied to a patient: in a sentence about a specific patient, or naming someone the document treats as one. */
  tied: boolean;
  /** Type-specific detail: a date's role ("birth", "visit"), a name's form ("full", "initials", "first"). */
  detail?: string;
}

export type HealthCategory =
  | "condition"
  | "symptom"
  | "procedure"
  | "medication"
  | "test"
  | "treatment"
  | "visit"
  | "insurance"
  | "billing";

/** A piece of health information in the text. */
export interface HealthMention {
  category: HealthCategory;
  range: OffsetRange;
  block: number;
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** A named diagnosis, procedure, drug or test, as opposed to a vague word such as "treatment". */
  specific: boolean;
}

/** Cues about who a sentence is about. */
export type ContextCueKind =
  | "patient-reference" // "our patient", "one of my clients", "a patient came in"
  | "care-event" // "came in with", "was diagnosed with", "we treated"
  | "second-person-care" // "your visit", "your treatment", "your chart"
  | "records" // "our records show", "we checked your chart"
  | "general" // "patients often", "many people"
  | "hypothetical" // "imagine a patient", "for example, a patient might"
  | "aggregate" // "87% of our patients"
  | "composite" // "a composite of several clients", "names changed"
  | "consent-claim" // "shared with permission"
  | "staff" // "our physical therapist", "Dr."
  | "donor" // "a $1.5 million gift", "sponsored by", "grateful to"
  | "public-figure" // "tennis champion", "has spoken openly"
  | "history" // "in 1918", "historically"
  | "greeting" // "Hi Dana", "Thank you, Priya"
  | "gratitude" // "thank you for your review/feedback"
  | "privacy" // "privacy law keeps us from", "HIPAA"
  | "call-office" // "please call our office at"
  | "guarantee" // "guaranteed to cure", "100% success"
  | "hedge" // "results vary"
  | "past-event" // "last month", "last week", "tonight"
  | "identifying-detail" // "the only beekeeper in town", "you might know him", "a firefighter at Station 12"
  | "case-study"; // a sentence of a section headed "Patient profile", "Case report", "Patient of the month"

export interface ContextCue {
  kind: ContextCueKind;
  start: number;
  end: number;
}

/** One sentence of prose with its cues. Offsets are prose offsets within its block. */
export interface SentenceInfo {
  index: number;
  block: number;
  /** Source range of the sentence. */
  range: OffsetRange;
  start: number;
  end: number;
  text: string;
  cues: ContextCue[];
  mentions: number[];
  health: number[];
  /** The sentence speaks about a specific patient (or the reader's own care, in a reply). */
  patientContext: boolean;
  /** The sentence is general education, hypothetical, aggregate or a stated composite. */
  general: boolean;
  /** A patient named in the sentences just before, whom this one refers to by pronoun ("Her X-rays showed..."): index into mentions. */
  refersTo?: number;
}

/** What kind of text the document is. */
export type DocumentKind = "post" | "testimonial" | "review-reply" | "social" | "comment-reply";

/** An authorization referenced by the content (front matter, MDX prop or directive). */
export interface AuthorizationRef {
  id: string;
  range: OffsetRange;
  /** Component or block the reference applies to; undefined: the whole document. */
  scope?: OffsetRange;
}

/** Whose health a disclosing passage tells, from its voice: the patient speaking, the person a reply addresses, or someone described. */
export type DisclosureVoice = "patient" | "addressed" | "described";

/** A sentence the disclosure model judges to tell a specific person's health, care or patient status. */
export interface Disclosure {
  sentence: number;
  /** The model's probability, 0..1. */
  probability: number;
  voice: DisclosureVoice;
  /** Error: a reviewer would certainly act (probable and the person is identifiable); warning: they would look. */
  severity: "error" | "warning";
  /** What identifies the person in the passage's scope ("name", "town", "the review answered"); empty when nothing does. */
  identifiers: string[];
  /** The strongest readable signals behind the judgement (never the text). */
  reasons: string[];
}

/** The shared analysis of one document. */
export interface DocumentAnalysis {
  kind: DocumentKind;
  sentences: SentenceInfo[];
  mentions: IdentifierMention[];
  health: HealthMention[];
  authorizations: AuthorizationRef[];
  /** Names known to be staff or the author (lower-cased), from config, front matter and text. */
  staffNames: Set<string>;
  /** Testimonials (blockquotes with attribution, components, front matter). */
  testimonials: Testimonial[];
  /** Whom the care in the document is about: a veterinary practice's animals have no PHI. */
  subject: "people" | "animals";
  /** Sentences the disclosure model flags, with their voice and severity (rules report them by voice). */
  disclosures: Disclosure[];
  /** In a reply: sentences that quote the review or comments being answered (the other person's own words). */
  quoted: Set<number>;
  /**
   * True when some block wanted the NLP pass for names but it was skipped because the NLP library
   * was not loaded yet and the caller asked not to wait for it (`deferNlp`): names only compromise
   * recognises are missing until the document is analysed again.
   */
  nlpDeferred?: boolean;
}
