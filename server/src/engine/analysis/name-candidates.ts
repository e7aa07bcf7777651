// Recall-first names in a patient's scope (the idea of UCSF's Philter): what is known to be safe is
// kept, the rest is suspect. A capitalised word that is no English word, a name from the lexicons,
// or an initial is a name candidate; so is the run of such words that makes up an attribution line
// ("— Meghana G.", "Mrs Keren C", "Alphee Bouffard, Atlanta"). Only called inside a patient's scope.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { OffsetRange, ProseBlock } from "../types";
import { proseRange } from "../text/range";
import { GIVEN_NAMES, HEALTH_INDEX, NOT_NAMES, PEOPLE_NAMES, US_PLACES } from "./lexicons";
import type { DocumentAnalysis, SentenceInfo } from "./types";

/** The sorted word list and the offset of each word in it. */
interface WordList {
  text: string;
  starts: Int32Array;
}
let dictionary: WordList | undefined;

/** Where the word list is: beside the bundle (the build copies it there), or in the lexicons folder when run from source. */
function wordListPath(): string | undefined {
  const here = fileURLToPath(new URL(".", import.meta.url));
  return [`${here}english-words.txt`, `${here}../../../../rules/lexicons/english-words.txt`].find((p) => existsSync(p));
}

/** Lower-case English words, read on first use (only a patient's scope needs them); searched by bisection. */
function english(): { has(word: string): boolean } {
  if (!dictionary) {
    const path = wordListPath();
    const text = path ? readFileSync(path, "utf8") : "";
    const starts: number[] = [];
    for (let i = 0; i < text.length; i = text.indexOf("\n", i) + 1) {
      starts.push(i);
      if (text.indexOf("\n", i) < 0) break;
    }
    dictionary = { text, starts: Int32Array.from(starts) };
  }
  const { text, starts } = dictionary;
  const wordAt = (k: number): string => text.slice(starts[k], text.indexOf("\n", starts[k]));
  return {
    has(word: string): boolean {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const w = wordAt(mid);
        if (w === word) return true;
        if (w < word) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

/** Titles that introduce a person's name; "Dr" and credentials introduce staff. */
const PERSON_TITLE = /^(?:mr|mrs|ms|miss|mx)\.?$/i;
const STAFF_TITLE = /^(?:dr|doctor|prof|professor|nurse)\.?$/i;
const TOKEN = /(?<![#@\w])\p{L}[\p{L}'’.-]*/gu;

/** Whether a capitalised word could be part of a person's name. */
function nameLike(word: string): boolean {
  const w = word.replace(/[.’']s?$/, "").replace(/\.$/, "");
  if (!/^\p{Lu}/u.test(w) || /^I(?:[’'](?:m|ve|d|ll))?$/.test(w) || /[’'](?:m|ve|d|ll|re|t)$/i.test(w)) return false;
  if (/^[A-Z]$/.test(w)) return true; // an initial
  if (w.length > 1 && w === w.toUpperCase()) return false; // an acronym
  if (NOT_NAMES.has(w) || HEALTH_INDEX.has(w.toLowerCase()) || US_PLACES.has(w)) return false;
  if (GIVEN_NAMES.has(w) || PEOPLE_NAMES.has(w)) return true;
  const plain = w.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  return !english().has(plain);
}

/** A name candidate: its prose offsets in the block and source range. */
export interface NameCandidate {
  start: number;
  end: number;
  range: OffsetRange;
  text: string;
  detail: string;
}

/** Candidates in one sentence of a patient's scope that no other detector has found. */
export function nameCandidates(s: SentenceInfo, block: ProseBlock, a: DocumentAnalysis): NameCandidate[] {
  if (block.kind === "heading" && s.text.length > 60) return [];
  const taken = (start: number, end: number): boolean => s.mentions.some((i) => a.mentions[i].start < end && start < a.mentions[i].end);
  const out: NameCandidate[] = [];
  const words = [...s.text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: s.start + (m.index ?? 0) }));
  const attribution = s.text.length <= 60 && !/[!?]$/.test(s.text.trim()) && words.length <= 7;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (STAFF_TITLE.test(w.text)) {
      // the doctor's name that follows is staff's: skip it
      while (k + 1 < words.length && /^[A-Z]/.test(words[k + 1].text)) k++;
      continue;
    }
    const titled = PERSON_TITLE.test(w.text);
    // a sentence's first word is capitalised anyway: only an attribution line or a title makes it a name
    if (!titled && !nameLike(w.text)) continue;
    if (!titled && k === 0 && !attribution && !GIVEN_NAMES.has(w.text)) continue;
    let j = k;
    while (j + 1 < words.length && nameLike(words[j + 1].text) && block.text.slice(words[j].start + words[j].text.length, words[j + 1].start).trim() === "") j++;
    // a run of capitalised words that ends a heading-like title ("Client Success Stories") is no name
    if (!titled && words.slice(k, j + 1).some((x) => english().has(x.text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")) && !GIVEN_NAMES.has(x.text) && !PEOPLE_NAMES.has(x.text))) {
      k = j;
      continue;
    }
    if (titled && j === k) continue;
    // a lone initial ("T") is a name only beside another initial or name
    if (j === k && /^[A-Z]\.?$/.test(w.text)) continue;
    const start = w.start;
    const end = words[j].start + words[j].text.replace(/[’']s$/, "").length;
    const text = block.text.slice(start, end);
    const multi = j > k;
    k = j;
    if (taken(start, end) || a.staffNames.has(text.toLowerCase())) continue;
    // one lone unknown word inside running prose is too often a brand or a product
    if (!multi && !attribution && !titled && !GIVEN_NAMES.has(text) && !PEOPLE_NAMES.has(text)) continue;
    out.push({ start, end, range: proseRange(block, start, end), text, detail: multi || titled ? "full" : "first" });
  }
  return out;
}
