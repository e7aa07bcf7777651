// Finds person names and place names in prose: lexicons and capitalisation first, then compromise's
// people() on the blocks that may hold a name, from one NLP pass per block.
import type compromise from "compromise";
import { STATE_ABBR_PATTERN, STATE_NAME_PATTERN } from "../text/us-states";
import { atSentenceStart } from "../text/scan";
import type { RawMention } from "./identifiers";
import { GIVEN_NAMES, NOT_NAMES, PEOPLE_NAMES, US_PLACES } from "./lexicons";
import { rx, words } from "./pattern-kit";
import { CREDENTIALS } from "./word-lists";

const STATE_NAMES = STATE_NAME_PATTERN;
const STATE_ABBR = STATE_ABBR_PATTERN;
/** US state names and postal abbreviations (a state alone is not an identifier). */
export const STATES = new Set([...STATE_NAMES.split("|"), ...STATE_ABBR.split("|")]);

const STATE_AFTER = new RegExp(`^,?\\s(?:${STATE_ABBR}|${STATE_NAMES})\\b`);
const CAP_WORD = /[A-Z][a-z]+(?:['’-][A-Za-z]+)*/y;
const TITLE = /\b(Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Nurse|Sr|Sra|Srta|Pt)\.?\s(?=[A-Z])/g;
const INITIALS = /(?<![\w.])[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?![\w])/g;
const NOT_INITIALS = new Set(["U.S.", "U.K.", "E.U.", "M.D.", "D.O.", "P.A.", "R.N.", "N.P.", "A.M.", "P.M.", "B.A.", "B.S.", "M.A.", "M.S.", "E.R.", "D.C.", "L.A.", "N.Y.", "D.D.S.", "D.M.D.", "U.N.", "P.T.", "O.T.", "I.V.", "A.D.", "B.C."]);
/** Words after a capitalised sequence that make it an organisation or place, not a person. */
const ORG_AFTER = rx(
  "",
  /^\s/,
  words([
    // streets and institutions
    ...["County", "Street", String.raw`St\b`, "Avenue", String.raw`Ave\b`, "Road", "Lane", "Drive", "Boulevard", "University", "College", "School", "Hospital", "Clinic", "Center", "Centre"],
    ...["Medical", "Health", "Healthcare", "Dental", "Foundation", "Institute", "Association", "Society", "Group", "Company", String.raw`Inc\b`, "LLC"],
    // landmarks, awards, named methods and conditions
    ...["Park", "Lake", "River", "Valley", "Mountain", "Island", "Beach", "Bay", "Hall", "Library", "Church", "Award", "Prize", "Fund", "Program", "Project"],
    ...["Syndrome", "Disease", "Method", "Technique", "Scale", "Test"],
    // insurers and kinds of practice
    ...["PPO", "HMO", "EPO", "Medicare", "Medicaid", "Insurance", "Plans?", "Shield", "Cross", "Network", "Partners", "Associates", "Pharmacy", "Labs?", "Imaging", "Hospice"],
    ...["Pediatrics", "Orthopedics", "Dentistry", "Wellness", "Counseling", "Chiropractic", "Vision", "Rehab", "Rehabilitation", "Surgery", "Surgical", "Pharmaceuticals?"],
    // places named like people ("Harlow Ridge")
    ...["Counties", "Parishes", "Ridge", "Heights", "Hills", "Springs", "Falls", "Grove", "Creek", "Village", "Point", "Landing", "Crossing", "Corners", "Meadows?", "Woods", "Glen"],
    ...["Harbou?r", "Junction", "Station", "City", "Town", "Square", "Mall", "Plaza", "Memorial"],
  ]),
  /\b/,
);
/** Credentials after a name make the person a provider. */
const CREDENTIAL_AFTER = rx("", /^,?\s/, words(CREDENTIALS), /(?![\w-])/);

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Capitalised words of a text, with positions. */
function capitalWords(text: string): Token[] {
  const out: Token[] = [];
  // a capitalised word inside CamelCase ("BlueSky") or next to digits is not a name word
  const re = /\b[A-Z][a-z]+(?:['’-][A-Za-z]+)*(?![A-Za-z0-9])/g;
  for (const m of text.matchAll(re)) out.push({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return out;
}

function bare(word: string): string {
  return word.replace(/['’]s$/, "");
}

const isGiven = (w: string): boolean => GIVEN_NAMES.has(bare(w)) && !NOT_NAMES.has(bare(w));
const isNameWord = (w: string): boolean => (PEOPLE_NAMES.has(bare(w)) || GIVEN_NAMES.has(bare(w))) && !NOT_NAMES.has(bare(w)) && !STATES.has(bare(w));

/** Capitalised words that start health or organisation names rather than surnames. */
const HEALTH_WORD = rx("", "^", words(["Syndrome", "Disease", "Disorder", "Clinic", "Hospital", "Health", "Medical", "Dental", "Therapy", "Center", "Centre", "Care", "Foundation", "University", "College", "School", "Institute", "Program", "Method"]), "$");

/** Words that may stand before a name without making it part of a title or an organisation. */
const LEAD_WORDS = rx(
  "",
  "^",
  words([
    ...["Meet", "Welcome", "Hi", "Hello", "Hey", "Dear", "Thanks", "Thank", "Congrats", "Congratulations", "Introducing", "Patient", "Client", "Spotlight", "Reminder", "Happy", "Get", "Say", "Please"],
    ...["Today", "Yesterday", "Tonight", "When", "After", "Before", "While", "Since", "Because", "Although", "Then", "So", "And", "But", "Mr", "Mrs", "Ms", "Dr"],
  ]),
  "$",
);

/** True when a name candidate sits inside a longer capitalised run (an organisation, a title, a place). */
function continuesCapitalised(text: string, start: number, end: number): boolean {
  if (/^\s(?:[A-Z][a-z]|&\s[A-Z])/.test(text.slice(end, end + 3)) && !/^\s(?:I|MD|DDS|DPT|RN|NP|PhD)\b/.test(text.slice(end))) return true;
  const prev = /(?<![A-Za-z])([A-Z][A-Za-z]+)['’]?s?\s$/.exec(text.slice(Math.max(0, start - 24), start));
  if (prev && !LEAD_WORDS.test(prev[1]) && !atSentenceStart(text, start - prev[0].length)) return true;
  return false;
}

/** The last word of a place named like a person ("Ashby Corners", "Harlow Ridge"). */
const PLACE_WORD = rx("", "^", words(["Ridge", "Heights", "Hills", "Springs", "Falls", "Grove", "Creek", "Village", "Point", "Landing", "Crossing", "Corners", "Meadows?", "Woods", "Glen", "Harbou?r", "Junction", "Hollow", "Valley", "Park", "Lake", "Beach"]), "$");
const PLACE_LIST_AFTER = /^(?:,\s[A-Z][a-z]+){0,4},?\s(?:and|&|or)\s[A-Z][a-z]+\s(?:counties|parishes|townships|boroughs|towns|cities)\b/;
const SAINT_BEFORE = /\b(?:St|Saint|Ste|Mt|Mount|Ft|Fort|San|Santa|Port)\.?\s$/;

/** True at a line break of hard-wrapped prose (a long line before it, not a list of fields). */
function wrappedAt(text: string, at: number): boolean {
  return text[at] === "\n" && at - (text.lastIndexOf("\n", at - 1) + 1) >= 40 && !/^\n[A-Z][\w'’-]*\s?:/.test(text.slice(at, at + 30));
}

/** Name candidates found with lexicons and patterns. */
export function findNames(text: string): RawMention[] {
  const out: RawMention[] = [];
  /** Spans rejected as places or organisations: their words are not names on their own either. */
  const blocked: { start: number; end: number }[] = [];
  const taken = (s: number, e: number): boolean => out.some((m) => m.start < e && s < m.end) || blocked.some((m) => m.start < e && s < m.end);
  // Titles: "Mr. Harold Kim", "Dr. Patel".
  for (const m of text.matchAll(TITLE)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    let words = 0;
    for (;;) {
      CAP_WORD.lastIndex = end;
      const w = CAP_WORD.exec(text);
      if (!w) break;
      end = CAP_WORD.lastIndex;
      words++;
      if (words >= 3 || text[end] !== " " || !/[A-Z]/.test(text[end + 1] ?? "")) break;
      end++;
    }
    if (words === 0) continue;
    const provider = /^(Dr|Doctor|Nurse)/.test(m[1]);
    out.push({ type: "name", start, end, confidence: 0.9, detail: provider ? "provider" : "titled" });
  }
  // Full names: two or three capitalised name words in a row, not part of a longer capitalised run.
  const words = capitalWords(text);
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    if (taken(first.start, first.end) || !isNameWord(first.text) || /['’]s$/.test(first.text) || SAINT_BEFORE.test(text.slice(Math.max(0, first.start - 7), first.start))) continue;
    let j = i;
    let end = first.end;
    const mid = /^\s[A-Z]\.\s(?=[A-Z])/.exec(text.slice(end));
    if (mid) end += mid[0].length - 1;
    // a given name may take a surname the lexicon lacks ("Riley Testcase"), when nothing else explains it
    const surnameLike = (w: string): boolean => isGiven(first.text) && j === i && /^[A-Z][a-z]{2,}(?:['’]s)?$/.test(w) && !NOT_NAMES.has(bare(w)) && !US_PLACES.has(bare(w)) && !STATES.has(bare(w)) && !HEALTH_WORD.test(w);
    while (j + 1 < words.length && words[j + 1].start === end + 1 && (text[end] === " " || wrappedAt(text, end)) && j - i < 2 && (isNameWord(words[j + 1].text) || surnameLike(words[j + 1].text))) {
      j++;
      end = words[j].end;
      if (/['’]s$/.test(words[j].text)) break;
    }
    if (j === i) continue;
    const phrase = text.slice(first.start, end);
    if (US_PLACES.has(bare(phrase)) || ORG_AFTER.test(text.slice(end)) || ORG_AFTER.test(` ${words[j].text}`) || continuesCapitalised(text, first.start, end)) {
      blocked.push({ start: first.start, end });
      // "Gerald Fenwick of Ashby Corners": a place named like a person, in a place context
      if (PLACE_WORD.test(words[j].text) && /\b(?:of|from|in|near)\s$/.test(text.slice(Math.max(0, first.start - 6), first.start))) out.push({ type: "location", start: first.start, end, confidence: 0.7 });
      i = j;
      continue;
    }
    const provider = CREDENTIAL_AFTER.test(text.slice(end));
    out.push({ type: "name", start: first.start, end, confidence: 0.85, detail: provider ? "provider" : "full" });
    i = j;
  }
  // First name and last initial: "Mary W."
  for (const m of text.matchAll(/\b([A-Z][a-z]+)\s[A-Z]\.(?=[\s,;)]|$)/g)) {
    const s = m.index ?? 0;
    if (!isGiven(m[1]) || taken(s, s + m[0].length)) continue;
    out.push({ type: "name", start: s, end: s + m[0].length, confidence: 0.8, detail: "initial" });
  }
  // Initials: "K.M."
  for (const m of text.matchAll(INITIALS)) {
    const s = m.index ?? 0;
    const compact = m[0].replace(/\s/g, "");
    if (NOT_INITIALS.has(compact) || taken(s, s + m[0].length)) continue;
    out.push({ type: "name", start: s, end: s + m[0].length, confidence: 0.6, detail: "initials" });
  }
  // Lone given names (including possessives): only mid-sentence or in a greeting/vocative.
  for (const w of words) {
    if (taken(w.start, w.end) || !isGiven(w.text)) continue;
    // "St. John's wort", "St. Adrian Medical Center", "Mount Carmel": a saint's or a place's name
    if (SAINT_BEFORE.test(text.slice(Math.max(0, w.start - 7), w.start))) continue;
    // "Linden, Harlow, and Pine counties"
    if (PLACE_LIST_AFTER.test(text.slice(w.end, w.end + 80))) continue;
    const vocative = /^[,!]/.test(text.slice(w.end)) || /(?:^|\b)(?:Hi|Hello|Hey|Dear|Thanks|Thank you|Congrats|Congratulations|Welcome|to|Meet)[,!]?\s$/.test(text.slice(Math.max(0, w.start - 16), w.start));
    // at the start of a sentence only as a vocative, a possessive, or the subject of a description ("Jane smiling")
    const described = /^\s[a-z]+(?:ing|ed)\b/.test(text.slice(w.end, w.end + 16));
    if (atSentenceStart(text, w.start) && !vocative && !described && !/^['’]s\b/.test(text.slice(w.end - 2))) continue;
    // a town that is also a given name: "from Denver"
    if (/\b(?:from|near|in)\s$/.test(text.slice(Math.max(0, w.start - 6), w.start)) && !/['’]s$/.test(w.text) && US_PLACES.has(w.text)) continue;
    // part of a place: "New Jersey", "Austin, TX"
    if (/\b(?:New|North|South|West|Rhode)\s$/.test(text.slice(Math.max(0, w.start - 6), w.start)) || STATE_AFTER.test(text.slice(w.end))) continue;
    out.push({ type: "name", start: w.start, end: w.end, confidence: vocative ? 0.7 : 0.55, detail: "first" });
  }
  return out;
}

/** Place names smaller than a state: gazetteer towns in a place context ("from Hoboken", "Plano TX", "K.M., Boise"). */
export function findPlaces(text: string): RawMention[] {
  const out: RawMention[] = [];
  const re = /\b[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}/g;
  for (const m of text.matchAll(re)) {
    let s = m.index ?? 0;
    let phrase = m[0];
    // try the longest gazetteer match starting at each word of the capitalised run
    let found: { start: number; text: string } | undefined;
    const parts = phrase.split(" ");
    for (let a = 0; a < parts.length && !found; a++) {
      for (let b = parts.length; b > a; b--) {
        const cand = parts.slice(a, b).join(" ");
        const stateFollows = STATE_AFTER.test(text.slice(s + parts.slice(0, b).join(" ").length));
        const fromBefore = /\bfrom\s$/i.test(text.slice(Math.max(0, s + (a ? parts.slice(0, a).join(" ").length + 1 : 0) - 6), s + (a ? parts.slice(0, a).join(" ").length + 1 : 0)));
        if (US_PLACES.has(cand) && !NOT_NAMES.has(cand) && !STATES.has(cand) && (stateFollows || fromBefore || !(GIVEN_NAMES.has(cand) && b - a === 1))) {
          found = { start: s + parts.slice(0, a).join(" ").length + (a ? 1 : 0), text: cand };
          break;
        }
      }
    }
    if (!found) continue;
    s = found.start;
    phrase = found.text;
    const e = s + phrase.length;
    const before = text.slice(Math.max(0, s - 12), s);
    const after = text.slice(e, e + 20);
    const prep = /\b(?:from|in|near|of|outside|around|lives in|living in|moved to)\s$/i.test(before);
    const stateAfter = STATE_AFTER.test(after);
    const attribution = /[,—–-]\s$/.test(before) && /^\s*(?:$|[,.)\n])/.test(after);
    if (!prep && !stateAfter && !attribution) continue;
    out.push({ type: "location", start: s, end: e, confidence: stateAfter ? 0.9 : 0.7 });
  }
  return out;
}

type Nlp = typeof compromise;
let nlpFunction: Nlp | undefined;

/**
 * compromise, loaded on first use: it costs a few hundred milliseconds to load, and most
 * paragraphs never need it. `preloadNlp` loads it ahead of time (the server does, once idle).
 */
export function preloadNlp(): Nlp {
  if (!nlpFunction) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require("compromise") as Nlp & { default?: Nlp };
    nlpFunction = loaded.default ?? loaded;
  }
  return nlpFunction;
}

/** Whether compromise is loaded (the NLP pass then costs only its own time). */
export function nlpLoaded(): boolean {
  return nlpFunction !== undefined;
}

/** Person names compromise recognises, for blocks the lexicon pass marked as possibly holding one. */
export function nlpPeople(text: string): RawMention[] {
  const out: RawMention[] = [];
  const people = preloadNlp()(text).people().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[];
  for (const p of people) {
    let start = p.offset.start;
    let end = start + p.offset.length;
    while (end > start && /[\s.,;:!?)"'”’]/.test(text[end - 1])) end--;
    while (start < end && /[\s("“]/.test(text[start])) start++;
    const span = text.slice(start, end);
    if (!/^[A-Z]/.test(span) || span.split(/\s+/).every((w) => NOT_NAMES.has(bare(w)))) continue;
    out.push({ type: "name", start, end, confidence: 0.6, detail: span.includes(" ") ? "full" : "first" });
  }
  return out;
}
