// Names → roles or pseudonyms: who is who in a document, and the role phrase that fits the grammar.
import type { IdentifierMention } from "../analysis/types";
import type { Fix, OffsetRange, TextEdit } from "../types";
import { atSentenceStart, capitalize, lineAt } from "./text";

/** Honorifics taken with the name they precede ("Mr. Harold Kim" → "a patient"). */
const TITLE_BEFORE = /\b(?:Mr|Mrs|Ms|Mx|Miss|Mister|Dr|Prof|Sr|Sra|Srta|Don|Doña)\.?[ \t]+$/;
const TITLE_WITHIN = /^(?:Mr|Mrs|Ms|Mx|Miss|Mister|Dr|Prof|Sr|Sra|Srta|Don|Doña)\.?\s+/;
/** Words for a patient already in the text, after which the name is simply dropped ("our patient Angela"). */
const ROLE_NOUN = /\b(?:patients?|clients?|residents?|members?|customers?|pacientes?|clientes?)(?:[ \t]*,)?[ \t]+$/i;
/** Words after which a name is naming, not referring ("a patient named Angela"). */
const NAMING = /(?<![ \t])[ \t]+(?:named|called|llamad[oa])[ \t]+$/i;
/** Greetings after which a name is dropped ("Hi Dana," → "Hi,"). */
const GREETING = /\b(?:hi|hello|hey|thanks|thank you|congrats|congratulations|welcome|hola|gracias|felicidades|bienvenid[oa])(?:[ \t]*,)?[ \t]+$/i;
const DEAR = /\b(dear|querid[oa]|estimad[oa])[ \t]+$/i;
/** Determiners after which the bare role noun fits ("my Angela" → "my patient"). */
const DETERMINER = {
  en: /\b(?:the|a|an|our|my|your|their)[ \t]+$/i,
  es: /\b(?:el|la|los|las|un|una|nuestr[oa]|mi|su)[ \t]+$/i,
};

/** The words of a role in one language. */
interface RoleWords {
  indefinite: string;
  another: string;
  definite: string;
  possessive: string;
  anotherPossessive: string;
  bare: string;
  pseudonym: string;
  hello: string;
}

function roleWords(language: "en" | "es", noun: string): RoleWords {
  if (language === "es") {
    return { indefinite: `un ${noun}`, another: `otro ${noun}`, definite: `el ${noun}`, possessive: `el ${noun}`, anotherPossessive: `otro ${noun}`, bare: noun, pseudonym: "Paciente", hello: "Hola" };
  }
  return { indefinite: `a ${noun}`, another: `another ${noun}`, definite: `the ${noun}`, possessive: `the ${noun}'s`, anotherPossessive: `another ${noun}'s`, bare: noun, pseudonym: "Patient", hello: "Hello" };
}

/** The role noun that suits the document: "client" where the text speaks of clients, else "patient". */
export function roleNoun(source: string, language: "en" | "es"): string {
  if (language === "es") return /\bclientes?\b/i.test(source) && !/\bpacientes?\b/i.test(source) ? "cliente" : "paciente";
  const clients = source.match(/\bclients?\b/gi)?.length ?? 0;
  const patients = source.match(/\bpatients?\b/gi)?.length ?? 0;
  return clients > patients ? "client" : "patient";
}

interface Person {
  index: number;
  first: number;
  tokens: Set<string>;
  initials: string;
}

/** The tokens of a name, without titles, possessives and punctuation. */
function nameTokens(text: string): string[] {
  return text
    .replace(TITLE_WITHIN, "")
    .replace(/['’]s?$/, "")
    .split(/[\s.]+/)
    .map((t) => t.replace(/[^\p{L}'’-]/gu, "").toLowerCase())
    .filter(Boolean);
}

/** The people a document names, in order of first mention: "Angela Ruiz", later "Angela", are one person. */
export class People {
  private readonly people: Person[] = [];
  private readonly seen = new Set<string>();

  /** Registers name mentions; call with every name mention of the document, in any order. */
  add(mentions: readonly IdentifierMention[]): void {
    const fresh = mentions.filter((m) => m.type === "name" && !this.seen.has(`${m.range.start}:${m.range.end}`));
    fresh.sort((a, b) => a.range.start - b.range.start);
    // Full names first, so that a lone first name joins the person it belongs to.
    const ordered = [...fresh.filter((m) => nameTokens(m.text).length > 1), ...fresh.filter((m) => nameTokens(m.text).length <= 1)];
    for (const m of ordered) this.personOf(m);
  }

  /** The person a mention names, and whether this is the first mention of them. */
  personOf(m: IdentifierMention): { index: number; first: boolean } {
    const key = `${m.range.start}:${m.range.end}`;
    const tokens = nameTokens(m.text);
    const letters = tokens.length === 1 && /^[a-z]{2,3}$/.test(tokens[0]) && /^(?:[A-Z]\.?\s?){2,3}$/.test(m.text.trim()) ? tokens[0] : "";
    let person = this.people.find((p) => (letters ? p.initials === letters : tokens.some((t) => t.length > 1 && p.tokens.has(t))));
    if (!person) {
      person = { index: this.people.length, first: m.range.start, tokens: new Set(letters ? [] : tokens), initials: letters || tokens.map((t) => t[0]).join("") };
      this.people.push(person);
    } else if (!this.seen.has(key)) {
      for (const t of letters ? [] : tokens) person.tokens.add(t);
      person.first = Math.min(person.first, m.range.start);
    }
    this.seen.add(key);
    this.renumber();
    return { index: person.index, first: person.first === m.range.start };
  }

  private renumber(): void {
    [...this.people].sort((a, b) => a.first - b.first).forEach((p, i) => (p.index = i));
  }
}

function edit(title: string, range: OffsetRange, newText: string, preferred = false): Fix {
  return { title, kind: "deidentify", ...(preferred ? { preferred } : {}), edits: [{ range, newText }] };
}

/** What a name fix needs to know about its document. */
export interface NameContext {
  source: string;
  language: "en" | "es";
  noun: string;
  people: People;
}

/** Role and pseudonym fixes for a name mention, keeping the sentence grammatical. */
export function nameFixes(ctx: NameContext, m: IdentifierMention): Fix[] {
  const { source } = ctx;
  let { start, end } = m.range;
  const words = roleWords(ctx.language, ctx.noun);
  // Take an honorific before the name, and a possessive after it.
  const title = TITLE_BEFORE.exec(source.slice(Math.max(0, start - 12), start));
  if (title) start -= title[0].length;
  // A possessive inside the mention ("Angela's") or right after it.
  let apostrophe = /(['’])s?$/.exec(source.slice(start, end))?.[1] ?? "";
  if (apostrophe && !/(?:['’]s|s['’])$/.test(source.slice(start, end))) apostrophe = "";
  const after = /^(['’])s(?![\p{L}])|^(['’])(?=\s)/u.exec(source.slice(end, end + 3));
  if (!apostrophe && after) {
    end += after[0].length;
    apostrophe = after[1] ?? after[2];
  }
  const possessive = apostrophe !== "";
  const poss = possessive && ctx.language === "en" ? `${apostrophe}s` : "";
  const head = source.slice(lineAt(source, start).start, start);
  const who = ctx.people.personOf(m);
  const pseudonym = `${words.pseudonym} ${String.fromCharCode(65 + (who.index % 26))}${who.index >= 26 ? Math.floor(who.index / 26) : ""}`;
  const pseudoFix = edit("Replace the name with a pseudonym", { start, end }, pseudonym + poss);

  const role = roleEdit(ctx, words, head, { start, end }, possessive, poss, who);
  return [{ title: "Replace the name with a role", kind: "deidentify", preferred: true, edits: [role] }, pseudoFix];
}

function roleEdit(ctx: NameContext, words: RoleWords, head: string, r: OffsetRange, possessive: boolean, poss: string, who: { index: number; first: boolean }): TextEdit {
  const { source } = ctx;
  const { start, end } = r;
  const tail = source.slice(end, end + 3);
  // "our patient Angela" / "our patient, Angela, ..." → drop the name.
  const roleNoun = ROLE_NOUN.exec(head);
  if (roleNoun && !/^\s*(?:and|y)\b/.test(source.slice(end, end + 5))) {
    const commaBefore = /,[ \t]*$/.test(roleNoun[0]);
    const sep = /(?<![ \t,])(?:[ \t]*,)?[ \t]+$/.exec(roleNoun[0])![0];
    const to = commaBefore && tail.startsWith(",") ? end + 1 : end;
    return { range: { start: start - sep.length, end: to }, newText: poss };
  }
  // "a patient named Angela" → "a patient".
  const naming = NAMING.exec(head);
  if (naming && !possessive) return { range: { start: start - naming[0].length, end }, newText: "" };
  // "Dear Angela," → "Hello,"; "Hi Dana," → "Hi,"; "Thank you, Priya!" → "Thank you!".
  const dear = DEAR.exec(head);
  if (dear && !possessive) return { range: { start: start - dear[0].length, end }, newText: capitalize(words.hello, /^\p{Lu}/u.test(dear[1])) };
  const greeting = GREETING.exec(head);
  if (greeting && !possessive) {
    const gap = /(?<![ \t,])(?:[ \t]*,)?[ \t]+$/.exec(greeting[0])![0];
    return { range: { start: start - gap.length, end }, newText: "" };
  }
  // "..., Angela!" at the end of a sentence is a vocative: drop it with its comma.
  if (!possessive && /,[ \t]*$/.test(head) && /^[ \t]*(?:[!.?…]|$)/.test(source.slice(end, lineAt(source, end).end))) {
    return { range: { start: start - /,[ \t]*$/.exec(head)![0].length, end }, newText: "" };
  }
  // "Angela, thank you for ..." at the start of a reply: drop it and capitalise what follows.
  const vocative = /^,[ \t]+(thank|thanks|we|i|sorry|so|congrats|congratulations|please|gracias|lo siento)\b/i.exec(source.slice(end, end + 20));
  if (!possessive && vocative && atSentenceStart(source, start)) {
    const next = end + vocative[0].length - vocative[1].length;
    return { range: { start, end: next + 1 }, newText: source.charAt(next).toUpperCase() };
  }
  const cap = atSentenceStart(source, start);
  if (DETERMINER[ctx.language].test(head) && !cap) return { range: r, newText: words.bare + poss };
  let phrase: string;
  if (possessive) phrase = (who.first && who.index > 0 ? words.anotherPossessive : words.possessive).replace("'", poss.charAt(0) || "'");
  else if (who.first) phrase = who.index > 0 ? words.another : words.indefinite;
  else phrase = words.definite;
  // Spanish contractions: "a el" → "al", "de el" → "del".
  if (ctx.language === "es" && phrase.startsWith("el ")) {
    const prep = /\b(a|de)[ \t]+$/i.exec(head);
    if (prep) return { range: { start: start - prep[0].length, end }, newText: `${prep[1]}l ${phrase.slice(3)}` };
  }
  return { range: r, newText: capitalize(phrase, cap) };
}
