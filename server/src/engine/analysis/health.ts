// Finds health information in prose: lexicon terms (conditions, procedures, drugs, tests, visits,
// insurance, billing) and phrases such as "diagnosed with".
import { atSentenceStart } from "../text/scan";
import { HEALTH_INDEX } from "./lexicons";
import { either, rx, words } from "./pattern-kit";
import type { HealthCategory } from "./types";

/** A health mention in prose offsets of one block. */
export interface RawHealth {
  category: HealthCategory;
  start: number;
  end: number;
  specific: boolean;
}

const WORD = /[A-Za-z][A-Za-z0-9'’-]*/g;

/** Phrases that mark health information whatever the words after them. */
const CARE_PHRASES = rx(
  "gi",
  /\b/,
  words(["diagnosed with", "treated for", "suffer(?:s|ed|ing)? from", "recovering from", "battl(?:e|ed|ing) (?:with )?", "prescribed", "came in with", "admitted (?:to|for)", "underwent", "tested positive for", "living with", "struggl(?:e|ed|es|ing) with", String.raw`beat (?:stage \d |stage [iv]+ )?`, "referred (?:him|her|them|you) to"]),
  /\b/,
);

/** Pregnancy, birth and new joints or organs told of a person ("gave birth", "a 19-hour labor", "your new hip"); "labor" alone is work. */
const PERSONAL_CARE_PHRASES = rx(
  "gi",
  /\b/,
  words([
    "gave birth",
    "giving birth",
    /delivered (?:a |her |their |his |our )?(?:baby|babies|twins|triplets|son|daughter|boy|girl)/,
    /\d{1,2}-hour labou?r/,
    "went into labou?r",
    "in (?:active )?labou?r",
    "(?:is|was|she's|she is) expecting",
    "(?:weeks|months) pregnant",
    /new (?:knee|hip|shoulder|kidney|liver|heart|heart valve|lungs?|hearing aids?)/,
    /(?:was|were) born (?:at home|at our|in our|on the|in the birth)/,
    "labou?red (?:for|at|through)",
    /(?:lost|gained|regained|dropped) \d{1,3} (?:pounds|lbs|kilos|kg)/,
    "discharged from (?:the|our|his|her|their)",
    // spinal levels: "L4-L5 fusion", "C5-C6"
    /[CLT]\d{1,2}-[CLTS]\d{1,2}(?: (?:fusion|disc|discectomy|herniation|laminectomy))?/,
    "flared? ?-?ups?",
    "flared up",
  ]),
  /\b/,
);

const CAPITAL_AFTER = /^\s(?:[A-Z][a-z]|of\s[A-Z]|&)/;
/** Words after a term that make it part of an organisation's or a campaign's name ("Cancer Center", "Autism Awareness"). */
const ORGANISATION_WORDS = ["Center", "Centre", "Clinic", "Institute", "Foundation", "Hospital", "Association", "Society", "Awareness", "Month", "Week", "Walk", "Run", "Program", "Unit", "Ward", "Department", "Services", "Group", "Alliance", "Network", "Partners", "Associates", "Care", "Team", "Drip", "Package", "Plan"];
const ORGANISATION_AFTER = rx("", either(rx("", /^\s/, words(ORGANISATION_WORDS), /\b/), /^\s(?:of\s[A-Z]|&)/));

function normalise(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

/**
 * True when a capitalised term is part of a proper name: another capitalised word follows it
 * ("Silver Strand Physical Therapy"; after a single word, only an organisation noun: "Cancer
 * Center", since a brand takes a product name: "Juvederm Volbella") or precedes it mid-sentence
 * ("Willow Creek Hospice"), a determiner or pronoun aside ("our Memory Care wing" is care).
 */
function inProperName(text: string, start: number, end: number, oneWord: boolean): boolean {
  if ((oneWord ? ORGANISATION_AFTER : CAPITAL_AFTER).test(text.slice(end, end + 20))) return true;
  const prev = /(?<![A-Za-z])([A-Z][A-Za-z]+)['’]?s?\s$/.exec(text.slice(Math.max(0, start - 30), start));
  return prev !== null && !atSentenceStart(text, start - prev[0].length) && !/^(?:Your|My|Her|His|Their|Our|The|A|An|And|Or|With|For|Of|In|On|After|Before|Dr|Mr|Mrs|Ms)$/.test(prev[1]);
}

/** Health mentions of a text. Linear in the text length: one pass over its words. */
export function findHealth(text: string): RawHealth[] {
  const words: { w: string; raw: string; start: number; end: number; possessive: boolean }[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/['’]s$/, "");
    words.push({ w: normalise(raw), raw, start: m.index ?? 0, end: (m.index ?? 0) + raw.length, possessive: raw.length < m[0].length });
  }
  const out: RawHealth[] = [];
  for (let i = 0; i < words.length; i++) {
    // eponyms are written with a possessive ("Parkinson's", "Crohn's disease")
    const candidates = (words[i].possessive ? HEALTH_INDEX.get(`${words[i].w}'s`) : undefined) ?? HEALTH_INDEX.get(words[i].w) ?? (words[i].w.endsWith("s") ? HEALTH_INDEX.get(words[i].w.slice(0, -1)) : undefined);
    if (!candidates) continue;
    for (const term of candidates) {
      const n = term.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        const w = words[i + k].possessive && term.words[k].endsWith("'s") ? `${words[i + k].w}'s` : words[i + k].w;
        const t = term.words[k];
        if (w !== t && !(k === n - 1 && (w === t + "s" || w === t + "es"))) {
          ok = false;
          break;
        }
        // words of a phrase must be adjacent (a space or hyphen between them)
        if (!/^(?:['’]s)?[\s-]{1,2}$/.test(text.slice(words[i + k - 1].end, words[i + k].start))) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // abbreviations count in capitals ("PT", not "pt"); one with a digit also in its usual mixed case ("HbA1c")
      if (term.upper && words[i].raw !== words[i].raw.toUpperCase() && !(/\d/.test(words[i].raw) && /[A-Z]/.test(words[i].raw))) continue;
      // a hashtag is a topic, not a detail about someone (#Invisalign)
      if (text[words[i].start - 1] === "#") break;
      // a Title Case term inside an organisation's name ("Willow Creek Hospice", "Mercy Cancer Center")
      const titleCase = n > 1 ? /^[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)+$/.test(text.slice(words[i].start, words[i + n - 1].end)) : /^[A-Z][a-z]/.test(words[i].raw) && !term.upper;
      if (titleCase && inProperName(text, words[i].start, words[i + n - 1].end, n === 1)) break;
      const last = words[i + n - 1];
      out.push({ category: term.category, start: words[i].start, end: last.end + (last.possessive && term.words[n - 1].endsWith("'s") ? 2 : 0), specific: term.specific });
      i += n - 1;
      break;
    }
  }
  for (const m of text.matchAll(PERSONAL_CARE_PHRASES)) {
    const start = m.index ?? 0;
    if (!out.some((h) => h.start < start + m[0].length && start < h.end)) out.push({ category: "condition", start, end: start + m[0].length, specific: true });
  }
  for (const m of text.matchAll(CARE_PHRASES)) {
    const start = m.index ?? 0;
    if (!out.some((h) => h.start <= start && start < h.end)) out.push({ category: "condition", start, end: start + m[0].trimEnd().length, specific: false });
  }
  return out.sort((a, b) => a.start - b.start);
}
