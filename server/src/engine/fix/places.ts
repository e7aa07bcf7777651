// Geography for de-identification: US state names and abbreviations, and the restricted ZIP3 prefixes.
import { US_STATES } from "../text/us-states";

/** ZIP3 prefixes with 20,000 people or fewer (Census 2000), which Safe Harbor requires to become 000. */
export const RESTRICTED_ZIP3: ReadonlySet<string> = new Set(["036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"]);

export { US_STATES };

const NAMES = Object.values(US_STATES).map((n) => n.replace(/^the /, ""));
const NAME_PATTERN = NAMES.slice().sort((a, b) => b.length - a.length).map((n) => n.replace(/[.]/g, "\\.").replace(/ /g, "\\s+")).join("|");

/** A state written after a place: ", NJ", " TX", ", New Jersey" (optionally followed by a ZIP it leaves alone). */
const TRAILING_STATE = new RegExp(`^(,?\\s+)(?:([A-Z]{2})\\b(?!['’]?[a-z])|(${NAME_PATTERN})\\b)`);

/** The full state name for a configured state ("IL", "Illinois"); undefined when empty or unknown. */
export function stateName(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const abbr = US_STATES[v.toUpperCase()];
  if (abbr && v.length === 2) return abbr;
  return v;
}

/** A state named right after `at` in `source` (", TX"), with the length of text it spans. */
export function stateAfter(source: string, at: number): { name: string; length: number } | undefined {
  const m = TRAILING_STATE.exec(source.slice(at, at + 40));
  if (!m) return undefined;
  if (m[2]) {
    const name = US_STATES[m[2]];
    return name ? { name, length: m[0].length } : undefined;
  }
  return { name: m[3].replace(/\s+/g, " "), length: m[0].length };
}

/** A state named at the end of a place's own text ("Plano TX", "Hoboken, New Jersey"). */
export function stateWithin(text: string): string | undefined {
  const abbr = /[\s,]([A-Z]{2})(?:\s+\d{5}(?:-\d{4})?)?\s*$/.exec(text);
  if (abbr && US_STATES[abbr[1]]) return US_STATES[abbr[1]];
  const full = new RegExp(`[\\s,](${NAME_PATTERN})(?:\\s+\\d{5}(?:-\\d{4})?)?\\s*$`).exec(text);
  return full ? full[1].replace(/\s+/g, " ") : undefined;
}
