// The worker pool of the bundled CLI gives the same report as a single thread, in file order; progress on a TTY.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerCount } from "../../src/cli/pool";
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
    expect(workerCount(40, 8)).toBe(2);
    expect(workerCount(10_000, 8)).toBe(8);
    expect(workerCount(10_000, 8, 3)).toBe(3);
    expect(workerCount(2, 8, 4)).toBe(2);
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
