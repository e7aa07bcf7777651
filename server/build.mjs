// Bundles the CLI, the language server and the VS Code extension with esbuild.
import { build } from "esbuild";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const common = { bundle: true, platform: "node", target: "node20", format: "cjs", sourcemap: false, logLevel: "warning", legalComments: "none", mainFields: ["module", "main"],
  // Some ESM dependencies read import.meta.url, which a CommonJS bundle has to provide.
  define: { "import.meta.url": "__importMetaUrl" },
  banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
};

const entries = [
  { entryPoints: [join(root, "server/src/cli.ts")], outfile: join(root, "server/dist/cli.js") },
  // The CLI's worker threads load this file from next to cli.js.
  { entryPoints: [join(root, "server/src/cli/worker.ts")], outfile: join(root, "server/dist/cli-worker.js") },
  // The language server (`safeharbor-language-server --stdio`); server.ts carries its shebang.
  { entryPoints: [join(root, "server/src/server.ts")], outfile: join(root, "server/dist/server.js") },
  // The trainer of the disclosure model (`npm run train`); not part of the shipped tools.
  { entryPoints: [join(root, "server/src/train/train.ts")], outfile: join(root, "server/dist/train.js") },
  // The VS Code extension; `vscode` is provided by the editor.
  { entryPoints: [join(root, "client/src/extension.ts")], outfile: join(root, "client/dist/extension.js"), external: ["vscode"] },
];
// The bundles are CommonJS while the sources are ESM: mark the output folder as such.
mkdirSync(join(root, "server/dist"), { recursive: true });
writeFileSync(join(root, "server/dist/package.json"), JSON.stringify({ type: "commonjs" }) + "\n");
// Each output is written to a temporary file and renamed, so that a test run or `vsce package` that
// reads the bundles while another build runs never sees a half-written file.
const writeAtomic = (file, contents, mode = 0o644) => {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents, { mode });
  renameSync(tmp, file);
};
const executable = new Set([join(root, "server/dist/cli.js"), join(root, "server/dist/server.js")]);
const results = await Promise.all(entries.map((e) => build({ ...common, ...e, write: false })));
for (const file of results.flatMap((r) => r.outputFiles)) writeAtomic(file.path, file.contents, executable.has(file.path) ? 0o755 : 0o644);
// The .vsix carries its own copy of the server and the config schema (for jsonValidation).
writeAtomic(join(root, "client/dist/server.js"), readFileSync(join(root, "server/dist/server.js")), 0o755);
writeAtomic(join(root, "client/dist/schema.json"), readFileSync(join(root, "server/src/engine/config/schema.json")));
// The English word list the name candidates read on first use sits beside every bundle.
for (const dir of ["server/dist", "client/dist", "npm-package/dist"]) writeAtomic(join(root, dir, "english-words.txt"), readFileSync(join(root, "rules/lexicons/english-words.txt")));
// The publishable `safeharbor` package (npm-package/): the same bundles, nothing else to install.
for (const name of ["cli.js", "cli-worker.js", "server.js", "package.json"]) {
  writeAtomic(join(root, "npm-package/dist", name), readFileSync(join(root, "server/dist", name)), executable.has(join(root, "server/dist", name)) ? 0o755 : 0o644);
}
writeAtomic(join(root, "npm-package/dist/schema.json"), readFileSync(join(root, "server/src/engine/config/schema.json")));
