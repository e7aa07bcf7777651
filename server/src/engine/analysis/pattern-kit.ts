// Small helpers that compose regular expressions from word lists and pieces, so a long pattern can be
// written as named lists instead of one long literal. Nothing is escaped: every piece is pattern text.

/** A piece of a pattern: pattern text, or a RegExp whose source is used (its flags are not). */
export type Piece = string | RegExp;

const text = (p: Piece): string => (typeof p === "string" ? p : p.source);

/** A non-capturing group of alternatives, in the order given: `words(["a", "b?"])` is `(?:a|b?)`. */
export function words(list: readonly Piece[]): string {
  return `(?:${list.map(text).join("|")})`;
}

/** Alternatives joined with `|` and no group around them (for a pattern that is a list of alternatives). */
export function either(...alternatives: Piece[]): string {
  return alternatives.map(text).join("|");
}

/** A RegExp from pieces written one after another. */
export function rx(flags: string, ...pieces: Piece[]): RegExp {
  return new RegExp(pieces.map(text).join(""), flags);
}

/** Up to `n` words of at most `max` word characters or hyphens, each followed by `sep`, matched lazily. */
export function someWords(n: number, max = 24, sep = String.raw`\s`): string {
  return `(?:[\\w-]{1,${max}}${sep}){0,${n}}?`;
}
