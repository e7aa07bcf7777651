// Measures the reliability figures of the README: inputs tried, the slowest input, memory on a 5 MB file.
import fc from "fast-check";
import { documentText, mutatedDocument, randomText } from "./arbitraries";
import { fiveMegabytePost, HOSTILE_INPUTS, lintMeasured, timeBound } from "./inputs";

/** One measured input. */
interface Row {
  name: string;
  length: number;
  ms: number;
  ok: boolean;
}

const FUZZ_PER_KIND = Number(process.env.FUZZ_RUNS ?? 150);
const rows: Row[] = [];
const record = (name: string, text: string, uri: string): void => {
  const run = lintMeasured(text, uri);
  rows.push({ name, length: text.length, ms: run.ms, ok: !run.error && run.outside.length === 0 && run.ms < timeBound(text.length) });
};

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const big = fiveMegabytePost();
const bigRun = lintMeasured(big, "archive.md");
// Measured first, in a fresh process, so the peak is the 5 MB file's own.
const peakRss = process.resourceUsage().maxRSS * 1024;
const rssAfter = process.memoryUsage().rss;

const only = process.argv[2];
for (const input of HOSTILE_INPUTS) {
  if (only && !input.name.includes(only)) continue;
  const text = input.text();
  record(input.name, text, input.uri);
  process.stderr.write(`${rows[rows.length - 1].ms.toFixed(0).padStart(8)} ms  ${input.name}\n`);
}
let fuzzed = 0;
if (!only) {
  for (const uri of ["post.md", "post.mdx", "post.txt"]) {
    for (const [kind, arb] of [["generated", documentText], ["mutated", mutatedDocument], ["random UTF-16", randomText]] as const) {
      for (const text of fc.sample(arb as fc.Arbitrary<string>, { numRuns: FUZZ_PER_KIND, seed: 20261122 })) {
        record(`${kind} ${uri}`, text, uri);
        fuzzed++;
      }
    }
  }
}

const slowest = [...rows].sort((a, b) => b.ms - a.ms);
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
const lines = [
  `inputs tried: ${rows.length} (${HOSTILE_INPUTS.length} hostile documents, ${fuzzed} fuzzed: ${FUZZ_PER_KIND} per kind × 3 kinds × 3 languages)`,
  `failed (threw, range outside, or over the time bound): ${rows.filter((r) => !r.ok).map((r) => r.name).join("; ") || "none"}`,
  `slowest inputs:`,
  ...slowest.slice(0, 5).map((r) => `  ${r.ms.toFixed(0)} ms  ${r.name} (${r.length} chars)`),
  `median fuzzed input: ${(() => {
    const f = rows.filter((r) => !HOSTILE_INPUTS.some((h) => h.name === r.name)).map((r) => r.ms).sort((a, b) => a - b);
    return f.length ? `${f[Math.floor(f.length / 2)].toFixed(1)} ms` : "n/a";
  })()}`,
  `5 MB Markdown file: ${bigRun.ms.toFixed(0)} ms, ${bigRun.findings.filter((f) => f.ruleId === "safeharbor/file-too-large").length} file-too-large notice, RSS ${mb(rssBefore)} before, ${mb(rssAfter)} after, peak RSS of the process ${mb(peakRss)}`,
  `node ${process.version}, ${process.platform}/${process.arch}`,
];
process.stdout.write(lines.join("\n") + "\n");
