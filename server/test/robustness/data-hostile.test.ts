// Hostile data files (JSON, YAML, CSV, modules): none may throw, hang or put a range outside the
// document; malformed and over-deep input is reported as a parse error, not lost silently.
import { describe, expect, it } from "vitest";
import { lintMeasured, timeBound } from "./inputs";

const RECORD = { name: "Marguerite Okonkwo", quote: "After my root canal I finally slept. My periodontitis is gone." };

const INPUTS: { name: string; uri: string; text: () => string; parseError?: boolean }[] = [
  { name: "JSON nested 100,000 arrays deep", uri: "deep.json", text: () => "[".repeat(100_000) + "]".repeat(100_000), parseError: true },
  { name: "JSON nested 100,000 objects deep, unclosed", uri: "deep.json", text: () => '{"a":'.repeat(100_000), parseError: true },
  { name: "JSON with a 1 MB string of escapes", uri: "escapes.json", text: () => `[{"name":"Ola","quote":"${"\\u00e9\\n\\\"".repeat(80_000)}"}]` },
  { name: "JSON with lone surrogates and NUL escapes", uri: "odd.json", text: () => `[{"name":"\\ud800 Ola \\u0000","quote":"root canal \\udfff"}]` },
  { name: "JSON of 20,000 small records", uri: "testimonials.json", text: () => JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: "Ola", quote: "Great care." }))) },
  { name: "YAML nested 10,000 sequences deep", uri: "deep.yaml", text: () => "[".repeat(10_000) + "]".repeat(10_000), parseError: true },
  { name: "YAML with 10,000 aliases of one anchor", uri: "aliases.yaml", text: () => `base: &a { name: Ola, quote: root canal }\nlist: [${Array.from({ length: 10_000 }, () => "*a").join(", ")}]\n` },
  { name: "YAML with a tab-indented block and stray colons", uri: "bad.yml", text: () => "- name: Ola\n\tquote: a: b: c\n", parseError: true },
  { name: "CSV with one 1 MB quoted cell full of doubled quotes and line breaks", uri: "calendar.csv", text: () => `Text\n"${'a ""b""\r\n'.repeat(100_000)}"\n` },
  { name: "CSV with 5,000 columns", uri: "wide.csv", text: () => `${Array.from({ length: 5000 }, (_, i) => `Text${i}`).join(",")}\n${Array.from({ length: 5000 }, () => "x").join(",")}\n` },
  { name: "CSV with a stray quote", uri: "calendar.csv", text: () => 'Text\nhe said "hi"\n', parseError: true },
  { name: "TSV with ragged rows", uri: "plan.tsv", text: () => "Text\tLink\nonly one\none\ttwo\tthree\n" },
  { name: "module nested 20,000 arrays deep", uri: "src/data/deep.ts", text: () => `export const x = ${"[".repeat(20_000)}${"]".repeat(20_000)};`, parseError: true },
  { name: "module with a syntax error", uri: "src/data/broken.ts", text: () => "export const stories = [{ quote: 'hi' ", parseError: true },
  { name: "module with 10,000 exported strings", uri: "src/data/many.ts", text: () => `export default [${Array.from({ length: 10_000 }, (_, i) => `"post ${i}"`).join(",")}];` },
  { name: "empty files", uri: "empty.json", text: () => "" },
  { name: "an empty CSV", uri: "empty.csv", text: () => "" },
  { name: "an empty YAML stream", uri: "empty.yml", text: () => "---\n...\n" },
  { name: "a 5 MB testimonial feed", uri: "testimonials.json", text: () => JSON.stringify(Array.from({ length: 40_000 }, () => RECORD)) },
];

describe("hostile data files", () => {
  for (const input of INPUTS) {
    const text = input.text();
    it(`lints ${input.name} without throwing, within its time bound, with ranges inside the document`, () => {
      const run = lintMeasured(text, input.uri);
      expect(run.error).toBeUndefined();
      expect(run.outside).toEqual([]);
      expect(run.ms).toBeLessThan(timeBound(text.length));
      const ids = run.findings.map((f) => f.ruleId);
      if (input.parseError) expect(ids).toEqual(["safeharbor/parse-error"]);
      else expect(ids).not.toContain("safeharbor/parse-error");
      expect(ids).not.toContain("safeharbor/internal-error");
    }, timeBound(text.length) + 5000);
  }
});
