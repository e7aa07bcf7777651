// Hostile documents: deep nesting, 1 MB lines, NUL bytes, lone surrogates, broken markup; never a throw or a hang.
import { describe, expect, it } from "vitest";
import { HOSTILE_INPUTS, lintMeasured, timeBound } from "./inputs";

describe("hostile documents", () => {
  for (const input of HOSTILE_INPUTS) {
    it(`lints ${input.name} without throwing, within its time bound, with ranges inside the document`, () => {
      const text = input.text();
      const run = lintMeasured(text, input.uri);
      expect(run.error).toBeUndefined();
      expect(run.outside).toEqual([]);
      expect(run.ms).toBeLessThan(timeBound(text.length));
    }, 300_000);
  }

  it("still finds the PHI of a document nested too deeply for the Markdown parser", () => {
    const run = lintMeasured("> ".repeat(5000) + "Our patient Jane Roe was treated for diabetes; call her at 555-201-7788.", "deep.md");
    expect(run.findings.map((f) => f.ruleId)).toContain("phi/contact");
  });

  it("reports a NUL-byte document as binary instead of checking it", () => {
    const run = lintMeasured("Jane Roe\u0000diabetes", "post.md");
    expect(run.findings.map((f) => f.ruleId)).toEqual(["safeharbor/binary-file"]);
  });
});
