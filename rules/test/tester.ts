// A RuleTester in the ESLint manner: valid and invalid cases per rule, with the exact flagged texts.
import { describe, expect, it } from "vitest";
import type { AuthorizationRegistry, ResolvedConfig } from "@safeharbor/server/engine";
import { config as makeConfig, lintText } from "../../server/test/helpers";

export interface RuleCase {
  /** What the case shows, read as a sentence in the test name. */
  name: string;
  text: string;
  uri?: string;
  config?: ResolvedConfig;
  registry?: AuthorizationRegistry;
}
export interface InvalidCase extends RuleCase {
  /** The exact source texts the rule flags, in order; a severity may follow after "@". */
  flags: string[];
}

/** Declares the valid and invalid cases of one rule. */
export function ruleTester(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const run = (c: RuleCase): string[] =>
    lintText(c.text, c.uri ?? "post.md", c.config ?? makeConfig(), c.registry)
      .filter((f) => f.ruleId === ruleId)
      .map((f) => `${f.text}@${f.severity}`);
  describe(ruleId, () => {
    for (const c of cases.valid) {
      it(`leaves alone: ${c.name}`, () => {
        expect(run(c).filter((f) => !f.endsWith("@hint"))).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`flags: ${c.name}`, () => {
        const got = run(c);
        const want = c.flags.map((f) => (/@(?:error|warning|info|hint)$/.test(f) ? f : `${f}@error`));
        expect(got).toEqual(want);
      });
    }
  });
}
