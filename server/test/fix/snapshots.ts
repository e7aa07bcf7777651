// Fixed-output snapshots: `NAME.fixed.<ext>` beside a fixture `NAME.<ext>` holds the text after "fix all".
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ConfigResolver, fixAll, loadRegistry, preferredFix, type Finding, type Linter } from "@safeharbor/server/engine";

/** A fixture with a snapshot of its fixed text. */
export interface SnapshotPair {
  source: string;
  fixed: string;
}

/** Every `NAME.fixed.<ext>` under `root`, with the path of its fixture `NAME.<ext>` (which may be missing). */
export function snapshotPairs(root: string): SnapshotPair[] {
  const out: SnapshotPair[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (!name.startsWith(".") && name !== "node_modules") walk(p);
        continue;
      }
      const m = /^(.*)\.fixed\.(md|mdx|markdown|txt|json|ya?ml|csv|tsv|ts)$/.exec(name);
      if (m) out.push({ source: join(dir, `${m[1]}.${m[2]}`), fixed: p });
    }
  };
  walk(root);
  return out.sort((a, b) => a.source.localeCompare(b.source));
}

/** What "fix all" does to a fixture, and what a re-lint of the result finds. */
export interface SnapshotRun {
  before: string;
  after: string;
  /** Findings whose preferred fix was applied: rule and source text under the range. */
  fixed: { ruleId: string; text: string }[];
  /** Findings of the fixed text. */
  relinted: Finding[];
}

/** Lints a fixture with its config and registry, applies every preferred fix, and re-lints. */
export function runSnapshot(linter: Linter, file: string): SnapshotRun {
  const resolver = new ConfigResolver(linter.ruleIds);
  const config = resolver.forFile(file);
  const registry = loadRegistry(config.authorizationsPath);
  const lint = (text: string): Finding[] => linter.lint({ uri: file, text, config, registry }).findings;
  const before = readFileSync(file, "utf8");
  const first = lint(before);
  const fixed = first.filter((f) => preferredFix(f)).map((f) => ({ ruleId: f.ruleId, text: before.slice(f.range.start, f.range.end) }));
  const after = fixAll(before, first, { relint: lint }).text;
  return { before, after, fixed, relinted: lint(after) };
}
