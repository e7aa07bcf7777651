// Suppression directives: next line, ranges, whole file, MDX and .txt forms, families, unused and reason-less hints.
import { describe, expect, it } from "vitest";
import { createLinter, parseDirective, type Rule } from "@safeharbor/server/engine";

/** A test rule that reports every occurrence of a marker word in prose. */
function markerRule(id: string, family: Rule["meta"]["family"], word: string): Rule {
  return {
    meta: { id, family, description: "test rule", severity: "error", hipaa: "test", category: "test", fixable: false, messages: { hit: "Marker found." }, docs: "test" },
    check({ document, report }) {
      for (const b of document.blocks) {
        for (let i = b.text.indexOf(word); i >= 0; i = b.text.indexOf(word, i + 1)) report({ messageId: "hit", range: { start: b.offsets[i], end: b.offsets[i + word.length - 1] + 1 } });
      }
    },
  };
}

const linter = createLinter([markerRule("phi/marker", "phi", "NAME"), markerRule("story/marker", "story", "STORY")]);

/** Findings as `ruleId@line` (1-based), hints included. */
function lint(text: string, uri = "doc.md"): string[] {
  const result = linter.lint({ uri, text });
  return result.findings.map((f) => `${f.ruleId}@${result.lines.position(f.range.start).line + 1}`);
}

describe("directive syntax", () => {
  it("parses the kind, the targets and the reason", () => {
    expect(parseDirective({ text: " safeharbor-disable-next-line phi/patient-name, story -- staff member ", range: { start: 0, end: 1 } })).toMatchObject({ kind: "disable-next-line", targets: ["phi/patient-name", "story"], reason: "staff member" });
    expect(parseDirective({ text: "safeharbor-disable", range: { start: 0, end: 1 } })).toMatchObject({ kind: "disable", targets: [] });
    expect(parseDirective({ text: "safeharbor-authorization AUTH-1 AUTH-2", range: { start: 0, end: 1 } })).toMatchObject({ kind: "authorization", targets: ["AUTH-1", "AUTH-2"] });
    expect(parseDirective({ text: "just a comment", range: { start: 0, end: 1 } })).toBeUndefined();
    expect(parseDirective({ text: "mentions safeharbor-disable later", range: { start: 0, end: 1 } })).toBeUndefined();
  });

  it("takes a misspelt directive as unknown rather than as a broader one", () => {
    expect(parseDirective({ text: "safeharbor-disable-nextline phi", range: { start: 0, end: 1 } })).toMatchObject({ kind: "unknown" });
    expect(parseDirective({ text: "safeharbor-enabled", range: { start: 0, end: 1 } })).toMatchObject({ kind: "unknown" });
  });

  it("keeps a double hyphen inside a rule-free reason", () => {
    expect(parseDirective({ text: "safeharbor-disable-file -- internal -- training", range: { start: 0, end: 1 } })?.reason).toBe("internal -- training");
  });
});

describe("suppression", () => {
  it("reports a marker when no directive applies", () => {
    expect(lint("NAME here.\n")).toEqual(["phi/marker@1"]);
  });

  it("disable-next-line suppresses the next non-blank line only", () => {
    const text = "<!-- safeharbor-disable-next-line phi/marker -- staff -->\n\nNAME on the next line.\n\nNAME again.\n";
    expect(lint(text)).toEqual(["phi/marker@5"]);
  });

  it("disable-line suppresses findings on its own line", () => {
    expect(lint("NAME here <!-- safeharbor-disable-line -- staff -->\n")).toEqual([]);
  });

  it("disable-next-line names rule ids or whole families and leaves other rules alone", () => {
    expect(lint("<!-- safeharbor-disable-next-line phi -- staff -->\nNAME and STORY.\n")).toEqual(["story/marker@2"]);
    expect(lint("<!-- safeharbor-disable-next-line story/marker -- composite -->\nNAME and STORY.\n")).toEqual(["phi/marker@2"]);
    expect(lint("<!-- safeharbor-disable-next-line phi, story -- both -->\nNAME and STORY.\n")).toEqual([]);
  });

  it("disable-next-line with no target suppresses every rule", () => {
    expect(lint("<!-- safeharbor-disable-next-line -- sample text -->\nNAME and STORY.\n")).toEqual([]);
  });

  it("does not let a family prefix match another family that starts the same way", () => {
    const l = createLinter([markerRule("phi/marker", "phi", "NAME")]);
    const result = l.lint({ uri: "a.md", text: "<!-- safeharbor-disable-next-line ph -- typo -->\nNAME\n" });
    expect(result.findings.map((f) => f.ruleId)).toEqual(["safeharbor/unused-directive", "phi/marker"]);
  });

  it("disable and enable suppress a range of lines", () => {
    const text = "NAME before.\n\n<!-- safeharbor-disable phi -- composite -->\n\nNAME inside.\n\nNAME inside too.\n\n<!-- safeharbor-enable phi -->\n\nNAME after.\n";
    expect(lint(text)).toEqual(["phi/marker@1", "phi/marker@11"]);
  });

  it("an enable for another family does not end a disable range", () => {
    const text = "<!-- safeharbor-disable phi -- composite -->\n\n<!-- safeharbor-enable story -->\n\nNAME inside.\n";
    expect(lint(text)).toEqual([]);
  });

  it("an enable of a family ends a disable of one of its rules", () => {
    const text = "<!-- safeharbor-disable phi/marker -- composite -->\n\nNAME inside.\n\n<!-- safeharbor-enable phi -->\n\nNAME after.\n";
    expect(lint(text)).toEqual(["phi/marker@7"]);
  });

  it("an enable of one family ends only that family of a disable of everything", () => {
    const text = "<!-- safeharbor-disable -- archive -->\n\nNAME and STORY.\n\n<!-- safeharbor-enable phi -->\n\nNAME and STORY after.\n";
    expect(lint(text)).toEqual(["phi/marker@7"]);
  });

  it("a second disable after an enable starts a new range", () => {
    const text = "<!-- safeharbor-disable phi -- a -->\nNAME 1.\n<!-- safeharbor-enable phi -->\nNAME 2.\n<!-- safeharbor-disable phi -- b -->\nNAME 3.\n";
    expect(lint(text)).toEqual(["phi/marker@4"]);
  });

  it("a disable without an enable runs to the end of the file", () => {
    expect(lint("NAME one.\n\n<!-- safeharbor-disable -- archive -->\n\nNAME two.\n\nSTORY three.\n")).toEqual(["phi/marker@1"]);
  });

  it("disable-file suppresses the named rules everywhere, even above it", () => {
    expect(lint("NAME one.\n\nSTORY two.\n\n<!-- safeharbor-disable-file story -- fiction -->\n")).toEqual(["phi/marker@1"]);
  });

  it("accepts the MDX comment form", () => {
    const text = "{/* safeharbor-disable-next-line phi -- staff member */}\nNAME in MDX.\n\nNAME again.\n";
    expect(lint(text, "doc.mdx")).toEqual(["phi/marker@4"]);
  });

  it("accepts the MDX comment form for ranges", () => {
    const text = "{/* safeharbor-disable -- composite */}\n\nNAME one.\n\n{/* safeharbor-enable */}\n\nNAME two.\n";
    expect(lint(text, "doc.mdx")).toEqual(["phi/marker@7"]);
  });

  it("accepts a directive on a line of its own in .txt files", () => {
    const text = "safeharbor-disable-next-line phi -- the office manager\nThanks NAME!\n\nNAME again.\n";
    expect(lint(text, "reply.txt")).toEqual(["phi/marker@4"]);
  });

  it("ignores a directive that only appears inside prose in .txt files", () => {
    expect(lint("NAME says safeharbor-disable-line is neat.\n", "reply.txt")).toEqual(["phi/marker@1"]);
  });

  it("ignores directives inside code blocks", () => {
    const text = "```md\n<!-- safeharbor-disable-next-line -- example -->\n```\nNAME after the code.\n";
    expect(lint(text)).toEqual(["phi/marker@4"]);
  });
});

describe("directive hints", () => {
  it("reports a directive that suppresses nothing as a hint with a removal fix", () => {
    const result = linter.lint({ uri: "a.md", text: "<!-- safeharbor-disable-next-line phi -- staff -->\nNothing to see.\n" });
    expect(result.findings).toHaveLength(1);
    const [hint] = result.findings;
    expect(hint).toMatchObject({ ruleId: "safeharbor/unused-directive", severity: "hint" });
    expect(hint.fixes[0].edits).toEqual([{ range: hint.range, newText: "" }]);
    expect(result.document.source.slice(hint.range.start, hint.range.end)).toBe("<!-- safeharbor-disable-next-line phi -- staff -->");
  });

  it("reports a directive without a reason as a hint, and still applies it", () => {
    expect(lint("<!-- safeharbor-disable-next-line phi -->\nNAME here.\n")).toEqual(["safeharbor/directive-reason@1"]);
  });

  it("reports an unused directive once, not also for its missing reason", () => {
    expect(lint("<!-- safeharbor-disable-next-line phi -->\nNothing.\n")).toEqual(["safeharbor/unused-directive@1"]);
  });

  it("reports a misspelt directive as a hint and suppresses nothing with it", () => {
    expect(lint("<!-- safeharbor-disable-nextline phi -- staff -->\nNAME here.\n\nNAME there.\n")).toEqual(["safeharbor/unknown-directive@1", "phi/marker@2", "phi/marker@4"]);
  });

  it("does not report enable or authorization directives as unused", () => {
    expect(lint("<!-- safeharbor-authorization AUTH-2025-014 -->\nText.\n\n<!-- safeharbor-enable -->\n")).toEqual([]);
  });

  it("does not let a directive suppress the hints about directives", () => {
    expect(lint("<!-- safeharbor-disable-file -->\n\n<!-- safeharbor-disable-next-line phi -- x -->\nText.\n")).toEqual(["safeharbor/unused-directive@1", "safeharbor/unused-directive@3"]);
  });
});
