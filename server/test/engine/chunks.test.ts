// Incremental parsing: cutting a Markdown document into chunks gives the same prose as one parse.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkStarts, parseMarkdownIncremental } from "../../src/engine/parse/chunks";
import { parseMarkdown } from "../../src/engine/parse/markdown";
import type { ParsedDocument } from "@safeharbor/server/engine";

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p) : /\.(md|markdown)$/.test(n) && !n.includes(".fixed.") ? [p] : [];
  });
}

/** What rules see of a parse: block text, kind and exact offsets, images and comments. */
function shape(doc: ParsedDocument): unknown {
  return {
    blocks: doc.blocks.map((b) => ({ kind: b.kind, text: b.text, quoted: b.quoted, listItem: b.listItem, start: b.offsets[0], end: b.offsets[b.text.length], key: b.key })),
    images: doc.images.map((i) => ({ range: i.range, src: i.src, alt: i.altBlock === undefined ? undefined : doc.blocks[i.altBlock].text })),
    comments: doc.comments.map((c) => c.range),
    frontmatter: doc.frontmatter,
  };
}

const SAMPLE = [
  "---",
  "title: Sample",
  "---",
  "",
  "# Heading",
  "",
  "First paragraph with **bold** text.",
  "",
  "- item one",
  "",
  "- item two",
  "  continued under the item",
  "",
  "    indented code stays code",
  "",
  "```",
  "fenced",
  "",
  "still fenced",
  "```",
  "",
  "> quote",
  "",
  "> another quote",
  "",
  "<!-- safeharbor-disable-next-line phi -- staff -->",
  "Last ![alt text](/a.jpg) paragraph.",
  "",
].join("\n");

describe("incremental Markdown parsing", () => {
  it("cuts at blank lines before unindented lines, outside fences and front matter", () => {
    const starts = chunkStarts(SAMPLE);
    const firstLines = starts.map((s) => SAMPLE.slice(s).split("\n")[0]);
    expect(firstLines).toEqual(["---", "# Heading", "First paragraph with **bold** text.", "- item one", "- item two", "```", "> quote", "> another quote", "<!-- safeharbor-disable-next-line phi -- staff -->"]);
  });
  it("gives the same blocks, offsets, images and comments as one parse", () => {
    expect(shape(parseMarkdownIncremental("a.md", SAMPLE, {}, 0))).toEqual(shape(parseMarkdown("a.md", SAMPLE, "markdown")));
  });
  it("gives the same result as one parse on every Markdown fixture, with CRLF too", () => {
    for (const file of markdownFiles(join(__dirname, "../../../test-fixtures"))) {
      const text = readFileSync(file, "utf8");
      for (const variant of [text, text.replace(/\r?\n/g, "\r\n")]) {
        expect(shape(parseMarkdownIncremental(file, variant, {}, 0)), file).toEqual(shape(parseMarkdown(file, variant, "markdown")));
      }
    }
  });
  it("merges chunks smaller than the minimum size", () => {
    expect(parseMarkdownIncremental("a.md", SAMPLE).blocks.map((b) => b.text)).toEqual(parseMarkdown("a.md", SAMPLE, "markdown").blocks.map((b) => b.text));
  });
  it("reuses the parse of unchanged chunks after an edit", () => {
    const before = parseMarkdownIncremental("a.md", SAMPLE, {}, 0);
    const after = parseMarkdownIncremental("a.md", SAMPLE.replace("First paragraph", "First edited paragraph"), {}, 0);
    expect(after.blocks.map((b) => b.text)).toContain("First edited paragraph with bold text.");
    expect(after.blocks.length).toBe(before.blocks.length);
    expect(after.blocks.at(-1)?.offsets[0]).toBe((before.blocks.at(-1)?.offsets[0] ?? 0) + " edited".length);
  });
});
