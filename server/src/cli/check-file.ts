// Lints one file's text into a report; shared by the main thread and the worker threads.
import { loadRegistry, type AuthorizationRegistry, type Linter, type ResolvedConfig } from "@safeharbor/server/engine";
import type { FileReport } from "./formatters/types";

/** One file to lint, as sent to a worker (plain data: it crosses a thread boundary). */
export interface LintTask {
  /** Position of the file in the run's file list; results are reported in this order. */
  index: number;
  /** Absolute path (chooses the parser). */
  file: string;
  /** Path as shown in reports. */
  shown: string;
  text: string;
  config: ResolvedConfig;
}

/** Registries loaded by path, once per thread. */
export class RegistryCache {
  private readonly byPath = new Map<string, AuthorizationRegistry>();

  /** The registry a configuration names (empty when the file does not exist). */
  forConfig(config: ResolvedConfig): AuthorizationRegistry {
    const key = config.authorizationsPath ?? "";
    let registry = this.byPath.get(key);
    if (!registry) this.byPath.set(key, (registry = loadRegistry(config.authorizationsPath)));
    return registry;
  }
}

/** Lints a document's text into a report with line/character ranges. */
export function checkText(linter: Linter, file: string, shown: string, text: string, config: ResolvedConfig, registry: AuthorizationRegistry): FileReport {
  const result = linter.lint({ uri: file, text, config, registry });
  return { file: shown, findings: result.findings.map((f) => ({ ...f, lineRange: result.lines.range(f.range) })) };
}

/** Lints a task with the registry its configuration names. */
export function runTask(linter: Linter, task: LintTask, registries: RegistryCache): FileReport {
  return checkText(linter, task.file, task.shown, task.text, task.config, registries.forConfig(task.config));
}
