// Test helpers: lint a string with the real rule catalogue and a config.
import { createLinter, defaultConfig, type Finding, type ResolvedConfig, type AuthorizationRegistry } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";

export const linter = createLinter(rules);

/** A config with defaults and the given overrides. */
export function config(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const base = defaultConfig();
  return { ...base, ...overrides, practice: { ...base.practice, ...(overrides.practice ?? {}) } };
}

/** Lints text as a file of the given name; returns findings with the source text under each range. */
export function lintText(
  text: string,
  uri = "post.md",
  cfg: ResolvedConfig = config(),
  registry?: AuthorizationRegistry,
): (Finding & { text: string })[] {
  return linter.lint({ uri, text, config: cfg, ...(registry ? { registry } : {}) }).findings.map((f) => ({ ...f, text: text.slice(f.range.start, f.range.end) }));
}

/** Findings of one rule or family. */
export function only(findings: (Finding & { text: string })[], prefix: string): (Finding & { text: string })[] {
  return findings.filter((f) => f.ruleId === prefix || f.ruleId.startsWith(prefix + "/"));
}
