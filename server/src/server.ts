#!/usr/bin/env node
// Entry point of `safeharbor-language-server` (--stdio, --node-ipc or --socket=PORT).
import { createLinter } from "./engine";
import { rules } from "@safeharbor/rules";
import { listenFromArgv } from "./lsp";
import { limitHeapGrowth } from "./lsp/memory";
import pkg from "../package.json";

limitHeapGrowth();
const linter = createLinter(rules);

// A failure in one request must not take the server down; the log names the error, never the text.
process.on("uncaughtException", (err) => {
  process.stderr.write(`[safeharbor] uncaught ${err.name}\n`);
});
process.on("unhandledRejection", (reason) => {
  process.stderr.write(`[safeharbor] unhandled rejection ${reason instanceof Error ? reason.name : typeof reason}\n`);
});

listenFromArgv({ linter, version: pkg.version });
