// Replies: fix-all removes what a reply discloses and keeps the rest; templates stay the writer's choice.
import { describe, expect, it } from "vitest";
import { createLinter, defaultConfig, fixDocument, type Finding } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";

const linter = createLinter(rules);
const lint = (uri: string) => (text: string): Finding[] => linter.lint({ uri, text, config: defaultConfig() }).findings;
const fixed = (uri: string, text: string): string => fixDocument(text, lint(uri)).text;

describe("fix-all on a reply", () => {
  const reply = "Thank you for the kind words! Your eczema cleared up nicely after the light therapy sessions with us. We hope everyone at the front desk made you feel welcome.\n";

  it("removes the sentences that disclose care and keeps every other sentence", () => {
    expect(fixed("reply.txt", reply)).toBe("Thank you for the kind words! We hope everyone at the front desk made you feel welcome.\n");
  });

  it("never puts a template in, and a second run changes nothing", () => {
    const once = fixed("reply.txt", reply);
    expect(once).not.toMatch(/\[|privacy law|private message/);
    expect(fixed("reply.txt", once)).toBe(once);
  });

  it("still offers the reply template as a choice, keeping the sentences that disclose nothing", () => {
    const findings = lint("reply.txt")(reply);
    const template = findings.flatMap((f) => f.fixes).find((f) => f.kind === "template");
    expect(template?.preferred).toBeUndefined();
    expect(template?.edits[0].newText).toMatch(/^We hope everyone at the front desk made you feel welcome\. Thank you/);
  });

  it("leaves a patient's own review in the first person alone: it is not the practice's reply", () => {
    const review = "I loved my visit. My eczema cleared up after the light therapy. The staff were lovely.\n";
    expect(fixed("review.txt", review)).toBe(review);
    expect(lint("review.txt")(review).flatMap((f) => f.fixes).some((f) => f.kind === "template" && f.edits.length > 0)).toBe(false);
  });
});

describe("fix-all on a story", () => {
  it("de-identifies the patient and never swaps the paragraph for a scaffold", () => {
    const story = "# A hopeful case\n\nLast spring Corwin Ashby, a retired ferry pilot, came to us with chronic migraines. After six weeks of treatment Corwin Ashby is migraine-free.\n";
    const out = fixed("story.md", story);
    expect(out).not.toContain("Corwin");
    expect(out).not.toContain("[");
    expect(out).toContain("a retired ferry pilot, came to us with chronic migraines");
  });
});
