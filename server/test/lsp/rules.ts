// Small test-only rules with known fixes, so the language server's features can be tested exactly.
import { createLinter, type Fix, type Linter, type OffsetRange, type Rule, type RuleContext } from "@safeharbor/server/engine";

/** Source ranges of every match of a pattern in the prose blocks. */
function matches(ctx: RuleContext, pattern: RegExp): OffsetRange[] {
  const out: OffsetRange[] = [];
  for (const block of ctx.document.blocks) {
    for (const m of block.text.matchAll(new RegExp(pattern.source, "g"))) {
      out.push({ start: block.offsets[m.index], end: block.offsets[m.index + m[0].length] });
    }
  }
  return out;
}

/** Flags the fictional patient "Jane Roe", with a preferred role fix, a pseudonym and an allowlist fix. */
export const testNameRule: Rule = {
  meta: {
    id: "phi/test-name",
    family: "phi",
    description: "Test rule: flags the name Jane Roe.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(A)",
    category: "Names",
    fixable: true,
    messages: { name: "Patient name tied to health information (Safe Harbor identifier: names)." },
    docs: "A patient's name next to their care identifies them.\n\nReplace it with a role.",
  },
  check(ctx) {
    for (const range of matches(ctx, /Jane Roe/)) {
      const fixes: Fix[] = [
        { title: "Replace the name with a role", kind: "deidentify", preferred: true, edits: [{ range, newText: "a patient" }] },
        { title: "Replace the name with a pseudonym", kind: "deidentify", edits: [{ range, newText: "Patient A" }] },
        { title: "Add to the practice's staff in the Safe Harbor config", kind: "allowlist", edits: [], allowlist: { key: "staff", value: "Jane Roe" } },
      ];
      ctx.report({ messageId: "name", range, fixes });
    }
  },
};

/** Flags "guaranteed" with no fix at all. */
export const testGuaranteeRule: Rule = {
  meta: {
    id: "claim/test-guarantee",
    family: "claim",
    description: "Test rule: flags guarantees.",
    severity: "warning",
    hipaa: "FTC Act §5",
    category: "Outcome guarantee",
    fixable: false,
    messages: { guarantee: "Promises a treatment outcome." },
    docs: "Outcome guarantees are deceptive.",
  },
  check(ctx) {
    for (const range of matches(ctx, /guaranteed/)) ctx.report({ messageId: "guarantee", range });
  },
};

/** Flags "Jane Roe visited" with a preferred fix that contains the name rule's fix. */
export const testVisitRule: Rule = {
  meta: { ...testNameRule.meta, id: "phi/test-visit", description: "Test rule: overlapping fixes.", messages: { visit: "Visit of a named patient." } },
  check(ctx) {
    for (const range of matches(ctx, /Jane Roe visited/)) {
      ctx.report({ messageId: "visit", range, fixes: [{ title: "Say someone visited", kind: "deidentify", preferred: true, edits: [{ range, newText: "someone visited" }] }] });
    }
  },
};

/** The linter of the test rules. */
export const testLinter: Linter = createLinter([testNameRule, testGuaranteeRule, testVisitRule]);

/** A linter that fails on every document (the server must survive it). */
export const failingLinter: Linter = {
  rules: testLinter.rules,
  ruleIds: testLinter.ruleIds,
  lint() {
    throw new TypeError("Jane Roe broke the analysis");
  },
};
