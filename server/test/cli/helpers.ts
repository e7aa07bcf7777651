// CLI test helpers: throw-away project folders and an in-process run of `safeharbor` with captured output.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import { main, type CliIO } from "../../src/cli/main";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Creates a temporary folder holding the given files (path → content); removed after the test. */
export function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "safeharbor-cli-"));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with `cwd` as the working folder. */
export async function run(cwd: string, argv: string[], options: Partial<CliIO> & { stdin?: string } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readStdin: () => options.stdin ?? "",
    cwd,
    isTTY: false,
    stderrIsTTY: false,
    cores: 1,
    ...options,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The JSON report of a run, parsed. */
export interface JsonReport {
  file: string;
  findings: { ruleId: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fixes: { title: string }[] }[];
}

/** Parses `--format json` output. */
export function parseJson(out: string): JsonReport[] {
  return JSON.parse(out) as JsonReport[];
}

/** A registry entry with every core element, expiring far in the future. */
export const VALID_ENTRY = `- id: AUTH-2099-001
  subject: Testy McExample
  discloses: [name, testimonial]
  purpose: testimonial on the practice website
  channels: [website]
  disclosedBy: Example Dental
  recipients: website visitors
  signed: 2024-03-01
  expires: 2099-03-01
  remuneration: none
`;

/** A registry entry missing its purpose (an error-level registry finding). */
export const ENTRY_WITHOUT_PURPOSE = `- id: AUTH-2099-002
  subject: Pat Placeholder
  discloses: [name]
  channels: [website]
  disclosedBy: Example Dental
  signed: 2024-03-01
  expires: 2099-03-01
`;
