// `npm run docs:rules`: regenerates the rule table in README.md from the live rule catalogue.
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const out = mkdtempSync(join(tmpdir(), "safeharbor-docs-"));
try {
  // The catalogue is TypeScript: bundle a tiny entry that renders the table, then run it.
  const entry = join(out, "entry.ts");
  writeFileSync(entry, `export { rules } from "@safeharbor/rules";\nexport { renderRulesTable, spliceRulesTable } from ${JSON.stringify(join(root, "server/scripts/rules-table.ts"))};\n`);
  await build({
    entryPoints: [entry], outfile: join(out, "entry.cjs"), bundle: true, platform: "node", format: "cjs", logLevel: "error",
    absWorkingDir: root, nodePaths: [join(root, "node_modules")], mainFields: ["module", "main"],
    define: { "import.meta.url": "__importMetaUrl" },
    banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  });
  const { rules, renderRulesTable, spliceRulesTable } = createRequire(import.meta.url)(join(out, "entry.cjs"));
  const readmePath = join(root, "README.md");
  const before = readFileSync(readmePath, "utf8");
  const after = spliceRulesTable(before, renderRulesTable(rules));
  if (after !== before) writeFileSync(readmePath, after);
  console.log(after === before ? `README.md rule table is up to date (${rules.length} rules)` : `README.md rule table regenerated (${rules.length} rules)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
