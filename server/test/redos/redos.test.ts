// Checks every regular expression of the project with recheck and fails on any ReDoS-vulnerable one.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { check, type Diagnostics } from "recheck";
import { describe, expect, it } from "vitest";
import { CUE_ENTRIES } from "../../src/engine/analysis/cue-data";
import { collectRegexes, sourceFiles, type FoundRegex } from "./collect";

const ROOT = join(__dirname, "../../..");
const SOURCE_DIRS = ["server/src", "rules/src", "client/src"].map((d) => join(ROOT, d));
/** Modules whose exports are searched for patterns built at runtime (the engine and the rules: no side effects). */
const RUNTIME_DIRS = ["server/src/engine", "rules/src"].map((d) => join(ROOT, d));

interface Pattern {
  source: string;
  flags: string;
  where: string[];
}

/** Groups found patterns by source and flags, keeping every place each one is written. */
function unique(found: readonly { source: string; flags: string; where: string }[]): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (const f of found) {
    const key = `${f.flags}/${f.source}`;
    const p = byKey.get(key) ?? { source: f.source, flags: f.flags, where: [] };
    p.where.push(f.where);
    byKey.set(key, p);
  }
  return [...byKey.values()];
}

/**
 * Verdicts already computed, by recheck version, flags and pattern (a cold run takes minutes on two
 * cores; a pattern's verdict never changes, so only new or edited patterns are checked again).
 */
const CACHE_FILE = join(ROOT, "node_modules/.cache/safeharbor-redos.json");
const RECHECK_VERSION = (JSON.parse(readFileSync(join(ROOT, "node_modules/recheck/package.json"), "utf8")) as { version: string }).version;
/**
 * recheck's options. Its fuzzing checker (used for lookbehinds and large patterns) stops attacks and
 * incubation by wall-clock time by default, which makes verdicts depend on the machine's load; with
 * those timeouts off it stops by characters read instead, so a fixed seed gives the same verdict on
 * every machine. The overall timeout only turns a verdict into "undecided", never into "safe".
 */
const RECHECK_OPTIONS = { timeout: 60_000, randomSeed: 1, attackTimeout: null, incubationTimeout: null } as const;
const OPTIONS_KEY = "seed1-notimeouts";
type Verdict = { status: "safe" } | { status: "vulnerable"; summary: string; attack: string };

function loadCache(): Record<string, Verdict> {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, "utf8")) as Record<string, Verdict>;
  } catch {
    return {};
  }
}

function saveCache(cache: Record<string, Verdict>): void {
  mkdirSync(dirname(CACHE_FILE), { recursive: true });
  const tmp = `${CACHE_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(cache));
  renameSync(tmp, CACHE_FILE);
}

/** The verdict of recheck on a diagnostics result (undefined when it could not decide). */
function verdictOf(d: Diagnostics): Verdict | undefined {
  if (d.status === "safe") return { status: "safe" };
  if (d.status === "vulnerable") return { status: "vulnerable", summary: d.complexity.summary, attack: d.attack.pattern.length > 80 ? d.attack.pattern.slice(0, 80) + "…" : d.attack.pattern };
  return undefined;
}

/** Runs recheck on every pattern not yet cached, two at a time; returns the verdicts in order (undefined: undecided). */
async function recheckAll(patterns: readonly Pattern[]): Promise<(Verdict | undefined)[]> {
  const cache = loadCache();
  const key = (p: Pattern): string => `${RECHECK_VERSION} ${OPTIONS_KEY} ${p.flags} ${p.source}`;
  const out: (Verdict | undefined)[] = patterns.map((p) => cache[key(p)]);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < patterns.length) {
      const i = next++;
      if (out[i]) continue;
      // recheck rejects flags it does not model (d, v); they do not change backtracking.
      const flags = patterns[i].flags.replace(/[dv]/g, "");
      out[i] = verdictOf(await check(patterns[i].source, flags, RECHECK_OPTIONS));
      if (out[i]) cache[key(patterns[i])] = out[i]!;
    }
  };
  await Promise.all([worker(), worker()]);
  saveCache(cache);
  return out;
}

/** A readable list of the vulnerable patterns: file:line, the pattern, its complexity and an attack. */
function report(patterns: readonly Pattern[], results: readonly (Verdict | undefined)[]): string[] {
  const lines: string[] = [];
  results.forEach((v, i) => {
    if (v?.status === "vulnerable") lines.push(`${patterns[i].where.join(", ")}: /${patterns[i].source}/${patterns[i].flags} is ${v.summary}; attack ${v.attack}`);
  });
  return lines;
}

/** RegExp values among a module's exports, searched through arrays and plain objects. */
function exportedRegexes(value: unknown, path: string, out: { source: string; flags: string; where: string }[], depth = 0, seen = new Set<unknown>()): void {
  if (value instanceof RegExp) {
    out.push({ source: value.source, flags: value.flags, where: path });
    return;
  }
  if (depth > 3 || value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Map) {
    for (const [k, v] of value) exportedRegexes(v, `${path}.get(${String(k)})`, out, depth + 1, seen);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => exportedRegexes(v, `${path}[${i}]`, out, depth + 1, seen));
    return;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return;
  for (const [k, v] of Object.entries(value)) exportedRegexes(v, `${path}.${k}`, out, depth + 1, seen);
}

describe("ReDoS safety", () => {
  const collected = collectRegexes(ROOT, SOURCE_DIRS);
  const where = (f: FoundRegex): string => `${f.file}:${f.line}`;

  it("finds the regular expressions of the server, the rules and the client in the live source tree", () => {
    expect(collected.files.length).toBeGreaterThan(20);
    expect(collected.found.length).toBeGreaterThan(100);
    for (const dir of ["server/src/", "rules/src/"]) expect(collected.found.some((f) => f.file.startsWith(dir))).toBe(true);
    // Patterns built from constants (`new RegExp(\`...${STATES}...\`)`) are folded and checked too.
    expect(collected.found.some((f) => f.origin === "folded")).toBe(true);
    // Patterns composed with analysis/pattern-kit.ts are folded exactly as the module builds them.
    const folded = new Set(collected.found.filter((f) => f.file === "server/src/engine/analysis/cue-data.ts").map((f) => `${f.flags}/${f.source}`));
    for (const e of CUE_ENTRIES) expect(folded.has(`${e.pattern.flags}/${e.pattern.source}`), e.name).toBe(true);
    if (collected.unresolved.length) {
      console.info(`RegExp calls with patterns computed at runtime (covered only when exported):\n${collected.unresolved.map((u) => `  ${u.file}:${u.line} ${u.text}`).join("\n")}`);
    }
  });

  it("has no regular expression in the source that recheck finds vulnerable", async () => {
    const patterns = unique(collected.found.map((f) => ({ source: f.source, flags: f.flags, where: where(f) })));
    const results = await recheckAll(patterns);
    const unknown = results.flatMap((v, i) => (v ? [] : [patterns[i].where.join(", ")]));
    if (unknown.length) console.info(`recheck could not decide on:\n  ${unknown.join("\n  ")}`);
    expect(report(patterns, results)).toEqual([]);
  }, 600_000);

  it("has no exported regular expression built at runtime that recheck finds vulnerable", async () => {
    const found: { source: string; flags: string; where: string }[] = [];
    for (const file of sourceFiles(RUNTIME_DIRS)) {
      const mod: Record<string, unknown> = await import(file);
      for (const [name, value] of Object.entries(mod)) exportedRegexes(value, `${relative(ROOT, file)} export ${name}`, found);
    }
    const patterns = unique(found);
    const results = await recheckAll(patterns);
    expect(report(patterns, results)).toEqual([]);
  }, 600_000);
});
