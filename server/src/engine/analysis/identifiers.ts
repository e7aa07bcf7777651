// Pattern detectors for the Safe Harbor identifiers that have a written form: contact details,
// numbers, dates, ages, addresses, ZIP codes, URLs, handles, IP addresses and biometrics.
import { STATE_ABBR_PATTERN } from "../text/us-states";
import { rx, words } from "./pattern-kit";
import type { IdentifierType } from "./types";

/** An identifier candidate in prose offsets of one block. */
export interface RawMention {
  type: IdentifierType;
  start: number;
  end: number;
  confidence: number;
  detail?: string;
}

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTHS_SHORT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const MESES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const ORD = "(?:st|nd|rd|th)";
const STATES = STATE_ABBR_PATTERN;

/** A US phone number: optional +1, area code in parentheses or followed by a separator, then 3 and 4 digits. */
const US_PHONE = String.raw`(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}`;
/** Between a label and its value: spaces or tabs around an optional ':' or '#'. */
const LABEL_SEPARATOR = String.raw`[ \t]{0,3}[:#]?[ \t]{0,3}`;
/** Labels of a medical record number ("MRN", "chart no.", "patient ID"). */
const RECORD_LABELS = ["MRN", String.raw`medical record(?: number| no\.?| #)?`, String.raw`chart(?: number| no\.?| #)`, String.raw`patient (?:ID|number|no\.?|#)`, String.raw`record (?:number|no\.?|#)`];
/** Street types, full and abbreviated. */
const STREET_TYPES = ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Lane", "Ln", "Drive", "Dr", "Boulevard", "Blvd", "Court", "Ct", "Way", "Place", "Pl", "Terrace", "Ter", "Circle", "Cir", "Parkway", "Pkwy", "Highway", "Hwy", "Trail", "Trl"];

/** Detector table: each pattern is linear-time (no nested quantifiers). */
const DETECTORS: { type: IdentifierType; re: RegExp; confidence: number; group?: number; detail?: string; check?: (m: RegExpMatchArray) => boolean }[] = [
  { type: "email", re: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,5}\b/g, confidence: 0.95 },
  { type: "url", re: /\b(?:https?:\/\/|www\.)[^\s<>()"'\]]{2,300}/g, confidence: 0.9 },
  { type: "url", re: /\b(?:gofundme|facebook|instagram|tiktok|linkedin|twitter|x|youtube|caringbridge)\.com\/[^\s<>()"'\]]{1,200}/gi, confidence: 0.9 },
  { type: "handle", re: /(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b/g, confidence: 0.85 },
  { type: "fax", re: rx("gi", /\bfax(?:[ \t]{0,3}(?:number|no\.?|#))?/, LABEL_SEPARATOR, `(${US_PHONE})`, /\b/), confidence: 0.95, group: 1 },
  { type: "phone", re: /(?<![\w/-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g, confidence: 0.9 },
  { type: "phone", re: /(?<![\w/$.-])\d{3}-\d{4}\b(?!-)/g, confidence: 0.6 },
  { type: "ssn", re: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g, confidence: 0.9 },
  { type: "ssn", re: rx("gi", /\b(?:SSN|social security(?: number| no\.?| #)?)/, LABEL_SEPARATOR, /((?!000|666|9\d\d)\d{3}[ -]?(?!00)\d{2}[ -]?(?!0000)\d{4})\b/), confidence: 0.95, group: 1 },
  { type: "record-number", re: rx("gi", /\b/, words(RECORD_LABELS), /\s*[:#]?\s*[A-Z]{0,4}[-#]?\d[A-Z0-9-]{3,19}\b/), confidence: 0.95 },
  { type: "health-plan", re: rx("gi", /\b/, words(["member", "subscriber", "beneficiary", "policy", "group", "medicaid", "medicare", "insurance", "plan"]), /\s*(?:ID|number|no\.?|#)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{4,19})\b/), confidence: 0.9, group: 1, check: (m) => /\d/.test(m[1] ?? "") },
  { type: "account", re: /\b(?:account|acct\.?|claim|invoice|billing)\s*(?:number|no\.?|#|ID)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,19})\b/gi, confidence: 0.85, group: 1, check: (m) => /\d/.test(m[1] ?? "") },
  { type: "account", re: /\b(?:account|acct\.?|claim|invoice)[ \t]([0-9][0-9-]{3,15}[A-Z]?)\b/gi, confidence: 0.8, group: 1, check: (m) => (m[1] ?? "").replace(/\D/g, "").length >= 5 },
  // Medicare Beneficiary Identifier: 11 characters in a fixed pattern, often written 4-3-4
  { type: "health-plan", re: /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/g, confidence: 0.85 },
  { type: "other", re: /\b(?:student|employee|badge|visitor|inmate|case)\s?(?:ID|number|no\.?|#)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,19})\b/gi, confidence: 0.85, group: 1, check: (m) => /\d/.test(m[1] ?? "") },
  { type: "license", re: rx("gi", /\b/, words(["driver'?s licen[cs]e", "licen[cs]e", "DL", "certificate", "permit", "passport"]), /[ \t]{0,3}(?:number|no\.?|#)?[ \t]{0,3}[:#][ \t]{0,3}([A-Z0-9][A-Z0-9-]{4,19})\b/), confidence: 0.85, group: 1, check: (m) => /\d/.test(m[1] ?? "") },
  { type: "license", re: /\b(?:driver'?s licen[cs]e|passport)\s+(?:number|no\.?|#)?\s*([A-Z0-9][A-Z0-9-]{4,19})\b/gi, confidence: 0.85, group: 1, check: (m) => /\d/.test(m[1] ?? "") },
  { type: "vehicle", re: /\b(?:licen[cs]e plate|plate(?: number| no\.?| #)?)\s*[:#]?\s*([A-Z0-9]{1,4}[- ]?[A-Z0-9]{1,5})\b/gi, confidence: 0.85, group: 1, check: (m) => /\d/.test(m[1] ?? "") },
  { type: "vehicle", re: /\b[A-HJ-NPR-Z0-9]{17}\b/g, confidence: 0.9, check: (m) => validVin(m[0]) },
  { type: "device", re: rx("g", /\b/, words([/serial(?: number| no\.?| #)?/, /S\/N/, "SN", "device (?:ID|number)", "UDI", /lot(?: number| no\.?| #)/]), /\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,29})\b/), confidence: 0.9, group: 1, check: (m) => /\d/.test(m[1] ?? "") },
  { type: "ip", re: /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g, confidence: 0.8 },
  { type: "biometric", re: rx("gi", /\b/, words(["fingerprints?", "retina(?:l)? scans?", "iris scans?", "voiceprints?", "voice prints?", "face ?prints?", "facial (?:geometry|scan)", "palm ?prints?", "DNA (?:profile|sample)"]), /\b/), confidence: 0.6 },
  // (R) other unique characteristics of a person's body
  { type: "other", re: rx("gi", /\b/, words(["tattoos? of (?:a|an|her|his|their) [a-z]+", "(?:distinctive|unusual|port-wine) (?:birthmark|scar)s?", "birthmark (?:on|across) (?:her|his|their) [a-z]+"]), /\b/), confidence: 0.6 },
  // Geography smaller than a state.
  { type: "address", re: rx("g", /\b\d{1,6}\s(?:[NSEW]\.?\s)?(?:[A-Z][a-z]{1,20}\s){1,3}/, words(STREET_TYPES), /\b\.?(?:,?\s(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s?#?[A-Za-z0-9-]{1,6})?/), confidence: 0.9 },
  { type: "zip", re: new RegExp(`(?<=\\b(?:${STATES})\\.?,?\\s)\\d{5}(?:-\\d{4})?\\b`, "g"), confidence: 0.9 },
  { type: "zip", re: /\b(?:ZIP|zip code|zipcode|postal code)[ \t]{0,3}[:#]?[ \t]{0,3}(\d{5}(?:-\d{4})?)\b/gi, confidence: 0.9, group: 1 },
  { type: "location", re: /\b(?:[A-Z][a-z]+\s){0,2}(?:County|Parish|Borough|Township)\b/g, confidence: 0.8 },
  // Dates other than the year.
  { type: "date", re: /(?<![\d/.-])(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])(?:[/-](?:19|20)?\d\d)?(?![\d/]|-\d|\.\d)/g, confidence: 0.7 },
  { type: "date", re: /\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g, confidence: 0.9 },
  { type: "date", re: new RegExp(`\\b(?:(?:${WEEKDAYS}),?\\s)?(?:${MONTHS}|(?:${MONTHS_SHORT})\\.?)\\s(?:0?[1-9]|[12]\\d|3[01])${ORD}?\\b(?:,?\\s(?:19|20)\\d\\d\\b)?`, "g"), confidence: 0.85 },
  { type: "date", re: new RegExp(`\\b(?:the\\s)?(?:0?[1-9]|[12]\\d|3[01])${ORD}?\\s(?:of\\s)?(?:${MONTHS})\\b(?:,?\\s(?:19|20)\\d\\d\\b)?`, "g"), confidence: 0.85 },
  { type: "date", re: new RegExp(`\\b(?:0?[1-9]|[12]\\d|3[01])\\sde\\s(?:${MESES})\\b(?:\\sde\\s(?:19|20)\\d\\d)?`, "gi"), confidence: 0.85 },
  { type: "date", re: new RegExp(`\\bthe\\s(?:[12]?\\d|3[01])${ORD}\\b`, "g"), confidence: 0.5, detail: "day" },
  { type: "date", re: new RegExp(`\\b(?:${WEEKDAYS})\\b`, "g"), confidence: 0.4, detail: "weekday" },
  { type: "date", re: new RegExp(`(?<=\\b(?:in|on|since|during|until|by|early|late|mid-?)\\s)(?:${MONTHS.replace("May|", "")})\\b(?!\\s\\d)`, "g"), confidence: 0.4, detail: "month" },
  // Ages (all ages are kept: the age rule flags those over 89, other rules use any age as a quasi-identifier).
  { type: "age", re: /\b(\d{1,3})[- ](?:years?|yrs?)[- ](?:old|young)\b/gi, confidence: 0.9 },
  { type: "age", re: /\b(?:aged?|at age)\s(\d{1,3})\b(?!\s?(?:\+|or (?:older|over|above)|and (?:older|over|up)|-?plus))/gi, confidence: 0.85 },
  { type: "age", re: /\b(\d{2,3})(?:st|nd|rd|th)\sbirthday\b/gi, confidence: 0.9 },
  { type: "age", re: /\b(?:in (?:his|her|their) )?(?:nineties|90s|hundreds)\b/gi, confidence: 0.5, detail: "90" },
  { type: "age", re: /\b(?:centenarian|nonagenarian|supercentenarian)s?\b/gi, confidence: 0.8, detail: "90" },
  { type: "age", re: rx("gi", /\b(?:ninety|one hundred(?: and)?)/, "(?:[- ]", words(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]), ")?", /(?:[- ]years?[- ]old|th birthday)\b/), confidence: 0.85, detail: "90" },
  // "Sarah, 45" in an attribution
  { type: "age", re: /(?<=[A-Za-z.]\s?,\s)(?:[1-9]\d?|1[01]\d)(?=\s*(?:,|$|\n|[-–—]\s))/g, confidence: 0.6, detail: "attribution" },
  { type: "age", re: /\bborn (?:in )?((?:18|19|20)\d\d)\b/gi, confidence: 0.7, detail: "born" },
  { type: "age", re: /\b(?:turned|turns|turning) (\d{2,3})\b/gi, confidence: 0.8 },
];

const VIN_VALUES: Record<string, number> = Object.fromEntries(
  [..."0123456789ABCDEFGHJKLMNPRSTUVWXYZ"].map((c) => [c, /\d/.test(c) ? Number(c) : "ABCDEFGH".includes(c) ? "ABCDEFGH".indexOf(c) + 1 : "JKLMN".includes(c) ? "JKLMN".indexOf(c) + 1 : c === "P" ? 7 : c === "R" ? 9 : "STUVWXYZ".indexOf(c) + 2]),
);
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** True when a 17-character string is a VIN whose check digit (position 9) is right. */
export function validVin(vin: string): boolean {
  if (!/\d/.test(vin) || !/[A-Z]/.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (VIN_VALUES[vin[i]] ?? 0) * VIN_WEIGHTS[i];
  const check = sum % 11;
  return vin[8] === (check === 10 ? "X" : String(check));
}

/** The age in years a mention states, when it states one. */
export function ageValue(text: string, detail: string | undefined, currentYear: number): number | undefined {
  if (detail === "90") return 90;
  const n = /\d{1,4}/.exec(text);
  if (!n) return undefined;
  const v = Number(n[0]);
  if (detail === "born") return currentYear - v;
  return v;
}

/** Cheap tests that a text can hold a detector's match at all, so most detectors skip most paragraphs. */
const HAS_DIGIT = /\d/;
const NEEDS: Partial<Record<IdentifierType, RegExp>> = {
  email: /@/,
  handle: /@/,
  url: /https?:|www\.|\.com\//i,
  phone: HAS_DIGIT,
  fax: HAS_DIGIT,
  ssn: HAS_DIGIT,
  "record-number": HAS_DIGIT,
  "health-plan": HAS_DIGIT,
  account: HAS_DIGIT,
  license: HAS_DIGIT,
  vehicle: HAS_DIGIT,
  device: HAS_DIGIT,
  ip: HAS_DIGIT,
  address: HAS_DIGIT,
  zip: HAS_DIGIT,
  location: /County|Parish|Borough|Township/,
  biometric: /print|scan|DNA|facial/i,
  other: /tattoo|birthmark|scar|student|employee|badge|visitor|inmate|case/i,
};

/** Runs every pattern detector over a text. Overlapping candidates of the same type keep the longest. */
export function findIdentifiers(text: string): RawMention[] {
  const out: RawMention[] = [];
  const possible = new Map<RegExp, boolean>();
  const may = (type: IdentifierType): boolean => {
    const need = NEEDS[type];
    if (!need) return true;
    let v = possible.get(need);
    if (v === undefined) possible.set(need, (v = need.test(text)));
    return v;
  };
  for (const d of DETECTORS) {
    if (!may(d.type)) continue;
    d.re.lastIndex = 0;
    for (const m of text.matchAll(d.re)) {
      if (d.check && !d.check(m)) continue;
      let start = m.index ?? 0;
      let end = start + m[0].length;
      if (d.group && m[d.group] !== undefined) {
        const i = m[0].lastIndexOf(m[d.group]);
        start += i;
        end = start + m[d.group].length;
      }
      // trailing punctuation is not part of a URL or handle
      if (d.type === "url") while (end > start && /[.,;:!?]/.test(text[end - 1])) end--;
      out.push({ type: d.type, start, end, confidence: d.confidence, ...(d.detail ? { detail: d.detail } : {}) });
    }
  }
  // Remove candidates contained in a longer or more specific one (a phone inside a fax, a date inside an address).
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawMention[] = [];
  for (const m of out) {
    const container = kept.find((k) => k.start <= m.start && m.end <= k.end);
    if (container) continue;
    const overlapping = kept.findIndex((k) => k.start < m.end && m.start < k.end);
    if (overlapping >= 0) {
      const k = kept[overlapping];
      if (m.end - m.start > k.end - k.start) kept[overlapping] = m;
      continue;
    }
    kept.push(m);
  }
  return kept;
}
