// Unit tests of the conversion of whole-text fixes into small editor edits.
import { describe, expect, it } from "vitest";
import { applyTextEdits } from "@safeharbor/server/engine";
import { replacementEdits } from "../../src/lsp/fixes";

describe("replacementEdits", () => {
  it("replaces only the changed middle of a text", () => {
    expect(replacementEdits("Jane Roe visited.", "a patient visited.")).toEqual([{ range: { start: 0, end: 8 }, newText: "a patient" }]);
  });

  it("spans from the first to the last change", () => {
    const before = "Jane came.\nJane left.\n";
    const after = "She came.\nShe left.\n";
    const edits = replacementEdits(before, after);
    expect(edits).toEqual([{ range: { start: 0, end: 14 }, newText: "She came.\nSh" }]);
    expect(applyTextEdits(before, edits)).toBe(after);
  });

  it("handles pure insertions and deletions", () => {
    expect(replacementEdits("ab", "aXb")).toEqual([{ range: { start: 1, end: 1 }, newText: "X" }]);
    expect(replacementEdits("aXb", "ab")).toEqual([{ range: { start: 1, end: 2 }, newText: "" }]);
    expect(replacementEdits("aa", "aaa")).toEqual([{ range: { start: 2, end: 2 }, newText: "a" }]);
  });

  it("gives no edit for equal texts", () => {
    expect(replacementEdits("same", "same")).toEqual([]);
  });
});
