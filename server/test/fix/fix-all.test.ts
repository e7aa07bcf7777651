// Whole-document fixes: overlap resolution, rule selection, passes, and the unified diff.
import { describe, expect, it } from "vitest";
import { fixAll, unifiedDiff, type Finding, type Fix } from "@safeharbor/server/engine";
import { deidentified, lintWith, type MentionSpec } from "./support";

const finding = (ruleId: string, start: number, end: number, newText: string, extra: Partial<Fix> = {}): Finding => ({
  ruleId,
  severity: "error",
  message: "A test finding.",
  range: { start, end },
  fixes: [{ title: "Fix it", kind: "deidentify", preferred: true, edits: [{ range: { start, end }, newText }], ...extra }],
});

describe("fixAll", () => {
  it("applies every preferred fix right to left", () => {
    const text = "one two three";
    const result = fixAll(text, [finding("phi/a", 0, 3, "1"), finding("phi/a", 8, 13, "3")]);
    expect(result.text).toBe("1 two 3");
    expect(result.applied.map((a) => a.range.start)).toEqual([0, 8]);
  });

  it("never applies a template: a template replaces the writer's words, so it stays the writer's choice", () => {
    const text = "Hi Dana, your root canal went well.";
    const template = finding("review/discloses-care", 0, text.length, "Thank you for your feedback.", { kind: "template" });
    const result = fixAll(text, [finding("phi/patient-name", 3, 7, "there"), template]);
    expect(result.text).toBe("Hi there, your root canal went well.");
    expect(result.applied.map((a) => a.ruleId)).toEqual(["phi/patient-name"]);
  });

  it("lets an outer template win over the edits inside it when templates are asked for", () => {
    const text = "Hi Dana, your root canal went well.";
    const template = finding("review/discloses-care", 0, text.length, "Thank you for your feedback.", { kind: "template" });
    const result = fixAll(text, [finding("phi/patient-name", 3, 7, "there"), template], { kinds: ["deidentify", "template"] });
    expect(result.text).toBe("Thank you for your feedback.");
  });

  it("skips fixes that are not preferred or not de-identification or templates", () => {
    const text = "abc";
    const notPreferred = finding("phi/a", 0, 1, "X", { preferred: false });
    const disable = finding("phi/a", 1, 2, "Y", { kind: "disable" });
    expect(fixAll(text, [notPreferred, disable]).text).toBe("abc");
  });

  it("fixes only the named rules or families", () => {
    const text = "one two";
    const findings = [finding("phi/date", 0, 3, "1"), finding("review/x", 4, 7, "2")];
    expect(fixAll(text, findings, { rules: ["phi"] }).text).toBe("1 two");
    expect(fixAll(text, findings, { rules: ["review/x"] }).text).toBe("one 2");
  });

  it("applies two identical edits once and keeps two insertions at one point in order", () => {
    expect(fixAll("ab", [finding("phi/a", 1, 2, "X"), finding("phi/b", 1, 2, "X")]).text).toBe("aX");
    expect(fixAll("ab", [finding("phi/a", 1, 1, "1"), finding("phi/b", 1, 1, "2")]).text).toBe("a12b");
  });

  it("ignores edits outside the text", () => {
    expect(fixAll("ab", [finding("phi/a", 1, 9, "X")]).text).toBe("ab");
  });

  it("with re-linting, fixes what overlapping fixes held back, and then changes nothing more", () => {
    const specs: MentionSpec[] = [
      { find: "00482913", type: "record-number" },
      { find: "04/12/1961", type: "date" },
    ];
    const text = "Tobias Wren (MRN 00482913, DOB 04/12/1961) was admitted.";
    const once = deidentified(text, specs);
    expect(once).toBe("Tobias Wren was admitted.");
    expect(deidentified(once, specs)).toBe(once);
    expect(lintWith(once, specs)).toEqual([]);
  });
});

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a.md", "x\n", "x\n")).toBe("");
  });

  it("shows changed lines with three lines of context and hunk headers", () => {
    const before = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"].join("\n") + "\n";
    const after = before.replace("2\n", "two\n").replace("11\n", "eleven\n");
    expect(unifiedDiff("a.md", before, after)).toBe(
      "--- a/a.md\n+++ b/a.md\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n+eleven\n 12\n",
    );
  });

  it("marks a missing final newline and keeps insertions and deletions apart", () => {
    expect(unifiedDiff("t.txt", "a\nb", "a\nc\nb")).toBe("--- a/t.txt\n+++ b/t.txt\n@@ -1,2 +1,3 @@\n a\n+c\n b\n\\ No newline at end of file\n");
    expect(unifiedDiff("t.txt", "a\nb\n", "b\n")).toBe("--- a/t.txt\n+++ b/t.txt\n@@ -1,2 +1,1 @@\n-a\n b\n");
    expect(unifiedDiff("t.txt", "", "a\n")).toBe("--- a/t.txt\n+++ b/t.txt\n@@ -0,0 +1,1 @@\n+a\n");
  });

  it("keeps the carriage returns of a CRLF text, so the patch applies", () => {
    expect(unifiedDiff("w.md", "a\r\nb\r\n", "a\r\nc\r\n")).toBe("--- a/w.md\n+++ b/w.md\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
  });
});
