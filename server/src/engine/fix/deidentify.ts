// De-identification operators: turn an identifier mention into text that no longer identifies anyone.
import type { IdentifierMention } from "../analysis/types";
import type { ResolvedConfig } from "../config/types";
import type { Fix, OffsetRange } from "../types";

/** ZIP3 prefixes with 20,000 people or fewer (Census 2000), which Safe Harbor requires to become 000. */
export const RESTRICTED_ZIP3 = new Set(["036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"]);

/** Connectors that go with an identifier and are removed with it ("at", "from", "in", a comma). */
const BEFORE = /(?:,\s*|\s+(?:at|from|in|of|on|near|via|to|is|:)\s*|\s*\(\s*|\s+)$/i;

function isSentenceStart(source: string, at: number): boolean {
  const before = source.slice(Math.max(0, at - 4), at);
  return at === 0 || /(?:^|[.!?]\s+|\n\s*|^[#>*-]\s*)$/.test(before) || /^\s*$/.test(source.slice(Math.max(0, at - 1), at)) && /[\n]/.test(before);
}

function capitalize(text: string, cap: boolean): string {
  return cap ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** A range grown to take the connector before it, so that removal leaves a grammatical sentence. */
function removalRange(source: string, r: OffsetRange): OffsetRange {
  const head = source.slice(Math.max(0, r.start - 12), r.start);
  const m = BEFORE.exec(head);
  let start = r.start - (m ? m[0].length : 0);
  let end = r.end;
  if (source[end] === ")" && m && m[0].includes("(")) end++;
  if (start > 0 && /\w/.test(source[start - 1] ?? "") && /\w/.test(source[end] ?? "")) start = r.start;
  return { start, end };
}

function edit(title: string, range: OffsetRange, newText: string, preferred = false): Fix {
  return { title, kind: "deidentify", ...(preferred ? { preferred } : {}), edits: [{ range, newText }] };
}

/** The de-identification fixes for one mention, the most sensible first and preferred. */
export function deidentifyMention(source: string, m: IdentifierMention, config: ResolvedConfig, pseudonyms: Map<string, string>): Fix[] {
  const r = m.range;
  const text = source.slice(r.start, r.end);
  switch (m.type) {
    case "name": {
      const possessive = /['’]s$/.test(text);
      const cap = isSentenceStart(source, r.start);
      const role = capitalize(possessive ? "the patient's" : "a patient", cap);
      const key = text.replace(/['’]s$/, "").toLowerCase();
      if (!pseudonyms.has(key)) pseudonyms.set(key, `Patient ${String.fromCharCode(65 + (pseudonyms.size % 26))}`);
      const pseudo = pseudonyms.get(key)! + (possessive ? "'s" : "");
      return [edit("Replace the name with a role", r, role, true), edit("Replace the name with a pseudonym", r, pseudo)];
    }
    case "date": {
      const year = /\b(1[89]\d\d|20\d\d)\b/.exec(text)?.[1];
      return [edit(year ? "Keep only the year" : "Replace the date with \u201crecently\u201d", r, year ?? "recently", true)];
    }
    case "age":
      return [edit("Replace the age with \u201c90 or older\u201d", r, /birthday/i.test(text) ? "birthday" : "90 or older", true)];
    case "zip": {
      const zip3 = text.slice(0, 3);
      const kept = RESTRICTED_ZIP3.has(zip3) ? "000" : zip3;
      return [edit("Keep only the first three digits of the ZIP code", r, kept, true)];
    }
    case "location":
    case "address": {
      const fixes: Fix[] = [];
      if (config.practice.state) fixes.push(edit("Replace the place with the state", r, config.practice.state, true));
      fixes.push(edit("Remove the place", removalRange(source, r), "", !config.practice.state));
      return fixes;
    }
    default:
      return [edit(`Remove the ${m.type.replace("-", " ")}`, removalRange(source, r), "", true)];
  }
}
