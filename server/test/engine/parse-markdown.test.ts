// The Markdown parser: which syntax becomes prose, which is skipped, and what is kept as references.
import { describe, expect, it } from "vitest";
import { blocks, expectExactOffsets, parse, sourceOfPhrase } from "./parse-helpers";

describe("Markdown prose", () => {
  it("reads paragraphs and headings, with the heading depth", () => {
    const doc = parse("# Welcome to the clinic\n\nWe see patients on weekdays.\nAnd on Saturdays.\n\n### Hours\n");
    expect(blocks(doc)).toEqual(["heading: Welcome to the clinic", "paragraph: We see patients on weekdays.\nAnd on Saturdays.", "heading: Hours"]);
    expect(doc.blocks.map((b) => b.depth)).toEqual([1, undefined, 3]);
    expectExactOffsets(doc);
  });

  it("reads setext headings", () => {
    const doc = parse("Our team\n========\n\nText.\n");
    expect(blocks(doc)).toEqual(["heading: Our team", "paragraph: Text."]);
  });

  it("reads list items and marks them", () => {
    const doc = parse("- first item\n- second *item*\n  continued\n\n1. numbered\n   - nested item\n");
    expect(blocks(doc)).toEqual(["paragraph: first item", "paragraph: second item\ncontinued", "paragraph: numbered", "paragraph: nested item"]);
    expect(doc.blocks.every((b) => b.listItem)).toBe(true);
    expectExactOffsets(doc);
  });

  it("reads task list items without the checkbox", () => {
    const doc = parse("- [x] book the cleaning\n- [ ] call back\n");
    expect(blocks(doc)).toEqual(["paragraph: book the cleaning", "paragraph: call back"]);
    expectExactOffsets(doc);
  });

  it("reads blockquotes, nested ones and lists inside them, and marks them quoted", () => {
    const doc = parse("> The staff were kind.\n> Really kind.\n>\n> > Nested quote.\n>\n> - quoted item\n\nAfter.\n");
    expect(blocks(doc)).toEqual(["paragraph: The staff were kind.\nReally kind.", "paragraph: Nested quote.", "paragraph: quoted item", "paragraph: After."]);
    expect(doc.blocks.map((b) => b.quoted)).toEqual([true, true, true, false]);
    expect(sourceOfPhrase(doc, "kind.\nReally")).toBe("kind.\n> Really");
    expectExactOffsets(doc);
  });

  it("reads GFM table cells, header and body, one block each", () => {
    const doc = parse("| Service | Note |\n|---|:---:|\n| Cleaning | every **six** months |\n| X-ray | yearly |\n");
    expect(blocks(doc)).toEqual(["tableCell: Service", "tableCell: Note", "tableCell: Cleaning", "tableCell: every six months", "tableCell: X-ray", "tableCell: yearly"]);
    expectExactOffsets(doc);
  });

  it("reads a table cell with an escaped pipe", () => {
    const doc = parse("| a |\n|---|\n| yes \\| no |\n");
    expect(blocks(doc)).toEqual(["tableCell: a", "tableCell: yes | no"]);
    expectExactOffsets(doc);
  });

  it("reads emphasis, strong and strikethrough as plain prose", () => {
    const doc = parse("We *really* **love** ~~hate~~ _our_ __patients__.\n");
    expect(blocks(doc)).toEqual(["paragraph: We really love hate our patients."]);
    expect(sourceOfPhrase(doc, "really love")).toBe("really* **love");
    expectExactOffsets(doc);
  });

  it("reads link text as prose and the URL as a link reference", () => {
    const doc = parse("Read [our guide to braces](https://example.com/braces \"Guide\") today.\n");
    expect(blocks(doc)).toEqual(["linkTitle: Guide", "paragraph: Read our guide to braces today."]);
    expect(doc.links.map((l) => [l.url, doc.source.slice(l.range.start, l.range.end)])).toEqual([["https://example.com/braces", "https://example.com/braces"]]);
    expectExactOffsets(doc);
  });

  it("keeps autolinks and bare URLs out of the prose words but records them as links", () => {
    const doc = parse("Write to <mailto:office@example.com> or visit https://example.com/hours now.\n");
    expect(doc.links.map((l) => l.url)).toEqual(["mailto:office@example.com", "https://example.com/hours"]);
    expectExactOffsets(doc);
  });

  it("records reference link definitions as links, not prose", () => {
    const doc = parse("See [the map][map].\n\n[map]: https://example.com/map\n");
    expect(blocks(doc)).toEqual(["paragraph: See the map."]);
    expect(doc.links.map((l) => l.url)).toContain("https://example.com/map");
  });

  it("reads image alt text and title as their own blocks, and the URL as the image source", () => {
    const doc = parse('Before the visit: ![Smiling patient after whitening](/img/after.jpg "Six weeks later") done.\n');
    expect(blocks(doc)).toEqual(["imageAlt: Smiling patient after whitening", "imageTitle: Six weeks later", "paragraph: Before the visit:  done."]);
    const [image] = doc.images;
    expect(image.src).toBe("/img/after.jpg");
    expect(doc.source.slice(image.srcRange!.start, image.srcRange!.end)).toBe("/img/after.jpg");
    expect(doc.blocks[image.altBlock!].kind).toBe("imageAlt");
    expect(doc.blocks[image.titleBlock!].kind).toBe("imageTitle");
    expectExactOffsets(doc);
  });

  it("reads an image alt text with escapes and brackets", () => {
    const doc = parse("![Chart \\[draft\\] for *review*](chart.png)\n");
    expect(doc.blocks[0].kind).toBe("imageAlt");
    expect(doc.blocks[0].text).toBe("Chart [draft] for review");
    expectExactOffsets(doc);
  });

  it("skips fenced and indented code and inline code", () => {
    const doc = parse("Intro.\n\n```js\nconst patient = \"Jane Roe\";\n```\n\n    indented code line\n\nRun `npm test` now.\n");
    expect(blocks(doc)).toEqual(["paragraph: Intro.", "paragraph: Run  now."]);
    expectExactOffsets(doc);
  });

  it("turns HTML comments into comment references and never into prose", () => {
    const doc = parse("<!-- safeharbor-disable-next-line phi -- staff -->\nText.\n\nInline <!-- note --> comment.\n");
    expect(blocks(doc)).toEqual(["paragraph: Text.", "paragraph: Inline  comment."]);
    expect(doc.comments.map((c) => c.text)).toEqual([" safeharbor-disable-next-line phi -- staff ", " note "]);
    expect(doc.source.slice(doc.comments[0].range.start, doc.comments[0].range.end)).toBe("<!-- safeharbor-disable-next-line phi -- staff -->");
  });

  it("reads an HTML <img> tag's alt and title and records its source", () => {
    const doc = parse('<img src="/img/before-after.jpg" alt="Before and after veneers" title=\'Case 12\'>\n\nText.\n');
    expect(blocks(doc)).toEqual(["imageAlt: Before and after veneers", "imageTitle: Case 12", "paragraph: Text."]);
    expect(doc.images[0].src).toBe("/img/before-after.jpg");
    expect(doc.images[0].component).toBe("img");
    expectExactOffsets(doc);
  });

  it("reads an inline <img> inside a paragraph", () => {
    const doc = parse('See <img src="x.png" alt="A smiling face"> here.\n');
    expect(blocks(doc)).toContain("imageAlt: A smiling face");
    expect(doc.images).toHaveLength(1);
    expectExactOffsets(doc);
  });

  it("skips raw HTML tags around Markdown content", () => {
    const doc = parse("<div class=\"note\">\n\nInside the div.\n\n</div>\n");
    expect(blocks(doc)).toEqual(["paragraph: Inside the div."]);
  });

  it("reads the text of a raw HTML block as prose, without tags, comments, scripts or styles", () => {
    const doc = parse("<p>Our patient &amp; <b>friend</b> came in</p><p>on a Tuesday.</p>\n<!-- hidden note -->\n<script>var x = 'no';</script><style>p { color: red }</style>\n");
    expect(blocks(doc)).toEqual(["html: Our patient & friend came in on a Tuesday. "]);
    expect(sourceOfPhrase(doc, "patient & friend came")).toBe("patient &amp; <b>friend</b> came");
    expectExactOffsets(doc);
  });

  it("separates words at inline line breaks and block tags", () => {
    const doc = parse("line one<br>line two<br/>line three\n");
    expect(doc.blocks[0].text).toBe("line one\nline two\nline three");
    expectExactOffsets(doc);
  });

  it("reads a link title as its own block", () => {
    const doc = parse('[our team](https://example.com/team "Meet the hygienists")\n');
    expect(blocks(doc)).toEqual(["linkTitle: Meet the hygienists", "paragraph: our team"]);
    expectExactOffsets(doc);
  });

  it("resolves character references and backslash escapes, mapping them to their source", () => {
    const doc = parse("Caf&eacute; &amp; bakery \\*not emphasis\\* &#169;\n");
    expect(doc.blocks[0].text).toBe("Café & bakery *not emphasis* ©");
    expect(sourceOfPhrase(doc, "bakery *not")).toBe("bakery \\*not");
  });

  it("separates words around hard line breaks", () => {
    const doc = parse("Line one  \nline two\\\nline three\n");
    expect(doc.blocks[0].text.replace(/\s+/g, " ")).toBe("Line one line two line three");
    expectExactOffsets(doc);
  });

  it("gives an empty document no blocks", () => {
    expect(parse("").blocks).toEqual([]);
    expect(parse("\n\n   \n").blocks).toEqual([]);
  });
});

describe("front matter", () => {
  it("reads every YAML string value as prose by default, with nested keys and list items as key paths", () => {
    const doc = parse("---\ntitle: A great visit\ncount: 3\ntestimonial:\n  name: Jo Example\n  quote: \"They fixed my tooth\"\ntags:\n  - dental\n  - 'kids'\n---\n\nBody.\n");
    expect(doc.blocks.map((b) => `${b.key}: ${b.text}`)).toEqual(["title: A great visit", "testimonial.name: Jo Example", "testimonial.quote: They fixed my tooth", "tags[0]: dental", "tags[1]: kids", "undefined: Body."]);
    expect(doc.frontmatter).toEqual({ title: "A great visit", count: 3, testimonial: { name: "Jo Example", quote: "They fixed my tooth" }, tags: ["dental", "kids"] });
    expect(doc.source.slice(doc.frontmatterRange!.start, doc.frontmatterRange!.end).startsWith("---\ntitle")).toBe(true);
    expectExactOffsets(doc);
  });

  it("reads YAML block scalars and escaped strings with exact offsets", () => {
    const doc = parse('---\nsummary: |\n  First line\n  second line\nquote: "She said \\"thanks\\""\nfolded: >\n  one\n  two\n---\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(["First line\nsecond line\n", 'She said "thanks"', "one two\n"]);
    expectExactOffsets(doc);
  });

  it("reads only the configured front matter keys, including nested ones", () => {
    const source = "---\ntitle: Visit\nauthor: Dr. Example\ntestimonial:\n  name: Jo\n  quote: Great\n---\n";
    expect(parse(source, "markdown", ["title", "testimonial.quote"]).blocks.map((b) => b.key)).toEqual(["title", "testimonial.quote"]);
    expect(parse(source, "markdown", ["testimonial"]).blocks.map((b) => b.key)).toEqual(["testimonial.name", "testimonial.quote"]);
  });

  it("reads TOML front matter strings under tables", () => {
    const doc = parse("+++\ntitle = \"Our new office\"\nyear = 2024\n[testimonial]\nname = 'Jo Example'\nquote = \"Best \\\"care\\\"\"\n+++\n\nBody.\n");
    expect(doc.blocks.map((b) => `${b.key}: ${b.text}`)).toEqual(["title: Our new office", "testimonial.name: Jo Example", 'testimonial.quote: Best "care"', "undefined: Body."]);
    expect(doc.frontmatter).toMatchObject({ title: "Our new office", testimonial: { name: "Jo Example", quote: 'Best "care"' } });
    expectExactOffsets(doc);
  });

  it("reads TOML arrays of strings item by item", () => {
    const doc = parse("+++\ntags = [\"anxiety\", 'implants']\n[people]\nquoted = [ \"Jo \\\"JJ\\\" Example\" ]\n+++\n");
    expect(doc.blocks.map((b) => `${b.key}: ${b.text}`)).toEqual(["tags[0]: anxiety", "tags[1]: implants", 'people.quoted[0]: Jo "JJ" Example']);
    expect(doc.frontmatter).toEqual({ tags: ["anxiety", "implants"], people: { quoted: ['Jo "JJ" Example'] } });
    expectExactOffsets(doc);
  });

  it("exposes the authorization reference of the front matter", () => {
    const doc = parse("---\nauthorization: AUTH-2025-014\n---\nText.\n");
    expect(doc.frontmatter?.authorization).toBe("AUTH-2025-014");
  });

  it("survives invalid YAML front matter: no data, the body still parsed", () => {
    const doc = parse("---\ntitle: [unclosed\n---\n\nBody text.\n");
    expect(doc.frontmatter).toEqual({});
    expect(blocks(doc)).toContain("paragraph: Body text.");
  });
});
