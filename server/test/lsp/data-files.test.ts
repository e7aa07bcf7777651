// The language server and the CLI report the same findings on the data fixtures (JSON, YAML, CSV,
// a TS module), and the server leaves alone the data files that `include` does not select.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { TextDocument, type TextEdit } from "vscode-languageserver-textdocument";
import { TestClient, uriOf } from "./client";
import { run } from "../cli/helpers";

const DATA = resolve(__dirname, "../../../test-fixtures/data");

/** The data fixtures: every data file under test-fixtures/data but the fixed snapshots and expectations. */
function fixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return fixtures(p);
    return /\.(json|ya?ml|csv|ts)$/.test(name) && !name.startsWith(".") && !/\.fixed\.|\.expected\./.test(name) ? [p] : [];
  });
}

/** The language id an editor would give the file (a CSV file is plain text in VS Code). */
function languageId(file: string): string {
  if (file.endsWith(".json")) return "json";
  if (/\.ya?ml$/.test(file)) return "yaml";
  if (file.endsWith(".ts")) return "typescript";
  return "plaintext";
}

interface Reported {
  code: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

const key = (r: Reported): string => `${r.code}@${r.line}:${r.character}-${r.endLine}:${r.endCharacter}`;

const clients: TestClient[] = [];
const temps: string[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe("data files in the language server", () => {
  it("reports exactly what `safeharbor check` reports on the same folder", async () => {
    const files = fixtures(DATA).sort();
    expect(files.map((f) => relative(DATA, f))).toEqual(["buffer-calendar.csv", "hootsuite-calendar.csv", "reviews.yml", "src/data/stories.ts", "testimonials.json"]);
    const cli = await run(DATA, ["check", "--format", "json", "."]);
    const byFile = new Map<string, Reported[]>();
    for (const report of JSON.parse(cli.stdout) as { file: string; findings: { ruleId: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[]) {
      byFile.set(resolve(DATA, report.file), report.findings.filter((f) => f.severity !== "hint").map((f) => ({ code: f.ruleId, line: f.range.start.line, character: f.range.start.character, endLine: f.range.end.line, endCharacter: f.range.end.character })));
    }
    expect([...byFile.keys()].sort()).toEqual(files);
    const client = await TestClient.start({ folders: [DATA] });
    clients.push(client);
    for (const file of files) {
      const uri = uriOf(file);
      await client.open(uri, readFileSync(file, "utf8"), languageId(file));
      const diagnostics = await client.diagnostics(uri);
      const lsp = diagnostics.filter((d) => d.severity !== 4).map((d) => ({ code: String(d.code), line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line, endCharacter: d.range.end.character }));
      const expected = byFile.get(file) ?? [];
      expect(expected.length, relative(DATA, file)).toBeGreaterThan(0);
      expect(lsp.map(key).sort(), relative(DATA, file)).toEqual(expected.map(key).sort());
      for (const d of diagnostics) expect(d.source).toBe("safeharbor");
    }
  });

  it("offers code actions on a JSON record whose edits keep the file valid JSON", async () => {
    const file = join(DATA, "testimonials.json");
    const text = readFileSync(file, "utf8");
    const client = await TestClient.start({ folders: [DATA] });
    clients.push(client);
    const uri = uriOf(file);
    await client.open(uri, text, "json");
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics.length).toBeGreaterThan(0);
    let applied = 0;
    for (const d of diagnostics) {
      const actions = await client.codeActions(uri, [d]);
      const titles = actions.map((a) => a.title);
      expect(titles.some((t) => /authorization/i.test(t))).toBe(true);
      expect(titles.some((t) => /^Disable/.test(t))).toBe(false);
      for (const a of actions) {
        const edits = (a.edit?.documentChanges?.flatMap((c) => ("edits" in c ? c.edits : [])) ?? Object.values(a.edit?.changes ?? {}).flat()).filter((e): e is TextEdit => "newText" in e);
        if (!edits.length) continue;
        const after = TextDocument.applyEdits(TextDocument.create(uri, "json", 1, text), edits);
        expect(() => JSON.parse(after), a.title).not.toThrow();
        applied++;
      }
    }
    expect(applied).toBeGreaterThanOrEqual(diagnostics.length * 2);
  });

  it("checks a data file only when the config's include selects it, and never package.json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "safeharbor-data-lsp-"));
    temps.push(dir);
    const feed = JSON.stringify([{ name: "Marguerite Okonkwo", quote: "My root canal went well and my periodontitis is under control." }], null, 2);
    writeFileSync(join(dir, ".safeharbor.json"), JSON.stringify({ include: ["content/**/*.json"] }));
    const selected = join(dir, "content", "testimonials.json");
    const other = join(dir, "fixtures", "testimonials.json");
    const pkg = join(dir, "content", "package.json");
    for (const f of [selected, other, pkg]) {
      mkdirp(f);
      writeFileSync(f, feed);
    }
    const client = await TestClient.start({ folders: [dir] });
    clients.push(client);
    const codes = async (file: string): Promise<string[]> => {
      await client.open(uriOf(file), feed, "json");
      return (await client.diagnostics(uriOf(file))).map((d) => String(d.code));
    };
    expect(await codes(selected)).toContain("testimonial/identifiable-patient");
    expect(await codes(other)).toEqual([]);
    expect(await codes(pkg)).toEqual([]);
  });
});

function mkdirp(file: string): void {
  mkdirSync(join(file, ".."), { recursive: true });
}
