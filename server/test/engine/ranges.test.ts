// Finding ranges stay exact whatever the line endings and whatever emoji or accents come before them.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigResolver, createLinter, loadRegistry } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";

const examples = join(dirname(fileURLToPath(import.meta.url)), "../../../test-fixtures/examples");
const linter = createLinter(rules);
const resolver = new ConfigResolver(linter.ruleIds);
const files = readdirSync(examples).filter((f) => /\.(md|mdx|txt)$/.test(f));

/** `ruleId: source text under the range` of every finding, hints left out. */
function findings(file: string, text: string): string[] {
  const config = resolver.forFile(join(examples, file));
  const result = linter.lint({ uri: join(examples, file), text, config, registry: loadRegistry(config.authorizationsPath) });
  return result.findings.filter((f) => f.severity !== "hint" && !f.ruleId.startsWith("safeharbor/")).map((f) => `${f.ruleId}: ${text.slice(f.range.start, f.range.end).replace(/\r\n/g, "\n")}`);
}

/** Inserts a paragraph of emoji and accented words before the body (after front matter and imports). */
function withEmojiParagraph(text: string): string {
  const paragraph = "Café ☕ notes, à bientôt 👋🏽 😀.\n\n";
  const fm = /^---\n[\s\S]*?\n---\n/.exec(text);
  const at = fm ? fm[0].length : 0;
  return text.slice(0, at) + (fm ? "\n" : "") + paragraph + text.slice(at);
}

describe("finding ranges", () => {
  it("has example documents with findings to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.reduce((n, f) => n + findings(f, readFileSync(join(examples, f), "utf8")).length, 0)).toBeGreaterThan(5);
  });

  for (const file of files) {
    const text = readFileSync(join(examples, file), "utf8");

    it(`${file}: covers the same source text with CRLF line endings`, () => {
      expect(findings(file, text.replace(/\n/g, "\r\n"))).toEqual(findings(file, text));
    });

    it(`${file}: covers the same source text after a paragraph of emoji and accents`, () => {
      expect(findings(file, withEmojiParagraph(text))).toEqual(findings(file, text));
    });
  }
});
