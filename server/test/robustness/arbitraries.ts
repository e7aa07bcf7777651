// fast-check arbitraries for fuzzing: generated Markdown/MDX/text fragments, mutations and random UTF-16.
import fc from "fast-check";

const WORDS = ["Jane", "Roe", "patient", "diabetes", "Dr.", "Lin", "Springfield", "555-201-7788", "jane@example.com", "03/14/2024", "MRN", "4821", "93", "years", "old", "treated", "our", "clinic", "the", "and", "@janeroe", "https://example.com/x", "12 Elm Street", "ZIP 62704", "—", "é", "😀"];
const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(" "));
const depth = fc.integer({ min: 1, max: 40 });

/** One block of Markdown or MDX syntax, often broken on purpose. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  words,
  words.map((w) => `# ${w}`),
  fc.tuple(depth, words).map(([d, w]) => `${"> ".repeat(d)}${w}`),
  fc.tuple(depth, words).map(([d, w]) => `${"  ".repeat(d)}- ${w}`),
  fc.tuple(depth, words).map(([d, w]) => `${"- ".repeat(d)}${w}`),
  fc.tuple(depth, words).map(([d, w]) => `${"1. ".repeat(d)}${w}`),
  words.map((w) => `---\ntitle: ${w}\npatient: [${w}\n---`),
  words.map((w) => `+++\nname = "${w}\n+++`),
  words.map((w) => `<Testimonial name="${w}" caption={"${w}"}>\n\n${w}\n\n</Testimonial>`),
  words.map((w) => `<Testimonial name="${w}">\n\n${w}`),
  words.map((w) => `</Other>${w}<Card title=${w}`),
  words.map((w) => `{/* safeharbor-disable-next-line phi -- ${w} */}`),
  words.map((w) => `<!-- safeharbor-disable phi/${w} -->`),
  words.map((w) => `<!-- ${w}`),
  words.map((w) => `<img src="x.jpg" alt="${w}" title='${w}'>`),
  words.map((w) => `![${w}](https://example.com/${w.replace(/\s/g, "")}.jpg "${w}")`),
  words.map((w) => `[${w}](https://example.com "${w}") [ref][${w}]\n\n[${w}]: https://example.com`),
  words.map((w) => `| a | b |\n|---|---|\n| ${w} | ${w} |`),
  words.map((w) => `\`\`\`\n${w}`),
  words.map((w) => `*${w}_ **${w}** ~~${w}~ \`${w}`),
  words.map((w) => `<div>\n<p>${w}</p>\n<script>${w}`),
  words.map((w) => `{${w}} {props.${w}} export const x = "${w}"`),
  fc.constantFrom("\u0000", "\ud800", "\udfff", "\ufeff", "\u2028", "\r", "\t\t", "\\", "&amp;", "&#0;", "&#x110000;"),
);

/** A document: fragments joined by LF, CRLF, CR or blank lines. */
export const documentText = fc.tuple(fc.array(fragment, { minLength: 1, maxLength: 25 }), fc.array(fc.constantFrom("\n", "\n\n", "\r\n", "\r", "\r\n\r\n", " "), { minLength: 1, maxLength: 4 })).map(([parts, seps]) => parts.map((p, i) => p + seps[i % seps.length]).join(""));

/** A character anywhere in UTF-16, lone surrogates and NUL included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const nasty = fc.constantFrom("\u0000", "\ud800", "\udc00", "\r", "\r\n", "<", ">", "{", "}", "*", "_", "`", "[", "]", "---\n", "\n\n", "<!--", "-->", "{/*", "*/}", "\"", "\\");

/** An edit to a document: insert, delete or duplicate at a relative position. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(nasty, anyUnit) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }),
);

type Mutation = { kind: "insert"; at: number; text: string } | { kind: "delete" | "duplicate"; at: number; length: number };

function mutate(text: string, edits: readonly Mutation[]): string {
  let out = text;
  for (const e of edits) {
    const at = Math.floor(e.at * out.length);
    if (e.kind === "insert") out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === "delete") out = out.slice(0, at) + out.slice(at + e.length);
    else out = out.slice(0, at) + out.slice(at, at + e.length).repeat(2) + out.slice(at + e.length);
  }
  return out;
}

/** A generated document after 1 to 15 random edits. */
export const mutatedDocument = fc.tuple(documentText, fc.array(mutation, { minLength: 1, maxLength: 15 })).map(([t, m]) => mutate(t, m as Mutation[]));
/** Up to 400 random UTF-16 code units. */
export const randomText = fc.array(anyUnit, { maxLength: 400 }).map((a) => a.join(""));
