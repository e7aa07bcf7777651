// Templates, testimonial attributions, authorization references and disable directives.
import { describe, expect, it } from "vitest";
import { AUTH_ID_PLACEHOLDER, collectDirectives, LineIndex, parseDocument, renderTemplate, templateIds } from "@safeharbor/server/engine";
import { authorizationRefs } from "../../src/engine/authorization";
import { apply, helperFixes, testConfig } from "./support";

const reference = (text: string, find: string, uri = "post.md"): string => apply(text, helperFixes(text, find, (f, r) => [f.authorizationReference(r)], { uri })[0]);
const disabled = (text: string, find: string, uri = "post.md"): string => apply(text, helperFixes(text, find, (f, r) => [f.disable("phi/patient-name", r)], { uri })[0]);

describe("templates", () => {
  it("fills the office phone from the config", () => {
    const text = renderTemplate("review-reply", testConfig({ phones: ["(555) 201-4400"] }));
    expect(text).toContain("call our office at (555) 201-4400");
  });

  it("keeps a missing value visible for the writer", () => {
    expect(renderTemplate("social-private", testConfig())).toContain("[office phone]");
    expect(renderTemplate("review-reply", testConfig({ language: "es" }))).toContain("[teléfono de la oficina]");
  });

  it("ships every template in English and Spanish", () => {
    for (const id of templateIds()) {
      expect(renderTemplate(id, testConfig())).not.toBe(id);
      expect(renderTemplate(id, testConfig({ language: "es" }))).not.toBe(renderTemplate(id, testConfig()));
    }
  });

  it("lets the config override a template, for all languages or one", () => {
    expect(renderTemplate("review-reply", testConfig({ templates: { "review-reply": "Call {practice.phone}." } }))).toBe("Call [office phone].");
    const config = testConfig({ language: "es", templates: { "es.review-reply": "Llame al {practice.phone}." } });
    expect(renderTemplate("review-reply", config)).toBe("Llame al [teléfono de la oficina].");
  });

  it("replaces a reply with the template, never as the preferred fix, and keeps the whitespace around it", () => {
    const text = "Thanks for your review, Dana. Sorry about your root canal.\n";
    const [fix] = helperFixes(text, text, (f, r) => [f.template("review-reply", r, "Use the standard reply")], { uri: "reply.txt", config: testConfig({ phones: ["(555) 201-4400"] }) });
    expect(fix.preferred).toBeUndefined();
    expect(apply(text, fix)).toMatch(/^Thank you for your feedback\. .*\(555\) 201-4400 so we can help\.\n$/);
  });

  it("keeps the sentences of a reply that disclose nothing ahead of the template", () => {
    const text = "Thank you for your review. Sorry about your root canal, Dana. We value every guest.\n";
    const [fix] = helperFixes(text, text, (f, r) => [f.template("review-reply", r, "Use the standard reply")], { uri: "reply.txt", config: testConfig({ phones: ["(555) 201-4400"] }) });
    const out = apply(text, fix);
    expect(out).toMatch(/^We value every guest\. Thank you for your feedback\./);
    expect(out).not.toContain("root canal");
    expect(out).not.toContain("Dana");
  });

  it("offers no reply template for a post that is not a reply", () => {
    const text = "# In memory of a friend\n\nOur clinic will close on Friday in memory of a long-time friend of the practice.\n";
    const [fix] = helperFixes(text, "Our clinic will close", (f, r) => [f.template("social-private", r, "Use the private-channel template")], { uri: "post.md" });
    expect(fix.edits).toEqual([]);
  });

  it("keeps MDX parseable when a template goes into MDX", () => {
    const text = "# Story\n\nOdessa told us everything.\n";
    const [fix] = helperFixes(text, "Odessa told us everything.", (f, r) => [f.template("story-scaffold", r, "Use a scaffold")], { uri: "post.mdx" });
    expect(parseDocument("post.mdx", apply(text, fix), "mdx").parseError).toBeUndefined();
  });
});

describe("testimonial attributions", () => {
  it("keeps a city prop valid: only the state stays, or the value is emptied", () => {
    const text = '<Testimonial name="Renata Quill" city="Elk Hollow, TX">\n  Great care.\n</Testimonial>\n';
    const [fix] = helperFixes(text, "Elk Hollow, TX", (f, r) => [f.attribution(r)], { uri: "post.mdx" });
    const out = apply(text, fix);
    expect(out).toBe('<Testimonial name="Renata Quill" city="TX">\n  Great care.\n</Testimonial>\n');
    expect(parseDocument("post.mdx", out, "mdx").parseError).toBeUndefined();
    const town = '<Testimonial town="Elk Hollow" />\n';
    expect(apply(town, helperFixes(town, "Elk Hollow", (f, r) => [f.attribution(r)], { uri: "post.mdx" })[0])).toBe('<Testimonial town="" />\n');
  });

  it("turns a name prop or field into A patient, never a patient in a state", () => {
    const text = '<Testimonial name="Renata Quill, Plano TX" />\n';
    const [fix] = helperFixes(text, "Renata Quill, Plano TX", (f, r) => [f.attribution(r)], { uri: "post.mdx" });
    expect(apply(text, fix)).toBe('<Testimonial name="A patient" />\n');
    const yaml = "---\nkind: testimonial\nname: Renata Quill\n---\n\nGreat care.\n";
    expect(apply(yaml, helperFixes(yaml, "Renata Quill", (f, r) => [f.attribution(r)])[0])).toBe("---\nkind: testimonial\nname: A patient\n---\n\nGreat care.\n");
  });

  it("becomes a patient in the state named by the attribution, keeping the dash", () => {
    const text = "> Best care ever.\n>\n> — Robert Quill, 72, Plano TX\n";
    const [fix] = helperFixes(text, "— Robert Quill, 72, Plano TX", (f, r) => [f.attribution(r)]);
    expect(apply(text, fix)).toBe("> Best care ever.\n>\n> — A patient in Texas\n");
  });

  it("becomes a patient when no state is known, also through the template id", () => {
    const text = "Best care ever. -- Robert Q.\n";
    const [fix] = helperFixes(text, "-- Robert Q.", (f, r) => [f.template("testimonial-attribution", r, "Attribute")]);
    expect(apply(text, fix)).toBe("Best care ever. -- A patient\n");
  });

  it("uses the practice state when the attribution has none", () => {
    const text = "— Robert Quill\n";
    const [fix] = helperFixes(text, "— Robert Quill", (f, r) => [f.attribution(r)], { config: testConfig({ state: "TX" }) });
    expect(apply(text, fix)).toBe("— A patient in Texas\n");
  });
});

describe("authorization references", () => {
  it("adds a key to YAML front matter", () => {
    const text = "---\ntitle: Story\n---\n\nOdessa's recovery.\n";
    const out = reference(text, "Odessa");
    expect(out).toBe(`---\ntitle: Story\nauthorization: ${AUTH_ID_PLACEHOLDER}\n---\n\nOdessa's recovery.\n`);
    expect(parseDocument("post.md", out, "markdown").frontmatter).toEqual({ title: "Story", authorization: AUTH_ID_PLACEHOLDER });
  });

  it("adds a key at the top of TOML front matter, before any table", () => {
    const text = "+++\ntitle = \"Story\"\n[extra]\nx = \"y\"\n+++\n\nOdessa's recovery.\n";
    const out = reference(text, "Odessa");
    expect(out).toBe(`+++\nauthorization = "${AUTH_ID_PLACEHOLDER}"\ntitle = "Story"\n[extra]\nx = "y"\n+++\n\nOdessa's recovery.\n`);
    expect(parseDocument("post.md", out, "markdown").frontmatter?.authorization).toBe(AUTH_ID_PLACEHOLDER);
  });

  it("adds the id to an existing reference or list", () => {
    expect(parseDocument("p.md", reference("---\nauthorization: AUTH-7\n---\nOdessa\n", "Odessa"), "markdown").frontmatter?.authorization).toEqual(["AUTH-7", AUTH_ID_PLACEHOLDER]);
    expect(parseDocument("p.md", reference("---\nauthorizations: [AUTH-7]\n---\nOdessa\n", "Odessa"), "markdown").frontmatter?.authorizations).toEqual(["AUTH-7", AUTH_ID_PLACEHOLDER]);
    expect(parseDocument("p.md", reference("---\nauthorization:\n  - AUTH-7\ntitle: x\n---\nOdessa\n", "Odessa"), "markdown").frontmatter?.authorization).toEqual(["AUTH-7", AUTH_ID_PLACEHOLDER]);
  });

  it("writes a directive before the paragraph in Markdown, MDX and text", () => {
    expect(reference("Intro.\n\nOdessa came in\nwith a cough.\n", "cough")).toBe(`Intro.\n\n<!-- safeharbor-authorization ${AUTH_ID_PLACEHOLDER} -->\nOdessa came in\nwith a cough.\n`);
    expect(reference("Intro.\n\nOdessa came in.\n", "Odessa", "post.mdx")).toBe(`Intro.\n\n{/* safeharbor-authorization ${AUTH_ID_PLACEHOLDER} */}\nOdessa came in.\n`);
    expect(reference("Intro.\n\nOdessa came in.\n", "Odessa", "post.txt")).toBe(`Intro.\n\nsafeharbor-authorization ${AUTH_ID_PLACEHOLDER}\nOdessa came in.\n`);
  });

  it("writes a directive the engine reads as covering the paragraph", () => {
    const out = reference("Intro.\r\n\r\n> Odessa came in.\r\n> She smiled.\r\n", "She");
    expect(out).toBe(`Intro.\r\n\r\n> <!-- safeharbor-authorization ${AUTH_ID_PLACEHOLDER} -->\r\n> Odessa came in.\r\n> She smiled.\r\n`);
    const doc = parseDocument("p.md", out, "markdown");
    const refs = authorizationRefs(doc, collectDirectives(doc, new LineIndex(out)));
    expect(refs.map((r) => r.id)).toEqual([AUTH_ID_PLACEHOLDER]);
    expect(out.slice(refs[0].scope!.start, refs[0].scope!.end)).toContain("She smiled.");
  });

  it("adds an authorization prop to the MDX component around the text", () => {
    const text = "<Testimonial author=\"Odessa Lin\">\nGreat care.\n</Testimonial>\n";
    const out = reference(text, "Odessa Lin", "post.mdx");
    expect(out).toBe(`<Testimonial authorization="${AUTH_ID_PLACEHOLDER}" author="Odessa Lin">\nGreat care.\n</Testimonial>\n`);
    expect(parseDocument("post.mdx", out, "mdx").components[0].attributes.authorization.value).toBe(AUTH_ID_PLACEHOLDER);
  });
});

describe("disable directives", () => {
  it("goes on its own line before the first line of a paragraph, with a reason to fill in", () => {
    expect(disabled("Intro.\n\nOdessa came in.\n", "Odessa")).toBe("Intro.\n\n<!-- safeharbor-disable-next-line phi/patient-name -- reason:  -->\nOdessa came in.\n");
    expect(disabled("Odessa came in.\n", "Odessa", "post.mdx")).toBe("{/* safeharbor-disable-next-line phi/patient-name -- reason:  */}\nOdessa came in.\n");
    expect(disabled("Odessa came in.\r\n", "Odessa", "post.txt")).toBe("safeharbor-disable-next-line phi/patient-name -- reason: \r\nOdessa came in.\r\n");
  });

  it("goes at the end of a list item, a table row or a wrapped line, so the Markdown renders the same", () => {
    expect(disabled("- Odessa came in.\n- Later.\n", "Odessa")).toBe("- Odessa came in. <!-- safeharbor-disable-line phi/patient-name -- reason:  -->\n- Later.\n");
    expect(disabled("| a | b |\n|---|---|\n| Odessa | x |\n", "Odessa")).toBe("| a | b |\n|---|---|\n| Odessa | x <!-- safeharbor-disable-line phi/patient-name -- reason:  --> |\n");
    expect(disabled("We met\nOdessa today.  \nNext.\n", "Odessa")).toBe("We met\nOdessa today. <!-- safeharbor-disable-line phi/patient-name -- reason:  -->  \nNext.\n");
  });

  it("is read by the engine as a directive for that line", () => {
    for (const [text, uri] of [["- Odessa came in.\n", "p.md"], ["| a |\n|---|\n| Odessa |\n", "p.md"], ["Odessa came in.\n", "p.mdx"], ["Odessa came in.\n", "p.txt"]] as const) {
      const out = disabled(text, "Odessa", uri);
      const doc = parseDocument(uri, out, uri.endsWith("mdx") ? "mdx" : uri.endsWith("txt") ? "plaintext" : "markdown");
      const lines = new LineIndex(out);
      const [d] = collectDirectives(doc, lines);
      const at = lines.lineOf(out.indexOf("Odessa"));
      expect(d.targets).toEqual(["phi/patient-name"]);
      expect(d.lines!.from <= at && at <= d.lines!.to).toBe(true);
    }
  });

  it("wraps a multi-line MDX element in disable and enable", () => {
    const text = "<Testimonial\n  author=\"Odessa Lin\"\n/>\n";
    const out = disabled(text, "Odessa Lin", "post.mdx");
    expect(out).toBe("{/* safeharbor-disable phi/patient-name -- reason:  */}\n<Testimonial\n  author=\"Odessa Lin\"\n/>\n{/* safeharbor-enable phi/patient-name */}\n");
    expect(parseDocument("post.mdx", out, "mdx").parseError).toBeUndefined();
  });
});

describe("replacements inside front matter and MDX props", () => {
  const roleIn = (text: string, find: string, uri: string): string => apply(text, helperFixes(text, find, (f, range) => f.deidentify({ type: "name", range, block: 0, start: 0, end: find.length, text: find, sentence: 0, confidence: 1, owner: "unknown", tied: true }), { uri })[0]);

  it("writes a plain YAML value that still parses, capitalised as a fresh phrase", () => {
    const out = roleIn("---\nname: Odessa Lin\n---\nText.\n", "Odessa Lin", "post.md");
    expect(out).toBe("---\nname: A patient\n---\nText.\n");
    expect(parseDocument("post.md", out, "markdown").frontmatter).toEqual({ name: "A patient" });
  });

  it("keeps the quotes of a quoted YAML value and of an MDX prop", () => {
    expect(roleIn('---\nname: "Odessa Lin"\n---\nText.\n', "Odessa Lin", "post.md")).toBe('---\nname: "A patient"\n---\nText.\n');
    const mdx = roleIn('<Testimonial author="Odessa Lin" />\n', "Odessa Lin", "post.mdx");
    expect(mdx).toBe('<Testimonial author="A patient" />\n');
    expect(parseDocument("post.mdx", mdx, "mdx").parseError).toBeUndefined();
  });
});
