// Test support for fixes: a rule that reports chosen spans as identifier mentions, and lint-then-fix.
import { applyTextEdits, createLinter, defaultConfig, fixAll, type Finding, type Fix, type IdentifierMention, type IdentifierType, type OffsetRange, type ParsedDocument, type ResolvedConfig, type Rule, type RuleContext } from "@safeharbor/server/engine";

/** What to report as a mention: every match of `find` inside prose, as `type`. */
export interface MentionSpec {
  find: string | RegExp;
  type: IdentifierType;
  detail?: string;
}

/** A config with defaults and the given practice and language. */
export function testConfig(overrides: { state?: string; phones?: string[]; language?: "en" | "es"; templates?: Record<string, string> } = {}): ResolvedConfig {
  const base = defaultConfig();
  return {
    ...base,
    language: overrides.language ?? "en",
    templates: overrides.templates ?? {},
    practice: { ...base.practice, state: overrides.state ?? "", phones: overrides.phones ?? [] },
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Mentions of the specs in a linted document's prose blocks, in document order. */
function detect(specs: readonly MentionSpec[], blocks: readonly { index: number; text: string; offsets: Int32Array }[]): IdentifierMention[] {
  const out: IdentifierMention[] = [];
  for (const spec of specs) {
    const re = typeof spec.find === "string" ? new RegExp(`(?<![\\p{L}\\d])${escape(spec.find)}(?![\\p{L}\\d])`, "gu") : new RegExp(spec.find.source, spec.find.flags.includes("g") ? spec.find.flags : spec.find.flags + "g");
    for (const b of blocks) {
      for (const m of b.text.matchAll(re)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (end === start) continue;
        out.push({ type: spec.type, block: b.index, start, end, range: { start: b.offsets[start], end: b.offsets[end - 1] + 1 }, text: m[0], sentence: 0, confidence: 1, owner: "unknown", tied: true, ...(spec.detail ? { detail: spec.detail } : {}) });
      }
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** A rule that reports every spec match with the engine's de-identification fixes. */
export function mentionRule(specs: readonly MentionSpec[], id = "phi/test-identifier"): Rule {
  return {
    meta: { id, family: "phi", description: "Test identifiers.", severity: "error", hipaa: "45 CFR 164.514(b)(2)(i)", category: "Test", fixable: true, messages: { found: "A test identifier." }, docs: "" },
    check(ctx) {
      const mentions = detect(specs, ctx.document.blocks);
      ctx.analysis.mentions = mentions;
      for (const m of mentions) ctx.report({ messageId: "found", range: m.range, fixes: ctx.fixes.deidentify(m) });
    },
  };
}

/** Lints `text` with a rule for `specs`. */
export function lintWith(text: string, specs: readonly MentionSpec[], options: { uri?: string; config?: ResolvedConfig } = {}): Finding[] {
  const linter = createLinter([mentionRule(specs)]);
  return linter.lint({ uri: options.uri ?? "post.md", text, config: options.config ?? testConfig() }).findings.filter((f) => f.ruleId === "phi/test-identifier");
}

/** The text after every preferred fix for `specs` is applied (with re-lint passes). */
export function deidentified(text: string, specs: readonly MentionSpec[], options: { uri?: string; config?: ResolvedConfig } = {}): string {
  const relint = (t: string): Finding[] => lintWith(t, specs, options);
  return fixAll(text, relint(text), { relint }).text;
}

/** The fixes a helper builds for the first occurrence of `find` in `text`, as a rule would get them. */
export function helperFixes(text: string, find: string, build: (fixes: RuleContext["fixes"], range: OffsetRange, doc: ParsedDocument) => Fix[], options: { uri?: string; config?: ResolvedConfig } = {}): Fix[] {
  let out: Fix[] = [];
  const rule: Rule = {
    meta: { id: "story/test-helper", family: "story", description: "Test helper.", severity: "error", hipaa: "45 CFR 164.508", category: "Test", fixable: true, messages: { found: "A test finding." }, docs: "" },
    check(ctx) {
      const start = text.indexOf(find);
      if (start < 0) throw new Error(`not found: ${find}`);
      out = build(ctx.fixes, { start, end: start + find.length }, ctx.document);
    },
  };
  createLinter([rule]).lint({ uri: options.uri ?? "post.md", text, config: options.config ?? testConfig() });
  return out;
}

/** Applies one fix's edits to a text. */
export function apply(text: string, fix: Fix): string {
  return applyTextEdits(text, fix.edits);
}
