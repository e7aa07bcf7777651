// Data files: records read with exact offsets (through JSON escapes, CSV quoting, YAML styles, TS
// literals), malformed input reported with its position, fixes that keep the file valid.
import { describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { applyTextEdits, AUTH_ID_PLACEHOLDER, dataFileSelected, fixAll, isNeverContent, languageOf, parseDocument, parseRegistry, preferredFix, type Finding } from "@safeharbor/server/engine";
import { fitDataFixes } from "../../src/engine/fix/data-edits";
import { config, lintText, linter } from "../helpers";

const FEED = JSON.stringify([{ name: "Marguerite Okonkwo", quote: "After my root canal I finally slept. My periodontitis is gone." }], null, 2);

/** Every block's text maps to the source characters it came from. */
function blocksOf(uri: string, text: string): { text: string; source: string }[] {
  const doc = parseDocument(uri, text, languageOf(uri));
  return (doc.records ?? []).flatMap((r) => r.blocks.map((b) => ({ text: b.text, source: text.slice(b.offsets[0], b.offsets[b.text.length]) })));
}

/** The text after applying a finding's preferred fix. */
function fixed(text: string, f: Finding): string {
  const fix = preferredFix(f);
  if (!fix) throw new Error(`${f.ruleId} has no preferred fix`);
  return applyTextEdits(text, fix.edits);
}

describe("JSON data files", () => {
  it("maps decoded text through escapes to the source characters", () => {
    const text = '{"name": "Ren\\u00e9e \\"Rae\\" Brandt", "quote": "Line one\\nline two"}';
    const doc = parseDocument("feed.json", text, "json");
    const name = doc.records![0].blocks.find((b) => b.text.startsWith("Ren"))!;
    expect(name.text).toBe('Renée "Rae" Brandt');
    // "é" is the whole escape \u00e9 in the source; the closing quote of "Rae" is its escape
    const e = name.text.indexOf("é");
    expect(text.slice(name.offsets[e], name.offsets[e + 1])).toBe("\\u00e9");
    const q = name.text.indexOf('"');
    expect(text.slice(name.offsets[q], name.offsets[q + 1])).toBe('\\"');
    expect(text.slice(name.offsets[0], name.offsets[name.text.length])).toBe('Ren\\u00e9e \\"Rae\\" Brandt');
  });

  it("reads a record with a person and their words as a testimonial", () => {
    const findings = lintText(FEED, "testimonials.json");
    // the attribution, and each sentence of the quote that tells the patient's health
    expect(findings.map((f) => [f.ruleId, f.text])).toEqual([
      ["testimonial/identifiable-patient", "Marguerite Okonkwo"],
      ["testimonial/identifiable-patient", "After my root canal I finally slept."],
      ["testimonial/identifiable-patient", "My periodontitis is gone."],
    ]);
  });

  it("skips ids, dates, ratings, URLs of images and numbers, and reads an age given as a number", () => {
    const doc = parseDocument("t.json", JSON.stringify({ id: "Jane Doe", name: "Ola", date: "2024-01-02", rating: 5, photo: "/jane.jpg", age: 93, quote: "Great." }), "json");
    expect(doc.records![0].blocks.map((b) => b.text).sort()).toEqual(["93", "Great.", "Ola"]);
  });

  it("reports malformed JSON with its position and checks nothing else", () => {
    const text = '[\n  { "name": "Ola", "quote": "Hi" }\n  { "name": "Bo" }\n]';
    const findings = lintText(text, "feed.json");
    expect(findings.map((f) => f.ruleId)).toEqual(["safeharbor/parse-error"]);
    expect(findings[0].range.start).toBe(text.indexOf('{ "name": "Bo"'));
    expect(findings[0].message).toContain("comma expected");
    expect(findings[0].message).not.toContain("Bo");
  });

  it("keeps a fixed JSON string escaped", () => {
    const text = JSON.stringify({ reviews: [{ reviewer: "Noor", review: "Billing was confusing.", ownerResponse: "Noor Haddad, we are sorry: your \"Delta Dental\" plan denied the x-rays." }] }, null, 2);
    const findings = lintText(text, "reviews.json");
    const template = findings.find((f) => f.ruleId === "review/discloses-care")!.fixes.find((x) => x.kind === "template")!;
    const after = applyTextEdits(text, template.edits);
    expect(() => JSON.parse(after)).not.toThrow();
    // the compliant reply the writer can choose instead of the one that discloses
    expect(JSON.parse(after).reviews[0].ownerResponse).toMatch(/privacy/);
    expect(JSON.parse(after).reviews[0].review).toBe("Billing was confusing.");
  });

  it("references an authorization with an `authorization` key in the record, which then covers it", () => {
    const [finding] = lintText(FEED, "testimonials.json");
    const fix = finding.fixes.find((x) => x.kind === "authorization")!;
    const after = applyTextEdits(FEED, fix.edits);
    expect(JSON.parse(after)).toEqual([{ authorization: AUTH_ID_PLACEHOLDER, ...JSON.parse(FEED)[0] }]);
    const registry = parseRegistry(
      ["authorizations:", "  - id: AUTH-2099-001", "    subject: Marguerite Okonkwo", "    discloses: [name, testimonial, condition]", "    purpose: testimonial on the website", "    channels: [website]", "    disclosedBy: Example Dental", "    recipients: website visitors", "    signed: 2024-03-01", "    expires: 2099-03-01", "    remuneration: none"].join("\n"),
    );
    const authorized = after.replace(AUTH_ID_PLACEHOLDER, "AUTH-2099-001");
    const findings = linter.lint({ uri: "testimonials.json", text: authorized, config: config(), registry }).findings;
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([["testimonial/identifiable-patient", "info"], ["testimonial/identifiable-patient", "info"], ["testimonial/identifiable-patient", "info"]]);
  });

  it("de-identifies a testimonial's attribution: the name becomes a role, the town field its state", () => {
    const text = JSON.stringify([{ name: "Marguerite Okonkwo", location: "Bend, OR", quote: "After my root canal I finally slept. My periodontitis is gone." }], null, 2);
    const cfg = config({ practice: { ...config().practice, state: "Oregon" } });
    const lint = (t: string): Finding[] => linter.lint({ uri: "testimonials.json", text: t, config: cfg }).findings;
    const after = fixAll(text, lint(text), { relint: lint }).text;
    expect(JSON.parse(after)).toEqual([{ name: "A patient", location: "OR", quote: "After my root canal I finally slept. My periodontitis is gone." }]);
    // an anonymous account of treatment is at most a warning: a reviewer would look, not act
    expect(lint(after).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("never reads package.json, lock files or tsconfig.json as content", () => {
    for (const name of ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", ".eslintrc.json", "pnpm-lock.yaml", ".github/workflows/ci.yml"]) {
      expect(isNeverContent(`/site/${name}`), name).toBe(true);
      expect(lintText(FEED, `/site/${name}`), name).toEqual([]);
    }
    expect(isNeverContent("/site/data/testimonials.json")).toBe(false);
  });

  it("is checked by the editor only where include selects it", () => {
    const cfg = config({ include: ["data/**/*.json"], includeBase: "/site", baseDir: "/site" });
    expect(dataFileSelected("file:///site/data/testimonials.json", cfg)).toBe(true);
    expect(dataFileSelected("file:///site/fixtures/testimonials.json", cfg)).toBe(false);
    expect(dataFileSelected("file:///site/data/testimonials.json", config())).toBe(false);
  });
});

describe("YAML data files", () => {
  const REVIEWS = [
    "- reviewer: Noor",
    "  review: 'My crown hurt after the visit.'",
    "  ownerResponse: 'Noor Haddad, we''re sorry: your crown is under warranty.'",
    "- reviewer: Arlo",
    "  review: Great visit",
    "  ownerResponse: |-",
    "    Hi Arlo, thanks for the kind words!",
    "    We hope your root canal on May 3 healed well.",
    "",
  ].join("\n");

  it("reads a reply as the practice's words and the review as the reviewer's", () => {
    const findings = lintText(REVIEWS, "reviews.yml");
    // nothing in the reviews themselves (line 2, line 5) is reported
    const lines = new Set(findings.map((f) => REVIEWS.slice(0, f.range.start).split("\n").length));
    expect([...lines].sort()).toEqual([3, 8]);
    expect(findings.some((f) => f.ruleId === "review/names-reviewer" && f.text === "Noor Haddad")).toBe(true);
  });

  it("keeps each scalar's style when fixed, and the file still parses", () => {
    const findings = lintText(REVIEWS, "reviews.yml");
    for (const f of findings) {
      if (!preferredFix(f)) continue;
      const after = fixed(REVIEWS, f);
      const data = parseYaml(after) as { ownerResponse: string }[];
      expect(data).toHaveLength(2);
    }
    const name = findings.find((f) => f.ruleId === "review/names-reviewer")!;
    const role = name.fixes.find((x) => x.kind === "deidentify")!;
    const after = applyTextEdits(REVIEWS, role.edits);
    expect(after.split("\n")[2]).toMatch(/^ {2}ownerResponse: 'We''re sorry/);
  });

  it("adds an authorization key to a YAML record", () => {
    const text = "- name: Marguerite Okonkwo\n  quote: After my root canal I finally slept. My periodontitis is gone.\n";
    const finding = lintText(text, "testimonials.yml").find((f) => f.ruleId === "testimonial/identifiable-patient")!;
    const fix = finding.fixes.find((x) => x.kind === "authorization")!;
    const after = applyTextEdits(text, fix.edits);
    expect(after.split("\n").slice(0, 2)).toEqual([`- authorization: ${AUTH_ID_PLACEHOLDER}`, "  name: Marguerite Okonkwo"]);
    expect(parseYaml(after)).toEqual([{ authorization: AUTH_ID_PLACEHOLDER, name: "Marguerite Okonkwo", quote: "After my root canal I finally slept. My periodontitis is gone." }]);
  });

  it("double-quotes a plain scalar that the new text would make YAML misread, folding its lines", () => {
    const text = "- reviewer: Ola\n  ownerResponse: Hi Ola, see you at\n    your follow-up soon\n";
    const doc = parseDocument("reviews.yml", text, "yaml");
    const at = text.indexOf("Hi Ola");
    const [fix] = fitDataFixes(doc, doc.records![0], [{ title: "t", kind: "deidentify", edits: [{ range: { start: at, end: at + 6 }, newText: "# Note: hi" }] }]);
    const after = applyTextEdits(text, fix.edits);
    expect(after).toBe('- reviewer: Ola\n  ownerResponse: "# Note: hi, see you at your follow-up soon"\n');
    expect(parseYaml(after)).toEqual([{ reviewer: "Ola", ownerResponse: "# Note: hi, see you at your follow-up soon" }]);
  });

  it("writes a disable directive as a YAML comment line", () => {
    const findings = lintText(REVIEWS, "reviews.yml");
    const disable = findings.flatMap((f) => f.fixes).find((x) => x.kind === "disable" && REVIEWS.slice(0, x.edits[0].range.start).split("\n").length === 3);
    expect(disable?.edits[0].newText).toMatch(/^ {2}# safeharbor-disable-next-line \S+ -- reason: \n$/);
    // inside a block scalar a comment line would become text: no directive is offered there
    const inBlock = findings.filter((f) => REVIEWS.slice(0, f.range.start).split("\n").length === 8);
    expect(inBlock.length).toBeGreaterThan(0);
    for (const f of inBlock) expect(f.fixes.some((x) => x.kind === "disable")).toBe(false);
  });

  it("honours a directive in a YAML comment", () => {
    const text = REVIEWS.replace("  ownerResponse: 'Noor", "  # safeharbor-disable-next-line review -- the reviewer asked us to reply publicly\n  ownerResponse: 'Noor");
    const findings = lintText(text, "reviews.yml");
    expect(findings.filter((f) => f.ruleId.startsWith("review/") && text.slice(0, f.range.start).split("\n").length === 4)).toEqual([]);
  });

  it("reports malformed YAML with its position", () => {
    const findings = lintText("- name: Ola\n  quote: [unclosed\n", "t.yaml");
    expect(findings.map((f) => f.ruleId)).toEqual(["safeharbor/parse-error"]);
    expect(findings[0].message).toMatch(/invalid YAML/);
  });
});

describe("social calendars (CSV, TSV)", () => {
  const CSV = 'Date,Message,Link\r\n2025-01-02,"Get well soon, Callum Oyelaran! We heard your wisdom tooth extraction went fine.\nRest up.",https://x.example\r\n2025-01-03,@theo.marchetti.555 your crown is ready,\r\n';

  it("locates each cell exactly, quoted fields and embedded line breaks included", () => {
    const blocks = blocksOf("calendar.csv", CSV);
    expect(blocks.map((b) => b.source)).toEqual([
      "Get well soon, Callum Oyelaran! We heard your wisdom tooth extraction went fine.\nRest up.",
      "https://x.example",
      "@theo.marchetti.555 your crown is ready",
    ]);
  });

  it("maps a doubled quote to one character, and non-ASCII text before it", () => {
    const text = 'Text\n"Café ""Zeta"" opened, José!"\n';
    const doc = parseDocument("c.csv", text, "csv");
    const b = doc.records![0].blocks[0];
    expect(b.text).toBe('Café "Zeta" opened, José!');
    const z = b.text.indexOf("Zeta");
    expect(text.slice(b.offsets[z], b.offsets[z + 4])).toBe("Zeta");
    expect(text.slice(b.offsets[z - 1], b.offsets[z])).toBe('""');
  });

  it("checks each post in its own scope", () => {
    const findings = lintText(CSV, "calendar.csv");
    expect(findings.filter((f) => f.ruleId === "social/public-reply").map((f) => f.text)).toEqual(["Callum Oyelaran", "wisdom tooth extraction", "@theo.marchetti.555", "crown"]);
  });

  it("keeps a fixed field quoted, and quotes an unquoted one when the new text needs it", () => {
    const findings = lintText(CSV, "calendar.csv");
    for (const f of findings.filter((x) => x.ruleId === "social/public-reply" && preferredFix(x))) {
      const after = fixed(CSV, f);
      const rows = parseCsv(after, { relax_column_count: false }) as string[][];
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.length === 3)).toBe(true);
    }
  });

  it("reads the configured columns, and TSV", () => {
    const tsv = "When\tCopy\tNotes\n2025-01-02\tCongratulations to Ezekiel Fontaine, 97, on his new dentures!\tinternal\n";
    const cfg = config({ data: [{ columns: ["copy"] }] });
    expect(lintText(tsv, "plan.tsv", cfg).map((f) => f.text)).toContain("Ezekiel Fontaine");
    expect(blocksOf("plan.tsv", tsv).map((b) => b.text)).toEqual(["Congratulations to Ezekiel Fontaine, 97, on his new dentures!"]);
    // with no known post column, every column is read
    expect(blocksOf("plan.tsv", tsv.replace("Copy", "Words")).map((b) => b.text)).toEqual(["2025-01-02", "Congratulations to Ezekiel Fontaine, 97, on his new dentures!", "internal"]);
  });

  it("reports an unclosed quote with its line and no cell text", () => {
    const findings = lintText('Text\n"Get well soon, Callum\n', "calendar.csv");
    expect(findings.map((f) => f.ruleId)).toEqual(["safeharbor/parse-error"]);
    expect(findings[0].message).toMatch(/quoted field is not closed/);
    expect(findings[0].message).not.toContain("Callum");
  });
});

describe("data modules", () => {
  const MODULE = [
    'import type { Story } from "./types";',
    "const note = 'not exported: Harriet Albright had a root canal';",
    "export const stories: Story[] = [",
    "  { patient: 'Rosalind Veerkamp', city: 'Medford', quote: `I lost two teeth in a crash.\\nMy implants feel great, ${'thanks'}!` },",
    "] as const;",
    "export default { heading: \"What patients say\" } satisfies Record<string, string>;",
  ].join("\n");

  it("reads string and template literals of exported arrays and objects, never other code", () => {
    const texts = blocksOf("src/data/stories.ts", MODULE).map((b) => b.text);
    expect(texts).toEqual(["Rosalind Veerkamp", "Medford", "I lost two teeth in a crash.\nMy implants feel great, ", "!", "What patients say"]);
    expect(texts.some((t) => t.includes("Harriet"))).toBe(false);
  });

  it("reads a constant named in an exported object once, and survives constants that name each other", () => {
    const text = "const quotes = ['Best crown ever'];\nconst a = [b];\nconst b = [a];\nexport default { quotes, a };\n";
    expect(blocksOf("src/data/q.ts", text).map((b) => b.text)).toEqual(["Best crown ever"]);
    const both = "export const quotes = ['Best crown ever'];\nexport default { quotes };\n";
    expect(blocksOf("src/data/q.ts", both).map((b) => b.text)).toEqual(["Best crown ever"]);
  });

  it("maps a template literal's escapes to the source", () => {
    const b = blocksOf("src/data/stories.ts", MODULE).find((x) => x.text.startsWith("I lost"))!;
    expect(b.source).toBe("I lost two teeth in a crash.\\nMy implants feel great, ");
  });

  it("reports a syntax error with its position", () => {
    const text = "export const quotes = [\n  { name: 'Ola', quote: 'Hi' \n";
    const findings = lintText(text, "src/data/q.ts");
    expect(findings.map((f) => f.ruleId)).toEqual(["safeharbor/parse-error"]);
  });
});

describe("bounds", () => {
  it("checks only the records that start before the size limit of a huge data file, with one notice", () => {
    const record = { name: "Marguerite Okonkwo", quote: "After my root canal I finally slept. My periodontitis is gone." };
    const text = JSON.stringify(Array.from({ length: 400 }, () => record), null, 2);
    const cfg = config({ maxFileSize: 4000 });
    const findings = linter.lint({ uri: "testimonials.json", text, config: cfg }).findings;
    expect(findings.filter((f) => f.ruleId === "safeharbor/file-too-large")).toHaveLength(1);
    const flagged = findings.filter((f) => f.ruleId === "testimonial/identifiable-patient");
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((f) => f.range.start < 4000)).toBe(true);
  });

  it("skips a binary file", () => {
    expect(lintText("\u0000\u0001PK\u0003\u0004", "export.csv").map((f) => f.ruleId)).toEqual(["safeharbor/binary-file"]);
  });
});
