// Builds the shared analysis of a document: sentences, identifiers, health information and context.
import type { ResolvedConfig } from "../config/types";
import type { ParsedDocument } from "../types";
import { splitSentences } from "./sentences";
import type { DocumentAnalysis, SentenceInfo } from "./types";

/** Analyses a parsed document once; every rule reads the result. */
export function analyzeDocument(doc: ParsedDocument, _config: ResolvedConfig): DocumentAnalysis {
  const sentences: SentenceInfo[] = [];
  for (const block of doc.blocks) {
    for (const s of splitSentences(block.text)) {
      sentences.push({ index: sentences.length, block: block.index, start: s.start, end: s.end, text: block.text.slice(s.start, s.end), cues: [], mentions: [], health: [], patientContext: false, general: false });
    }
  }
  return { kind: "post", sentences, mentions: [], health: [], authorizations: [], staffNames: new Set() };
}
