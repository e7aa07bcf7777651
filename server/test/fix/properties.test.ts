// Safety properties of fixes over generated documents built from fictional building blocks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyTextEdits, createLinter, fixAll, parseDocument, type Finding, type Language } from "@safeharbor/server/engine";
import { lintWith, mentionRule, testConfig, type MentionSpec } from "./support";

const NAMES = ["Marisol Quint", "Tobias Wren", "Odessa Lin", "Dorian Vale", "Renée Äbelund", "José Ñúñez"];
const DATES = ["03/14", "March 3, 2021", "04/12/1961", "June 2"];
const PHONES = ["(555) 201-7788", "555-201-0199"];
const EMAILS = ["odessa@example.com", "wren.t@example.com"];
const RECORDS = ["00482913", "00771234"];
const PLACES = ["Hoboken", "Plano, TX", "Elk Hollow"];
const CONDITIONS = ["asthma", "a torn ACL", "type 2 diabetes", "migraines"];
/** A provider, reported as a name like the patients: no fix may change her. */
const STAFF = "Dr. Ines Halloway";
const FILLER = ["Café talk 😊 — naïve résumé at the front desk.", "We love our neighbourhood.", "Drink water and rest.", "Ask us anything — we’re here."];

const SPECS: MentionSpec[] = [
  ...NAMES.map((find) => ({ find, type: "name" as const })),
  { find: "Ines Halloway", type: "name" as const },
  ...NAMES.map((n) => ({ find: new RegExp(`${n.split(" ")[0]}(?! ${n.split(" ")[1]})`, "u"), type: "name" as const })),
  ...DATES.map((find) => ({ find, type: "date" as const })),
  ...PHONES.map((find) => ({ find, type: "phone" as const })),
  ...EMAILS.map((find) => ({ find, type: "email" as const })),
  ...RECORDS.map((find) => ({ find, type: "record-number" as const })),
  ...PLACES.map((find) => ({ find: find.split(",")[0], type: "location" as const })),
];

const pick = <T,>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/** One sentence about a fictional patient, or a filler sentence. */
const sentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(NAMES), pick(DATES), pick(CONDITIONS)).map(([n, d, c]) => `${n} came in on ${d} with ${c}.`),
  fc.tuple(pick(NAMES), pick(EMAILS)).map(([n, e]) => `You can reach ${n.split(" ")[0]} at ${e}.`),
  fc.tuple(pick(PHONES), pick(CONDITIONS)).map(([p, c]) => `Call ${p} to ask about ${c}.`),
  fc.tuple(pick(NAMES), pick(RECORDS)).map(([n, r]) => `${n}'s chart (MRN ${r}) was updated.`),
  fc.tuple(pick(PLACES), pick(CONDITIONS)).map(([p, c]) => `A runner from ${p} had ${c}.`),
  fc.tuple(pick(NAMES), pick(DATES)).map(([n, d]) => `Thank you, ${n.split(" ")[0]}! See you after ${d}.`),
  fc.tuple(pick(NAMES), pick(CONDITIONS)).map(([n, c]) => `${STAFF} treated ${n.split(" ")[0]} for ${c}.`),
  pick(FILLER),
);

/** A block of a document: a paragraph, a heading, a list or a quote, in the syntax of its language. */
const block = (language: Language): fc.Arbitrary<string> => {
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(" "));
  if (language === "plaintext") return paragraph;
  return fc.oneof(
    paragraph,
    paragraph.map((p) => `## ${p.replace(/[.!]$/, "")}`),
    fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.map((x) => `- ${x}`).join("\n")),
    paragraph.map((p) => `> ${p}`),
  );
};

interface GeneratedDocument {
  uri: string;
  language: Language;
  text: string;
  crlf: boolean;
}

const documentArb: fc.Arbitrary<GeneratedDocument> = fc
  .tuple(pick<Language>(["markdown", "mdx", "plaintext"]), fc.boolean(), fc.boolean())
  .chain(([language, crlf, frontmatter]) =>
    fc.array(block(language), { minLength: 1, maxLength: 5 }).map((blocks) => {
      const head = frontmatter && language !== "plaintext" ? "---\ntitle: Clinic news\n---\n\n" : "";
      const body = head + blocks.join("\n\n") + "\n";
      const uri = language === "mdx" ? "post.mdx" : language === "plaintext" ? "post.txt" : "post.md";
      return { uri, language, text: crlf ? body.replace(/\n/g, "\r\n") : body, crlf };
    }),
  );

const lint = (doc: GeneratedDocument, text = doc.text): Finding[] => lintWith(text, SPECS, { uri: doc.uri, config: testConfig() });
const fixDocument = (doc: GeneratedDocument): string => fixAll(doc.text, lint(doc), { relint: (t) => lint(doc, t) }).text;
const runs = { numRuns: 60 };

describe("fix safety properties", () => {
  it("a fix changes only the range it names and leaves the rest byte-identical", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        for (const finding of lint(doc)) {
          for (const fix of finding.fixes) {
            const starts = fix.edits.map((e) => e.range.start);
            const ends = fix.edits.map((e) => e.range.end);
            const from = Math.min(...starts);
            const to = Math.max(...ends);
            expect(from).toBeGreaterThanOrEqual(0);
            expect(to).toBeLessThanOrEqual(doc.text.length);
            const after = applyTextEdits(doc.text, fix.edits);
            expect(after.slice(0, from)).toBe(doc.text.slice(0, from));
            expect(after.slice(after.length - (doc.text.length - to))).toBe(doc.text.slice(to));
            if (fix.kind === "deidentify") {
              // De-identification stays on the finding's own lines, or on another place naming the same person.
              const lineStart = doc.text.lastIndexOf("\n", finding.range.start - 1) + 1;
              const nextBreak = doc.text.indexOf("\n", finding.range.end);
              const tokens = doc.text.slice(finding.range.start, finding.range.end).toLowerCase().split(/[^\p{L}]+/u).filter((t) => t.length > 2);
              for (const e of fix.edits) {
                const onLine = e.range.start >= lineStart && e.range.end <= (nextBreak < 0 ? doc.text.length : nextBreak + 1);
                const samePerson = tokens.some((t) => doc.text.slice(e.range.start, e.range.end).toLowerCase().includes(t));
                expect(onLine || samePerson).toBe(true);
              }
            }
          }
        }
      }),
      runs,
    );
  });

  it("fix-all leaves a provider exactly as written, and every filler sentence", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const after = fixDocument(doc);
        const count = (s: string, x: string): number => s.split(x).length - 1;
        expect(count(after, STAFF)).toBe(count(doc.text, STAFF));
        for (const filler of FILLER) expect(count(after, filler)).toBe(count(doc.text, filler));
      }),
      runs,
    );
  });

  it("a person is named consistently: after fix-all no patient's name or name token is left", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const after = fixDocument(doc);
        for (const n of NAMES) for (const t of n.split(" ")) expect(after).not.toContain(t);
      }),
      runs,
    );
  });

  it("re-linting the fixed text finds none of the fixed findings", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        // (the provider stays reported, with no fix: she is not a patient)
        const left = lint(doc, fixDocument(doc)).filter((f) => f.fixes.some((x) => x.kind === "deidentify" && x.preferred));
        expect(left).toEqual([]);
      }),
      runs,
    );
  });

  it("fix-all is idempotent", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const once = fixDocument(doc);
        expect(fixDocument({ ...doc, text: once })).toBe(once);
      }),
      runs,
    );
  });

  it("an MDX document still parses after fix-all and after each single fix", () => {
    fc.assert(
      fc.property(
        documentArb.filter((d) => d.language === "mdx"),
        (doc) => {
          expect(parseDocument(doc.uri, fixDocument(doc), "mdx").parseError).toBeUndefined();
          for (const finding of lint(doc)) {
            for (const fix of finding.fixes) expect(parseDocument(doc.uri, applyTextEdits(doc.text, fix.edits), "mdx").parseError).toBeUndefined();
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("CRLF line endings and non-ASCII text survive", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const after = fixDocument(doc);
        if (doc.crlf) expect(after.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
        else expect(after).not.toContain("\r");
        expect(after).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        for (const filler of FILLER) {
          const count = (s: string): number => s.split(filler).length - 1;
          expect(count(after)).toBe(count(doc.text));
        }
      }),
      runs,
    );
  });

  it("front matter still parses after fix-all", () => {
    fc.assert(
      fc.property(
        documentArb.filter((d) => d.text.startsWith("---")),
        (doc) => {
          expect(parseDocument(doc.uri, fixDocument(doc), doc.language).frontmatter).toEqual({ title: "Clinic news" });
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("the generated documents", () => {
  it("give the test rule something to fix", () => {
    const linter = createLinter([mentionRule(SPECS)]);
    const text = "Marisol Quint came in on 03/14 with asthma.\n";
    expect(linter.lint({ uri: "post.md", text, config: testConfig() }).findings.length).toBe(2);
  });
});
