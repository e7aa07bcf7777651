// Runs lint tasks on a pool of worker threads (one linter each), or in this thread for small runs.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { LintTask } from "./check-file";
import type { FileReport } from "./formatters/types";

/** What a worker sends back for one task. */
export interface WorkerReply {
  index: number;
  report: FileReport;
}

/** Below this many files per worker, starting threads costs more than it saves. */
export const FILES_PER_WORKER = 32;

/** The bundled worker script next to the running CLI bundle, when there is one. */
export function workerScript(): string | undefined {
  try {
    const path = fileURLToPath(new URL("./cli-worker.js", import.meta.url));
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How many worker threads to use for a number of files: `jobs` when given (capped by the file
 * count), otherwise one per core while each gets at least FILES_PER_WORKER files. 0 or 1 means
 * "lint in this thread".
 */
export function workerCount(files: number, cores: number, jobs?: number): number {
  if (jobs !== undefined) return Math.min(jobs, files);
  return Math.min(cores, Math.floor(files / FILES_PER_WORKER));
}

/** Callbacks of a pool run. */
export interface PoolRun {
  /** The next task to lint, or undefined when there is none left. Called on the main thread. */
  next(): LintTask | undefined;
  /** A finished task. */
  done(index: number, report: FileReport): void;
  /** Lints a task in this thread (when a worker fails). */
  fallback(task: LintTask): FileReport;
}

/** Lints every task `next` yields on `size` workers; resolves when all are done. */
export function runPool(script: string, size: number, run: PoolRun): Promise<void> {
  return new Promise((resolve) => {
    let live = 0;
    let exhausted = false;
    const finish = (): void => {
      if (live === 0) resolve();
    };
    const start = (): void => {
      const worker = new Worker(script);
      let current: LintTask | undefined;
      live++;
      const feed = (): void => {
        current = exhausted ? undefined : run.next();
        if (current) worker.postMessage(current);
        else {
          exhausted = true;
          void worker.terminate();
        }
      };
      worker.on("message", (reply: WorkerReply) => {
        run.done(reply.index, reply.report);
        feed();
      });
      worker.on("error", () => {
        // The task in flight is linted here; the remaining tasks go to the other workers.
        if (current) run.done(current.index, run.fallback(current));
        current = undefined;
      });
      worker.on("exit", () => {
        if (current) run.done(current.index, run.fallback(current));
        current = undefined;
        live--;
        if (!exhausted && live === 0) {
          for (let t = run.next(); t; t = run.next()) run.done(t.index, run.fallback(t));
          exhausted = true;
        }
        finish();
      });
      feed();
    };
    for (let i = 0; i < size && !exhausted; i++) start();
    finish();
  });
}
