// The `safeharbor` command line: check files and report findings (stylish, json, sarif, html).
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ConfigError, ConfigResolver, createLinter, LineIndex, lintRegistry, looksBinary, type Linter, type ResolvedConfig } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";
import { CACHE_FILE, hashText, LintCache } from "./cache";
import { checkText, RegistryCache, runTask, type LintTask } from "./check-file";
import { expandPaths, selectedByConfig, shard, shownPath } from "./files";
import { fixCommand } from "./fix-command";
import { formatHtml } from "./formatters/html";
import { formatJson } from "./formatters/json";
import { formatSarif } from "./formatters/sarif";
import { formatStylish } from "./formatters/stylish";
import type { FileReport } from "./formatters/types";
import { runPool, workerCount, workerScript } from "./pool";
import { Progress } from "./progress";

export { checkText };

export const VERSION = "0.1.0";

const USAGE = `Usage: safeharbor check [options] [paths|globs...]
       safeharbor fix [options] [paths|globs...]   (see safeharbor fix --help)

Checks Markdown, MDX and plain-text files for protected health information.

Options:
  --format <name>                stylish (default), json, sarif, or html (quotes the flagged passages)
  --config <file>                use this config file instead of looking upward from each file
  --max-warnings <n>             exit 1 when there are more warnings than this
  --stdin                        read the document from standard input
  --stdin-filename <name>        file name for --stdin (chooses the parser and the config)
  --shard <i/n>                  check only shard i of n of the file list
  --cache                        skip files unchanged since the last run (${CACHE_FILE})
  --jobs <n>                     worker threads (default: one per core for large runs; 1: none)
  -h, --help                     show this help
  -v, --version                  print the version

Exit codes: 0 no error-level findings; 1 error-level findings (or too many warnings);
2 usage, configuration or I/O error.`;

/** Output streams and environment, injectable for tests. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  cwd: string;
  /** stdout is a terminal: stylish output uses colours. */
  isTTY: boolean;
  /** stderr is a terminal: a progress line is shown. */
  stderrIsTTY?: boolean;
  /** Cores available for worker threads. */
  cores?: number;
  /** Reads a document's bytes (default: the file system). */
  readFile?: (path: string) => Buffer;
}

class UsageError extends Error {}

const defaultIO = (): CliIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0, "utf8"),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cores: availableParallelism(),
});

/** The result of reading a file: its text, or why it was skipped (`ioError` when unreadable). */
type ReadResult = { text: string } | { skipped: string; ioError: boolean };

/** Reads a file for checking; unreadable and binary files are skipped with a message. */
function readDocument(file: string, shown: string, read: (path: string) => Buffer = readFileSync): ReadResult {
  let buf: Buffer;
  try {
    buf = read(file);
  } catch (err) {
    return { skipped: `cannot read ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; skipped`, ioError: true };
  }
  const text = buf.toString("utf8");
  if (buf.includes(0) || looksBinary(text)) return { skipped: `${shown} looks like a binary file; skipped`, ioError: false };
  return { text };
}

/** A version key for the cache: the tool version and a hash of the running code. */
function toolKey(): string {
  try {
    return `${VERSION}:${hashText(readFileSync(fileURLToPath(import.meta.url), "utf8"))}`;
  } catch {
    return VERSION;
  }
}

/** Lints the authorization registries the run's configurations name, once each. */
function registryReports(configs: Iterable<ResolvedConfig>, io: CliIO, showPath: (abs: string) => string, keepText: boolean): { reports: FileReport[]; ioError: boolean } {
  const reports: FileReport[] = [];
  let ioError = false;
  const seen = new Set<string>();
  for (const config of configs) {
    const path = config.authorizationsPath;
    if (!path || seen.has(path)) continue;
    seen.add(path);
    if (!existsSync(path)) continue;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (err) {
      io.stderr(`safeharbor: cannot read ${showPath(path)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; skipped\n`);
      ioError = true;
      continue;
    }
    const lines = new LineIndex(text);
    reports.push({ file: showPath(path), findings: lintRegistry(text, path).map((f) => ({ ...f, lineRange: lines.range(f.range) })), ...(keepText ? { source: text } : {}) });
  }
  return { reports, ioError };
}

/** Options of a `check` run, after parsing. */
interface CheckOptions {
  format: string;
  maxWarnings: number;
  cache: boolean;
  jobs?: number;
}

function parseCheckArgs(argv: string[]): { options: CheckOptions; values: ReturnType<typeof parseRaw>["values"]; positionals: string[] } {
  const { values, positionals } = parseRaw(argv);
  const format = values.format ?? "stylish";
  if (!["stylish", "json", "sarif", "html"].includes(format)) throw new UsageError(`unknown format "${format}" (stylish, json, sarif, html)`);
  const maxWarnings = values["max-warnings"] === undefined ? Infinity : Number(values["max-warnings"]);
  if ((!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) || maxWarnings < 0) throw new UsageError("--max-warnings takes a whole number");
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError("--jobs takes a whole number of at least 1");
  if (values["stdin-filename"] !== undefined && !values.stdin) throw new UsageError("--stdin-filename needs --stdin");
  return { options: { format, maxWarnings, cache: Boolean(values.cache), ...(jobs !== undefined ? { jobs } : {}) }, values, positionals };
}

/** The raw options of `check`, as node:util parses them. */
function parseRaw(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "stylish" },
      config: { type: "string" },
      "max-warnings": { type: "string" },
      stdin: { type: "boolean", default: false },
      "stdin-filename": { type: "string" },
      shard: { type: "string" },
      cache: { type: "boolean", default: false },
      jobs: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

/** Lints the files of a run in file order, on worker threads when there are many. */
async function lintFiles(files: string[], explicit: ReadonlySet<string>, resolver: ConfigResolver, linter: Linter, options: CheckOptions, io: CliIO): Promise<{ reports: FileReport[]; ioError: boolean }> {
  const showPath = (abs: string): string => shownPath(io.cwd, abs);
  const configs = new Set<ResolvedConfig>();
  // Resolve every configuration first: a bad config stops the run before any output.
  const candidates: { file: string; config: ResolvedConfig }[] = [];
  for (const file of files) {
    const config = resolver.forFile(file);
    if (!selectedByConfig(file, config, explicit)) continue;
    configs.add(config);
    candidates.push({ file, config });
  }
  const cache = options.cache ? LintCache.load(join(io.cwd, CACHE_FILE), toolKey()) : undefined;
  const configHashes = new Map<ResolvedConfig, string>();
  const configHash = (config: ResolvedConfig): string => {
    let h = configHashes.get(config);
    if (h === undefined) {
      let registry = "";
      try {
        if (config.authorizationsPath && existsSync(config.authorizationsPath)) registry = readFileSync(config.authorizationsPath, "utf8");
      } catch {
        registry = "unreadable";
      }
      configHashes.set(config, (h = hashText(JSON.stringify(config) + "\u0000" + registry)));
    }
    return h;
  };
  const contentHashes = new Map<number, string>();
  // The HTML report quotes passages: only then are the texts kept after linting.
  const texts = new Map<number, string>();
  const results: (FileReport | undefined)[] = new Array(candidates.length);
  const progress = new Progress(io.stderr, Boolean(io.stderrIsTTY), candidates.length);
  let ioError = false;
  let cursor = 0;
  const done = (index: number, report: FileReport): void => {
    results[index] = report;
    const hash = contentHashes.get(index);
    if (cache && hash !== undefined) cache.set(report.file, hash, configHash(candidates[index].config), report.findings);
    contentHashes.delete(index);
    progress.tick();
  };
  // Reads files in order; skipped and cached files are settled here, the rest become tasks.
  const next = (): LintTask | undefined => {
    while (cursor < candidates.length) {
      const index = cursor++;
      const { file, config } = candidates[index];
      const shown = showPath(file);
      const read = readDocument(file, shown, io.readFile);
      if ("skipped" in read) {
        progress.end();
        io.stderr(`safeharbor: ${read.skipped}\n`);
        ioError ||= read.ioError;
        progress.tick();
        continue;
      }
      if (options.format === "html") texts.set(index, read.text);
      if (cache) {
        const hash = hashText(read.text);
        const hit = cache.get(shown, hash, configHash(config));
        if (hit) {
          results[index] = { file: shown, findings: hit };
          progress.tick();
          continue;
        }
        contentHashes.set(index, hash);
      }
      return { index, file, shown, text: read.text, config };
    }
    return undefined;
  };
  const registries = new RegistryCache();
  const inThread = (task: LintTask): FileReport => runTask(linter, task, registries);
  const script = workerScript();
  const size = workerCount(candidates.length, io.cores ?? 1, options.jobs);
  if (script && size >= 2) {
    await runPool(script, size, { next, done, fallback: inThread });
  } else {
    for (let task = next(); task; task = next()) done(task.index, inThread(task));
  }
  progress.end();
  if (cache) {
    try {
      cache.save();
    } catch (err) {
      io.stderr(`safeharbor: cannot write ${CACHE_FILE}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    }
  }
  const registry = registryReports(configs, io, showPath, options.format === "html");
  if (options.format === "html") for (const [index, text] of texts) if (results[index]) results[index] = { ...results[index], source: text };
  const reports = [...results.filter((r): r is FileReport => r !== undefined), ...registry.reports];
  return { reports, ioError: ioError || registry.ioError };
}

async function check(argv: string[], io: CliIO): Promise<number> {
  const { options, values, positionals } = parseCheckArgs(argv);
  if (values.help) {
    io.stdout(USAGE + "\n");
    return 0;
  }
  const linter = createLinter(rules);
  const resolver = new ConfigResolver(linter.ruleIds, values.config);
  let reports: FileReport[];
  let ioError = false;
  if (values.stdin) {
    if (positionals.length) throw new UsageError("--stdin reads one document: name no files");
    const name = values["stdin-filename"] ?? "stdin.md";
    const path = resolve(io.cwd, name);
    const config = resolver.forFile(path);
    const text = io.readStdin();
    reports = [checkText(linter, path, name, text, config, new RegistryCache().forConfig(config))];
    if (options.format === "html") reports[0].source = text;
  } else {
    if (positionals.length === 0) throw new UsageError("name the files or folders to check (or use --stdin)");
    const { files: all, missing, explicit } = expandPaths(positionals, io.cwd);
    for (const m of missing) io.stderr(`safeharbor: no such file or folder: ${m}\n`);
    let files = all;
    if (values.shard) {
      const m = /^(\d+)\/(\d+)$/.exec(values.shard);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError('--shard takes "i/n" with 1 <= i <= n');
      files = shard(all, Number(m[1]), Number(m[2]));
    }
    const run = await lintFiles(files, explicit, resolver, linter, options, io);
    reports = run.reports;
    ioError = run.ioError || missing.length > 0;
  }
  if (options.format === "json") io.stdout(formatJson(reports) + "\n");
  else if (options.format === "sarif") io.stdout(formatSarif(reports, rules, VERSION) + "\n");
  else if (options.format === "html") {
    io.stderr("safeharbor: the HTML report quotes the flagged passages of the checked documents; share it only with people allowed to see them\n");
    io.stdout(formatHtml(reports, rules, { version: VERSION, generated: new Date() }));
  }
  else io.stdout(formatStylish(reports, io.isTTY));
  if (ioError) return 2;
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warning").length, 0);
  return errors > 0 || warnings > options.maxWarnings ? 1 : 0;
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
    if (command === "fix") return await fixCommand(rest, io);
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
