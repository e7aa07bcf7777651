// `npm run train`: rebuilds the disclosure model's weights (rules/models/disclosure.json) from the
// labelled sets named in rules/models/train.json, deterministically. Each set is a folder of
// `cases/` and `expect.json` (the format of the shared evaluation sets); a sentence is a positive
// when it overlaps a labelled span. Sources are grouped (a site, a writer's batch) and a fixed share
// of the groups is held out: never trained on, listed in the weights file, so figures on them are
// honest. The weights file records what it was trained on and holds no text.
//
//   node server/dist/train.js [--cv] [--held-out-sets DIR] [--out FILE]
//     --cv                 grouped cross-validation of the model alone (sentence level) on the training groups
//     --held-out-sets DIR  write each set's held-out files as DIR/<set>/{cases,expect.json} (symlinks) for score.mjs
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { analyzeDocument } from "../engine/analysis";
import { documentFeatures, documentSignals, FEATURE_BITS, hashFeature, sentenceFeatures } from "../engine/analysis/features";
import { decide, disclosureModel, packWeights, scoreSentences, type ModelFile, type Thresholds } from "../engine/analysis/model";

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
import type { DocumentAnalysis } from "../engine/analysis/types";
import { defaultConfig } from "../engine/config/types";
import { languageOf, parseDocument } from "../engine/parse";

interface SetSpec {
  name: string;
  dir: string;
  optional?: boolean;
  groupBy: "set" | "file" | "source";
  nested?: boolean;
  clean?: boolean;
  heldOut?: boolean;
}
interface TrainConfig {
  seed: number;
  epochs: number;
  l2: number;
  learningRate: number;
  positiveWeight: number;
  heldOutFolds: number;
  sets: SetSpec[];
}
interface Expectation {
  kind: "violation" | "clean";
  must?: Array<{ family: string; text: string }>;
  may?: string[];
}
/** One labelled sentence as the trainer sees it: hashed slots and named signals only. */
interface Example {
  slots: number[];
  signals: string[];
  label: 0 | 1;
  group: string;
}
/** A labelled document: its sentences' examples and the analysis the context features read. */
interface LabelledDoc {
  group: string;
  set: string;
  /** 1 when the file has a labelled disclosure. */
  label: 0 | 1;
  analysis: DocumentAnalysis;
  examples: Example[];
}
type Weights = { weights: Float64Array; bias: number };
interface LabelledFile {
  set: string;
  file: string;
  path: string;
  group: string;
  expectation: Expectation;
}

const root = resolve(__dirname, "../..");
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** The source group of a file: its site (owner__repo of the file name), its set, or itself. */
function groupOf(spec: SetSpec, setName: string, file: string): string {
  if (spec.groupBy === "set") return `${spec.name}/${setName}`;
  if (spec.groupBy === "file") return `${spec.name}/${file}`;
  return `${spec.name}/${file.split("__").slice(0, 2).join("__")}`;
}

/** Whether a group is held out: a fixed share of the groups, chosen by hash. */
const isHeldOut = (spec: SetSpec, group: string, folds: number): boolean => spec.heldOut !== false && spec.groupBy === "source" && hashFeature(group) % folds === 0;

/** The labelled files of every set present. */
function loadFiles(cfg: TrainConfig): { train: LabelledFile[]; heldOut: LabelledFile[]; used: string[] } {
  const train: LabelledFile[] = [];
  const heldOut: LabelledFile[] = [];
  const used: string[] = [];
  for (const spec of cfg.sets) {
    const dir = resolve(root, spec.dir);
    if (!existsSync(dir)) {
      if (!spec.optional) throw new Error(`training set ${spec.name} is missing: ${spec.dir}`);
      continue;
    }
    used.push(spec.name);
    const setDirs = spec.nested ? readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).sort().map((d) => [d, join(dir, d)] as const) : [[spec.name, dir] as const];
    for (const [setName, setDir] of setDirs) {
      const caseDir = existsSync(join(setDir, "cases")) ? join(setDir, "cases") : setDir;
      const expect: Record<string, Expectation> = existsSync(join(setDir, "expect.json")) ? JSON.parse(readFileSync(join(setDir, "expect.json"), "utf8")) : {};
      for (const file of readdirSync(caseDir).filter((f) => /\.(?:md|mdx|markdown|txt)$/.test(f)).sort()) {
        const expectation = spec.clean ? { kind: "clean" as const } : expect[file];
        if (!expectation) continue;
        const group = groupOf(spec, setName, file);
        const lf = { set: spec.name, file, path: join(caseDir, file), group, expectation };
        (isHeldOut(spec, group, cfg.heldOutFolds) ? heldOut : train).push(lf);
      }
    }
  }
  return { train, heldOut, used };
}

/** Sentences of a file with their features and labels. */
function examplesOf(f: LabelledFile): LabelledDoc {
  const text = readFileSync(f.path, "utf8");
  const doc = parseDocument(f.path, text, languageOf(f.path));
  const a = analyzeDocument(doc, defaultConfig(), { withoutModel: true });
  const spans: Array<[number, number]> = [];
  const labelled = [...(f.expectation.must ?? []).map((m) => m.text), ...(f.expectation.may ?? [])];
  for (const t of labelled) {
    const i = text.indexOf(t);
    if (i >= 0) spans.push([i, i + t.length]);
  }
  const d = documentSignals(doc, a);
  // every sentence keeps its place (the context features index by sentence); a sentence without
  // words is still scored but never trained on (see trainable)
  const examples = a.sentences.map((s) => {
    const { slots, signals } = sentenceFeatures(doc, a, s, d);
    return { slots, signals, label: (spans.some(([x, y]) => s.range.start < y && x < s.range.end) ? 1 : 0) as 0 | 1, group: f.group };
  });
  return { group: f.group, set: f.set, label: spans.length > 0 && f.expectation.kind === "violation" ? 1 : 0, analysis: a, examples };
}

const trainable = (doc: LabelledDoc): Example[] => doc.examples.filter((_, i) => /[a-z]{2}/i.test(doc.analysis.sentences[i].text));
const foldOf = (group: string, salt: string, folds: number): number => hashFeature(`${salt}:${group}`) % folds;

/** The document model's example of a labelled document: positive when it has a labelled disclosure. */
const documentExample = (d: LabelledDoc): Example => ({ slots: documentFeatures(trainable(d)), signals: [], label: d.label, group: d.group });

/** Trains the sentence model and the document model. */
function trainBoth(docs: LabelledDoc[], cfg: TrainConfig): { sentence: Weights; document: Weights } {
  return { sentence: fit(docs.flatMap(trainable), cfg), document: fit(docs.map(documentExample), { ...cfg, epochs: cfg.epochs * 2 }) };
}

/** One sentence's out-of-fold probabilities. */
interface Judged {
  sentence: number;
  document: number;
  label: 0 | 1;
  set: string;
}
const judge = (m: { sentence: Weights; document: Weights }, d: LabelledDoc): Judged[] => {
  const pd = score(m.document, documentExample(d));
  return trainable(d).map((e) => ({ sentence: score(m.sentence, e), document: pd, label: e.label, set: d.set }));
};

function prfOf(items: Judged[], reported: (j: Judged) => boolean): { precision: number; recall: number } {
  let tp = 0, fp = 0, fn = 0;
  for (const j of items) {
    const r = reported(j);
    if (r && j.label) tp++;
    else if (r) fp++;
    else if (j.label) fn++;
  }
  return { precision: +(tp / Math.max(1, tp + fp)).toFixed(3), recall: +(tp / Math.max(1, tp + fn)).toFixed(3) };
}

/** F-beta of a precision and recall. */
const fBeta = (p: { precision: number; recall: number }, beta: number): number => (p.precision + p.recall === 0 ? 0 : ((1 + beta * beta) * p.precision * p.recall) / (beta * beta * p.precision + p.recall));

/**
 * Thresholds by grid search on out-of-fold probabilities: the warning pair maximises F2 (recall
 * first: a reviewer would look), the error pair F0.5 (a reviewer would certainly act).
 */
function chooseThresholds(items: Judged[]): Thresholds {
  const grid = (from: number, to: number): number[] => Array.from({ length: Math.round((to - from) / 0.05) + 1 }, (_, i) => +(from + i * 0.05).toFixed(2));
  const best = (beta: number): { document: number; alone: number; inDocument: number } => {
    let top = { f: -1, document: 0.5, alone: 0.5, inDocument: 0.5 };
    for (const document of grid(0.3, 0.9)) for (const alone of grid(0.4, 0.95)) for (const inDocument of grid(0.1, alone)) {
      const f = fBeta(prfOf(items, (j) => j.sentence >= alone || (j.document >= document && j.sentence >= inDocument)), beta);
      if (f > top.f) top = { f, document, alone, inDocument };
    }
    return top;
  };
  const w = best(2);
  const e = best(0.5);
  // one document threshold for both pairs: the warning pair's
  return { document: w.document, warning: w.alone, warningInDocument: w.inDocument, error: Math.max(e.alone, w.alone), errorInDocument: Math.max(e.inDocument, w.inDocument) };
}


/** Logistic regression by AdaGrad over the examples, in a seeded order. */
function fit(examples: Example[], cfg: TrainConfig): Weights {
  const size = 1 << FEATURE_BITS;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let gb = 1e-8;
  const rand = prng(cfg.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < cfg.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const ex = examples[k];
      let z = bias;
      for (const s of ex.slots) z += w[s];
      const p = 1 / (1 + Math.exp(-z));
      const weight = ex.label ? cfg.positiveWeight : 1;
      const g = (p - ex.label) * weight;
      gb += g * g;
      bias -= (cfg.learningRate * g) / Math.sqrt(gb);
      for (const s of ex.slots) {
        const gs = g + cfg.l2 * w[s];
        g2[s] += gs * gs;
        w[s] -= (cfg.learningRate * gs) / Math.sqrt(g2[s]);
      }
    }
  }
  return { weights: w, bias };
}

const score = (m: Weights, ex: Example): number => {
  let z = m.bias;
  for (const s of ex.slots) z += m.weights[s];
  return 1 / (1 + Math.exp(-z));
};

/** Precision and recall of the model at a threshold. */
function prf(pairs: Array<[number, 0 | 1]>, threshold: number): { precision: number; recall: number } {
  let tp = 0, fp = 0, fn = 0;
  for (const [p, y] of pairs) {
    if (p >= threshold && y) tp++;
    else if (p >= threshold) fp++;
    else if (y) fn++;
  }
  return { precision: +(tp / Math.max(1, tp + fp)).toFixed(3), recall: +(tp / Math.max(1, tp + fn)).toFixed(3) };
}

/** Prints each sentence's probability under the shipped weights (a developer's probe; never used in output). */
function probe(files: string[]): void {
  const model = disclosureModel();
  for (const path of files) {
    const doc = parseDocument(path, readFileSync(path, "utf8"), languageOf(path));
    const a = analyzeDocument(doc, defaultConfig(), { withoutModel: true });
    const scores = scoreSentences(model, doc, a);
    process.stdout.write(`${path} kind=${a.kind} document=${scores.document.toFixed(2)}\n`);
    for (const s of a.sentences) process.stdout.write(`  ${scores.sentences[s.index].probability.toFixed(2)} ${s.text.slice(0, 100).replace(/\n/g, " ")}  [${scores.sentences[s.index].reasons.join("; ")}] health: ${s.health.map((h) => `${a.health[h].category}${a.health[h].specific ? "*" : ""}`).join(",")} cues: ${s.cues.map((c) => c.kind).join(",")}\n`);
  }
}

function main(): void {
  if (args[0] === "--probe") return probe(args.slice(1));
  const cfg = JSON.parse(readFileSync(join(root, "rules/models/train.json"), "utf8")) as TrainConfig;
  const { train, heldOut, used } = loadFiles(cfg);
  const heldOutSets = opt("--held-out-sets");
  if (heldOutSets) {
    for (const set of new Set(heldOut.map((f) => f.set))) {
      const dir = join(resolve(heldOutSets), set);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, "cases"), { recursive: true });
      const expect: Record<string, Expectation> = {};
      for (const f of heldOut.filter((h) => h.set === set)) {
        symlinkSync(f.path, join(dir, "cases", f.file));
        expect[f.file] = f.expectation;
      }
      writeFileSync(join(dir, "expect.json"), JSON.stringify(expect, null, 1));
      process.stderr.write(`held-out ${set}: ${Object.keys(expect).length} files in ${dir}\n`);
    }
  }
  const bySet = new Map<string, { files: number; sentences: number; positives: number }>();
  const docs: LabelledDoc[] = [];
  for (const f of train) {
    const doc = examplesOf(f);
    docs.push(doc);
    const ex = trainable(doc);
    const row = bySet.get(f.set) ?? { files: 0, sentences: 0, positives: 0 };
    row.files++;
    row.sentences += ex.length;
    row.positives += ex.filter((e) => e.label).length;
    bySet.set(f.set, row);
  }
  process.stderr.write(`training on ${docs.reduce((n, d) => n + trainable(d).length, 0)} sentences from ${train.length} files (${used.join(", ")}); ${heldOut.length} held-out files\n`);
  // Out-of-fold probabilities (grouped by source) choose the thresholds and give the figures.
  const folds = 4;
  const oof: Judged[] = [];
  for (let k = 0; k < folds; k++) {
    const test = docs.filter((d) => foldOf(d.group, "cv", folds) === k);
    const m = trainBoth(docs.filter((d) => foldOf(d.group, "cv", folds) !== k), cfg);
    for (const d of test) oof.push(...judge(m, d));
  }
  const thresholds = chooseThresholds(oof);
  const docPairs: Array<[number, 0 | 1, string]> = [];
  for (let k = 0; k < folds; k++) {
    const m = fit(docs.filter((d) => foldOf(d.group, "cv", folds) !== k).map(documentExample), { ...cfg, epochs: cfg.epochs * 2 });
    for (const d of docs.filter((x) => foldOf(x.group, "cv", folds) === k)) docPairs.push([score(m, documentExample(d)), d.label, d.set]);
  }
  for (const t of [0.3, 0.5, 0.7, 0.9]) process.stderr.write(`cross-validated document model at ${t}: all ${JSON.stringify(prf(docPairs.map(([p, y]) => [p, y]), t))} real ${JSON.stringify(prf(docPairs.filter((x) => x[2] !== "written" && x[2] !== "dev").map(([p, y]) => [p, y]), t))}\n`);
  const real = oof.filter((j) => j.set !== "written" && j.set !== "dev");
  process.stderr.write(`thresholds ${JSON.stringify(thresholds)}\n`);
  for (const [name, part] of [["all", oof], ["real only", real]] as const) {
    const w = prfOf(part, (j) => decide(thresholds, j.sentence, j.document) !== undefined);
    const e = prfOf(part, (j) => decide(thresholds, j.sentence, j.document) === "error");
    const alone = prfOf(part, (j) => j.sentence >= 0.5);
    process.stderr.write(`cross-validated, ${name}: sentence model alone at 0.5 ${JSON.stringify(alone)}, with the document model: reported ${JSON.stringify(w)}, errors ${JSON.stringify(e)}\n`);
  }
  const both = trainBoth(docs, cfg);
  const out: ModelFile = {
    version: 3,
    trainedAt: new Date().toISOString().slice(0, 10),
    featureBits: FEATURE_BITS,
    thresholds,
    bias: round(both.sentence.bias),
    weights: packWeights(both.sentence.weights),
    document: { bias: round(both.document.bias), weights: packWeights(both.document.weights) },
    data: [...bySet.entries()].map(([set, r]) => ({ set, ...r })),
  };
  const file = resolve(opt("--out") ?? join(root, "rules/models/disclosure.json"));
  writeFileSync(file, JSON.stringify({ ...out, heldOutGroups: [...new Set(heldOut.map((f) => f.group))].sort() }) + "\n");
  process.stderr.write(`wrote ${file}: ${both.sentence.weights.filter((w) => Math.abs(w) >= 1 / 8192).length} + ${both.document.weights.filter((w) => Math.abs(w) >= 1 / 8192).length} weights\n`);
}

main();
