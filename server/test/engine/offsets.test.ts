// Exact offsets: every prose character maps to the same character in the source, with CRLF, emoji and accents.
import { describe, expect, it } from "vitest";
import { LineIndex } from "@safeharbor/server/engine";
import { alignValue } from "../../src/engine/text/align";
import { expectExactOffsets, parse, sourceOfPhrase } from "./parse-helpers";

const MARKDOWN = [
  "---",
  "title: Zoë's smile 😀 story",
  "testimonial:",
  "  name: \"José Núñez\"",
  "  quote: 'Très bien 👍🏽, merci'",
  "---",
  "",
  "# Café visit ☕ for Renée",
  "",
  "Paragraph with *émphasis* and **strong 💪** and a [link to Ångström](https://example.com/å).",
  "",
  "> Quoted 👩‍⚕️ line one",
  "> line two with naïve text",
  "",
  "- item with 🦷 tooth",
  "- item two, façade",
  "",
  "| Name | Note |",
  "|---|---|",
  "| Zoë 🌟 | crème brûlée |",
  "",
  "![Portrait of Chloé 📷](chloe.jpg \"Taken in Malmö\")",
  "",
  "<img src=\"x.png\" alt=\"Ünïcödé face 😊\">",
  "",
].join("\n");

const MDX = [
  "import X from './x'",
  "",
  "<Testimonial name=\"Zoë Ærø\" quote=\"Mi dentista es genial 😁 — ¡gracias!\" />",
  "",
  "<Callout>",
  "",
  "Text child with émoji 🎉 inside",
  "",
  "</Callout>",
  "",
].join("\n");

const TEXT = "Thanks Zoë 😀!\nSee you at the café.\n\nRenée 👋🏽\n";

const crlf = (s: string): string => s.replace(/\n/g, "\r\n");

describe("offsets", () => {
  for (const [name, source, language] of [
    ["Markdown", MARKDOWN, "markdown"],
    ["MDX", MDX, "mdx"],
    ["plain text", TEXT, "plaintext"],
  ] as const) {
    it(`maps every ${name} prose character to the same source character, with LF line endings`, () => {
      const doc = parse(source, language);
      expect(doc.parseError).toBeUndefined();
      expect(doc.blocks.length).toBeGreaterThan(1);
      expectExactOffsets(doc);
    });

    it(`maps every ${name} prose character to the same source character, with CRLF line endings`, () => {
      const doc = parse(crlf(source), language);
      expect(doc.parseError).toBeUndefined();
      expectExactOffsets(doc);
      // The same prose as with LF, apart from the carriage returns.
      expect(doc.blocks.map((b) => b.text.replace(/\r/g, ""))).toEqual(parse(source, language).blocks.map((b) => b.text));
    });
  }

  it("maps phrases with emoji and accents back to exactly their source text in every kind of block", () => {
    const doc = parse(crlf(MARKDOWN));
    for (const phrase of ["Zoë's smile 😀 story", "José Núñez", "Très bien 👍🏽, merci", "Café visit ☕ for Renée", "strong 💪", "link to Ångström", "Zoë 🌟", "crème brûlée", "Portrait of Chloé 📷", "Taken in Malmö", "Ünïcödé face 😊", "item with 🦷 tooth"]) {
      expect(sourceOfPhrase(doc, phrase)).toBe(phrase);
    }
    expect(sourceOfPhrase(doc, "one\r\nline two")).toBe("one\r\n> line two");
    const mdx = parse(crlf(MDX), "mdx");
    expect(sourceOfPhrase(mdx, "Mi dentista es genial 😁 — ¡gracias!")).toBe("Mi dentista es genial 😁 — ¡gracias!");
    expect(sourceOfPhrase(mdx, "émoji 🎉 inside")).toBe("émoji 🎉 inside");
  });

  it("maps decomposed accents (a letter and a combining mark) one to one", () => {
    const source = "Rene\u0301e came by.\n";
    const doc = parse(source);
    expect(doc.blocks[0].text).toBe(source.trimEnd());
    expectExactOffsets(doc);
  });
});

describe("LineIndex", () => {
  it("counts characters in UTF-16 code units, as LSP does", () => {
    const text = "a😀b\r\nsecond é\rthird\nlast";
    const lines = new LineIndex(text);
    expect(lines.lineCount).toBe(4);
    expect(lines.position(text.indexOf("b"))).toEqual({ line: 0, character: 3 });
    expect(lines.position(text.indexOf("é"))).toEqual({ line: 1, character: 7 });
    expect(lines.position(text.indexOf("third"))).toEqual({ line: 2, character: 0 });
    expect(lines.position(text.length)).toEqual({ line: 3, character: 4 });
  });

  it("converts positions back to offsets, clamping past the end of a line or the text", () => {
    const text = "ab\r\ncd\nef";
    const lines = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) if (text[o - 1] !== "\r") expect(lines.offset(lines.position(o))).toBe(o);
    expect(lines.offset({ line: 9, character: 0 })).toBe(text.length);
    expect(lines.lineEnd(0)).toBe(2);
    expect(lines.lineEnd(1)).toBe(6);
    expect(lines.lineEnd(2)).toBe(text.length);
  });
});

describe("alignValue", () => {
  it("maps a verbatim value linearly", () => {
    expect(Array.from(alignValue("abc", "xxabcxx", 2, 5))).toEqual([2, 3, 4, 5]);
  });

  it("skips markup between the value's characters", () => {
    expect(Array.from(alignValue("a*b", "a\\*b", 0, 4))).toEqual([0, 2, 3, 4]);
  });

  it("maps a decoded character with no source counterpart to the current position without consuming source", () => {
    const map = alignValue("a&b", "a&amp;b", 0, 7);
    expect(map[0]).toBe(0);
    expect(map[1]).toBe(1);
    expect(map[2]).toBe(6);
  });
});
