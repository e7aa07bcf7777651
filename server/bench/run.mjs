// Benchmarks of issue 6 (`npm run bench`): language server latency and memory, CLI throughput, analysis
// cost against remark-parse. Writes test-results/bench.json. Figures, not pass/fail tests.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require("vscode-languageserver-protocol/node");

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const SERVER = join(root, "server/dist/server.js");
const CLI = join(root, "server/dist/cli.js");
// The shared corpus of real clinic posts: read at bench time when present, never copied into the repo.
const CORPUS = process.env.SAFEHARBOR_CORPUS ?? join(root, "../shared/corpus/clean");
const quick = process.argv.includes("--quick");
/** `--only=memory` (or cold, warm, cli, analysis) runs one part; the report holds what ran. */
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const runs = (part) => !only || only.split(",").includes(part);
const work = mkdtempSync(join(tmpdir(), "safeharbor-bench-"));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const words = (text) => text.split(/\s+/).filter(Boolean).length;
const log = (m) => process.stderr.write(`${m}\n`);

// ---------------------------------------------------------------- documents
function corpusFiles() {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS).filter((f) => /\.(md|mdx|markdown|txt)$/.test(f)).sort().map((f) => join(CORPUS, f));
}

const SYNTHETIC = [
  "Regular dental checkups help catch problems early, when they are easier to treat.",
  "Most adults benefit from brushing twice a day with a fluoride toothpaste.",
  "Physical therapy can reduce back pain by strengthening the muscles that support the spine.",
  "If you notice bleeding gums, swelling or a persistent ache, schedule a visit.",
  "Therapy sessions usually last fifty minutes and focus on goals you choose together.",
  "Anxiety often shows up as trouble sleeping, racing thoughts or tension in the body.",
  "Our clinic offers evening appointments for families with busy schedules.",
  "Results vary from person to person, and your plan is tailored to your needs.",
];

/** Prose blocks of a Markdown text that can take an appended word without changing their kind. */
function paragraphs(text) {
  return text.split(/\n\s*\n/).filter((p) => p.trim() && !/```|~~~|^\s*(?:---|\||<|\{|import |export )/m.test(p));
}

const corpusParagraphs = corpusFiles().flatMap((f) => paragraphs(readFileSync(f, "utf8")));

/**
 * A post of about `target` words. Each variant differs in every paragraph (a numbered note is
 * appended), so the engine's paragraph cache cannot serve it: it is a document "just opened".
 */
function post(variant, target = 2000) {
  const out = [];
  let count = 0;
  let i = variant * 7;
  while (count < target) {
    const p = corpusParagraphs.length ? corpusParagraphs[i % corpusParagraphs.length] : Array.from({ length: 5 }, (_, k) => SYNTHETIC[(i + k) % SYNTHETIC.length]).join(" ");
    const text = `${p.trimEnd()} Note ${variant}-${i}.`;
    out.push(text);
    count += words(text);
    i++;
  }
  return out.join("\n\n") + "\n";
}

// ---------------------------------------------------------------- language server client
async function startServer() {
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest("workspace/configuration", (p) => p.items.map(() => ({})));
  conn.onRequest("client/registerCapability", () => null);
  // The first diagnostics come before the NLP library is loaded; the server loads it once idle and
  // then asks for a new pull.
  let refreshed;
  const refresh = new Promise((r) => (refreshed = r));
  let nlpReady;
  let partial = false;
  const nlp = new Promise((r) => (nlpReady = r));
  conn.onRequest("workspace/diagnostic/refresh", () => {
    refreshed();
    return null;
  });
  // The server logs its own lint time per run ("checked URI vN in X ms"): the part of a round trip
  // spent in the engine, against the protocol and LSP layer around it.
  const lintTimes = [];
  conn.onNotification("window/logMessage", (p) => {
    const m = / in ([\d.]+) ms:/.exec(p.message);
    if (m && p.message.startsWith("[safeharbor] checked")) lintTimes.push(Number(m[1]));
    if (p.message.startsWith("[safeharbor] loaded the NLP library")) nlpReady();
    if (p.message.includes("names from NLP pending")) partial = true;
  });
  conn.listen();
  await conn.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(work).href, name: "bench" }],
    capabilities: { textDocument: { diagnostic: {}, synchronization: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } },
  });
  await conn.sendNotification("initialized", {});
  const docs = new Map();
  return {
    child,
    conn,
    started,
    docs,
    refresh,
    /** Resolves true when the server has loaded the NLP library, false at once if no result waited for it. */
    nlpLoaded: (ms = 10000) => (partial ? Promise.race([nlp.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]) : Promise.resolve(false)),
    lintTimes,
    async open(name, text) {
      const uri = pathToFileURL(join(work, name)).href;
      docs.set(uri, { version: 1, lines: text.split("\n") });
      await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
      return uri;
    },
    async close(uri) {
      docs.delete(uri);
      await conn.sendNotification("textDocument/didClose", { textDocument: { uri } });
    },
    pull(uri) {
      return conn.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
    },
    /** Inserts text at the end of a line (an incremental change). */
    async append(uri, line, text) {
      const doc = docs.get(uri);
      const character = doc.lines[line].length;
      doc.lines[line] += text;
      doc.version++;
      await conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: doc.version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }] });
    },
    /** Removes the last `length` characters of a line. */
    async trim(uri, line, length) {
      const doc = docs.get(uri);
      const end = doc.lines[line].length;
      doc.lines[line] = doc.lines[line].slice(0, end - length);
      doc.version++;
      await conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: doc.version }, contentChanges: [{ range: { start: { line, character: end - length }, end: { line, character: end } }, text: "" }] });
    },
    rssMB() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
    },
    async stop() {
      try {
        await conn.sendRequest("shutdown");
        await conn.sendNotification("exit");
      } catch {
        // already gone
      }
      conn.dispose();
      child.kill();
    },
  };
}

/** Lines of a text that hold prose (an edit there changes one paragraph). */
const proseLines = (text) => text.split("\n").flatMap((l, i) => (/^[A-Za-z]/.test(l) && l.length > 40 ? [i] : []));

async function coldStart() {
  const text = post(1);
  const server = await startServer();
  const uri = await server.open("cold.md", text);
  await server.pull(uri);
  const first = performance.now() - server.started;
  // Then the complete diagnostics, with the names of the NLP pass (when the post needed it).
  let complete = first;
  if (await server.nlpLoaded(5000)) {
    await server.refresh;
    await server.pull(uri);
    complete = performance.now() - server.started;
  }
  await server.stop();
  return { first, complete };
}

async function warmAndEdits() {
  const server = await startServer();
  for (let v = 0; v < 5; v++) {
    const uri = await server.open(`warmup-${v}.md`, post(100 + v));
    await server.pull(uri);
    await server.close(uri);
  }
  // A warm server has its NLP library loaded.
  await server.nlpLoaded();
  const open = [];
  for (let v = 0; v < (quick ? 7 : 21); v++) {
    const text = post(200 + v);
    const t = performance.now();
    const uri = await server.open(`open-${v}.md`, text);
    await server.pull(uri);
    open.push(performance.now() - t);
    await server.close(uri);
  }
  const text = post(300);
  const uri = await server.open("edit.md", text);
  await server.pull(uri);
  const lines = proseLines(text);
  const edit = [];
  const lintBefore = server.lintTimes.length;
  for (let k = 0; k < (quick ? 21 : 61); k++) {
    const t = performance.now();
    await server.append(uri, lines[(k * 5) % lines.length], ` and more ${k}`);
    await server.pull(uri);
    edit.push(performance.now() - t);
  }
  const editLint = server.lintTimes.slice(lintBefore);
  await server.stop();
  return { open, edit, editLint, words: words(text) };
}

async function memory() {
  const server = await startServer();
  const files = corpusFiles();
  const uris = [];
  for (let d = 0; d < 200; d++) {
    const text = files.length ? `${readFileSync(files[d % files.length], "utf8")}\n\nNote ${d}.\n` : post(1000 + d, 900);
    const uri = await server.open(`doc-${d}.md`, text);
    await server.pull(uri);
    uris.push({ uri, lines: proseLines(text) });
  }
  await server.nlpLoaded();
  const rss200 = server.rssMB();
  const total = quick ? 1000 : 10000;
  const warmup = Math.round(total / 20);
  const editing = uris.slice(0, 20).filter((u) => u.lines.length);
  const step = async (k) => {
    // Type a word, then delete it: each text is new (the word carries a number), the size stays bounded.
    const pair = Math.floor(k / 2);
    const target = editing[pair % editing.length];
    const line = target.lines[Math.floor(pair / editing.length) % target.lines.length];
    const word = ` w${pair}`;
    if (k % 2 === 0) await server.append(target.uri, line, word);
    else await server.trim(target.uri, line, word.length);
    await server.pull(target.uri);
  };
  for (let k = 0; k < warmup; k++) await step(k);
  const before = server.rssMB();
  // RSS every tenth of the run: a leak climbs steadily, a heap settling at its working size flattens.
  const trace = [];
  for (let k = warmup; k < warmup + total; k++) {
    await step(k);
    if ((k - warmup + 1) % (total / 10) === 0) trace.push(round(server.rssMB()));
  }
  const after = server.rssMB();
  await server.stop();
  return { rss200, before, after, edits: total, trace };
}

// ---------------------------------------------------------------- CLI throughput
function cliThroughput() {
  const files = corpusFiles();
  if (!files.length) return { skipped: `corpus not found at ${CORPUS}` };
  const corpusWords = files.reduce((n, f) => n + words(readFileSync(f, "utf8")), 0);
  const repeats = Math.max(1, Math.round(363000 / corpusWords));
  const dir = join(work, "cli");
  mkdirSync(dir);
  // Symbolic links: the corpus text is read where it lies.
  for (let r = 0; r < repeats; r++) for (const f of files) symlinkSync(f, join(dir, `r${r}-${f.split("/").pop()}`));
  const t = performance.now();
  const run = spawnSync(process.execPath, [CLI, "check", "--format", "json", dir], { maxBuffer: 1 << 30, encoding: "utf8" });
  const seconds = (performance.now() - t) / 1000;
  if (run.status === 2) return { error: run.stderr.slice(0, 300) };
  const reports = JSON.parse(run.stdout);
  return { files: files.length * repeats, checked: reports.length, words: corpusWords * repeats, seconds: round(seconds, 2), wordsPerSecond: Math.round((corpusWords * repeats) / seconds), cores: cpus().length };
}

// ---------------------------------------------------------------- analysis against remark-parse
async function analysisRatio() {
  const out = join(work, "engine.cjs");
  await build({
    entryPoints: [join(root, "server/bench/engine-entry.ts")],
    outfile: out,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    mainFields: ["module", "main"],
    define: { "import.meta.url": "__importMetaUrl" },
    banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  });
  const engine = require(out);
  for (let v = 0; v < 3; v++) engine.linter.lint({ uri: "warm.md", text: post(400 + v) });
  const lint = [];
  const remark = [];
  const parse = [];
  let w = 0;
  // The engine caches parses by chunk text, so each measurement of the engine gets a text it has
  // not seen (variants of the same post, different in every paragraph); remark-parse keeps nothing.
  for (let v = 0; v < (quick ? 5 : 15); v++) {
    const text = post(500 + v);
    w = words(text);
    let t = performance.now();
    engine.linter.lint({ uri: `lint-${v}.md`, text });
    lint.push(performance.now() - t);
    t = performance.now();
    engine.remarkParseOnly(text);
    remark.push(performance.now() - t);
    const other = post(600 + v);
    t = performance.now();
    engine.parseDocument(`parse-${v}.md`, other, "markdown");
    parse.push(performance.now() - t);
  }
  return { words: w, lintMedianMs: round(median(lint)), remarkParseMedianMs: round(median(remark)), engineParseMedianMs: round(median(parse)), ratio: round(median(lint) / median(remark), 2) };
}

// ---------------------------------------------------------------- main
if (!existsSync(SERVER) || !existsSync(CLI)) {
  log("building the bundles first (node server/build.mjs)");
  spawnSync(process.execPath, [join(root, "server/build.mjs")], { stdio: "inherit" });
}
log(`corpus: ${corpusParagraphs.length ? `${corpusFiles().length} files at ${CORPUS}` : "not found; synthetic posts"}`);
try {
  const report = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, corpus: corpusParagraphs.length ? "shared corpus" : "synthetic", quick, server: {}, met: {} };
  const targets = {
    warmOpenFullDiagnosticsMedianMs: 100,
    oneParagraphEditMedianMs: 10,
    coldStartToFirstDiagnosticsMs: 1000,
    rssWith200DocsMB: 200,
    rssGrowthPercent: 10,
    cliWordsPerSecond: 45000,
  };
  if (runs("cold")) {
    log("cold start...");
    const cold = [];
    for (let i = 0; i < 3; i++) cold.push(await coldStart());
    Object.assign(report.server, {
      coldStartToFirstDiagnosticsMs: cold.map((x) => round(x.first)),
      coldStartMedianMs: round(median(cold.map((x) => x.first))),
      coldStartToCompleteDiagnosticsMs: cold.map((x) => round(x.complete)),
    });
    report.met.coldStart = report.server.coldStartMedianMs <= targets.coldStartToFirstDiagnosticsMs;
  }
  if (runs("warm")) {
    log("warm open and one-paragraph edits...");
    const warm = await warmAndEdits();
    Object.assign(report.server, {
      postWords: warm.words,
      warmOpenFullDiagnosticsMedianMs: round(median(warm.open)),
      oneParagraphEditMedianMs: round(median(warm.edit)),
      oneParagraphEditServerLintMedianMs: round(median(warm.editLint)),
    });
    report.met.warmOpen = report.server.warmOpenFullDiagnosticsMedianMs <= targets.warmOpenFullDiagnosticsMedianMs;
    report.met.edit = report.server.oneParagraphEditMedianMs <= targets.oneParagraphEditMedianMs;
  }
  if (runs("memory")) {
    log(`memory: 200 documents, ${quick ? "1,000" : "10,000"} edits...`);
    const mem = await memory();
    Object.assign(report.server, {
      rssWith200DocsMB: round(mem.rss200),
      rssBeforeEditsMB: round(mem.before),
      rssAfterEditsMB: round(mem.after),
      rssTraceMB: mem.trace,
      edits: mem.edits,
      rssGrowthPercent: round(((mem.after - mem.before) / mem.before) * 100),
    });
    report.met.rss200 = report.server.rssWith200DocsMB <= targets.rssWith200DocsMB;
    report.met.rssGrowth = report.server.rssGrowthPercent <= targets.rssGrowthPercent;
  }
  if (runs("cli")) {
    log("CLI over the corpus...");
    report.cli = cliThroughput();
    report.met.cli = typeof report.cli.wordsPerSecond === "number" ? report.cli.wordsPerSecond >= targets.cliWordsPerSecond : null;
  }
  if (runs("analysis")) {
    log("analysis against remark-parse...");
    report.analysis = await analysisRatio();
  }
  report.targets = targets;
  mkdirSync(join(root, "test-results"), { recursive: true });
  writeFileSync(join(root, only ? `test-results/bench-${only.replace(/,/g, "-")}.json` : "test-results/bench.json"), JSON.stringify(report, null, 2) + "\n");
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
} finally {
  rmSync(work, { recursive: true, force: true });
}
