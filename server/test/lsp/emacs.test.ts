// A real editor: Emacs in batch mode with eglot, configured as the README says, receives the diagnostics.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_JS } from "./client";

interface EmacsDiagnostic {
  code: string;
  source: string;
  line: number;
  severity: number;
  type: string;
  text: string;
}
interface EmacsResults {
  error: string | null;
  mode?: string;
  server?: string;
  diagnostics?: EmacsDiagnostic[];
}

const CONFIG = join(__dirname, "emacs-config.el");
let dir: string;
let results: EmacsResults;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "safeharbor-emacs-"));
  const file = join(dir, "post.md");
  copyFileSync(join(__dirname, "fixtures/emacs-post.md"), file);
  // The README's configuration starts `safeharbor-language-server`: put the built one on PATH.
  const bin = join(dir, "bin");
  mkdirSync(bin);
  symlinkSync(SERVER_JS, join(bin, "safeharbor-language-server"));
  const out = join(dir, "results.json");
  // Emacs and eglot are required test dependencies (.ci/run installs them): a missing emacs fails here.
  const run = spawnSync("emacs", ["--batch", "--eval", "(package-initialize)", "-l", join(__dirname, "emacs.el")], {
    cwd: dir,
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`, HOME: dir, SAFEHARBOR_CONFIG: CONFIG, SAFEHARBOR_FILE: file, SAFEHARBOR_OUT: out },
    timeout: 90_000,
    encoding: "utf8",
  });
  if (run.error) throw new Error(`could not run emacs (install it: apt-get install -y emacs-nox elpa-eglot): ${run.error.message}`);
  if (!existsSync(out)) throw new Error(`emacs wrote no results (exit ${run.status}): ${run.stderr.slice(-800)}`);
  results = JSON.parse(readFileSync(out, "utf8")) as EmacsResults;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Emacs (eglot 1.9, push diagnostics through Flymake)", () => {
  it("runs the whole session without an error", () => {
    expect(results.error).toBeNull();
  });

  it("starts the Safe Harbor server for a Markdown buffer", () => {
    expect(results.mode).toBe("markdown-mode");
    expect(results.server).toBe("safeharbor-language-server");
  });

  it("receives exactly the findings of the fixture, as Flymake errors that name the rule", () => {
    const diagnostics = results.diagnostics ?? [];
    expect(diagnostics.map((d) => `${d.line + 1} ${d.code}`).sort()).toEqual(["5 phi/health-detail", "5 phi/patient-name", "5 story/patient-story"]);
    for (const d of diagnostics) {
      expect(d.source).toBe("safeharbor");
      expect(d.type).toBe("eglot-error");
      expect(d.text).toContain(`safeharbor [${d.code}]: `);
      expect(d.text).not.toContain("Maria");
    }
  });

  it("is configured exactly as the README's Emacs section says", () => {
    const readme = readFileSync(join(__dirname, "../../../README.md"), "utf8");
    const config = readFileSync(CONFIG, "utf8").split("\n").filter((line) => !line.startsWith(";;;")).join("\n").trim();
    expect(readme).toContain("```elisp\n" + config + "\n```");
  });
});
