// The `--cache` file: findings of unchanged files, keyed by content hash, config hash and tool version.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { FileReport } from "./formatters/types";

/** Name of the cache file, written in the working folder. */
export const CACHE_FILE = ".safeharborcache";

interface CacheEntry {
  content: string;
  config: string;
  findings: FileReport["findings"];
}

interface CacheData {
  tool: string;
  entries: Record<string, CacheEntry>;
}

/** A short stable hash of some text. */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** Findings of earlier runs; an entry is reused only when the file, its config and the tool are unchanged. */
export class LintCache {
  private readonly entries: Record<string, CacheEntry>;
  private dirty = false;

  private constructor(
    private readonly path: string,
    private readonly tool: string,
    entries: Record<string, CacheEntry>,
  ) {
    this.entries = entries;
  }

  /** Loads the cache file; a missing, unreadable or stale file gives an empty cache. */
  static load(path: string, tool: string): LintCache {
    try {
      const data = JSON.parse(readFileSync(path, "utf8")) as CacheData;
      if (data && data.tool === tool && data.entries && typeof data.entries === "object") return new LintCache(path, tool, data.entries);
    } catch {
      // No usable cache: start empty.
    }
    return new LintCache(path, tool, Object.create(null) as Record<string, CacheEntry>);
  }

  /** The cached findings of a file, when its content and config hashes match. */
  get(key: string, content: string, config: string): FileReport["findings"] | undefined {
    const e = this.entries[key];
    return e && e.content === content && e.config === config ? e.findings : undefined;
  }

  set(key: string, content: string, config: string, findings: FileReport["findings"]): void {
    this.entries[key] = { content, config, findings };
    this.dirty = true;
  }

  /** Writes the cache when something changed. Throws on an I/O error. */
  save(): void {
    if (!this.dirty) return;
    const data: CacheData = { tool: this.tool, entries: this.entries };
    writeFileSync(this.path, JSON.stringify(data));
    this.dirty = false;
  }
}
