// The server log: rule ids, counts, positions and timings only, never document or config text.
import type { Connection } from "vscode-languageserver/node";
import type { Finding, LineIndex } from "../engine";

/** A logger that writes to the client's output channel. */
export interface ServerLog {
  info(message: string): void;
  error(message: string): void;
}

/** A logger on the connection's console. */
export function connectionLog(connection: Connection): ServerLog {
  return {
    info: (m) => connection.console.info(`[safeharbor] ${m}`),
    error: (m) => connection.console.error(`[safeharbor] ${m}`),
  };
}

/**
 * Describes an error without its message: messages of parser errors can quote the document.
 * The name and the code frames of the stack (file:line of our code) are safe.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const frames = (err.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 3).map((l) => l.trim());
  return [err.name, ...frames].join(" | ");
}

/** One log line for a lint run: rule ids at 1-based line:column, never the matched text. */
export function describeFindings(findings: readonly Finding[], lines: LineIndex, limit = 20): string {
  const shown = findings.slice(0, limit).map((f) => {
    const p = lines.position(f.range.start);
    return `${f.ruleId}@${p.line + 1}:${p.character + 1}`;
  });
  if (findings.length > limit) shown.push(`+${findings.length - limit} more`);
  return shown.join(" ");
}
