// Who is who in a document, for fixes: a small coreference over name mentions. "Angela Ruiz", later
// "Angela", "Angela's" and "A.R." are one person; every place the text names that person changes
// together, to one role. Staff, providers and contacts are never changed.
import { GIVEN_NAMES, NOT_NAMES, PEOPLE_NAMES, US_PLACES } from "../analysis/lexicons";
import type { IdentifierMention } from "../analysis/types";
import { US_STATES } from "../text/us-states";
import type { OffsetRange } from "../types";
import { trailingRun } from "../text/scan";
import { atSentenceStart } from "./text";

/** A prose block's text and its map back to source offsets. */
export interface SearchBlock {
  text: string;
  offsets: Int32Array;
}

/** One person the document names. */
export interface Person {
  /** Order among the patients (not staff, not relatives), by first mention: 0 is "the patient". */
  index: number;
  /** Source offset of the first place the person is named. */
  first: number;
  /** Lower-cased name tokens ("angela", "ruiz"). */
  tokens: Set<string>;
  /** The names of two or more words the person goes by ("maria okafor"). */
  names: string[][];
  initials: string;
  /** Not a patient, or not surely one: staff, a provider, a press or practice contact, a public figure. */
  protected: boolean;
  /** A relative or friend of the patient: the relation and whose ("my", "her", or the patient's). */
  relation?: { word: string; owner: string };
  /** Where the text names the person: the reported mentions and the places no detector reported. */
  places: OffsetRange[];
  /** The places no detector reported (found by the person's name tokens). */
  found: Set<OffsetRange>;
}

/** Relations a relative or friend takes instead of their name ("the patient's mother"). */
const RELATIONS = String.raw`mother|father|mom|mum|mommy|dad|daddy|son|daughter|wife|husband|partner|spouse|sister|brother|grandmother|grandfather|grandma|grandpa|granny|granddaughter|grandson|aunt|uncle|niece|nephew|cousin|fianc[ée]e?|boyfriend|girlfriend|child|baby|twin|stepmother|stepfather|stepson|stepdaughter|mother-in-law|father-in-law|caregiver|friend`;
const RELATION_ADJ = String.raw`(?:(?:older|younger|little|big|baby|eldest|oldest|youngest|late|new|best|twin|beloved|\d+-year-old)[ \t]+)?`;
/** "her mother Rosa", "my son, Theo," – the relation says who the person is. */
const RELATION_BEFORE = new RegExp(String.raw`(?<![\p{L}])(her|his|their|my|our|[\p{L}]+['’]s)[ \t]+${RELATION_ADJ}(${RELATIONS})(?:[ \t]*,)?[ \t]+$`, "iu");
/** "Rosa, her mother,", "Rosa (her mother)". */
const RELATION_AFTER = new RegExp(String.raw`^(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*)(her|his|their|my|our)[ \t]+${RELATION_ADJ}(${RELATIONS})(?![\p{L}])([ \t]*[,)])?`, "iu");

/** Titles and job words of people who give care, before their name ("Dr. Kim", "hygienist Maria"). */
const PROVIDER_BEFORE = /(?<![\p{L}])(?:Dr|Doctor|Dentist|Nurse|Prof|Professor|Therapist|Hygienist|Dietitian|Dietician|Nutritionist|Pharmacist|Surgeon|Midwife|Chiropractor|Physio|Physiotherapist|Counsel+or|Acupuncturist|Audiologist|Optometrist|Carer|Practitioner|Coach|Trainer|Instructor|Receptionist|Manager|Director|Founder|Owner)\.?$/iu;
/** Credentials after a name, perhaps after a suffix ("Maria Lopez, RDH", "Norman Wexley, Jr., Ph.D."). */
const CREDENTIALS_AFTER = /^(?:['’]s)?(?:,?[ \t]*(?:Jr|Sr|II|III|IV)\.?)?,?[ \t]*(?:MD|M\.D\.|DDS|D\.D\.S\.|DMD|DO|D\.O\.|RN|R\.N\.|NP|PA-C|DPT|LCSW|LMFT|LPC|PhD|Ph\.D\.|PsyD|Psy\.D\.|DC|OD|RDH|FNP|CRNA|BSN|MSN|LAc|MBBS|FRCS|MRCP|MPH|M\.P\.H\.)(?![\p{L}])/u;
/** Verbs that name the person who gave the care ("I visited Corinne", "highly recommend Sam"). */
const PROVIDER_VERB_BEFORE = /(?<![\p{L}])(?:visited|recommend|recommended|recommending|treated by|seen by|worked with|working with|booked with|appointment with|sessions? with|referred (?:me )?to|trained (?:by|with)|thanks to)[ \t]+$/iu;
/** "Christian was my first point of contact", "Sam is our hygienist". */
const PROVIDER_AFTER = /^[ \t]+qualified\b|^(?:['’]s)?[ \t]+(?:was|is|has been)[ \t]+(?:my|our|the|a|an)[ \t]+(?:[\p{L}-]+[ \t]+){0,2}?(?:dentist|doctor|therapist|physio|physiotherapist|nurse|hygienist|carer|caregiver|provider|practitioner|surgeon|specialist|orthodontist|chiropractor|counsel+or|coach|trainer|point of contact|founder|owner|director)\b/iu;
/** What a writer says of the person who cared for them ("Christian is very professional", "Sam gave me exercises"). */
const PRAISED_AFTER = /^(?:['’]s)?[ \t]+(?:(?:is|was|has been|always)[ \t]+(?:(?:so|very|extremely|incredibly|really|truly|always|such|a|an)[ \t]+)*(?:professional|knowledgeable|skilled|skillful|punctual|thorough|attentive|gentle|caring|great with|amazing at|excellent at|fantastic at|the best|wonderful with)|(?:was able to |really |always |also )?(?:gave|gives|helped|helps|treated|treats|fixed|explained|listened|adjusted|showed|taught|worked on|took care of|made) me\b)/iu;
/** Place words: a "name" made only of them after "in", "from" or "to" is a place ("from Atlanta Georgia", "in Asia and America"). */
const PLACE_WORDS = new Set(["Africa", "America", "Americas", "Asia", "Europe", "Australia", "Antarctica", "Canada", "Mexico", "China", "India", "Japan", "England", "Scotland", "Wales", "Ireland", "Britain", "Ghana", "Nigeria", "Kenya", "Uganda", "France", "Germany", "Spain", "Italy", "Brazil", "Singapore", "Zealand", "New", "UK", "USA", "US"]);
const PLACE_BEFORE = /(?<![\p{L}])(?:in|from|to|near|across|throughout|around|of)[ \t]+$/iu;
/** What a patient's own web address is called ("her blog"). */
const PAGE_WORDS = new Set(["blog", "site", "website", "page", "channel", "profile", "fundraiser", "gofundme", "account", "vlog", "podcast", "story"]);

/** What follows a person's name: a verb, an apposition, an age ("Maria came", "Maria, 34,", "Maria's"). */
const PERSON_VERB_AFTER = /^(?:['’]s\b|[ \t]*[,(:]|[ \t]+(?:\p{Ll}+(?:ed|es|s|ing)|is|was|has|had|came|went|said|got|felt|saw|told|took|gave|made|ran|began|became|left|knew|thought|found|will|would|can|could|did|does|do|and|or|now|still|also|first|never|always|just|then|lost|won|fell|broke|kept|met|sat|wrote|spent|brought|bought|grew|drove|flew|swam|woke|slept|ate|drank|hurt|quit|set|put|cut|let|hit|read|led|paid|heard|held|stood|understood|wore|chose)\b)/u;
/** Words between two people named in one list ("Kelly and Rachel", "Sarah, Kelly"). */
const LIST_GAP = /^\)? ?(?:,|,? ?(?:and|or|&)) ?\(?$/;
/** True when the text between two names only lists them ("), and (", ", "), spaces collapsed. */
const listGap = (between: string): boolean => between.length < 16 && LIST_GAP.test(between.replace(/[ \t]+/g, " ").trim().replace(/ ?([,)(]) ?/g, "$1"));

/** "please call Martin", "contact Jo on ...": a contact person, not a patient. */
const CONTACT_BEFORE = /(?<![\p{L}])(?:call|phone|ring|contact|email|e-mail|text|speak to|speak with|talk to|ask for|write to)[ \t]+$/iu;
/** A press or media contact named right after their role ("our press officer Joan Whitlow"). */
const PRESS_BEFORE = /(?:\b(?:press|media|communications|PR) (?:office|officer|team|contact|enquiries|inquiries|manager|lead)|\bspokes(?:person|woman|man))$/i;

/** Honorifics taken with the name they follow ("Mr. Harold Kim"). */
const TITLE_WITHIN = /^(?:Mr|Mrs|Ms|Mx|Miss|Mister|Dr|Prof|Sr|Sra|Srta|Don|Doña)\.?\s+/;

/** The tokens of a name, without titles, possessives and punctuation. */
export function nameTokens(text: string): string[] {
  return text
    .replace(TITLE_WITHIN, "")
    .replace(/['’]s?$/, "")
    .split(/[\s.]+/)
    .map((t) => t.replace(/[^\p{L}'’-]/gu, "").toLowerCase())
    .filter(Boolean);
}

/** A capitalised word that may be part of a person's name next to another one: a given name before, any name after. */
function nameWord(word: string, given: boolean): boolean {
  if (/^\p{Lu}\.?$/u.test(word)) return true;
  const bare = word.replace(/['’]s$/, "");
  return /^\p{Lu}[\p{Ll}'’-]+$/u.test(bare) && (given ? GIVEN_NAMES : PEOPLE_NAMES).has(bare) && !NOT_NAMES.has(bare);
}

/** Grows a name range over the name words right next to it ("Kumar" → "Manoj Kumar", "Keith" → "Keith A. Brown"). */
export function wholeName(source: string, r: OffsetRange): OffsetRange {
  let { start, end } = r;
  // A line that is only a name ("Manoj Kumar" under a review): the whole name.
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = source.indexOf("\n", end) < 0 ? source.length : source.indexOf("\n", end);
  const line = /^([ \t>*_-]*)((?:\p{Lu}[\p{L}'’-]*\.?[ \t]+){1,3}\p{Lu}[\p{L}'’-]*\.?)[ \t*_]*\r?$/u.exec(source.slice(lineStart, lineEnd));
  if (line && !line[2].split(/\s+/).some((w) => NOT_NAMES.has(w.replace(/\.$/, "")))) {
    const from = lineStart + line[1].length;
    const to = from + line[2].length;
    if (from <= start && end <= to) return { start: from, end: to };
  }
  for (let i = 0; i < 2; i++) {
    const m = /(?<![\p{L}'’.-])(\p{Lu}\.|\p{Lu}[\p{L}'’-]*)[ \t]$/u.exec(source.slice(Math.max(0, start - 30), start));
    if (!m || !nameWord(m[1], true)) break;
    start -= m[0].length;
  }
  for (let i = 0; i < 2; i++) {
    if (/['’]s?$/.test(source.slice(start, end))) break;
    const m = /^[ \t](\p{Lu}\.(?=[ \t]\p{Lu}|[ \t]*[,;)]|[ \t]*$)|\p{Lu}[\p{L}'’-]*)(?![\p{L}.])/mu.exec(source.slice(end, end + 30));
    if (!m || !nameWord(m[1], false)) break;
    end += m[0].length;
  }
  return { start, end };
}

/**
 * True when a name is the person's: a full name that is part of one of theirs or holds one ("Maria
 * Okafor", "Maria Adaeze Okafor"), a first name with their full name, or one word of their names.
 * Relatives who share a surname ("Grace Okafor") are other people.
 */
function sameName(p: Person, tokens: readonly string[]): boolean {
  if (tokens.length > 1) {
    const has = (a: readonly string[], b: readonly string[]): boolean => b.every((t) => a.includes(t));
    if (p.names.length) return p.names.some((n) => has(n, tokens) || has(tokens, n));
    return p.tokens.has(tokens[0]);
  }
  return tokens.length === 1 && tokens[0].length > 1 && p.tokens.has(tokens[0]);
}

/** Places sorted by start, for overlap look-ups in logarithmic time. */
class PlaceIndex {
  private readonly starts: OffsetRange[];
  constructor(places: readonly OffsetRange[]) {
    this.starts = [...places].sort((a, b) => a.start - b.start);
  }
  /** The position of the first place starting at or after `at`. */
  private find(at: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  overlaps(r: OffsetRange): boolean {
    const i = this.find(r.start);
    // places are names: a few words long, so the one before can only overlap if it starts shortly before
    for (let j = Math.max(0, i - 3); j < Math.min(this.starts.length, i + 2); j++) if (overlaps(this.starts[j], r)) return true;
    return false;
  }
  add(r: OffsetRange): void {
    this.starts.splice(this.find(r.start), 0, r);
  }
}

const key = (r: OffsetRange): string => `${r.start}:${r.end}`;
const overlaps = (a: OffsetRange, b: OffsetRange): boolean => a.start < b.end && b.start < a.end;

/** The people a document names; reported mentions join the person they name, in any order. */
export class People {
  private readonly people: Person[] = [];
  private readonly byPlace = new Map<string, Person>();
  private searched = false;

  /**
   * `source` and `blocks` are the document's; `staff` holds lower-cased name tokens known to be staff
   * or the author. Register the reported mentions with {@link add}.
   */
  constructor(
    private readonly source: string,
    private readonly blocks: readonly SearchBlock[] = [],
    private readonly staff: ReadonlySet<string> = new Set(),
  ) {}

  /** Registers name mentions (all owners: staff mentions protect the person they name). */
  add(mentions: readonly IdentifierMention[]): void {
    const names = mentions.filter((m) => m.type === "name").sort((a, b) => a.range.start - b.range.start);
    // Full names first, so that a lone first name joins the person it belongs to.
    const ordered = [...names.filter((m) => nameTokens(m.text).length > 1), ...names.filter((m) => nameTokens(m.text).length <= 1)];
    for (const m of ordered) this.register(m);
  }

  /** The person a mention names (registering it when it is new). */
  personOf(m: IdentifierMention): Person {
    const person = this.register(m);
    this.search();
    return person;
  }

  private register(m: IdentifierMention): Person {
    const range = wholeName(this.source, m.range);
    const known = this.byPlace.get(key(range)) ?? this.people.find((p) => p.places.some((r) => overlaps(r, range)));
    if (known) {
      if (m.owner !== "unknown" || m.detail === "provider") known.protected = true;
      return known;
    }
    const text = this.source.slice(range.start, range.end);
    const tokens = nameTokens(text);
    const letters = /^(?:\p{Lu}\.?\s?){2,3}$/u.test(text.trim()) ? text.replace(/[^\p{L}]/gu, "").toLowerCase() : "";
    let person = this.people.find((p) => (letters ? p.initials === letters : sameName(p, tokens)));
    if (!person) {
      person = { index: 0, first: range.start, tokens: new Set(letters ? [] : tokens), names: [], initials: letters || tokens.map((t) => t[0]).join(""), protected: false, places: [], found: new Set() };
      this.people.push(person);
    } else {
      for (const t of letters ? [] : tokens) person.tokens.add(t);
    }
    if (!letters && tokens.length > 1) person.names.push(tokens);
    person.places.push(range);
    person.first = Math.min(person.first, range.start);
    if (m.owner !== "unknown" || m.detail === "provider") person.protected = true;
    this.byPlace.set(key(range), person);
    this.searched = false;
    return person;
  }

  /** Finds the places no detector reported, and who each person is (staff, relative, patient). */
  private search(): void {
    if (this.searched) return;
    this.searched = true;
    // One scan of the capitalised words of every block: a word that is a person's name token may be
    // a place that person is named (linear in the text, however many people there are).
    const byToken = new Map<string, Person[]>();
    for (const p of this.people) {
      for (const t of p.tokens) if (t.length >= 3) byToken.set(t, [...(byToken.get(t) ?? []), p]);
    }
    const taken = new PlaceIndex(this.people.flatMap((p) => p.places));
    for (const b of this.blocks) {
      for (const hit of b.text.matchAll(/(?<![\p{L}\p{N}_@./\\-])\p{Lu}[\p{L}'’-]*/gu)) {
        const word = hit[0].replace(/['’]s?$/, "");
        const owners = byToken.get(word.toLowerCase());
        if (!owners || NOT_NAMES.has(word) || /^[\p{N}_-]/u.test(b.text.charAt(hit.index! + hit[0].length))) continue;
        const start = b.offsets[hit.index!];
        const end = b.offsets[hit.index! + word.length - 1] + 1;
        if (end - start !== word.length) continue;
        const range = wholeName(this.source, { start, end });
        if (taken.overlaps(range)) continue;
        // the person whose name this is ("Maria Santos" is not "Maria Lopez")
        const tokens = nameTokens(this.source.slice(range.start, range.end));
        const p = owners.find((o) => tokens.every((t) => t.length <= 1 || o.tokens.has(t)));
        if (!p) continue;
        p.places.push(range);
        p.found.add(range);
        p.first = Math.min(p.first, range.start);
        taken.add(range);
      }
    }
    for (const p of this.people) {
      p.places.sort((a, b) => a.start - b.start);
      for (const r of p.places) this.classify(p, r);
      if (this.isStaff(p) || this.doubtful(p)) p.protected = true;
    }
    // Someone named in one list with a person who is not a patient ("Sarah, Kelly and Rachel" of the carers) is not surely one.
    const order = this.people.flatMap((p) => p.places.map((r) => ({ p, r }))).sort((a, b) => a.r.start - b.r.start);
    for (let changed = true, round = 0; changed && round < 20; round++) {
      changed = false;
      for (let i = 0; i + 1 < order.length; i++) {
        const [x, y] = [order[i], order[i + 1]];
        if (x.p.protected === y.p.protected || x.r.end > y.r.start || !listGap(this.source.slice(x.r.end, y.r.start))) continue;
        x.p.protected = y.p.protected = changed = true;
      }
    }
    let index = 0;
    for (const p of [...this.people].sort((a, b) => a.first - b.first)) {
      if (!p.protected && !p.relation) p.index = index++;
    }
  }

  /**
   * A staff member or author by name: a full name of theirs is all staff tokens, or, named by one
   * word only, that word is (a patient "Maria Ruiz" is not the hygienist "Maria Lopez").
   */
  private isStaff(p: Person): boolean {
    if (p.names.length) return p.names.some((n) => n.every((t) => t.length <= 1 || this.staff.has(t)));
    return [...p.tokens].some((t) => this.staff.has(t));
  }

  /**
   * A lone capitalised word named once, opening a sentence and not followed by what a person does
   * ("Ocean perch, wild salmon ..."), is not surely a person.
   */
  private doubtful(p: Person): boolean {
    if (p.names.length || p.places.length !== 1 || p.tokens.size !== 1) return false;
    const r = p.places[0];
    if (/['’]s?$/.test(this.source.slice(r.start, r.end)) || !atSentenceStart(this.source, r.start)) return false;
    return !PERSON_VERB_AFTER.test(this.source.slice(r.end, r.end + 30));
  }

  /** Reads the text around one place a person is named for who they are. */
  private classify(p: Person, r: OffsetRange): void {
    const head = this.source.slice(Math.max(0, r.start - 60), r.start);
    const tail = this.source.slice(r.end, r.end + 80);
    // (the title or role before the name, without the spaces, comma or bracket between them)
    const bare = head.slice(0, head.length - trailingRun(head, " \t(,:"));
    if (PROVIDER_BEFORE.test(bare) || CREDENTIALS_AFTER.test(tail) || PROVIDER_VERB_BEFORE.test(head) || PROVIDER_AFTER.test(tail) || CONTACT_BEFORE.test(head)) p.protected = true;
    if (PRESS_BEFORE.test(bare.replace(/\s+/g, " ")) || PRAISED_AFTER.test(tail)) p.protected = true;
    const words = this.source.slice(r.start, r.end).split(/[\s,.]+/).filter(Boolean);
    const states = new Set(Object.values(US_STATES));
    if (PLACE_BEFORE.test(head) && words.every((w) => PLACE_WORDS.has(w) || US_PLACES.has(w) || states.has(w))) p.protected = true;
    if (p.relation) return;
    const before = RELATION_BEFORE.exec(head);
    const after = before ? null : RELATION_AFTER.exec(tail);
    const found = before ?? after;
    if (found) p.relation = { word: found[2].toLowerCase(), owner: /^(?:my|our)$/i.test(found[1]) ? found[1].toLowerCase() : "" };
  }

  /**
   * True when contact details belong to someone who is not a patient: they follow a staff member's or
   * a contact's name in the same sentence ("call our press officer Joan Whitlow on (555) ...").
   */
  ownedByProtected(r: OffsetRange): boolean {
    this.search();
    return this.people.some(
      (p) =>
        p.protected &&
        p.places.some((place) => {
          if (place.end > r.start || r.start - place.end > 80) return false;
          const between = this.source.slice(place.end, r.start);
          // ("Dr. Kim called Maria at ...": the patient named in between owns it)
          const patientBetween = this.people.some((q) => !q.protected && q.places.some((x) => x.start >= place.end && x.end <= r.start));
          return !patientBetween && !/[.!?](?:\s|$)|\n\s*\n/.test(between) && !/\b(?:her|his|their)\b/i.test(between);
        }),
    );
  }

  /**
   * True when a web address is a patient's: a patient's name is in it, or a possessive introduces it
   * ("her blog", "Maria's page") in its sentence.
   */
  patientsAddress(r: OffsetRange): boolean {
    this.search();
    const url = this.source.slice(r.start, r.end).toLowerCase();
    if (this.people.some((p) => !p.protected && [...p.tokens].some((t) => t.length > 2 && url.includes(t)))) return true;
    const head = this.source.slice(Math.max(0, r.start - 80), r.start);
    const sentence = head.slice(Math.max(head.lastIndexOf("."), head.lastIndexOf("!"), head.lastIndexOf("?")) + 1);
    const words = sentence.split(/\s+/).map((w) => w.toLowerCase());
    return words.some((w, i) => PAGE_WORDS.has(w) && words.slice(Math.max(0, i - 2), i).some((o) => /^(?:her|his|their|my)$|['’]s$/.test(o)));
  }

  /** Every person, for tests and reports. */
  all(): readonly Person[] {
    this.search();
    return this.people;
  }
}

export { RELATION_AFTER, RELATION_BEFORE };
