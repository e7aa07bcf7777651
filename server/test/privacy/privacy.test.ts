// Privacy: the CLI and the language server make no network connections and never print the PHI they found.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DocumentDiagnosticRequest, DidOpenTextDocumentNotification, HoverRequest, CodeActionRequest, type Diagnostic } from "vscode-languageserver-protocol/node";
import { NETWORK_MARKER, NETWORK_TRAP, runCli, startServer } from "../robustness/server-process";

const FIXTURES = join(__dirname, "fixtures");

/**
 * The labeled PHI spans of the fixtures (fictional people, 555 numbers, example.com): none of these
 * may appear in anything the tools print.
 */
const LABELED_SPANS: Record<string, string[]> = {
  "spotlight.md": ["Wilhelmina", "Quarterfield", "93 years old", "March 14, 2024", "Brackenridge Heights", "type 2 diabetes", "fractured jaw", "48213977", "(555) 014-2298", "014-2298", "wquarterfield@example.com", "4417 Juniper Hollow Road", "Juniper Hollow", "wilhelmina-before"],
  "testimonial.mdx": ["Bartholomew", "Vinterlund", "sleep apnea", "Quillfeather Township", "QX-7710-2291", "91 years old", "02/07/2023", "99120455"],
  "reply.txt": ["Rosalind", "Achterberg", "rosalind_achterberg_55", "root canal", "June 3", "antibiotics", "88 Lanternfish Court", "Lanternfish", "555-013-4471", "013-4471"],
};
const ALL_SPANS = Object.values(LABELED_SPANS).flat();

/** The labeled spans that occur in a text (case-insensitive). */
function leaked(text: string): string[] {
  const lower = text.toLowerCase();
  return ALL_SPANS.filter((s) => lower.includes(s.toLowerCase()));
}

const work = mkdtempSync(join(tmpdir(), "safeharbor-privacy-"));
cpSync(FIXTURES, work, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the network trap", () => {
  it("fails a process that tries to connect, with exit code 99 and a marker on stderr", () => {
    for (const attempt of ["require('net').connect(9, '127.0.0.1')", "require('dns').lookup('example.com', () => {})", "fetch('http://127.0.0.1:9')", "require('https').get('https://example.com')", "require('dgram').createSocket('udp4')"]) {
      const r = spawnSync(process.execPath, ["--require", NETWORK_TRAP, "-e", attempt], { encoding: "utf8", timeout: 20_000 });
      expect(r.status, attempt).toBe(99);
      expect(r.stderr, attempt).toContain(NETWORK_MARKER);
    }
  });
});

describe("CLI privacy", () => {
  it("finds PHI in every fixture (so the leak checks below are meaningful)", () => {
    const r = runCli(work, ["check", "--format", "json", "."]);
    const reports = JSON.parse(r.stdout) as { file: string; findings: unknown[] }[];
    expect(reports.map((f) => f.file).sort()).toEqual(Object.keys(LABELED_SPANS).sort());
    for (const report of reports) expect(report.findings.length, report.file).toBeGreaterThan(0);
    for (const [file, spans] of Object.entries(LABELED_SPANS)) {
      const text = readFileSync(join(FIXTURES, file), "utf8");
      for (const s of spans) expect(text, `${file} holds "${s}"`).toContain(s);
    }
  });

  for (const format of ["stylish", "json", "sarif"]) {
    it(`prints no labeled PHI span in ${format} output or on stderr, and makes no network attempt`, () => {
      const r = runCli(work, ["check", "--format", format, "."]);
      expect(r.stderr).not.toContain(NETWORK_MARKER);
      expect(r.code).toBe(1);
      expect(r.stdout.length).toBeGreaterThan(100);
      expect(leaked(r.stdout)).toEqual([]);
      expect(leaked(r.stderr)).toEqual([]);
    }, 120_000);
  }

  it("prints no labeled PHI span when checking standard input, and makes no network attempt", () => {
    for (const file of readdirSync(FIXTURES)) {
      const r = runCli(work, ["check", "--format", "json", "--stdin", "--stdin-filename", file], { input: readFileSync(join(FIXTURES, file), "utf8") });
      expect(r.stderr).not.toContain(NETWORK_MARKER);
      expect(r.code, file).toBe(1);
      expect(leaked(r.stdout + r.stderr), file).toEqual([]);
    }
  }, 120_000);

  it("makes no network attempt when fixing, listing help or failing on a bad config", () => {
    const runs = [runCli(work, ["fix", "--dry-run", "."]), runCli(work, ["--help"]), runCli(work, ["check", "--config", "missing.json", "."])];
    for (const r of runs) {
      expect(r.stderr).not.toContain(NETWORK_MARKER);
      expect(r.code).not.toBe(99);
    }
  }, 120_000);
});

describe("language server privacy", () => {
  it("logs, publishes and writes no labeled PHI span, and makes no network attempt", async () => {
    const server = await startServer({ folders: [work] });
    try {
      const messages: string[] = [];
      for (const file of readdirSync(FIXTURES)) {
        const uri = `file://${join(work, file)}`;
        const languageId = file.endsWith(".mdx") ? "mdx" : file.endsWith(".txt") ? "plaintext" : "markdown";
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: readFileSync(join(FIXTURES, file), "utf8") } });
        const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
        const items: Diagnostic[] = report.kind === "full" ? report.items : [];
        expect(items.length, file).toBeGreaterThan(0);
        messages.push(...items.map((d) => (typeof d.message === "string" ? d.message : d.message.value)));
        for (const d of items) {
          const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: d.range.start });
          messages.push(JSON.stringify(hover ?? ""));
        }
        const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: items[0].range, context: { diagnostics: items } });
        messages.push(...(actions ?? []).map((a) => a.title));
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(server.stderr()).not.toContain(NETWORK_MARKER);
      expect(server.exitCode()).toBeNull();
      expect(server.logs.length).toBeGreaterThan(0);
      expect(leaked(server.logs.join("\n"))).toEqual([]);
      expect(leaked(server.stderr())).toEqual([]);
      expect(leaked(messages.join("\n"))).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
