// Fix builders handed to rules: de-identification operators, templates, directives, allowlist.
import type { DocumentAnalysis, IdentifierMention } from "../analysis/types";
import type { ResolvedConfig } from "../config/types";
import type { FixHelpers } from "../rule";
import type { LineIndex } from "../text/lines";
import type { AllowlistKey, Fix, OffsetRange, ParsedDocument, TextEdit } from "../types";
import { deidentifyMention } from "./deidentify";
import { renderTemplate } from "./templates";

const ALLOWLIST_KEY: Partial<Record<IdentifierMention["type"], AllowlistKey>> = {
  name: "staff",
  phone: "phones",
  fax: "faxes",
  email: "emails",
  address: "addresses",
  url: "urls",
  location: "locations",
};

/** Creates the fix builders for one document. */
export function createFixHelpers(doc: ParsedDocument, analysis: DocumentAnalysis, config: ResolvedConfig, lines: LineIndex): FixHelpers {
  const pseudonyms = new Map<string, string>();
  return {
    deidentify(mention) {
      return deidentifyMention(doc.source, mention, config, pseudonyms);
    },
    template(templateId, range, title) {
      return { title, kind: "template", preferred: true, edits: [{ range, newText: renderTemplate(templateId, config) }] };
    },
    authorizationReference(range) {
      return { title: "Insert an authorization reference", kind: "authorization", edits: [authorizationEdit(doc, lines, range)] };
    },
    disable(ruleId, range) {
      return { title: `Disable ${ruleId} for this line, with a reason`, kind: "disable", edits: [disableEdit(doc, lines, ruleId, range)] };
    },
    allowlist(mention) {
      const key = ALLOWLIST_KEY[mention.type];
      if (!key) return undefined;
      return { title: `Add to the practice's ${key} in the Safe Harbor config`, kind: "allowlist", edits: [], allowlist: { key, value: mention.text } };
    },
  };
}

/** The comment syntax of a document's language around a directive body. */
export function directiveComment(doc: ParsedDocument, body: string): string {
  if (doc.language === "plaintext") return body;
  if (doc.language === "mdx") return `{/* ${body} */}`;
  return `<!-- ${body} -->`;
}

function lineBreakOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

function disableEdit(doc: ParsedDocument, lines: LineIndex, ruleId: string, range: OffsetRange): TextEdit {
  const line = lines.lineOf(range.start);
  const start = lines.lineStart(line);
  const indent = /^[ \t>]*/.exec(doc.source.slice(start, lines.lineEnd(line)))?.[0] ?? "";
  const text = `${indent}${directiveComment(doc, `safeharbor-disable-next-line ${ruleId} -- reason: `)}${lineBreakOf(doc.source)}`;
  return { range: { start, end: start }, newText: text };
}

function authorizationEdit(doc: ParsedDocument, lines: LineIndex, range: OffsetRange): TextEdit {
  const nl = lineBreakOf(doc.source);
  if (doc.language !== "plaintext" && doc.frontmatterRange && doc.source.startsWith("---")) {
    const firstLineEnd = doc.source.indexOf("\n") + 1;
    return { range: { start: firstLineEnd, end: firstLineEnd }, newText: `authorization: AUTH-ID${nl}` };
  }
  const line = lines.lineOf(range.start);
  const start = lines.lineStart(line);
  return { range: { start, end: start }, newText: `${directiveComment(doc, "safeharbor-authorization AUTH-ID")}${nl}` };
}

export type { Fix };
