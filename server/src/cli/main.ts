// The `safeharbor` command line: check files and report findings (stylish, json, sarif).
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, ConfigResolver, createLinter, loadRegistry, looksBinary, type AuthorizationRegistry, type Linter, type ResolvedConfig } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";
import { expandPaths, matchesAny, shard } from "./files";
import { formatJson } from "./formatters/json";
import { formatSarif } from "./formatters/sarif";
import { formatStylish } from "./formatters/stylish";
import type { FileReport } from "./formatters/types";

export const VERSION = "0.1.0";

const USAGE = `Usage: safeharbor check [options] [paths|globs...]

Checks Markdown, MDX and plain-text files for protected health information.

Options:
  --format <stylish|json|sarif>  output format (default: stylish)
  --config <file>                use this config file instead of looking upward from each file
  --max-warnings <n>             exit 1 when there are more warnings than this
  --stdin                        read the document from standard input
  --stdin-filename <name>        file name for --stdin (chooses the parser and the config)
  --shard <i/n>                  check only shard i of n of the file list
  -h, --help                     show this help
  -v, --version                  print the version

Exit codes: 0 no error-level findings; 1 error-level findings (or too many warnings);
2 usage, configuration or I/O error.`;

/** Output streams, injectable for tests. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  cwd: string;
  isTTY: boolean;
}

class UsageError extends Error {}

const defaultIO = (): CliIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0, "utf8"),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
});

/** Reads a file for checking; undefined (with a message) when it is unreadable or binary. */
function readDocument(file: string, io: CliIO, shown: string): string | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    io.stderr(`safeharbor: cannot read ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; skipped\n`);
    return undefined;
  }
  const text = buf.toString("utf8");
  if (buf.includes(0) || looksBinary(text)) {
    io.stderr(`safeharbor: ${shown} looks like a binary file; skipped\n`);
    return undefined;
  }
  return text;
}

/** Lints one document's text into a report. */
export function checkText(linter: Linter, file: string, shown: string, text: string, config: ResolvedConfig, registry: AuthorizationRegistry): FileReport {
  const result = linter.lint({ uri: file, text, config, registry });
  return { file: shown, findings: result.findings.map((f) => ({ ...f, lineRange: result.lines.range(f.range) })) };
}

async function check(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "stylish" },
      config: { type: "string" },
      "max-warnings": { type: "string" },
      stdin: { type: "boolean", default: false },
      "stdin-filename": { type: "string" },
      shard: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout(USAGE + "\n");
    return 0;
  }
  const format = values.format ?? "stylish";
  if (!["stylish", "json", "sarif"].includes(format)) throw new UsageError(`unknown format "${format}" (stylish, json, sarif)`);
  const maxWarnings = values["max-warnings"] === undefined ? Infinity : Number(values["max-warnings"]);
  if (Number.isNaN(maxWarnings) || maxWarnings < 0) throw new UsageError("--max-warnings takes a number");
  const linter = createLinter(rules);
  const resolver = new ConfigResolver(linter.ruleIds, values.config);
  const registries = new Map<string, AuthorizationRegistry>();
  const registryFor = (config: ResolvedConfig): AuthorizationRegistry => {
    const key = config.authorizationsPath ?? "";
    let reg = registries.get(key);
    if (!reg) registries.set(key, (reg = loadRegistry(config.authorizationsPath)));
    return reg;
  };
  const reports: FileReport[] = [];
  if (values.stdin) {
    const name = values["stdin-filename"] ?? "stdin.md";
    const config = resolver.forFile(name);
    reports.push(checkText(linter, name, name, io.readStdin(), config, registryFor(config)));
  } else {
    if (positionals.length === 0) throw new UsageError("name the files or folders to check (or use --stdin)");
    const { files: all, missing } = expandPaths(positionals, io.cwd);
    for (const m of missing) io.stderr(`safeharbor: no such file or folder: ${m}\n`);
    let files = all;
    if (values.shard) {
      const m = /^(\d+)\/(\d+)$/.exec(values.shard);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError('--shard takes "i/n" with 1 <= i <= n');
      files = shard(all, Number(m[1]), Number(m[2]));
    }
    if (missing.length && all.length === 0) return 2;
    for (const file of files) {
      const config = resolver.forFile(file);
      if (config.baseDir && matchesAny(file, config.exclude, config.baseDir)) continue;
      const rel = relative(io.cwd, file);
      const shown = rel.startsWith("..") ? file : rel;
      const text = readDocument(file, io, shown);
      if (text === undefined) continue;
      reports.push(checkText(linter, file, shown, text, config, registryFor(config)));
    }
  }
  if (format === "json") io.stdout(formatJson(reports) + "\n");
  else if (format === "sarif") io.stdout(formatSarif(reports, rules, VERSION) + "\n");
  else io.stdout(formatStylish(reports, io.isTTY));
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warning").length, 0);
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

/** Runs the CLI with arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "-v" || command === "--version") {
      io.stdout(VERSION + "\n");
      return 0;
    }
    if (!command || command === "-h" || command === "--help" || command === "help") {
      io.stdout(USAGE + "\n");
      return command ? 0 : 2;
    }
    if (command === "check") return await check(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`safeharbor: configuration error: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`safeharbor: ${(err as Error).message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`safeharbor: internal error: ${(err as Error).name}: ${(err as Error).message}\n`);
    return 2;
  }
}
