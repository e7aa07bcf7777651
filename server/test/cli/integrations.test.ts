// The GitHub Action's command lines and the pre-commit hook's entry, run on a fixture folder as CI and pre-commit run them.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { project } from "./helpers";

const REPO = join(__dirname, "../../..");
const CLI = join(REPO, "server/dist/cli.js");

interface ActionStep {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}
interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
}

const action = parse(readFileSync(join(REPO, "action.yml"), "utf8")) as Action;
const hooks = parse(readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];

/** A patient story, a testimonial in a data file and a CSV export: each discloses PHI. */
const PHI_FILES = {
  "posts/story.md": "# Patient spotlight\n\nMeet Bernard Okafor, whose kidney transplant at our center went well on 03/14/2024.\n",
  "data/testimonials.json": '[{ "quote": "After my root canal, Bernard Okafor of Millbrook smiled again." }]\n',
  "data/patients.csv": "name,note\nBernard Okafor,kidney transplant on 03/14/2024\n",
};
const CLEAN_FILES: Record<string, string | Buffer> = {
  "posts/hours.md": "# Office hours\n\nWe are open on Saturdays.\n",
  "notes.txt": "Brush twice a day and floss once.\n",
  ".safeharbor.json": "{}\n",
  ".safeharbor/authorizations.yaml": "authorizations: []\n",
  "images/logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
};

/** Replaces `${{ inputs.x }}` in a step's text with the input's value. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => {
    if (!(name in inputs)) throw new Error(`action.yml uses an undeclared input: ${name}`);
    return inputs[name];
  });
}

/** What running the action's check step printed, returned and wrote. */
interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  sarif?: { version: string; runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
}

/**
 * Runs the action's `check` step in `cwd` as the runner would: inputs (defaults overridden by `given`)
 * substituted into its env, GITHUB_OUTPUT a file, bash; the npx command replaced by the built CLI.
 */
function runCheckStep(cwd: string, given: Record<string, string>): StepRun {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ""])), ...given };
  const step = action.runs.steps.find((s) => s.id === "check");
  if (!step?.run || !step.env) throw new Error("action.yml has no check step with run and env");
  expect(step.shell).toBe("bash");
  const env = Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, expand(v, inputs)]));
  expect(env.SAFEHARBOR).toBe(`npx --yes safeharbor@${inputs.version}`);
  env.SAFEHARBOR = `node ${CLI}`;
  const outputFile = join(cwd, "..", `github-output-${Date.now()}`);
  writeFileSync(outputFile, "");
  const r = spawnSync("bash", ["-e", "-c", expand(step.run, inputs)], { cwd, encoding: "utf8", env: { ...process.env, ...env, GITHUB_OUTPUT: outputFile } });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split("=", 2) as [string, string]),
  );
  rmSync(outputFile, { force: true });
  const sarifPath = join(cwd, inputs["sarif-file"]);
  let sarif: StepRun["sarif"];
  try {
    sarif = JSON.parse(readFileSync(sarifPath, "utf8")) as StepRun["sarif"];
  } catch {
    sarif = undefined;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs, sarif };
}

/** A folder inside a temporary parent (the step's GITHUB_OUTPUT file goes in the parent). */
function site(files: Record<string, string | Buffer>): string {
  const dir = join(project({}), "site");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const uris = (run: StepRun): string[] => [...new Set(run.sarif?.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))].sort();

describe("the GitHub Action (action.yml)", () => {
  it("is a composite action: Node set up, then the check, then the SARIF upload to code scanning", () => {
    expect(action.runs.using).toBe("composite");
    const steps = action.runs.steps;
    expect(steps[0].uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(steps[1].id).toBe("check");
    const upload = steps[2];
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.with).toEqual({ sarif_file: "${{ inputs.sarif-file }}", category: "safeharbor" });
    // The upload runs after a failing check too (findings are why it fails), but not when nothing was checked.
    expect(upload.if).toMatch(/always\(\)/);
    expect(upload.if).toMatch(/steps\.check\.outputs\.exit-code != '2'/);
    expect(action.outputs["exit-code"].value).toBe("${{ steps.check.outputs.exit-code }}");
  });

  it("runs the version of the npm package this repository builds", () => {
    const manifest = JSON.parse(readFileSync(join(REPO, "npm-package/package.json"), "utf8")) as { version: string };
    expect(action.inputs.version.default).toBe(manifest.version);
  });

  it("writes SARIF with every finding, annotates each one without its text, and fails on error-level findings", () => {
    const dir = site({ ...PHI_FILES, ...CLEAN_FILES });
    // A folder walk picks up Markdown, MDX and text; data files are named by globs.
    const run = runCheckStep(dir, { globs: "posts data/*.json data/*.csv notes.txt" });
    expect(run.status).toBe(1);
    expect(run.outputs["exit-code"]).toBe("1");
    expect(run.sarif?.version).toBe("2.1.0");
    expect(uris(run)).toEqual(["data/patients.csv", "data/testimonials.json", "posts/story.md"]);
    const json = JSON.parse(spawnSync(process.execPath, [CLI, "check", "posts", "data/*.json", "data/*.csv", "notes.txt", "--format", "json"], { cwd: dir, encoding: "utf8" }).stdout) as { findings: unknown[] }[];
    expect(run.sarif?.runs[0].results).toHaveLength(json.flatMap((r) => r.findings).length);
    const annotations = run.stdout.split("\n").filter((l) => l.startsWith("::error file="));
    expect(annotations.length).toBe(run.sarif?.runs[0].results.filter((r) => r.level === "error").length);
    expect(annotations[0]).toMatch(/^::error file=[\w./-]+,line=\d+,col=\d+,title=[\w/-]+::\S/);
    expect(run.stdout + run.stderr).not.toMatch(/Okafor|Millbrook/);
  });

  it("passes with the SARIF written when fail-on-error is false", () => {
    const dir = site(PHI_FILES);
    const run = runCheckStep(dir, { globs: "posts", "fail-on-error": "false", "sarif-file": "report.sarif" });
    expect(run.status).toBe(0);
    expect(run.outputs["exit-code"]).toBe("1");
    expect(uris(run)).toEqual(["posts/story.md"]);
  });

  it("passes clean content with an empty SARIF report", () => {
    const dir = site(CLEAN_FILES);
    const run = runCheckStep(dir, {});
    expect(run.status).toBe(0);
    expect(run.outputs["exit-code"]).toBe("0");
    expect(run.sarif?.runs[0].results).toEqual([]);
  });

  it("hands quoted globs on separate lines to safeharbor unexpanded", () => {
    const dir = site({ ...PHI_FILES, ...CLEAN_FILES });
    const run = runCheckStep(dir, { globs: "posts/**/*.md\ndata/*.csv" });
    expect(run.status).toBe(1);
    expect(uris(run)).toEqual(["data/patients.csv", "posts/story.md"]);
  });

  it("fails with exit code 2 and no upload on a broken config", () => {
    const dir = site({ ...PHI_FILES, ".safeharbor.json": '{ "rules": { "phi/nope": "off" } }' });
    const run = runCheckStep(dir, { globs: "posts" });
    expect(run.status).toBe(2);
    expect(run.outputs["exit-code"]).toBe("2");
    expect(run.stdout).toMatch(/::error title=Safe Harbor::safeharbor could not check the files \(exit code 2\)/);
  });
});

describe("the pre-commit hook (.pre-commit-hooks.yaml)", () => {
  const hook = hooks.find((h) => h.id === "safeharbor");
  let work: string;
  let bin: string;

  beforeAll(() => {
    // As pre-commit installs a `language: node` hook: `npm pack` of the repository, then a global install.
    work = mkdtempSync(join(tmpdir(), "safeharbor-hook-"));
    const cache = join(work, "npm-cache");
    const tgz = execFileSync("npm", ["pack", REPO, "--ignore-scripts", "--silent", "--pack-destination", work, "--cache", cache], { encoding: "utf8" }).trim().split("\n").pop() ?? "";
    execFileSync("npm", ["install", "-g", "--prefix", join(work, "prefix"), "--offline", "--no-audit", "--no-fund", "--cache", cache, join(work, tgz)], { encoding: "utf8" });
    bin = join(work, "prefix/bin");
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The files pre-commit would pass: every file of the folder matching `files` and not `exclude`. */
  function selected(dir: string): string[] {
    const files = new RegExp(hook?.files ?? "^$");
    const exclude = new RegExp(hook?.exclude ?? "^$");
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [relative(dir, join(d, n))]));
    return walk(dir)
      .filter((f) => files.test(f) && !exclude.test(f))
      .sort();
  }

  /** Runs the hook's entry on files, with the installed bin first on PATH. */
  function runEntry(dir: string, files: string[]): { status: number | null; stdout: string } {
    const [command, ...args] = (hook?.entry ?? "").split(" ");
    const r = spawnSync(command, [...args, ...files], { cwd: dir, encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    return { status: r.status, stdout: r.stdout };
  }

  it("is a node hook for Markdown, MDX, text and data files, leaving Safe Harbor's own files alone", () => {
    expect(hook).toMatchObject({ language: "node", entry: "safeharbor check" });
    const dir = site({ ...PHI_FILES, ...CLEAN_FILES, "posts/intro.mdx": "# Hi\n", "posts/old.markdown": "# Old\n", "config.yml": "a: 1\n", "package.json": "{}\n" });
    expect(selected(dir)).toEqual(["config.yml", "data/patients.csv", "data/testimonials.json", "notes.txt", "posts/hours.md", "posts/intro.mdx", "posts/old.markdown", "posts/story.md"]);
  });

  it("fails on the staged files that disclose PHI, naming only them", () => {
    const dir = site({ ...PHI_FILES, ...CLEAN_FILES });
    const r = runEntry(dir, selected(dir));
    expect(r.status).toBe(1);
    const named = r.stdout.split("\n").filter((l) => /^\S/.test(l) && !/finding/.test(l));
    expect(named.sort()).toEqual(["data/patients.csv", "data/testimonials.json", "posts/story.md"]);
  });

  it("passes clean files", () => {
    const dir = site(CLEAN_FILES);
    const r = runEntry(dir, selected(dir));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^0 findings \(/m);
  });
});
