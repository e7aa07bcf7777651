// The publishable npm package: packed, installed globally into a temporary prefix and run with npx, away from this repository.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION } from "../../src/cli/main";

const REPO = join(__dirname, "../../..");
const PACKAGE_DIR = join(REPO, "npm-package");
const REPO_CLI = join(REPO, "server/dist/cli.js");

let work: string;
let tarball: string;
let prefix: string;
/** The example documents, copied outside the repository with their config and registry. */
let examples: string;

/** npm with its cache in the temporary folder, never touching the network. */
function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--offline", "--no-audit", "--no-fund", "--cache", join(work, "npm-cache")], { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "safeharbor-pack-"));
  npm(["pack", PACKAGE_DIR, "--pack-destination", work, "--silent"], work);
  tarball = join(work, `safeharbor-${VERSION}.tgz`);
  prefix = join(work, "prefix");
  npm(["install", "-g", "--prefix", prefix, tarball], work);
  examples = join(work, "project/examples");
  cpSync(join(REPO, "test-fixtures/examples"), examples, { recursive: true, filter: (src) => !src.endsWith(".expected.json") });
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Sends one LSP message with its Content-Length header. */
function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body, "utf8")}\r\n\r\n${body}`;
}

describe("the safeharbor npm package", () => {
  it("has the version of the CLI and no runtime dependencies (everything is bundled)", () => {
    const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.version).toBe(VERSION);
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ safeharbor: "dist/cli.js", "safeharbor-language-server": "dist/server.js" });
  });

  it("checks the example documents after a global install, as the repository's CLI does", () => {
    const installed = spawnSync(join(prefix, "bin/safeharbor"), ["check", "examples", "--format", "json"], { cwd: join(work, "project"), encoding: "utf8" });
    const fromRepo = spawnSync(process.execPath, [REPO_CLI, "check", "examples", "--format", "json"], { cwd: join(work, "project"), encoding: "utf8" });
    expect(installed.status).toBe(1);
    const reports = JSON.parse(installed.stdout) as { file: string; findings: { ruleId: string }[] }[];
    expect(reports.map((r) => r.file)).toContain("examples/patient-story-blog.md");
    expect(reports.flatMap((r) => r.findings).some((f) => f.ruleId.startsWith("phi/"))).toBe(true);
    expect(installed.stdout).toBe(fromRepo.stdout);
  });

  it("runs with npx from another project", () => {
    const other = join(work, "other-project");
    mkdirSync(other, { recursive: true });
    cpSync(join(examples, "review-reply.txt"), join(other, "reply.txt"));
    const out = spawnSync("npm", ["exec", "--offline", "--yes", "--cache", join(work, "npm-cache"), `--package=${tarball}`, "--", "safeharbor", "check", "reply.txt"], { cwd: other, encoding: "utf8" });
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/reply\.txt\n/);
    expect(out.stdout).toMatch(/\d+ findings? \(\d+ errors?/);
  });

  it("starts the language server over stdio and answers initialize", async () => {
    const server = spawn(join(prefix, "bin/safeharbor-language-server"), ["--stdio"], { cwd: work });
    const response = await new Promise<{ id: number; result: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } }>((resolve, reject) => {
      server.on("error", reject);
      server.on("exit", (code) => reject(new Error(`the server exited with ${code}`)));
      // Messages are read one after another: the server may log or register before it answers.
      let buffer = Buffer.alloc(0);
      server.stdout.on("data", (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          const header = buffer.indexOf("\r\n\r\n");
          if (header < 0) return;
          const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString("ascii"))?.[1]);
          if (buffer.length < header + 4 + length) return;
          const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString("utf8")) as { id?: number };
          buffer = buffer.subarray(header + 4 + length);
          if (message.id === 1) resolve(message as never);
        }
      });
      server.stdin.write(frame({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: process.pid, rootUri: null, capabilities: {} } }));
    });
    server.removeAllListeners("exit");
    server.kill();
    expect(response.id).toBe(1);
    expect(response.result.serverInfo?.name).toMatch(/safeharbor/i);
    expect(response.result.capabilities).toHaveProperty("textDocumentSync");
    expect(response.result.capabilities).toHaveProperty("codeActionProvider");
  });
});
