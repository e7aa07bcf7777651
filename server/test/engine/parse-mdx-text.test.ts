// The MDX and plain-text parsers: JSX attributes and children, skipped ESM and expressions, text paragraphs.
import { describe, expect, it } from "vitest";
import { blocks, expectExactOffsets, parse, sourceOfPhrase } from "./parse-helpers";

describe("MDX", () => {
  it("reads string attributes of a component as prose, with the component and attribute names", () => {
    const doc = parse('<Testimonial name="Jo Example" quote="They fixed my crown in one visit." rating={5} />\n', "mdx");
    expect(doc.blocks.map((b) => `${b.component}.${b.attribute}: ${b.text}`)).toEqual(["Testimonial.name: Jo Example", "Testimonial.quote: They fixed my crown in one visit."]);
    expect(doc.components).toHaveLength(1);
    expect(doc.components[0].attributes.name.value).toBe("Jo Example");
    const r = doc.components[0].attributes.quote.range;
    expect(doc.source.slice(r.start, r.end)).toBe("They fixed my crown in one visit.");
    expectExactOffsets(doc);
  });

  it("reads single-quoted attributes and attributes with entities", () => {
    const doc = parse("<Quote by='Sam &amp; Kit' text='Great care' />\n", "mdx");
    expect(doc.blocks.map((b) => b.text)).toEqual(["Sam & Kit", "Great care"]);
    expect(sourceOfPhrase(doc, "Great care")).toBe("Great care");
  });

  it("reads attributes whose expression is a single string literal, but not other expressions", () => {
    const doc = parse('<Testimonial quote={"She said \\"thanks\\" twice"} name={`Jo Example`} rating={5} note={`Hi ${name}`} />\n', "mdx");
    expect(doc.blocks.map((b) => `${b.attribute}: ${b.text}`)).toEqual(['quote: She said "thanks" twice', "name: Jo Example"]);
    expect(doc.components[0].attributes.name.value).toBe("Jo Example");
    expect(sourceOfPhrase(doc, "Jo Example")).toBe("Jo Example");
    expectExactOffsets(doc);
  });

  it("does not read code-like attributes (src, href, id, className, authorization) as prose", () => {
    const doc = parse('<Card id="c1" className="wide" href="https://example.com" authorization="AUTH-1" title="Visible title" />\n', "mdx");
    expect(blocks(doc)).toEqual(["jsxAttribute: Visible title"]);
    expect(doc.components[0].attributes.authorization.value).toBe("AUTH-1");
  });

  it("reads the text children of components, flow and inline, tagged with the component", () => {
    const doc = parse("<Callout type=\"info\">\n\nWe are *open* on Saturdays.\n\n</Callout>\n\nSay <Highlight>hello</Highlight> to us.\n", "mdx");
    expect(doc.blocks.map((b) => `${b.component ?? "-"}: ${b.text}`)).toEqual(["Callout: info", "Callout: We are open on Saturdays.", "-: Say hello to us."]);
    expect(doc.components.map((c) => c.name)).toEqual(["Callout", "Highlight"]);
    expectExactOffsets(doc);
  });

  it("skips imports, exports and expressions, but keeps comment expressions as comments", () => {
    const doc = parse('import Card from "./card"\nexport const meta = { title: "Secret" }\n\n# Hello {props.name}\n\nValue: {1 + 2} done.\n\n{/* safeharbor-disable-next-line phi -- staff */}\nText.\n', "mdx");
    expect(blocks(doc)).toEqual(["heading: Hello ", "paragraph: Value:  done.", "paragraph: Text."]);
    expect(doc.comments.map((c) => c.text.trim())).toEqual(["safeharbor-disable-next-line phi -- staff"]);
    expect(doc.source.slice(doc.comments[0].range.start, doc.comments[0].range.end)).toBe("{/* safeharbor-disable-next-line phi -- staff */}");
  });

  it("records image components with their source, alt block and caption blocks", () => {
    const doc = parse('<BeforeAfter src="/img/case-7.jpg" alt="Smile before and after" caption="Twelve weeks of aligners" />\n', "mdx");
    expect(doc.images).toHaveLength(1);
    const [image] = doc.images;
    expect(image.component).toBe("BeforeAfter");
    expect(image.src).toBe("/img/case-7.jpg");
    expect(doc.blocks[image.altBlock!].text).toBe("Smile before and after");
    expect(image.captionBlocks.map((i) => doc.blocks[i].text)).toEqual(["Twelve weeks of aligners"]);
  });

  it("reads Markdown images and front matter in MDX too", () => {
    const doc = parse("---\ntitle: Gallery\n---\n\n![A new smile](smile.png)\n", "mdx");
    expect(blocks(doc)).toEqual(["frontmatter: Gallery", "imageAlt: A new smile"]);
    expect(doc.images).toHaveLength(1);
  });

  it("reports an MDX syntax error with its place and no blocks", () => {
    const doc = parse("# Title\n\nText with {unclosed expression\n", "mdx");
    expect(doc.parseError).toBeDefined();
    expect(doc.blocks).toEqual([]);
    expect(doc.parseError!.offset).toBeGreaterThan(8);
  });

  it("treats HTML comments as a syntax error in MDX, as MDX itself does", () => {
    expect(parse("<!-- note -->\n\nText.\n", "mdx").parseError).toBeDefined();
  });
});

describe("plain text", () => {
  it("splits paragraphs at blank lines and keeps them verbatim", () => {
    const source = "Thanks for the review, Sam!\nWe loved it.\n\n\nCall us at 555-0100.\n";
    const doc = parse(source, "plaintext");
    expect(blocks(doc)).toEqual(["paragraph: Thanks for the review, Sam!\nWe loved it.", "paragraph: Call us at 555-0100."]);
    expectExactOffsets(doc);
  });

  it("does not read Markdown syntax in a .txt file", () => {
    const doc = parse("# not a heading *really*\n", "plaintext");
    expect(blocks(doc)).toEqual(["paragraph: # not a heading *really*"]);
  });

  it("takes a directive on a line of its own as a comment, with or without a comment marker", () => {
    const doc = parse("safeharbor-disable-next-line social -- approved\nHi @someone!\n\n// safeharbor-disable-file -- sample copy\n# safeharbor-enable\n", "plaintext");
    expect(doc.comments.map((c) => c.text)).toEqual(["safeharbor-disable-next-line social -- approved", "safeharbor-disable-file -- sample copy", "safeharbor-enable"]);
    expect(blocks(doc)).toEqual(["paragraph: Hi @someone!"]);
  });

  it("keeps a line that only mentions safeharbor in prose", () => {
    const doc = parse("We use safeharbor to check posts.\n", "plaintext");
    expect(doc.comments).toEqual([]);
    expect(doc.blocks).toHaveLength(1);
  });

  it("reads CRLF and CR line endings", () => {
    const doc = parse("First line\r\nsecond line\r\n\r\nThird\rfourth\r\r", "plaintext");
    expect(blocks(doc)).toEqual(["paragraph: First line\r\nsecond line", "paragraph: Third\rfourth"]);
    expectExactOffsets(doc);
  });
});
