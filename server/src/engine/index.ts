// The engine's public surface: parse, analyse, lint, configure. Knows nothing of LSP.
export * from "./types";
export * from "./rule";
export * from "./analysis/types";
export { analyzeDocument } from "./analysis";
export { parseDocument, languageOf } from "./parse";
export { LineIndex } from "./text/lines";
export { createLinter, effectiveSeverity, looksBinary, normalizeSeverity, ruleDocsUrl, REPO_URL, type Linter, type LintInput, type LintResult } from "./lint";
export { ConfigError, ConfigResolver, CONFIG_FILE_NAMES, findConfigFile, loadConfigFile, readConfigFile } from "./config/load";
export { defaultConfig, type ResolvedConfig, type PracticeConfig, type RawConfig } from "./config/types";
export { collectDirectives, parseDirective, type Directive } from "./directives";
export { DISCLOSABLE_ELEMENTS, loadRegistry, parseRegistry, type AuthorizationEntry, type AuthorizationRegistry } from "./authorization";
export { lintRegistry, REGISTRY_RULES, type RegistryLintOptions } from "./registry-lint";
export { renderTemplate, templateIds } from "./fix/templates";
export { fixAll, preferredFix, ruleSelected, applyTextEdits, type FixAllOptions, type FixAllResult, type AppliedFix } from "./fix/fix-all";
export { addToAllowlist, configFormatOf, type ConfigFormat } from "./fix/allowlist";
export { unifiedDiff } from "./fix/diff";
export { RESTRICTED_ZIP3 } from "./fix/places";
export { AUTH_ID_PLACEHOLDER } from "./fix/insertions";
