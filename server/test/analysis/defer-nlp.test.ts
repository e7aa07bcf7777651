// The NLP pass for names can be deferred while its library is not loaded (a language server's first
// diagnostics), and the result says what is missing. This file must start with compromise unloaded.
import { describe, expect, it } from "vitest";
import { createLinter, nlpLoaded, preloadNlp } from "../../src/engine";
import { rules } from "@safeharbor/rules";

const linter = createLinter(rules);
// compromise recognises this name; the lexicon pass does not.
const TEXT = "# Last month\n\nLast month our patient Zoë Baker had a hip replacement.\n";
const names = (r: ReturnType<typeof linter.lint>) => r.findings.filter((f) => f.ruleId === "phi/patient-name").map((f) => TEXT.slice(f.range.start, f.range.end));

describe("deferring the NLP pass", () => {
  it("skips the pass rather than load the library, and says so", () => {
    expect(nlpLoaded()).toBe(false);
    const deferred = linter.lint({ uri: "post.md", text: TEXT, deferNlp: true });
    expect(deferred.nlpDeferred).toBe(true);
    expect(names(deferred)).toEqual([]);
    expect(nlpLoaded()).toBe(false);
  });

  it("says nothing is deferred for text that needs no NLP pass", () => {
    const r = linter.lint({ uri: "tips.md", text: "# Brushing\n\nBrush twice a day with fluoride toothpaste.\n", deferNlp: true });
    expect(r.nlpDeferred).toBeUndefined();
  });

  it("runs the pass when the caller does not defer it, or once the library is loaded", () => {
    const full = linter.lint({ uri: "post.md", text: TEXT });
    expect(full.nlpDeferred).toBeUndefined();
    expect(names(full)).toEqual(["Zoë Baker"]);
    expect(nlpLoaded()).toBe(true);
    preloadNlp();
    const after = linter.lint({ uri: "other.md", text: TEXT, deferNlp: true });
    expect(after.nlpDeferred).toBeUndefined();
    expect(names(after)).toEqual(["Zoë Baker"]);
  });
});
