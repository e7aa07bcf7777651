// `safeharbor fix`: writes fixes, prints a diff with --dry-run, limits rules, reads stdin, exit codes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLinter } from "@safeharbor/server/engine";
import { fixCommand, type FixIO } from "../../src/cli/fix-command";
import { main } from "../../src/cli/main";
import { mentionRule } from "./support";

const linter = createLinter([
  mentionRule([
    { find: "Tobias Wren", type: "name" },
    { find: "03/14", type: "date" },
  ]),
]);

function io(cwd: string, stdin = ""): FixIO & { out: string; err: string } {
  const state = {
    out: "",
    err: "",
    cwd,
    isTTY: false,
    stdout: (s: string) => void (state.out += s),
    stderr: (s: string) => void (state.err += s),
    readStdin: () => stdin,
  };
  return state;
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "safeharbor-fix-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("safeharbor fix", () => {
  it("writes the fixed files, reports what is left, and exits 0 when no error remains", async () => {
    const dir = workspace({ "visit.md": "Tobias Wren came in on 03/14.\n", "clean.md": "Drink water.\n" });
    const out = io(dir);
    expect(await fixCommand(["."], out, linter)).toBe(0);
    expect(readFileSync(join(dir, "visit.md"), "utf8")).toBe("A patient came in recently.\n");
    expect(readFileSync(join(dir, "clean.md"), "utf8")).toBe("Drink water.\n");
    expect(out.out).toContain("Fixed 2 findings in 1 file.");
  });

  it("prints a unified diff with --dry-run and writes nothing", async () => {
    const dir = workspace({ "visit.md": "# Visit\n\nTobias Wren came in on 03/14.\n" });
    const out = io(dir);
    expect(await fixCommand(["--dry-run", "visit.md"], out, linter)).toBe(0);
    expect(out.out).toBe("--- a/visit.md\n+++ b/visit.md\n@@ -1,3 +1,3 @@\n # Visit\n \n-Tobias Wren came in on 03/14.\n+A patient came in recently.\n");
    expect(readFileSync(join(dir, "visit.md"), "utf8")).toBe("# Visit\n\nTobias Wren came in on 03/14.\n");
  });

  it("is idempotent: a second run changes nothing", async () => {
    const dir = workspace({ "visit.txt": "Tobias Wren came in on 03/14.\r\nThanks!\r\n" });
    await fixCommand(["."], io(dir), linter);
    const once = readFileSync(join(dir, "visit.txt"), "utf8");
    const second = io(dir);
    await fixCommand(["--dry-run", "."], second, linter);
    expect(once).toBe("A patient came in recently.\r\nThanks!\r\n");
    expect(second.out).toBe("");
  });

  it("fixes only the rules named with --rules, and rejects unknown ones", async () => {
    const dir = workspace({ "visit.md": "Tobias Wren came in on 03/14.\n" });
    expect(await fixCommand(["--rules", "phi/test-identifier", "visit.md"], io(dir), linter)).toBe(0);
    const other = io(dir);
    expect(await fixCommand(["--rules", "phi/nope", "visit.md"], other, linter)).toBe(2);
    expect(other.err).toContain("phi/nope");
  });

  it("exits 1 when error-level findings remain that no fix resolves", async () => {
    const stubborn = createLinter([
      {
        meta: { ...mentionRule([]).meta, id: "story/test-stubborn", family: "story" },
        check: (ctx) => ctx.report({ messageId: "found", range: { start: 0, end: 1 } }),
      },
    ]);
    const dir = workspace({ "a.md": "Text.\n" });
    const out = io(dir);
    expect(await fixCommand(["a.md", "--format", "json"], out, stubborn)).toBe(1);
    expect(JSON.parse(out.out)[0].findings[0].ruleId).toBe("story/test-stubborn");
  });

  it("fixes standard input and prints the fixed text", async () => {
    const out = io(tmpdir(), "Tobias Wren came in on 03/14.\n");
    expect(await fixCommand(["--stdin", "--stdin-filename", "note.txt"], out, linter)).toBe(0);
    expect(out.out).toBe("A patient came in recently.\n");
  });

  it("exits 2 on usage errors and missing paths", async () => {
    const dir = workspace({});
    const bad = io(dir);
    expect(await fixCommand(["--format", "xml", "."], bad, linter)).toBe(2);
    expect(bad.err).toContain("Usage: safeharbor fix");
    expect(await fixCommand([], io(dir), linter)).toBe(2);
    expect(await fixCommand(["missing.md"], io(dir), linter)).toBe(2);
  });

  it("is dispatched from the main command and has its own help", async () => {
    const out = io(tmpdir());
    expect(await main(["fix", "--help"], out)).toBe(0);
    expect(out.out).toContain("--dry-run");
  });
});
