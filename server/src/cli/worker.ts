// Worker thread of the CLI's pool: builds its own linter and lints the files the main thread sends.
import { parentPort } from "node:worker_threads";
import { createLinter } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";
import { RegistryCache, runTask, type LintTask } from "./check-file";
import type { WorkerReply } from "./pool";

const linter = createLinter(rules);
const registries = new RegistryCache();

parentPort?.on("message", (task: LintTask) => {
  const reply: WorkerReply = { index: task.index, report: runTask(linter, task, registries) };
  parentPort?.postMessage(reply);
});
