// The worker pool of the bundled CLI gives the same report as a single thread, in file order; progress on a TTY.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "@safeharbor/server/engine";
import type { LintTask } from "../../src/cli/check-file";
import type { FileReport } from "../../src/cli/formatters/types";
import { runPool, workerCount } from "../../src/cli/pool";
import { project, run } from "./helpers";

const exec = promisify(execFile);
const serverDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
let bundleDir = "";

// The same bundle settings as server/build.mjs, written to a scratch folder so tests never touch dist/.
beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), "safeharbor-bundle-"));
  writeFileSync(join(bundleDir, "package.json"), JSON.stringify({ type: "commonjs" }));
  const common = {
    bundle: true,
    platform: "node" as const,
    target: "node20",
    format: "cjs" as const,
    logLevel: "error" as const,
    mainFields: ["module", "main"],
    define: { "import.meta.url": "__importMetaUrl" },
    banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  };
  await build({ ...common, entryPoints: [join(serverDir, "src/cli.ts")], outfile: join(bundleDir, "cli.js") });
  await build({ ...common, entryPoints: [join(serverDir, "src/cli/worker.ts")], outfile: join(bundleDir, "cli-worker.js") });
  // Counts worker threads by wrapping the Worker class before the CLI loads.
  writeFileSync(join(bundleDir, "count-workers.cjs"), 'const wt = require("worker_threads"); const W = wt.Worker; wt.Worker = class extends W { constructor(...a) { super(...a); process.stderr.write("[worker]\\n"); } };\n');
}, 120_000);
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

/** A folder of documents with engine-level findings in some of them. */
function manyDocuments(count: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(3, "0");
    if (i % 3 === 0) files[`docs/d${n}.mdx`] = `# Card ${i}\n\n<Card>\n\nunclosed ${i}\n`;
    else if (i % 3 === 1) files[`docs/d${n}.md`] = `<!-- safeharbor-disable-next-line claim -->\nPlain note number ${i}.\n`;
    else files[`docs/d${n}.txt`] = `Reminder ${i}: the office is closed on Monday.\n`;
  }
  return project(files);
}

async function cli(cwd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return exec(process.execPath, ["-r", join(bundleDir, "count-workers.cjs"), join(bundleDir, "cli.js"), ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
}

describe("worker pool", () => {
  it("uses the requested number of worker threads and reports every file in file order, as one thread does", async () => {
    const dir = manyDocuments(60);
    const pooled = await cli(dir, ["check", "docs", "--format", "json", "--jobs", "2"]);
    const single = await cli(dir, ["check", "docs", "--format", "json", "--jobs", "1"]);
    expect(pooled.stderr.match(/\[worker\]/g)).toHaveLength(2);
    expect(single.stderr).not.toContain("[worker]");
    expect(pooled.stdout).toBe(single.stdout);
    const files = (JSON.parse(pooled.stdout) as { file: string }[]).map((r) => r.file);
    expect(files).toHaveLength(60);
    expect(files).toEqual([...files].sort());
  });

  it("checks a few files in the main thread without starting workers", async () => {
    const dir = manyDocuments(5);
    const r = await cli(dir, ["check", "docs", "--format", "json"]);
    expect(r.stderr).not.toContain("[worker]");
    expect(JSON.parse(r.stdout)).toHaveLength(5);
  });

  it("sizes the pool by cores and file count unless --jobs is given", () => {
    expect(workerCount(5, 8)).toBe(0);
    expect(workerCount(70, 8)).toBe(2);
    expect(workerCount(10_000, 8)).toBe(8);
    expect(workerCount(10_000, 8, 3)).toBe(3);
    expect(workerCount(2, 8, 4)).toBe(2);
  });
});

describe("runPool", () => {
  const task = (index: number): LintTask => ({ index, file: `/f${index}.md`, shown: `f${index}.md`, text: `text ${index}`, config: defaultConfig() });

  /** Writes a plain JavaScript worker script into the scratch folder. */
  function script(name: string, body: string): string {
    const path = join(bundleDir, name);
    writeFileSync(path, `const { parentPort } = require("node:worker_threads");\n${body}\n`);
    return path;
  }

  async function runAll(path: string, size: number, count: number): Promise<{ order: number[]; reports: (FileReport | undefined)[]; fallbacks: number[] }> {
    const tasks = Array.from({ length: count }, (_, i) => task(i));
    const reports: (FileReport | undefined)[] = new Array(count);
    const order: number[] = [];
    const fallbacks: number[] = [];
    let cursor = 0;
    await runPool(path, size, {
      next: () => tasks[cursor++],
      done: (index, report) => {
        reports[index] = report;
        order.push(index);
      },
      fallback: (t) => {
        fallbacks.push(t.index);
        return { file: t.shown, findings: [] };
      },
    });
    return { order, reports, fallbacks };
  }

  it("hands every task to a worker once and gives each result its task's index", async () => {
    const path = script("echo.cjs", 'parentPort.on("message", (t) => parentPort.postMessage({ index: t.index, report: { file: t.shown.toUpperCase(), findings: [] } }));');
    const { order, reports, fallbacks } = await runAll(path, 3, 25);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(reports.map((r) => r?.file)).toEqual(Array.from({ length: 25 }, (_, i) => `F${i}.MD`));
    expect(fallbacks).toEqual([]);
  });

  it("lints in this thread the tasks of workers that crash, so no file is lost", async () => {
    const path = script("crash.cjs", 'parentPort.on("message", () => { throw new Error("boom"); });');
    const { order, fallbacks } = await runAll(path, 2, 6);
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...fallbacks].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("finishes at once when there is nothing to do", async () => {
    const path = script("idle.cjs", 'parentPort.on("message", () => {});');
    expect((await runAll(path, 2, 0)).order).toEqual([]);
  });
});

describe("progress line", () => {
  it("shows the count of checked files on stderr when stderr is a terminal, and clears it at the end", async () => {
    const dir = project({ "a.md": "One.\n", "b.md": "Two.\n", "c.md": "Three.\n", "d.md": "Four.\n" });
    const r = await run(dir, ["check", ".", "--format", "json"], { stderrIsTTY: true });
    expect(r.stderr).toContain("\r\u001b[2Ksafeharbor: checked 1/4 files (25%)");
    expect(r.stderr).toContain("checked 4/4 files (100%)");
    expect(r.stderr.endsWith("\r\u001b[2K")).toBe(true);
    expect(r.stdout).not.toContain("checked");
  });

  it("prints no progress when stderr is not a terminal", async () => {
    const dir = project({ "a.md": "One.\n" });
    expect((await run(dir, ["check", "."])).stderr).toBe("");
  });
});
