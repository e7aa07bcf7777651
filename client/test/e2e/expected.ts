// What the engine says about a workspace file: the findings and fixes the editor must show and apply.
import { readFileSync } from "node:fs";
import { applyTextEdits, ConfigResolver, createLinter, preferredFix, renderTemplate, type Finding, type ResolvedConfig } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";

const linter = createLinter(rules);

/** The rule metadata by id (category, title of the fixes...). */
export const RULES = new Map(rules.map((r) => [r.meta.id, r.meta]));

/** The configuration the editor uses for a file (the nearest config file, or the defaults). */
export function configFor(file: string): ResolvedConfig {
  return new ConfigResolver(linter.ruleIds).forFile(file);
}

/** The findings of a file's text, linted with its configuration. */
export function findingsOf(file: string, text = readFileSync(file, "utf8"), config = configFor(file)): Finding[] {
  return linter.lint({ uri: file, text, config }).findings;
}

/** A finding and its 1-based position, as the Problems panel shows it. */
export function lineOf(text: string, finding: Finding): { line: number; column: number } {
  const before = text.slice(0, finding.range.start).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The text after applying a finding's preferred fix, with the fix's title. */
export function afterPreferredFix(text: string, finding: Finding): { title: string; text: string } {
  const fix = preferredFix(finding);
  if (!fix) throw new Error(`${finding.ruleId} has no preferred fix`);
  return { title: fix.title, text: applyTextEdits(text, fix.edits) };
}

/** The text after applying the fix of a finding with this title. */
export function afterFix(text: string, finding: Finding, title: string): string {
  const fix = finding.fixes.find((f) => f.title === title);
  if (!fix) throw new Error(`${finding.ruleId} offers no "${title}"; it offers ${finding.fixes.map((f) => f.title).join(", ")}`);
  return applyTextEdits(text, fix.edits);
}

/** A compliant template filled from a configuration. */
export function template(id: string, config: ResolvedConfig): string {
  return renderTemplate(id, config);
}
