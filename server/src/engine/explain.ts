// What a finding means for a reader: its category, why it matters, the regulation it cites and how to fix it.
import type { RuleMeta } from "./rule";
import type { Finding } from "./types";

/** Explanations of the engine's own notices, which have no rule file. */
export const NOTICE_EXPLANATIONS: Readonly<Record<string, { category: string; why: string; fix: string }>> = {
  "safeharbor/unused-directive": { category: "Suppression comment", why: "A directive that suppresses nothing hides future findings on that line without anyone noticing.", fix: "Remove the directive." },
  "safeharbor/directive-reason": { category: "Suppression comment", why: "Reviewers need to know why a finding was judged safe.", fix: "Add a reason after `--`." },
  "safeharbor/file-too-large": { category: "Size limit", why: "Only the part before the limit was checked, so PHI further down would be missed.", fix: "Split the document, or raise `maxFileSize` in the config or the `safeharbor.maxFileSize` setting." },
  "safeharbor/binary-file": { category: "Not text", why: "Safe Harbor reads text; this file was not checked.", fix: "Nothing, unless the file is text in an unusual encoding (save it as UTF-8)." },
  "safeharbor/parse-error": { category: "Parse error", why: "A document that cannot be parsed cannot be checked.", fix: "Fix the syntax error the message names." },
  "safeharbor/internal-error": { category: "Not checked", why: "Safe Harbor failed on this document, so its findings are missing.", fix: "Please report the problem with the Safe Harbor output log (it holds no document text)." },
};

/** A finding explained in words (Markdown inline code allowed), as hovers and the HTML report show it. */
export interface FindingExplanation {
  /** The Safe Harbor category or risk, e.g. "Names". */
  category: string;
  /** Why it matters: the regulation and the first paragraph of the rule's docs. */
  why?: string;
  /** The regulation the rule protects, e.g. "45 CFR 164.514(b)(2)(i)(A)". */
  citation?: string;
  /** How to fix it: the finding's own fixes by title, or general advice. */
  fix?: string;
}

/** The first paragraph of a rule's docs (its "why"), on one line. */
export function firstParagraph(docs: string): string {
  const first = docs.trim().split(/\n[ \t]*\n/)[0];
  return first.split("\n").map((line) => line.trim()).join(" ");
}

/** Explains a finding from its rule's meta (or the engine notice it is). */
export function explainFinding(f: Finding, meta: RuleMeta | undefined): FindingExplanation {
  if (meta) {
    const titles = f.fixes.map((x) => x.title);
    return {
      category: meta.category,
      why: `${meta.hipaa}. ${firstParagraph(meta.docs)}`,
      citation: meta.hipaa,
      fix: titles.length ? `${titles.join("; ")} (quick fixes).` : "rewrite the passage as the message says, or suppress it with a reason if it is safe.",
    };
  }
  const notice = NOTICE_EXPLANATIONS[f.ruleId];
  return notice ? { category: notice.category, why: notice.why, fix: notice.fix } : { category: "Notice" };
}
