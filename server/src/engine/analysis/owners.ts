// Decides whose identifiers are whose: the practice's own contact details and places, staff and
// providers, public figures, and everyone else (possibly a patient).
import type { ResolvedConfig } from "../config/types";
import type { ParsedDocument } from "../types";
import type { DocumentAnalysis, IdentifierMention } from "./types";
import { either, rx, words } from "./pattern-kit";
import { CREDENTIALS } from "./word-lists";
import { isTestimonialDocument } from "./testimonials";

const TITLES = /^(?:dr|doctor|mr|mrs|ms|miss|mx|nurse|prof)\.?$/i;
/** Credentials as name tokens (lower-cased, without dots). */
const CREDENTIAL_TOKENS = rx("i", "^", words(["md", "do", "dds", "dmd", "dpt", "pt", "ot", "rn", "bsn", "msn", "dnp", "lpn", "np", "pa", "pa-c", "lcsw", "licsw", "lmft", "lpc", "lpcc", "lcpc", "lmhc", "phd", "psyd", "fnp", "aprn", "crnp", "pmhnp", "msw", "rdh", "rd", "rdn", "ld", "cdces", "cde", "dc", "od", "dpm", "pharmd", "rph", "aud", "slp", "atc", "lac", "lmt", "bcba"]), "$");
/** Mailbox names of an office, not a person ("info@", "frontdesk@"). */
const ROLE_ADDRESSES = rx("i", "^", words(["info", "office", "hello", "contact", "feedback", "appointments?", "billing", "frontdesk", String.raw`front\.desk`, "admin", "support", "team", "care", "reception", "help", "scheduling", "questions", "marketing", "press", "media", "privacy", "records", "referrals", "noreply", "no-reply"]), "$");
/** Words right before the office's own contact details ("call us at", "our front desk ... at"). */
const CONTACT_BEFORE = rx(
  "i",
  "(?:",
  either(
    rx("", /\b(?:call|contact|reach|text|email|e-mail|message|fax|phone|dial)/, /(?:\s(?:us|our\s[\w ]{1,30}?|the (?:office|clinic|practice|front desk)))?/, /(?:\s(?:directly|today|now|anytime))?(?:\s(?:at|on))?:?/),
    rx("", /\b/, words(["our office", "office manager", "front desk", "our team", "our practice", "book", "schedule", "appointments?", "reservations?", String.raw`questions\?`]), /\b[^.!?]{0,60}/),
    /\b(?:reach out|get in touch|talk (?:to|with)|speak (?:to|with)|ask for|questions\?)\b[^.!?]{0,80}/,
  ),
  String.raw`)\s*$`,
);
/** A provider role or a self-introduction right before a name ("acupuncturist Mario", "my name is"); test it on `beforeName`. */
const ROLE_BEFORE = rx(
  "i",
  /\b/,
  words([
    // roles at events and in organisations
    ...["educators?", "instructors?", "navigators?", "advocates?", "technicians?", "techs?", "hosts?", "volunteers?", "chairs?", "co-chairs?", "presidents?", "board members?"],
    ...["donors?", "sponsors?", "speakers?", "panelists?"],
    // clinicians
    ...["therapists?", "acupuncturists?", "dentists?", "hygienists?", "nurses?", "physicians?", "doctors?", "surgeons?", "orthodontists?", "chiropractors?", "counsel(?:l)?ors?"],
    ...["psychologists?", "psychiatrists?", "dietitians?", "nutritionists?", "trainers?", "coaches", "coach", "practitioners?", "specialists?", "founders?", "owners?", "directors?"],
    ...["managers?", "midwi(?:fe|ves)", "pharmacists?", "optometrists?", "audiologists?", "pediatricians?", "assistants?", "receptionists?", "coordinators?"],
    // self-introductions and bylines ("Patient spotlight:" is not one)
    ...["my name is", "i am", "i'm", "(?<!(?:patient|resident|client|member|family) )spotlight:?", "author:?", "by"],
  ]),
  String.raw`,?\s$`,
);
/** A staff role right after a name ("Maria Lopez, our office manager,", "Maria Lopez founded the clinic"). */
const STAFF_ROLE_WORDS = ["therapist", "acupuncturist", "dentist", "hygienist", "nurse", "physician", "doctor", "surgeon", "orthodontist", "chiropractor", "counsel(?:l)?or", "psychologist", "psychiatrist", "dietitian", "practitioner", "specialist", "founder", "owner", "director", "manager", "assistant", "coordinator", "receptionist", "midwife", "pharmacist"];
const STAFF_AFTER = rx(
  "i",
  "^(?:",
  either(
    rx("", /,\s(?:our|the|a|an)\s(?:[\w-]+\s){0,3}?/, words(STAFF_ROLE_WORDS), /\b/),
    rx("", /\s(?:founded|co-founded|opened|started|leads|led|directs|manages|owns)\s(?:our|the)\s(?:[\w-]+\s){0,2}?/, words(["practice", "clinic", "office", "team", "center", "centre", "department", "program", "group", "foundation"]), /\b/),
    /\sjoined (?:our|the) (?:team|staff|practice|clinic|office)/,
  ),
  ")",
);
/** "Maria Lopez founded Bright Smile Dental": a founding verb before a capitalised organisation name (case-sensitive). */
const FOUNDED_AFTER = /^\s(?:founded|co-founded|opened|leads|directs|manages|owns)\s[A-Z]/;
/** Credentials after a name: the person is a provider ("Leah Morrison, RD, CDCES"). */
const CREDENTIAL_AFTER = rx("", /^,?\s/, words(CREDENTIALS), /(?![\w-])/);
/** What may stand between a staff cue and the name it introduces ("our hygienist, the wonderful Maria"). */
const STAFF_GAP = rx(
  "i",
  /^[\s,:–—-]*/,
  "(?:",
  words(["the", "our", "wonderful", "amazing", "lovely", "talented", "brilliant", "fantastic", "awesome", "beloved", "own", "new", "lead", "head", "senior", "chief", "superstar", "rock ?star", "extraordinaire", "hero", "MVP", "queen", "king", "wizard", "guru", "legend", "ninja", String.raw`Dr\.?`, "Doctor", "Nurse"]),
  String.raw`[\s,]+)*$`,
);
/** "text her at ... or email ...": someone else's contact details, not the office's. */
const THIRD_PERSON_CONTACT = /\b(?:call|text|email|e-mail|message|reach|contact|write to|phone|dm|send)\s(?:her|him|them)\b[^.!?]{0,60}$/i;
const OUR_PLACE_BEFORE = /\bour\s(?:[\w.]+\s){0,2}$/i;
/** "Follow @BrightSmile", "find us on Instagram at @...": the practice's own account, not a person addressed. */
const OWN_HANDLE_BEFORE = rx(
  "i",
  either(
    /\b(?:reply|response|answer)\s(?:from|by)\s$/,
    /\b(?:book|schedule|call|visit|contact|message|ask)\b[^.!?@]{0,40}\b(?:with|at|from)\s$/,
    rx("", /\b(?:follow(?:ing)?|find|like|subscribe to|visit|check out|tag|via|DM|message)/, /(?:\sus)?(?:\s(?:on|at)\s(?:[A-Z][\w]{1,20}\s)?(?:at\s)?)?\s?$/),
    /\bour\s(?:[\w-]+\s){0,2}(?:account|page|handle|profile)s?(?:\s(?:on\s[A-Z]\w{1,20}))?,?\s?$/,
  ),
);

/** Name tokens of a person's name, without titles and credentials, lower-cased. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/['’]s\b/g, "")
    .split(/[\s,]+/)
    .map((t) => t.replace(/\.$/, ""))
    .filter((t) => t && !TITLES.test(t) && !CREDENTIAL_TOKENS.test(t) && /^[A-Za-z][A-Za-z'’-]*$/.test(t) && t.length > 1)
    .map((t) => t.toLowerCase());
}

const digits = (s: string): string => s.replace(/\D/g, "").slice(-10);
const normUrl = (s: string): string => s.toLowerCase().replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/$/, "");

/** Sets each mention's owner and fills `staffNames`. */
export function resolveOwners(doc: ParsedDocument, a: DocumentAnalysis, config: ResolvedConfig): void {
  const p = config.practice;
  const phones = new Set([...p.phones, ...p.faxes].map(digits));
  const emails = new Set(p.emails.map((e) => e.toLowerCase()));
  const urls = p.urls.map(normUrl);
  const places = new Set([...p.locations, ...p.addresses].map((s) => s.toLowerCase()));
  const practiceNames = p.names.map((n) => n.toLowerCase());
  const staff = a.staffNames;
  const addStaff = (name: string): void => {
    for (const t of nameTokens(name)) staff.add(t);
  };
  p.staff.forEach(addStaff);
  // (the author of a document declared a testimonial is the patient who gave it)
  const authorKeys = isTestimonialDocument(doc) ? ["reviewedBy", "medicalReviewer", "doctor", "provider"] : ["author", "authors", "byline", "reviewer", "reviewedBy", "medicalReviewer", "doctor", "provider"];
  for (const key of authorKeys) {
    const v = doc.frontmatter?.[key];
    for (const item of Array.isArray(v) ? v : [v]) {
      if (typeof item === "string") addStaff(item);
      else if (item && typeof item === "object" && typeof (item as { name?: unknown }).name === "string") addStaff((item as { name: string }).name);
    }
  }
  const sentenceHas = (m: IdentifierMention, kind: string): boolean => a.sentences[m.sentence].cues.some((c) => c.kind === kind);
  const blockText = (m: IdentifierMention): string => doc.blocks[m.block].text;
  // Providers and staff named in context.
  for (const m of a.mentions) {
    if (m.type !== "name") continue;
    const s = a.sentences[m.sentence];
    const staffCueBefore = s.cues.some((c) => c.kind === "staff" && c.end <= m.start && m.start - c.end <= 40 && STAFF_GAP.test(blockText(m).slice(c.end, m.start))) || ROLE_BEFORE.test(beforeName(blockText(m).slice(Math.max(0, m.start - 60), m.start)));
    const credentialAfter = CREDENTIAL_AFTER.test(blockText(m).slice(m.end));
    const fmAuthorBlock = doc.blocks[m.block].kind === "frontmatter" && /^(?:author|authors|byline|reviewer|doctor|provider|host|speaker|presenter|leader)/i.test(doc.blocks[m.block].key ?? "") && !isTestimonialDocument(doc);
    // the author of a testimonial or review component is the patient, not staff
    const jsxHost = doc.blocks[m.block].kind === "jsxAttribute" && /^(?:author|host|speaker|presenter|doctor|provider|leader)$/i.test(doc.blocks[m.block].attribute ?? "") && !/testimonial|review|quote|story/i.test(doc.blocks[m.block].component ?? "");
    const roleAfter = STAFF_AFTER.test(blockText(m).slice(m.end, m.end + 60)) || FOUNDED_AFTER.test(blockText(m).slice(m.end, m.end + 60));
    if (m.detail === "provider" || staffCueBefore || credentialAfter || roleAfter || fmAuthorBlock || jsxHost) addStaff(m.text);
  }
  // Public figures: names in sentences that say the person is public and speaks of their own health.
  const publicTokens = new Set<string>();
  for (const m of a.mentions) if (m.type === "name" && sentenceHas(m, "public-figure") && !sentenceHas(m, "patient-reference")) nameTokens(m.text).forEach((t) => publicTokens.add(t));
  for (const m of a.mentions) {
    const before = blockText(m).slice(Math.max(0, m.start - 80), m.start);
    switch (m.type) {
      case "name": {
        const tokens = nameTokens(m.text);
        const lower = m.text.toLowerCase();
        if (practiceNames.some((n) => n.includes(lower) || lower.includes(n))) m.owner = "practice";
        else if (tokens.length && tokens.every((t) => staff.has(t))) m.owner = "staff";
        else if (tokens.length > 1 && staff.has(tokens[tokens.length - 1]) && m.detail === "provider") m.owner = "staff";
        else if (tokens.length && tokens.every((t) => publicTokens.has(t))) m.owner = "public";
        break;
      }
      case "phone":
      case "fax":
        if (phones.has(digits(m.text)) || (CONTACT_BEFORE.test(before) && !hasUnknownNameBetween(a, m, before) && !THIRD_PERSON_CONTACT.test(before))) m.owner = "practice";
        break;
      case "email": {
        const local = m.text.split("@")[0];
        if (emails.has(m.text.toLowerCase()) || ROLE_ADDRESSES.test(local) || (CONTACT_BEFORE.test(before) && !hasUnknownNameBetween(a, m, before) && !THIRD_PERSON_CONTACT.test(before))) m.owner = "practice";
        break;
      }
      case "url":
        if (urls.some((u) => normUrl(m.text).startsWith(u))) m.owner = "practice";
        break;
      case "handle": {
        const squashed = m.text.slice(1).toLowerCase().replace(/[^a-z0-9]/g, "");
        if (OWN_HANDLE_BEFORE.test(before) || practiceNames.some((n) => n.replace(/[^a-z0-9]/g, "") === squashed)) m.owner = "practice";
        break;
      }
      case "address":
      case "location":
      case "zip":
        if (places.has(m.text.toLowerCase()) || [...places].some((pl) => pl.includes(m.text.toLowerCase())) || OUR_PLACE_BEFORE.test(before)) m.owner = "practice";
        break;
      default:
        break;
    }
  }
  // A contact detail listed next to one of the practice's own ("email ... or (555) ...") is the practice's too.
  for (const m of a.mentions) {
    if (m.owner !== "unknown" || !["phone", "fax", "email", "url"].includes(m.type)) continue;
    const joined = (between: string): boolean => between.length < 16 && /^(?:[,/;]?(?:or|and)?)$/.test(between.replace(/\s/g, ""));
    const neighbour = a.mentions.find((o) => o !== m && o.block === m.block && o.owner === "practice" && ["phone", "fax", "email", "url"].includes(o.type) && ((o.end <= m.start && joined(blockText(m).slice(o.end, m.start))) || (m.end <= o.start && joined(blockText(m).slice(m.end, o.start)))));
    if (neighbour) m.owner = "practice";
  }
}

/** True when a non-staff person name sits between a contact cue and the mention ("reach Angela at"). */
function hasUnknownNameBetween(a: DocumentAnalysis, m: IdentifierMention, before: string): boolean {
  const cue = before.search(CONTACT_BEFORE);
  const from = m.start - (before.length - cue);
  return a.mentions.some((o) => o.type === "name" && o.block === m.block && o.start >= from && o.end <= m.start && o.owner === "unknown" && !/^(?:us|our)$/i.test(o.text));
}

/** The text before a name without up to two capitalised words right before it ("therapist Dr. Jane" → "therapist "). */
function beforeName(before: string): string {
  return before.replace(/(?:[A-Z][\w.]{0,24}\s){0,2}$/, "");
}
