// Fix builders handed to rules: de-identification operators, templates, directives, allowlist.
import type { DocumentAnalysis, IdentifierMention } from "../analysis/types";
import type { ResolvedConfig } from "../config/types";
import type { FixHelpers } from "../rule";
import type { LineIndex } from "../text/lines";
import type { AllowlistKey, Fix, OffsetRange, ParsedDocument, TextEdit } from "../types";
import { trailingRun, trimmedEnd } from "../text/scan";
import { US_STATES } from "../text/us-states";
import { attributionFix, deidentifyMention, type DeidentifyContext } from "./deidentify";
import { stateWithin } from "./places";
import { authorizationEdit, directiveComment as commentFor, disableEdits } from "./insertions";
import { People, roleNoun } from "./names";
import { escapeForLanguage, renderTemplate } from "./templates";
import { lineAt, lineBreakOf } from "./text";

const ALLOWLIST_KEY: Partial<Record<IdentifierMention["type"], AllowlistKey>> = {
  name: "staff",
  phone: "phones",
  fax: "faxes",
  email: "emails",
  address: "addresses",
  url: "urls",
  location: "locations",
};

/** The comment syntax of a document's language around a directive body. */
export function directiveComment(doc: ParsedDocument, body: string): string {
  return commentFor(doc.language, body);
}

/** The source span of a block, or the line around `range` when no block holds it. */
function spanOf(doc: ParsedDocument, block: number | undefined, range: OffsetRange): OffsetRange {
  const b = block === undefined ? undefined : doc.blocks[block];
  if (b) {
    const span = { start: b.offsets[0], end: b.offsets[b.text.length] };
    if (span.start <= range.start && range.end <= span.end) return span;
  }
  const holder = doc.blocks.find((x) => x.offsets[0] <= range.start && range.end <= x.offsets[x.text.length]);
  if (holder) return { start: holder.offsets[0], end: holder.offsets[holder.text.length] };
  return { start: lineAt(doc.source, range.start).start, end: lineAt(doc.source, range.end).end };
}

/**
 * Makes replacement text fit where it goes: inside a quoted front matter or JSX value its quotes are
 * escaped; a whole plain YAML value that YAML would misread is quoted.
 */
export function fitText(doc: ParsedDocument, range: OffsetRange, text: string): string {
  // data files: their fixes are fitted to each string's escaping once computed (fix/data-edits.ts)
  if (doc.containers) return text;
  const holder = doc.blocks.find((b) => (b.kind === "frontmatter" || b.kind === "jsxAttribute") && b.offsets[0] <= range.start && range.end <= b.offsets[b.text.length]);
  if (!holder) return text;
  const start = holder.offsets[0];
  const end = holder.offsets[holder.text.length];
  const quote = doc.source.charAt(start - 1);
  if (holder.kind === "jsxAttribute") return quote === '"' ? text.replace(/"/g, "\u201d") : quote === "'" ? text.replace(/'/g, "\u2019") : text;
  if (quote === '"' && doc.source.charAt(end) === '"') return JSON.stringify(text).slice(1, -1);
  if (quote === "'" && doc.source.charAt(end) === "'") return text.replace(/'/g, "''");
  const whole = range.start === start && range.end === end;
  if (whole && text !== "" && (/:\s|\s#|^[-?:,[\]{}#&*!|>'"%@`]|^\s|\s$/.test(text) || /^(?:true|false|null|yes|no|~|[\d.+-]+)$/i.test(text))) return JSON.stringify(text);
  return text;
}

/** Keys of values that name a place ("city", "location"): they keep only the state, or go empty. */
const PLACE_KEY = /(?:^|[._-])(?:city|town|location|place|hometown|home|from|where|region|area|neighbou?rhood|county|locale)$/i;
/** Keys of values that name a person ("name", "author"): they become "A patient". */
const PERSON_KEY = /(?:^|[._-])(?:name|author|patient|person|client|by|reviewer|customer|who|attribution|signature)$/i;

/**
 * The fix of an attribution that is one structured value, an MDX prop or a front matter field, so
 * that it stays valid and meaningful: a place value keeps its state ("Plano, TX" → "TX") or is
 * emptied, a person value becomes "A patient", any other value (an age) is emptied.
 */
function structuredFix(doc: ParsedDocument, range: OffsetRange, config: ResolvedConfig): Fix | undefined {
  const holder = doc.blocks.find((b) => (b.kind === "jsxAttribute" || b.kind === "frontmatter") && b.offsets[0] <= range.start && range.end <= b.offsets[b.text.length]);
  if (!holder) return undefined;
  const whole = { start: holder.offsets[0], end: holder.offsets[holder.text.length] };
  const key = (holder.kind === "jsxAttribute" ? holder.attribute : holder.key) ?? "";
  const text = doc.source.slice(whole.start, whole.end);
  let newText: string;
  let title: string;
  if (PLACE_KEY.test(key)) {
    const state = /(?:^|[\s,])([A-Z]{2})\.?\s*$/.exec(text)?.[1];
    const named = stateWithin(text);
    newText = state && US_STATES[state] ? state : (named ?? "");
    title = newText ? "Keep only the state" : "Empty the place";
  } else if (PERSON_KEY.test(key)) {
    newText = renderTemplate("testimonial-attribution", config);
    title = "Attribute the testimonial to \u201cA patient\u201d";
  } else {
    newText = "";
    title = "Empty the value";
  }
  return { title, kind: "deidentify", preferred: true, edits: [{ range: whole, newText }] };
}

/** Templates that answer a reply (a review reply, a social comment). */
const REPLY_TEMPLATES = new Set(["review-reply", "review-reply-positive", "social-private"]);

/** True when the document answers someone: a review or comment reply, or a social post addressed to a person. */
export function isReply(doc: ParsedDocument, analysis: DocumentAnalysis): boolean {
  // A review in the patient's own words ("I", "my") is a testimonial, not the practice's reply.
  const text = doc.blocks.map((b) => b.text).join("\n");
  const own = text.match(/\b(?:I|my|me|mine|I'm|I’m|I've|I’ve)\b/g)?.length ?? 0;
  const practice = text.match(/\b(?:we|our|us|we're|we’re|you|your|you're|you’re)\b/gi)?.length ?? 0;
  if (own > practice) return false;
  if (analysis.kind === "review-reply" || analysis.kind === "comment-reply") return true;
  if (analysis.kind !== "social") return false;
  return /^\s*@[\w.]+/.test(doc.blocks[0]?.text ?? "") || analysis.sentences.some((s) => s.cues.some((c) => c.kind === "greeting" || c.kind === "gratitude"));
}

/**
 * The sentences of a reply that disclose nothing (no identifier, no health detail, not about a
 * patient's care), in order: a reply template keeps them ahead of the template text. Thanks for the
 * review are left out, since every template thanks the writer itself.
 */
function keptSentences(analysis: DocumentAnalysis, range: OffsetRange): string[] {
  const care = new Set(["records", "second-person-care", "care-event", "past-event", "greeting", "gratitude"]);
  return analysis.sentences
    .filter((s) => range.start <= s.range.start && s.range.end <= range.end && !analysis.quoted.has(s.index))
    .filter((s) => s.mentions.length === 0 && s.health.length === 0 && !s.patientContext && !s.cues.some((c) => care.has(c.kind)))
    .map((s) => s.text.trim())
    .filter((t) => /\p{L}/u.test(t));
}

/** The de-identification that goes with a reply template: the reply without its disclosing sentences. */
const REPLY_DEIDENTIFICATION = new WeakMap<Fix, Fix>();

/**
 * A finding's fixes with the de-identification of a reply put first, when a reply template is among
 * them: the reply keeps what it says, less the sentences that disclose someone's care. The engine
 * calls this as findings are reported, so every rule that offers a reply template gets it.
 */
export function withReplyDeidentification(fixes: readonly Fix[]): Fix[] {
  const extra = fixes.map((f) => REPLY_DEIDENTIFICATION.get(f)).filter((f): f is Fix => f !== undefined);
  return extra.length ? [...extra, ...fixes] : [...fixes];
}

/** Cues of a sentence that speaks of someone's care. */
const CARE_CUES = new Set(["records", "second-person-care", "care-event", "past-event", "case-study"]);

/**
 * Removes the sentences of a reply that disclose care (a health detail, the reader's chart or visit),
 * each with the space after it; the greeting, thanks and everything else stay. None when every
 * sentence discloses (then only the template or the writer can help).
 */
function disclosureRemoval(doc: ParsedDocument, analysis: DocumentAnalysis, range: OffsetRange): Fix | undefined {
  const inside = analysis.sentences.filter((s) => range.start <= s.range.start && s.range.end <= range.end && !analysis.quoted.has(s.index));
  const discloses = (s: (typeof inside)[number]): boolean => s.health.length > 0 || s.cues.some((c) => CARE_CUES.has(c.kind));
  const drop = inside.filter(discloses);
  if (drop.length === 0 || drop.length === inside.length) return undefined;
  // each dropped sentence with the spaces after it, neighbours merged into one edit
  const ranges: OffsetRange[] = [];
  for (const s of drop) {
    const end = s.range.end + /^[ \t]*/.exec(doc.source.slice(s.range.end, s.range.end + 40))![0].length;
    const last = ranges[ranges.length - 1];
    if (last && last.end >= s.range.start) last.end = Math.max(last.end, end);
    else ranges.push({ start: s.range.start, end });
  }
  const edits = ranges.map((r): TextEdit => {
    // what ends a line takes the spaces before it instead of after it
    if (/^(?:\r?\n|$)/.test(doc.source.slice(r.end, r.end + 2))) {
      const before = doc.source.slice(Math.max(0, r.start - 40), r.start);
      const end = r.end - trailingRun(doc.source.slice(r.start, r.end), " \t");
      return { range: { start: r.start - trailingRun(before, " \t"), end }, newText: "" };
    }
    return { range: r, newText: "" };
  });
  return { title: "Remove the sentences that disclose care", kind: "deidentify", preferred: true, edits };
}

/** Creates the fix builders for one document. */
export function createFixHelpers(doc: ParsedDocument, analysis: DocumentAnalysis, config: ResolvedConfig, _lines: LineIndex): FixHelpers {
  let people: People | undefined;
  let noun: string | undefined;
  const context: DeidentifyContext = {
    source: doc.source,
    config,
    get people(): People {
      if (!people) {
        people = new People(doc.source, doc.blocks, analysis.staffNames);
        people.add(analysis.mentions);
      }
      return people;
    },
    get noun(): string {
      return (noun ??= roleNoun(doc.source, config.language));
    },
    span: (m) => spanOf(doc, m.block, m.range),
  };
  const fitted = (fix: Fix): Fix => ({ ...fix, edits: fix.edits.map((e): TextEdit => ({ ...e, newText: fitText(doc, e.range, e.newText) })) });
  return {
    deidentify(mention) {
      return deidentifyMention(context, mention).map(fitted);
    },
    template(templateId, range, title) {
      if (templateId === "testimonial-attribution") return fitted(structuredFix(doc, range, config) ?? attributionFix(doc.source, range, config));
      // A reply template fits only a reply; a post keeps its content (the fix is not offered).
      const reply = REPLY_TEMPLATES.has(templateId);
      if (reply && !isReply(doc, analysis)) return { title, kind: "template", edits: [] };
      const slice = doc.source.slice(range.start, range.end);
      const lead = /^\s*/.exec(slice)![0];
      const trail = slice.length > lead.length ? slice.slice(trimmedEnd(slice)) : "";
      const body = escapeForLanguage(renderTemplate(templateId, config), doc.language).replace(/\r?\n/g, lineBreakOf(doc.source));
      const kept = reply ? keptSentences(analysis, range) : [];
      const text = [...kept.map((k) => escapeForLanguage(k, doc.language)), body].join(" ");
      // Never preferred: a template replaces the writer's words, so "fix all" leaves it to the writer.
      const fix = fitted({ title, kind: "template", edits: [{ range, newText: lead + text + trail }] });
      if (reply) {
        const removal = disclosureRemoval(doc, analysis, range);
        if (removal) REPLY_DEIDENTIFICATION.set(fix, removal);
      }
      return fix;
    },
    attribution(range) {
      return fitted(structuredFix(doc, range, config) ?? attributionFix(doc.source, range, config));
    },
    authorizationReference(range) {
      return { title: "Insert an authorization reference", kind: "authorization", edits: [authorizationEdit(doc, range)] };
    },
    disable(ruleId, range) {
      return { title: `Disable ${ruleId} for this line, with a reason`, kind: "disable", edits: disableEdits(doc, ruleId, range) };
    },
    allowlist(mention) {
      const key = ALLOWLIST_KEY[mention.type];
      if (!key) return undefined;
      const value = doc.source.slice(mention.range.start, mention.range.end).replace(/['’]s$/, "").trim() || mention.text;
      return { title: `Add to the practice's ${key} in the Safe Harbor config`, kind: "allowlist", edits: [], allowlist: { key, value } };
    },
  };
}

export type { Fix };
