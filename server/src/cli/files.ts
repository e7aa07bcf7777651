// Expands CLI paths and globs into the list of files to check, honouring .gitignore and config excludes.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { globSync } from "tinyglobby";
import { dataLanguageOf, isNeverContent, type ResolvedConfig } from "@safeharbor/server/engine";

/** Extensions the CLI checks when it walks a folder. */
export const CHECKED_EXTENSIONS = [".md", ".markdown", ".mdx", ".txt"];
/** Data files and modules, picked up by a folder walk only where a config's `include` selects them. */
export const DATA_EXTENSIONS = [".json", ".yaml", ".yml", ".csv", ".tsv", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"];

const isGlob = (p: string): boolean => /[*?{}[\]]/.test(p);

/** The git work tree root above a folder, if any. */
function gitRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A filter built from every .gitignore between the git root and the files. */
class GitignoreFilter {
  private readonly cache = new Map<string, Ignore | null>();
  constructor(private readonly root: string | undefined) {}

  ignored(file: string): boolean {
    if (!this.root) return false;
    const rel = relative(this.root, file);
    if (rel.startsWith("..")) return false;
    const parts = rel.split(sep);
    let dir = this.root;
    for (let i = 0; i < parts.length; i++) {
      const ig = this.load(dir);
      const sub = parts.slice(i).join("/");
      if (ig && ig.ignores(sub)) return true;
      dir = join(dir, parts[i]);
    }
    return false;
  }

  private load(dir: string): Ignore | null {
    let ig = this.cache.get(dir);
    if (ig === undefined) {
      const f = join(dir, ".gitignore");
      ig = existsSync(f) ? ignore().add(readFileSync(f, "utf8")) : null;
      this.cache.set(dir, ig);
    }
    return ig;
  }
}

/** Files named by the CLI arguments: folders recurse, globs expand, files are taken as given (`explicit`, as are data files a glob names). */
export function expandPaths(args: readonly string[], cwd: string): { files: string[]; missing: string[]; explicit: Set<string> } {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const missing: string[] = [];
  const gitignore = new GitignoreFilter(gitRoot(cwd));
  const extPattern = `**/*.{${[...CHECKED_EXTENSIONS, ...DATA_EXTENSIONS].map((e) => e.slice(1)).join(",")}}`;
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    if (isGlob(arg)) {
      // a glob on the command line names its files, data files too ("data/*.json" in a CI step)
      for (const f of globSync(arg, { cwd, absolute: true, dot: false, ignore: ["**/node_modules/**", "**/.git/**"] })) {
        if (gitignore.ignored(f)) continue;
        files.add(resolve(f));
        if (dataLanguageOf(f)) explicit.add(resolve(f));
      }
      continue;
    }
    if (!existsSync(abs)) {
      missing.push(arg);
      continue;
    }
    if (statSync(abs).isDirectory()) {
      for (const f of globSync(extPattern, { cwd: abs, absolute: true, dot: false, ignore: ["**/node_modules/**", "**/.git/**"] })) {
        if (!gitignore.ignored(f)) files.add(resolve(f));
      }
    } else {
      files.add(abs);
      explicit.add(abs);
    }
  }
  return { files: [...files].sort(), missing, explicit };
}

/** True when a file matches one of a config's globs (relative to the config's folder). */
export function matchesAny(file: string, globs: readonly string[], baseDir: string): boolean {
  if (globs.length === 0) return false;
  const ig = ignore().add(globs as string[]);
  const rel = relative(baseDir, file).split(sep).join("/");
  return !rel.startsWith("..") && ig.ignores(rel);
}

/** True when a file's configuration lets it be checked: not excluded, and included (or named explicitly); a data file only when included or named. */
export function selectedByConfig(file: string, config: ResolvedConfig, explicit: ReadonlySet<string>): boolean {
  const excludeBase = config.excludeBase ?? config.baseDir;
  const includeBase = config.includeBase ?? config.baseDir;
  if (excludeBase && matchesAny(file, config.exclude, excludeBase)) return false;
  if (dataLanguageOf(file)) {
    // data files are opt-in: an `include` glob (or the command line) selects them; tooling files never
    if (isNeverContent(file)) return false;
    return explicit.has(file) || Boolean(includeBase && matchesAny(file, config.include, includeBase));
  }
  if (includeBase && config.include.length && !explicit.has(file) && !matchesAny(file, config.include, includeBase)) return false;
  return true;
}

/** A path as shown to the user: relative to the working folder when inside it. */
export function shownPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel.startsWith("..") ? abs : rel;
}

/** Deterministic shard of a sorted file list: shard i of n (1-based), by position. */
export function shard<T>(items: readonly T[], index: number, count: number): T[] {
  return items.filter((_, k) => k % count === index - 1);
}
