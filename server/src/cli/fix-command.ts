// `safeharbor fix`: apply the preferred de-identification fixes, or show them as a diff.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigResolver, createLinter, fixDocument, looksBinary, unifiedDiff, type Finding, type Linter, type ResolvedConfig } from "@safeharbor/server/engine";
import { rules as catalogue } from "@safeharbor/rules";
import { checkText, RegistryCache } from "./check-file";
import { expandPaths, selectedByConfig, shownPath } from "./files";
import { formatJson } from "./formatters/json";
import { formatSarif } from "./formatters/sarif";
import { formatStylish } from "./formatters/stylish";
import type { FileReport } from "./formatters/types";
import { VERSION, type CliIO } from "./main";

/** The help text of `safeharbor fix`. */
export const FIX_USAGE = `Usage: safeharbor fix [options] [paths|globs...]

Applies the preferred de-identification fixes to Markdown, MDX and plain-text files, then reports
what is left to fix by hand. Templates that replace a paragraph or a reply are never applied here:
choose them in the editor.

Options:
  --dry-run                      print the fixes as a unified diff; write nothing
  --rules <ids>                  fix only these rule ids or families (comma-separated)
  --format <stylish|json|sarif>  format of the report of remaining findings (default: stylish)
  --config <file>                use this config file instead of looking upward from each file
  --stdin                        fix standard input and print the fixed text (or its diff)
  --stdin-filename <name>        file name for --stdin (chooses the parser and the config)
  -h, --help                     show this help

Exit codes: 0 no error-level findings remain; 1 error-level findings remain;
2 usage, configuration or I/O error.`;

/** The CLI's streams, plus how fixed files are written (injectable for tests). */
export interface FixIO extends CliIO {
  writeFile?: (path: string, text: string) => void;
}

class FixUsageError extends Error {}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      rules: { type: "string" },
      format: { type: "string", default: "stylish" },
      config: { type: "string" },
      stdin: { type: "boolean", default: false },
      "stdin-filename": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

/** One document fixed: its text before and after, and how many fixes were applied. */
interface FixedDocument {
  before: string;
  after: string;
  applied: number;
}

/** Fixes one document's text, re-linting between passes until nothing more changes. */
export function fixText(linter: Linter, file: string, text: string, config: ResolvedConfig, registries: RegistryCache, ruleIds?: readonly string[]): FixedDocument {
  const registry = registries.forConfig(config);
  const relint = (t: string): Finding[] => linter.lint({ uri: file, text: t, config, registry }).findings;
  const result = fixDocument(text, relint, ruleIds ? { rules: ruleIds } : {});
  return { before: text, after: result.text, applied: result.applied.length };
}

/** Runs `safeharbor fix`; resolves to the exit code. Configuration errors propagate to the caller. */
export async function fixCommand(argv: string[], io: FixIO, linter: Linter = createLinter(catalogue)): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  let positionals: string[];
  try {
    ({ values, positionals } = parse(argv));
    if (!["stylish", "json", "sarif"].includes(values.format ?? "stylish")) throw new FixUsageError(`unknown format "${values.format}" (stylish, json, sarif)`);
    if (values["stdin-filename"] !== undefined && !values.stdin) throw new FixUsageError("--stdin-filename needs --stdin");
    if (values.stdin && positionals.length) throw new FixUsageError("--stdin reads one document: name no files");
    if (!values.stdin && !values.help && positionals.length === 0) throw new FixUsageError("name the files or folders to fix (or use --stdin)");
  } catch (err) {
    if (err instanceof FixUsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`safeharbor: ${(err as Error).message}\n${FIX_USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (values.help) {
    io.stdout(FIX_USAGE + "\n");
    return 0;
  }
  const ruleIds = values.rules?.split(",").map((r) => r.trim()).filter(Boolean);
  const unknown = ruleIds?.filter((r) => !linter.ruleIds.has(r.replace(/\/$/, "")));
  if (ruleIds && (ruleIds.length === 0 || unknown?.length)) {
    io.stderr(`safeharbor: --rules names no rule or family of this catalogue: ${unknown?.join(", ") || "(empty)"}\n`);
    return 2;
  }
  const resolver = new ConfigResolver(linter.ruleIds, values.config);
  const registries = new RegistryCache();
  const dryRun = Boolean(values["dry-run"]);

  if (values.stdin) {
    const name = values["stdin-filename"] ?? "stdin.md";
    const path = resolve(io.cwd, name);
    const config = resolver.forFile(path);
    const fixed = fixText(linter, path, io.readStdin(), config, registries, ruleIds);
    io.stdout(dryRun ? unifiedDiff(name, fixed.before, fixed.after) : fixed.after);
    return errorsIn([checkText(linter, path, name, fixed.after, config, registries.forConfig(config))]) ? 1 : 0;
  }

  const { files, missing, explicit } = expandPaths(positionals, io.cwd);
  for (const m of missing) io.stderr(`safeharbor: no such file or folder: ${m}\n`);
  let ioError = missing.length > 0;
  const reports: FileReport[] = [];
  let diff = "";
  let fixes = 0;
  let changedFiles = 0;
  const read = io.readFile ?? readFileSync;
  const write = io.writeFile ?? ((path: string, text: string) => writeFileSync(path, text, "utf8"));
  for (const file of files) {
    const config = resolver.forFile(file);
    if (!selectedByConfig(file, config, explicit)) continue;
    const shown = shownPath(io.cwd, file);
    let buf: Buffer;
    try {
      buf = read(file);
    } catch (err) {
      io.stderr(`safeharbor: cannot read ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; skipped\n`);
      ioError = true;
      continue;
    }
    const text = buf.toString("utf8");
    if (buf.includes(0) || looksBinary(text)) {
      io.stderr(`safeharbor: ${shown} looks like a binary file; skipped\n`);
      continue;
    }
    const fixed = fixText(linter, file, text, config, registries, ruleIds);
    if (fixed.after !== text) {
      fixes += fixed.applied;
      changedFiles++;
      if (dryRun) diff += unifiedDiff(shown.split("\\").join("/"), text, fixed.after);
      else {
        try {
          write(file, fixed.after);
        } catch (err) {
          io.stderr(`safeharbor: cannot write ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
          ioError = true;
          continue;
        }
      }
    }
    reports.push(checkText(linter, file, shown, fixed.after, config, registries.forConfig(config)));
  }
  if (dryRun) io.stdout(diff);
  else if (values.format === "json") io.stdout(formatJson(reports) + "\n");
  else if (values.format === "sarif") io.stdout(formatSarif(reports, linter.rules, VERSION) + "\n");
  else {
    io.stdout(`Fixed ${fixes} ${fixes === 1 ? "finding" : "findings"} in ${changedFiles} ${changedFiles === 1 ? "file" : "files"}.\n`);
    io.stdout(formatStylish(reports, io.isTTY));
  }
  if (ioError) return 2;
  return errorsIn(reports) ? 1 : 0;
}

function errorsIn(reports: readonly FileReport[]): boolean {
  return reports.some((r) => r.findings.some((f) => f.severity === "error"));
}
