// `--cache`: unchanged files reuse their findings; a change to the file, its config or its registry re-checks it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CACHE_FILE, LintCache } from "../../src/cli/cache";
import { project, run } from "./helpers";

const BROKEN = "<Card>\n\nunclosed\n";

/** Runs with --cache and returns the JSON report. */
async function cachedRun(dir: string): Promise<{ report: { file: string; findings: { ruleId: string; message: string }[] }[]; code: number }> {
  const r = await run(dir, ["check", ".", "--cache", "--format", "json"]);
  return { report: JSON.parse(r.stdout), code: r.code };
}

/** Rewrites the message of every cached finding, so that a reused entry can be told apart. */
function markCache(dir: string): void {
  const path = join(dir, CACHE_FILE);
  const data = JSON.parse(readFileSync(path, "utf8")) as { entries: Record<string, { findings: { message: string }[] }> };
  for (const e of Object.values(data.entries)) for (const f of e.findings) f.message = "from the cache";
  writeFileSync(path, JSON.stringify(data));
}

describe("--cache", () => {
  it("writes .safeharborcache in the working folder", async () => {
    const dir = project({ "a.md": "Hello.\n" });
    await cachedRun(dir);
    expect(existsSync(join(dir, CACHE_FILE))).toBe(true);
  });

  it("reuses the findings of an unchanged file instead of checking it again", async () => {
    const dir = project({ "a.mdx": BROKEN, "b.md": "Hello.\n" });
    const first = await cachedRun(dir);
    expect(first.report[0].findings.map((f) => f.ruleId)).toEqual(["safeharbor/parse-error"]);
    const cache = JSON.parse(readFileSync(join(dir, CACHE_FILE), "utf8")) as { entries: Record<string, unknown> };
    expect(Object.keys(cache.entries).sort()).toEqual(["a.mdx", "b.md"]);
    markCache(dir);
    const second = await cachedRun(dir);
    expect(second.report[0].findings.map((f) => f.message)).toEqual(["from the cache"]);
    expect(second.report.map((r) => r.file)).toEqual(["a.mdx", "b.md"]);
  });

  it("re-checks a file whose content changed", async () => {
    const dir = project({ "a.mdx": BROKEN, "b.mdx": BROKEN });
    await cachedRun(dir);
    markCache(dir);
    writeFileSync(join(dir, "a.mdx"), "Fixed.\n");
    const again = await cachedRun(dir);
    expect(again.report[0].findings).toEqual([]);
    expect(again.report[1].findings.map((f) => f.message)).toEqual(["from the cache"]);
  });

  it("re-checks a file when its config changes", async () => {
    const dir = project({ ".safeharbor.json": "{}", "a.mdx": BROKEN });
    await cachedRun(dir);
    markCache(dir);
    writeFileSync(join(dir, ".safeharbor.json"), '{ "practice": { "state": "Oregon" } }');
    expect((await cachedRun(dir)).report[0].findings.map((f) => f.message)).not.toContain("from the cache");
  });

  it("re-checks a file when its authorization registry changes", async () => {
    const dir = project({ ".safeharbor.json": "{}", ".safeharbor/authorizations.yaml": "[]\n", "a.mdx": BROKEN });
    await cachedRun(dir);
    markCache(dir);
    writeFileSync(join(dir, ".safeharbor/authorizations.yaml"), "authorizations: []\n");
    expect((await cachedRun(dir)).report[0].findings.map((f) => f.message)).not.toContain("from the cache");
  });

  it("keys entries by content, config and tool so that a stale entry is never used", () => {
    const dir = project({});
    const path = join(dir, CACHE_FILE);
    const cache = LintCache.load(path, "tool-1");
    cache.set("a.md", "c1", "k1", []);
    cache.save();
    expect(LintCache.load(path, "tool-1").get("a.md", "c1", "k1")).toEqual([]);
    expect(LintCache.load(path, "tool-1").get("a.md", "c2", "k1")).toBeUndefined();
    expect(LintCache.load(path, "tool-1").get("a.md", "c1", "k2")).toBeUndefined();
    expect(LintCache.load(path, "tool-2").get("a.md", "c1", "k1")).toBeUndefined();
  });

  it("starts afresh from a corrupt cache file", async () => {
    const dir = project({ [CACHE_FILE]: "{ not json", "a.md": "Hello.\n" });
    expect((await cachedRun(dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, CACHE_FILE), "utf8")).entries["a.md"]).toBeDefined();
  });

  it("does not write a cache without --cache", async () => {
    const dir = project({ "a.md": "Hello.\n" });
    await run(dir, ["check", "."]);
    expect(existsSync(join(dir, CACHE_FILE))).toBe(false);
  });
});
