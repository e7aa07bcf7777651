// A real editor: headless Neovim's built-in LSP client opens a fixture, receives diagnostics, applies fixes.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_JS } from "./client";

interface NeovimDiagnostic {
  code: string;
  source: string;
  lnum: number;
  severity: number;
  message: string;
}
interface NeovimResults {
  error: string | null;
  diagnostics?: NeovimDiagnostic[];
  steps: { applied: string | null; offered: string[]; lines: string[] }[];
  final?: NeovimDiagnostic[];
}

let dir: string;
let results: NeovimResults;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "safeharbor-nvim-"));
  const file = join(dir, "post.md");
  copyFileSync(join(__dirname, "fixtures/neovim-post.md"), file);
  const out = join(dir, "results.json");
  // Neovim is a required test dependency (.ci/run installs it): a missing nvim fails here, loudly.
  const run = spawnSync("nvim", ["--headless", "--clean", "-u", join(__dirname, "neovim.lua"), file], {
    cwd: dir,
    env: { ...process.env, SAFEHARBOR_SERVER: SERVER_JS, SAFEHARBOR_OUT: out },
    timeout: 90_000,
    encoding: "utf8",
  });
  if (run.error) throw new Error(`could not run nvim (install it: apt-get install -y neovim): ${run.error.message}`);
  if (!existsSync(out)) throw new Error(`nvim wrote no results (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  results = JSON.parse(readFileSync(out, "utf8")) as NeovimResults;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Neovim (built-in LSP client, push diagnostics)", () => {
  it("runs the whole session without an error", () => {
    expect(results.error).toBeNull();
  });

  it("receives Safe Harbor diagnostics for the unused directive and the patient's name", () => {
    const diagnostics = results.diagnostics ?? [];
    expect(diagnostics.every((d) => d.source === "safeharbor")).toBe(true);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "safeharbor/unused-directive", lnum: 2 }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "phi/patient-name", lnum: 5, severity: 1 }));
    for (const d of diagnostics) expect(d.message).not.toContain("Maria");
  });

  it("applies the code action that removes the directive", () => {
    const [step] = results.steps;
    expect(step.applied).toBe("Remove the unused directive");
    expect(step.lines).toEqual([
      "# A visit to remember",
      "",
      "",
      "Brushing twice a day keeps gums healthy.",
      "",
      "Our patient Maria Lopez came in with a cracked molar and was diagnosed with diabetes.",
    ]);
  });

  it("applies the preferred fix of the name finding: the name is gone, the rest of the text stays", () => {
    const step = results.steps[1];
    expect(step.offered).toContain("Disable phi/patient-name for this line, with a reason");
    expect(step.applied).toBeTruthy();
    expect(step.lines.slice(0, 5)).toEqual(["# A visit to remember", "", "", "Brushing twice a day keeps gums healthy.", ""]);
    expect(step.lines[5]).not.toContain("Maria Lopez");
    expect(step.lines[5]).toMatch(/^Our patient\b.*came in with a cracked molar and was diagnosed with diabetes\.$/);
    expect((results.final ?? []).map((d) => d.code)).not.toContain("phi/patient-name");
  });
});
