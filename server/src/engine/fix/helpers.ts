// Fix builders handed to rules: de-identification operators, templates, directives, allowlist.
import type { DocumentAnalysis, IdentifierMention } from "../analysis/types";
import type { ResolvedConfig } from "../config/types";
import type { FixHelpers } from "../rule";
import type { LineIndex } from "../text/lines";
import type { AllowlistKey, Fix, OffsetRange, ParsedDocument, TextEdit } from "../types";
import { trimmedEnd } from "../text/scan";
import { attributionFix, deidentifyMention, type DeidentifyContext } from "./deidentify";
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

/** Creates the fix builders for one document. */
export function createFixHelpers(doc: ParsedDocument, analysis: DocumentAnalysis, config: ResolvedConfig, _lines: LineIndex): FixHelpers {
  let people: People | undefined;
  let noun: string | undefined;
  const context: DeidentifyContext = {
    source: doc.source,
    config,
    get people(): People {
      if (!people) {
        people = new People();
        people.add(analysis.mentions.filter((m) => m.owner !== "staff" && m.owner !== "practice"));
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
      if (templateId === "testimonial-attribution") return fitted(attributionFix(doc.source, range, config));
      const slice = doc.source.slice(range.start, range.end);
      const lead = /^\s*/.exec(slice)![0];
      const trail = slice.length > lead.length ? slice.slice(trimmedEnd(slice)) : "";
      const body = escapeForLanguage(renderTemplate(templateId, config), doc.language).replace(/\r?\n/g, lineBreakOf(doc.source));
      return fitted({ title, kind: "template", preferred: true, edits: [{ range, newText: lead + body + trail }] });
    },
    attribution(range) {
      return fitted(attributionFix(doc.source, range, config));
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
