// Names → roles or pseudonyms: who is who in a document, and the role phrase that fits the grammar.
import type { IdentifierMention } from "../analysis/types";
import type { Fix, OffsetRange, TextEdit } from "../types";
import { People, RELATION_AFTER, RELATION_BEFORE, type Person } from "./people";
import { trailingRun } from "../text/scan";
import { atSentenceStart, capitalize, lineAt } from "./text";

/** Honorifics taken with the name they precede ("Mr. Harold Kim" → "a patient"). */
const TITLE_BEFORE = /\b(?:Mr|Mrs|Ms|Mx|Miss|Mister|Dr|Prof|Sr|Sra|Srta|Don|Doña)\.?[ \t]+$/;
/** Words for a patient already in the text, after which the name is simply dropped ("our patient Angela"). */
const ROLE_NOUN = /\b(?:patients?|clients?|residents?|members?|customers?|pacientes?|clientes?)(?:[ \t]*,)?[ \t]+$/i;
/** Words after which a name is naming, not referring ("a patient named Angela"; not "Dr. Kim called Angela"). */
const NAMING = /(?<![ \t])[ \t]+(?:named|called|llamad[oa])[ \t]+$/i;
/** Determiners of the noun phrase a naming word follows ("a little girl called ..."). */
const NAMED_NOUN_DETERMINER = /^(?:a|an|the|one|our|my|her|his|their|un|una|el|la)$/i;

/** The naming words before a name, when they follow a noun phrase ("a patient named"), not a verb's subject. */
function namingBefore(head: string): RegExpExecArray | null {
  const naming = NAMING.exec(head);
  if (!naming) return null;
  const words = head.slice(0, naming.index).split(/[ \t]+/).slice(-4, -1);
  return words.some((w) => NAMED_NOUN_DETERMINER.test(w)) ? naming : null;
}

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
  other: string;
  otherPossessive: string;
  bare: string;
  pseudonym: string;
  hello: string;
}

function roleWords(language: "en" | "es", noun: string): RoleWords {
  if (language === "es") {
    return { indefinite: `un ${noun}`, another: `otro ${noun}`, definite: `el ${noun}`, possessive: `el ${noun}`, anotherPossessive: `otro ${noun}`, other: `el otro ${noun}`, otherPossessive: `el otro ${noun}`, bare: noun, pseudonym: "Paciente", hello: "Hola" };
  }
  return { indefinite: `a ${noun}`, another: `another ${noun}`, definite: `the ${noun}`, possessive: `the ${noun}'s`, anotherPossessive: `another ${noun}'s`, other: `the other ${noun}`, otherPossessive: `the other ${noun}'s`, bare: noun, pseudonym: "Patient", hello: "Hello" };
}

/** The role noun that suits the document: "client" where the text speaks of clients, else "patient". */
export function roleNoun(source: string, language: "en" | "es"): string {
  if (language === "es") return /\bclientes?\b/i.test(source) && !/\bpacientes?\b/i.test(source) ? "cliente" : "paciente";
  const clients = source.match(/\bclients?\b/gi)?.length ?? 0;
  const patients = source.match(/\bpatients?\b/gi)?.length ?? 0;
  return clients > patients ? "client" : "patient";
}

export { People };

/** What a name fix needs to know about its document. */
export interface NameContext {
  source: string;
  language: "en" | "es";
  noun: string;
  people: People;
}

/**
 * Role and pseudonym fixes for a name mention, keeping the sentence grammatical. Each fix changes
 * every place the document names the same person, so that all of them change together; a person
 * who may not be a patient (staff, a provider, a contact) gets no fix.
 */
export function nameFixes(ctx: NameContext, m: IdentifierMention): Fix[] {
  const words = roleWords(ctx.language, ctx.noun);
  const who = ctx.people.personOf(m);
  if (who.protected) return [];
  const own = wholeRange(m.range, who);
  const others = who.places.filter((r) => !(r.start <= own.start && own.end <= r.end) && !(own.start <= r.start && r.end <= own.end));
  // A person named very often: each reported mention changes itself, and the first one also the
  // places no detector reported (so that the fixes of a long document stay linear in size).
  const firstReported = who.places.find((r) => !who.found.has(r));
  const places = others.length <= MAX_PLACES ? [own, ...others] : [own, ...(firstReported && firstReported.start === own.start ? others.filter((r) => who.found.has(r)) : [])];
  const roles: TextEdit[] = [];
  const pseudos: TextEdit[] = [];
  for (const r of places) {
    const place = placeOf(ctx, r);
    roles.push(roleEdit(ctx, words, place, who));
    pseudos.push({ range: place.range, newText: pseudonymOf(words, who) + place.poss });
  }
  return [
    { title: who.relation ? "Replace the name with the relation to the patient" : "Replace the name with a role", kind: "deidentify", preferred: true, edits: roles },
    { title: "Replace the name with a pseudonym", kind: "deidentify", edits: pseudos },
  ];
}

function pseudonymOf(words: RoleWords, who: Person): string {
  return `${words.pseudonym} ${String.fromCharCode(65 + (who.index % 26))}${who.index >= 26 ? Math.floor(who.index / 26) : ""}`;
}

/** The mention's range grown to the whole name, as the person's places are. */
function wholeRange(r: OffsetRange, who: Person): OffsetRange {
  return who.places.find((p) => p.start <= r.start && r.end <= p.end) ?? r;
}

/** One place a name stands: its range with an honorific before and a possessive after. */
interface Place {
  range: OffsetRange;
  head: string;
  possessive: boolean;
  poss: string;
}

function placeOf(ctx: NameContext, r: OffsetRange): Place {
  const { source } = ctx;
  let { start, end } = r;
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
  return { range: { start, end }, head: source.slice(lineAt(source, start).start, start), possessive, poss };
}

/** How many places of one person every fix of theirs changes at most. */
const MAX_PLACES = 40;

/** The phrase for a relative: "my son", "the patient's mother" (possessive: "the patient's mother's"). */
function relationPhrase(ctx: NameContext, who: Person, poss: string): string {
  const rel = who.relation!;
  if (ctx.language === "es") return `${rel.owner ? "mi" : "el familiar del"} ${rel.owner ? rel.word : ctx.noun}`;
  return `${rel.owner || `the ${ctx.noun}'s`} ${rel.word}${poss}`;
}

function roleEdit(ctx: NameContext, words: RoleWords, place: Place, who: Person): TextEdit {
  const { source } = ctx;
  const { head, possessive, poss } = place;
  const r = place.range;
  const { start, end } = r;
  const tail = source.slice(end, end + 3);
  const first = who.first >= start && who.first < end;
  // A relative: "her mother Rosa" → "her mother"; "Rosa, her mother," → "her mother"; else "the patient's mother".
  if (who.relation) {
    const before = RELATION_BEFORE.exec(source.slice(Math.max(0, start - 60), start));
    if (before) {
      const sep = before[0].slice(before[0].length - trailingRun(before[0], " \t,"));
      const comma = /,/.test(sep) && tail.startsWith(",") ? 1 : 0;
      return { range: { start: start - sep.length, end: end + comma }, newText: poss };
    }
    const after = possessive ? null : RELATION_AFTER.exec(source.slice(end, end + 80));
    if (after) {
      const lead = after[0].replace(/^[\s,(]+/, "");
      const phrase = lead.slice(0, lead.length - trailingRun(lead, " \t\r\n,)"));
      return { range: { start, end: end + after[0].length }, newText: capitalize(phrase, atSentenceStart(source, start)) };
    }
    return { range: r, newText: capitalize(relationPhrase(ctx, who, poss), atSentenceStart(source, start)) };
  }
  // "our patient Angela" / "our patient, Angela, ..." → drop the name.
  const roleNoun = ROLE_NOUN.exec(head);
  if (roleNoun && !/^\s*(?:and|y)\b/.test(source.slice(end, end + 5))) {
    const commaBefore = /,[ \t]*$/.test(roleNoun[0]);
    const sep = /(?<![ \t,])(?:[ \t]*,)?[ \t]+$/.exec(roleNoun[0])![0];
    const to = commaBefore && tail.startsWith(",") ? end + 1 : end;
    return { range: { start: start - sep.length, end: to }, newText: poss };
  }
  // "a patient named Angela" → "a patient".
  const naming = namingBefore(head);
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
  if (possessive) phrase = (who.index > 0 ? (first || who.index > 1 ? words.anotherPossessive : words.otherPossessive) : words.possessive).replace("'", poss.charAt(0) || "'");
  else if (first) phrase = who.index > 0 ? words.another : words.indefinite;
  else phrase = who.index === 0 ? words.definite : who.index === 1 ? words.other : words.another;
  // Spanish contractions: "a el" → "al", "de el" → "del".
  if (ctx.language === "es" && phrase.startsWith("el ")) {
    const prep = /\b(a|de)[ \t]+$/i.exec(head);
    if (prep) return { range: { start: start - prep[0].length, end }, newText: `${prep[1]}l ${phrase.slice(3)}` };
  }
  return { range: r, newText: capitalize(phrase, cap) };
}
