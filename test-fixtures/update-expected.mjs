// Rewrites NAME.ext.expected.json for the given fixtures from the built CLI's findings (hints left out).
// Review every change by eye before committing: node test-fixtures/update-expected.mjs test-fixtures/phi/x.md
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node test-fixtures/update-expected.mjs FIXTURE...");
  process.exit(2);
}
let out;
try {
  out = execFileSync("node", ["server/dist/cli.js", "check", "--format", "json", ...files], { encoding: "utf8" });
} catch (e) {
  out = e.stdout;
}
const wanted = new Set(files.map((f) => resolve(f)));
for (const report of JSON.parse(out)) {
  // the CLI also reports registry files it meets; only the fixtures named are rewritten
  if (!wanted.has(resolve(report.file))) continue;
  const text = readFileSync(report.file, "utf8");
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const offset = (p) => starts[p.line] + p.character;
  const expected = report.findings
    .filter((f) => f.severity !== "hint")
    .map((f) => ({ ruleId: f.ruleId, line: f.range.start.line + 1, text: text.slice(offset(f.range.start), offset(f.range.end)) }));
  // one finding per line, as the committed files are written
  writeFileSync(`${report.file}.expected.json`, expected.length ? `[\n${expected.map((e) => `  ${JSON.stringify(e)}`).join(",\n")}\n]\n` : "[]\n");
  console.log(`${report.file}: ${expected.length} findings`);
}
