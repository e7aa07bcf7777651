// Builds the bundles (server/dist/server.js, the extension) once before the protocol and editor tests.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** Vitest global setup: runs the esbuild script so the tests drive the current sources. */
export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, "../../build.mjs")], { stdio: "inherit" });
}
