// Large files: a 5 MB document is cut at the configured limit with a notice, in bounded time and memory.
import { describe, expect, it } from "vitest";
import { defaultConfig } from "@safeharbor/server/engine";
import { fiveMegabytePost, lintMeasured, timeBound } from "./inputs";

const MB = 1024 * 1024;

describe("a 5 MB Markdown file", () => {
  it("is checked up to the default limit with one file-too-large notice, without exhausting memory", () => {
    const text = fiveMegabytePost();
    expect(text.length).toBe(5 * MB);
    const before = process.memoryUsage();
    const run = lintMeasured(text, "archive.md");
    const after = process.memoryUsage();
    expect(run.error).toBeUndefined();
    expect(run.outside).toEqual([]);
    const notices = run.findings.filter((f) => f.ruleId === "safeharbor/file-too-large");
    expect(notices).toHaveLength(1);
    expect(notices[0].range.start).toBeLessThanOrEqual(defaultConfig().maxFileSize);
    expect(notices[0].message).toMatch(/only the text before the limit was checked/);
    // The PHI before the limit is still found.
    expect(run.findings.some((f) => f.ruleId.startsWith("phi/") && f.range.start < MB)).toBe(true);
    expect(run.ms).toBeLessThan(timeBound(MB));
    // Generous bounds: a leak or a copy per character would blow far past them.
    expect(after.rss - before.rss).toBeLessThan(1024 * MB);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(512 * MB);
  }, 300_000);

  it("is cut at a smaller configured limit, at a line break before it", () => {
    const text = fiveMegabytePost();
    const run = lintMeasured(text, "archive.md", { ...defaultConfig(), maxFileSize: 100_000 });
    const notice = run.findings.find((f) => f.ruleId === "safeharbor/file-too-large");
    expect(notice?.message).toMatch(/limit of 100000 characters/);
    expect(notice!.range.start).toBeLessThanOrEqual(100_000);
    expect(text[notice!.range.start]).toBe("\n");
    expect(run.findings.every((f) => f.range.start <= 100_000)).toBe(true);
  }, 120_000);
});
