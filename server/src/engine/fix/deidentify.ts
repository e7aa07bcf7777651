// De-identification operators: turn an identifier mention into text that no longer identifies anyone.
import type { IdentifierMention, IdentifierType } from "../analysis/types";
import type { ResolvedConfig } from "../config/types";
import type { Fix, OffsetRange, TextEdit } from "../types";
import { trailingRun } from "../text/scan";
import { nameFixes, type People } from "./names";
import { RESTRICTED_ZIP3, stateAfter, stateName, stateWithin } from "./places";
import { renderTemplate } from "./templates";
import { atSentenceStart, capitalize, lineAt, removalEdit } from "./text";

export { RESTRICTED_ZIP3 };

/** What the operators need to know about the document a mention sits in. */
export interface DeidentifyContext {
  source: string;
  config: ResolvedConfig;
  people: People;
  /** "patient" or "client", as the document speaks. */
  noun: string;
  /** The source span of the prose block holding a mention; edits never leave it except to drop a whole line. */
  span(m: IdentifierMention): OffsetRange;
}

/** What each identifier is called in fix titles. */
const KIND_NAME: Record<IdentifierType, string> = {
  name: "name", location: "place", address: "street address", zip: "ZIP code", date: "date", age: "age",
  phone: "phone number", fax: "fax number", email: "email address", ssn: "Social Security number",
  "record-number": "record number", "health-plan": "health plan number", account: "account number",
  license: "license number", vehicle: "vehicle identifier", device: "device identifier", url: "web address",
  handle: "social media handle", ip: "IP address", biometric: "biometric identifier", photo: "photo", other: "identifier",
};

/** Labels removed together with the identifier they introduce ("MRN 00482913", "email: x@y"). */
const LABELS: Partial<Record<IdentifierType | "birth", string>> = {
  phone: String.raw`phone|telephone|tel\.?|ph\.?|cell(?:\s*phone)?|mobile|home\s*phone|work\s*phone|tel[ée]fono|celular|m[óo]vil`,
  fax: String.raw`fax|facsimile`,
  email: String.raw`e-?mail(?:\s*address)?|correo(?:\s*electr[óo]nico)?`,
  ssn: String.raw`SSN#?|social\s*security|SS#?`,
  "record-number": String.raw`MRN#?|medical\s*record|record|chart|patient\s*ID|expediente|historia\s*cl[íi]nica`,
  "health-plan": String.raw`member(?:\s*ID)?|policy|plan|insurance(?:\s*ID)?|group|subscriber(?:\s*ID)?|beneficiary|Medicare|Medicaid|ID`,
  account: String.raw`account|acct\.?|claim|invoice|billing`,
  license: String.raw`driver['’]?s\s*licen[cs]e|licen[cs]e|DL|certificate|cert\.?`,
  vehicle: String.raw`(?:licen[cs]e\s*)?plate|VIN|tag`,
  device: String.raw`serial|device(?:\s*ID)?|S\/N|SN`,
  url: String.raw`website|web\s*site|site|link|URL|blog|p[áa]gina(?:\s*web)?`,
  handle: String.raw`Instagram|IG|Twitter|X|TikTok|Facebook|FB|Threads|LinkedIn|YouTube|handle|username|user\s*name`,
  ip: String.raw`IP(?:\s*address)?`,
  birth: String.raw`DOB|D\.O\.B\.?|date\s*of\s*birth|birth\s*date|birthdate|fecha\s*de\s*nacimiento`,
};

/** Contact details, which may be a staff member's or a press contact's rather than a patient's. */
const CONTACT_TYPES = new Set<IdentifierType>(["phone", "fax", "email", "url", "handle"]);

/** Connectors removed with a place ("from Hoboken"). */
const PLACE_CONNECTOR = /(?<![ \t])[ \t]+(?:in|from|of|near|at|around|outside(?:\s+of)?|to|en|de|desde|cerca\s+de)[ \t]*$/i;

function fix(title: string, edit: TextEdit, preferred = false): Fix {
  return { title, kind: "deidentify", ...(preferred ? { preferred } : {}), edits: [edit] };
}

function removal(ctx: DeidentifyContext, m: IdentifierMention, labels = LABELS[m.type], preferred = true): Fix {
  const range = m.type === "phone" || m.type === "fax" ? wholeNumber(ctx.source, m.range, ctx.span(m)) : m.range;
  return fix(`Remove the ${KIND_NAME[m.type]}`, removalEdit(ctx.source, range, labels, ctx.span(m)), preferred);
}

/**
 * A phone number whole: a country code, trunk prefix or area code the detector left out ("+44 (0)"
 * before "20 7946 0000") goes with it, so that no "(0)" is left behind.
 */
export function wholeNumber(source: string, r: OffsetRange, span: OffsetRange): OffsetRange {
  let { start, end } = r;
  // the run of number characters right before it, from its first "+", "(" or digit
  const head = source.slice(Math.max(span.start, start - 24), start);
  let from = head.length - trailingRun(head, "0123456789() .-+");
  while (from < head.length && !/[+(\d]/.test(head[from])) from++;
  const back = head.slice(from);
  const letterBefore = from > 0 && /[\p{L}\d]/u.test(head[from - 1]);
  if (back && /\d/.test(back) && !letterBefore && balanced(back + source.slice(start, end))) start -= back.length;
  const ahead = /^\d[\d]*(?:[ .-]\d+)*/.exec(source.slice(end, Math.min(span.end, end + 12)));
  if (ahead) end += ahead[0].length;
  return { start, end };
}

const balanced = (s: string): boolean => (s.match(/\(/g)?.length ?? 0) === (s.match(/\)/g)?.length ?? 0);

/** The de-identification fixes for one mention, the most sensible first and preferred. */
export function deidentifyMention(ctx: DeidentifyContext, m: IdentifierMention): Fix[] {
  const fixes = operatorFixes(ctx, m);
  if (ctx.config.language === "es") return fixes;
  return fixes.map((f) => ({ ...f, edits: f.edits.map((e) => withArticle(ctx.source, e)) }));
}

/** Words that take "an" though they start with a consonant letter, or "a" though they start with a vowel. */
const AN_EXCEPTIONS = /^(?:hour|honest|honou?r|heir|8|11(?!\d{2})|18(?!\d{2})|80(?!\d{2}))/i;
const A_EXCEPTIONS = /^(?:uni|use|usu|uti|eu|one|once|ur[aeiou])/i;

/**
 * Keeps the article before an edit right for the word that now follows it ("an Elk Hollow rancher"
 * → "a rancher", "a Plano orthodontist" → "an orthodontist"), taking the article into the edit when
 * it changes.
 */
export function withArticle(source: string, e: TextEdit): TextEdit {
  const before = /(?<![\p{L}])(a|an)([ \t]+)$/iu.exec(source.slice(Math.max(0, e.range.start - 4), e.range.start));
  if (!before) return e;
  const next = /^[\s"“'‘(*_]*([\p{L}\d][\p{L}\d-]*)/u.exec(e.newText + source.slice(e.range.end, e.range.end + 40));
  if (!next) return e;
  const word = next[1];
  const acronym = /^[A-Z]{2,}(?![a-z])/.test(word);
  const an = acronym ? /^[AEFHILMNORSX]/.test(word) : (/^[aeiou]/i.test(word) && !A_EXCEPTIONS.test(word)) || AN_EXCEPTIONS.test(word);
  const article = before[1];
  const wanted = an ? "an" : "a";
  if (article.toLowerCase() === wanted) return e;
  const fixed = /^\p{Lu}/u.test(article) ? wanted[0].toUpperCase() + wanted.slice(1) : wanted;
  return { range: { start: e.range.start - before[0].length, end: e.range.end }, newText: fixed + before[2] + e.newText };
}

function operatorFixes(ctx: DeidentifyContext, m: IdentifierMention): Fix[] {
  switch (m.type) {
    case "name":
      return nameFixes({ source: ctx.source, language: ctx.config.language, noun: ctx.noun, people: ctx.people }, m);
    case "date":
      return dateFixes(ctx, m);
    case "age":
      return ageFixes(ctx, m);
    case "zip":
      return zipFixes(ctx, m);
    case "location":
    case "address":
      return placeFixes(ctx, m);
    default:
      // A staff member's or a press contact's own number or address stays.
      if (CONTACT_TYPES.has(m.type) && ctx.people.ownedByProtected(m.range)) return [];
      // A web address is removed when it is a patient's (their name in it, or said to be theirs); a
      // reference the text points to ("see https://...") stays: when in doubt no fix is offered.
      if (m.type === "url" && /^(?:https?:\/\/|www\.)/i.test(m.text) && !ctx.people.patientsAddress(m.range)) return [];
      return [removal(ctx, m)];
  }
}

/** The year a date names, if any ("03/14/2021" → 2021, "3/14/21" → 2021, "March '19" → 2019). */
export function yearOf(text: string, now = new Date()): string | undefined {
  const full = /\b(1[89]\d\d|20\d\d)\b/.exec(text);
  if (full) return full[1];
  const short = /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{2})\b/.exec(text) ?? /['’](\d{2})\b/.exec(text);
  if (!short) return undefined;
  const yy = Number(short[1]);
  return String(yy <= now.getFullYear() % 100 ? 2000 + yy : 1900 + yy);
}

/** Units after a number range ("10-20 times") that make it a quantity, not a date. */
const QUANTITY_AFTER = /^\s*(?:%|x\b|times|percent|per\s?cent|fold|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|mg|mcg|g|kg|lbs?|pounds|ml|cc|units?|sessions?|visits?|reps?|sets?|people|patients|cases)\b/i;
const WEEKDAY_BEFORE = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+$|\b(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo),?[ \t]+$/i;
const DATE_CONNECTOR = /\b(on|in|since|from|until|till|by|after|before|as of|during|dated|for|el|en|desde|hasta|del|despu[ée]s del?|antes del?)[ \t]+$/i;
const FUTURE = /\b(?:will|shall|['’]ll|scheduled|upcoming|next|plans?|planned|booked|going to|see you|pr[óo]xim[oa]|programad[oa]|nos vemos)\b/i;

function dateFixes(ctx: DeidentifyContext, m: IdentifierMention): Fix[] {
  const { source } = ctx;
  const es = ctx.config.language === "es";
  const text = source.slice(m.range.start, m.range.end);
  const line = lineAt(source, m.range.start);
  const head = source.slice(Math.max(line.start, ctx.span(m).start), m.range.start);
  const year = yearOf(text);
  // "10-20 times", "5-14 days": a range of numbers, not a date; when in doubt no fix is offered.
  if (/^\d{1,2}[-–/]\d{1,2}$/.test(text.trim()) && QUANTITY_AFTER.test(source.slice(m.range.end, m.range.end + 20))) return [];
  const remove = fix("Remove the date", removalEdit(source, m.range, LABELS.birth, ctx.span(m)));
  // A labelled date of birth ("DOB 04/12/1961", "(date of birth: ...)") goes with its label.
  if (new RegExp(`(?:${LABELS.birth})\\s*[:#-]?\\s*$`, "i").test(head) || new RegExp(`^(?:${LABELS.birth})\\b`, "i").test(text)) {
    return [{ ...remove, title: "Remove the date of birth", preferred: true }];
  }
  let start = m.range.start;
  let before = head;
  const weekday = WEEKDAY_BEFORE.exec(before);
  if (weekday) {
    start -= weekday[0].length;
    before = before.slice(0, before.length - weekday[0].length);
  }
  const connector = DATE_CONNECTOR.exec(before);
  const r: OffsetRange = { start, end: m.range.end };
  if (year) {
    if (connector && /^(?:on|dated|el|del)$/i.test(connector[1])) {
      const at = start - connector[0].length;
      // "came in on March 3, 2021" → "came in during 2021", not "in in".
      const doubled = /\bin[ \t]+$/i.test(source.slice(Math.max(0, at - 4), at));
      const word = es ? "en" : doubled ? "during" : "in";
      return [fix("Keep only the year", { range: { start: at, end: r.end }, newText: `${capitalize(word, /^\p{Lu}/u.test(connector[1]))} ${year}` }, true), remove];
    }
    return [fix("Keep only the year", { range: r, newText: year }, true), remove];
  }
  const sentenceHead = before.slice(Math.max(before.lastIndexOf("."), before.lastIndexOf("!"), before.lastIndexOf("?")) + 1);
  const soon = FUTURE.test(sentenceHead);
  const word = es ? (soon ? "pronto" : "recientemente") : soon ? "soon" : "recently";
  const at = connector ? start - connector[0].length : start;
  const title = soon ? "Replace the date with \u201csoon\u201d" : "Replace the date with \u201crecently\u201d";
  return [fix(title, { range: { start: at, end: r.end }, newText: capitalize(word, atSentenceStart(source, at)) }, true), remove];
}

/** Nouns an age may describe, turned around as "a patient aged 90 or older". */
const AGED_NOUN = /^[ \t]+(man|woman|patient|client|person|lady|gentleman|grandmother|grandfather|grandma|grandpa|great-grandmother|great-grandfather|mother|father|mom|dad|veteran|widow|widower|retiree|resident|neighbou?r|friend)\b/i;

function ageFixes(ctx: DeidentifyContext, m: IdentifierMention): Fix[] {
  const { source } = ctx;
  const es = ctx.config.language === "es";
  const older = es ? "90 o más" : "90 or older";
  const { start } = m.range;
  const ahead = source.slice(start, Math.max(m.range.end, start) + 30);
  const title = es ? "Sustituir la edad por \u201c90 o más\u201d" : "Replace the age with \u201c90 or older\u201d";
  const num = /^\d{2,3}/.exec(ahead);
  const numberEnd = num ? start + num[0].length : m.range.end;
  // "97th birthday" → "birthday".
  const ordinal = /^(\d{2,3})(?:st|nd|rd|th)[ \t]+(?=\p{L})/u.exec(ahead);
  if (ordinal) return [fix("Remove the age from the birthday", { range: { start, end: start + ordinal[0].length }, newText: "" }, true)];
  // "97-year-old patient" → "patient aged 90 or older"; "97-year-old" alone → "90-plus-year-old".
  const adjective = /^\d{2,3}[-\s](?:years?|yrs?|y\.?o\.?)[-\s]old\b/i.exec(ahead);
  if (adjective && /-/.test(adjective[0])) {
    const noun = AGED_NOUN.exec(source.slice(start + adjective[0].length, start + adjective[0].length + 30));
    if (noun) return [fix(title, { range: { start, end: start + adjective[0].length + noun[0].length }, newText: `${noun[1]} aged ${older}` }, true)];
    return [fix(title, { range: { start, end: Math.max(m.range.end, start + adjective[0].length) }, newText: es ? "de 90 o más años" : "90-plus-year-old" }, true)];
  }
  // "97 years old", "97 years of age", "97 yo", "97 años" → "90 or older".
  const phrase = /^\d{2,3}[ \t]*(?:(?:years?|yrs?)[ \t]+(?:old|of age)|y\.?\s?o\.?|y\/o|años(?:\s+de\s+edad)?)(?![\p{L}])/iu.exec(ahead);
  if (phrase) return [fix(title, { range: { start, end: Math.max(m.range.end, start + phrase[0].length) }, newText: older }, true)];
  return [fix(title, { range: { start, end: Math.max(m.range.end, numberEnd) }, newText: older }, true)];
}

function zipFixes(ctx: DeidentifyContext, m: IdentifierMention): Fix[] {
  const text = ctx.source.slice(m.range.start, m.range.end);
  const zip = /\d{5}(?:-\d{4})?/.exec(text);
  if (!zip) return [removal(ctx, m, String.raw`ZIP(?:\s*code)?|postal\s*code|c[óo]digo\s*postal`)];
  const zip3 = zip[0].slice(0, 3);
  const kept = RESTRICTED_ZIP3.has(zip3) ? "000" : zip3;
  const at = m.range.start + zip.index;
  return [
    fix(kept === "000" ? "Replace the ZIP code with 000 (a sparsely populated area)" : "Keep only the first three digits of the ZIP code", { range: { start: at, end: at + zip[0].length }, newText: kept }, true),
    removal(ctx, m, String.raw`ZIP(?:\s*code)?|postal\s*code|c[óo]digo\s*postal`, false),
  ];
}

function placeFixes(ctx: DeidentifyContext, m: IdentifierMention): Fix[] {
  const { source } = ctx;
  // "Omega 3s": a capitalised word before a small number names a product, not a place; no fix in doubt.
  if (m.type === "location" && /^[ \t]+\d{1,2}(?!\d)/.test(source.slice(m.range.end, m.range.end + 6))) return [];
  const text = source.slice(m.range.start, m.range.end);
  const trailing = stateWithin(text) ? undefined : stateAfter(source, m.range.end);
  const r: OffsetRange = { start: m.range.start, end: m.range.end + (trailing?.length ?? 0) };
  const state = stateWithin(text) ?? trailing?.name ?? stateName(ctx.config.practice.state);
  const span = ctx.span(m);
  const head = source.slice(Math.max(lineAt(source, r.start).start, span.start), r.start);
  const fixes: Fix[] = [];
  if (state) {
    const at = /\b(at|near|on)[ \t]+$/i.exec(head);
    const range = at ? { start: r.start - at[0].length, end: r.end } : r;
    const lead = at ? `${capitalize(ctx.config.language === "es" ? "en" : "in", /^\p{Lu}/u.test(at[1]))} ` : "";
    const placed = lead ? state : capitalize(state, atSentenceStart(source, r.start) && /^the /.test(state));
    fixes.push(fix("Replace the place with the state", { range, newText: lead + placed }, true));
  }
  fixes.push(fix(m.type === "address" ? "Remove the street address" : "Remove the place", placeRemoval(source, r, span), !state));
  return fixes;
}

/** Removes a place with its connector ("from Hoboken"), or as a modifier ("a Hoboken teacher" → "a teacher"). */
function placeRemoval(source: string, r: OffsetRange, span: OffsetRange): TextEdit {
  const head = source.slice(Math.max(lineAt(source, r.start).start, span.start), r.start);
  const tail = source.slice(r.end, r.end + 2);
  if (/\b(?:a|an|the|our|my|her|his|their)[ \t]+$/i.test(head) && /^[ \t]\p{L}/u.test(tail)) return { range: { start: r.start, end: r.end + 1 }, newText: "" };
  const connector = PLACE_CONNECTOR.exec(head);
  if (connector) {
    const comma = /^,/.test(tail) && /,[ \t]*$/.test(head.slice(0, head.length - connector[0].length));
    return { range: { start: r.start - connector[0].length, end: r.end + (comma ? 1 : 0) }, newText: "" };
  }
  return removalEdit(source, r, undefined, span);
}

/**
 * The fix for a testimonial attribution ("— Robert Jennings, 72, Plano TX" → "— A patient in Texas"):
 * keeps the dash the text used, and names the state when the attribution or the config gives one.
 */
export function attributionFix(source: string, range: OffsetRange, config: ResolvedConfig): Fix {
  const text = source.slice(range.start, range.end);
  const dash = /^[ \t]*(?:[—–―~]|--?)[ \t]*/.exec(text)?.[0] ?? "";
  const trail = text.slice(text.length - trailingRun(text, " \t"));
  const state = stateWithin(text.trimEnd()) ?? stateName(config.practice.state);
  const body = state ? renderTemplate("testimonial-attribution-state", config, { state }) : renderTemplate("testimonial-attribution", config);
  const newText = dash + body.replace(/^[—–―~-]+[ \t]*/, "") + trail;
  return { title: state ? "Attribute the testimonial to a patient in the state" : "Attribute the testimonial to \u201cA patient\u201d", kind: "deidentify", preferred: true, edits: [{ range, newText }] };
}
