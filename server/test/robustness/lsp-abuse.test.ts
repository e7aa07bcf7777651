// Abuse of the language server over stdio: unknown documents, wild positions, change storms, early closes, a silent client.
import { describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from "vscode-languageserver-protocol/node";
import { linter } from "./inputs";
import { NETWORK_MARKER, startServer, type ServerProcess } from "./server-process";

const POST = "Our patient Jane Roe was treated for diabetes; call her at 555-201-7788.\n";

/** Pulls a document's diagnostics, retrying while the server says the document changed under it. */
async function pull(server: ServerProcess, uri: string, timeout = 30_000): Promise<Diagnostic[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      const report: DocumentDiagnosticReport = await withTimeout(server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), deadline - Date.now(), `diagnostics for ${uri}`);
      return report.kind === "full" ? report.items : [];
    } catch (err) {
      if (Date.now() > deadline || !/changed/.test(String((err as Error).message))) throw err;
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer for ${what} within ${ms} ms`)), Math.max(0, ms))))]).finally(() => clearTimeout(timer));
}

async function open(server: ServerProcess, uri: string, text: string): Promise<void> {
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "markdown", version: 1, text } });
}

/** The server is alive, made no network attempt, hit no uncaught error, and still checks a fresh document. */
async function expectHealthy(server: ServerProcess): Promise<void> {
  const uri = `file:///tmp/safeharbor-health-${Date.now()}.md`;
  await open(server, uri, POST);
  const items = await pull(server, uri);
  expect(items.map((d) => d.code)).toContain("phi/patient-name");
  expect(server.exitCode()).toBeNull();
  expect(server.stderr()).not.toContain(NETWORK_MARKER);
  expect(server.stderr()).not.toMatch(/uncaught|unhandled/);
}

describe("language server abuse", () => {
  it("answers requests for unknown documents and out-of-range positions without failing", async () => {
    const server = await startServer();
    try {
      const ghost = "file:///tmp/never-opened.md";
      expect(await pull(server, ghost)).toEqual([]);
      expect(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: ghost }, position: { line: 3, character: 4 } })).toBeNull();
      expect(await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: ghost }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } })).toEqual([]);
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: "x" }] });
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: ghost } });

      const uri = "file:///tmp/known.md";
      await open(server, uri, POST);
      const items = await pull(server, uri);
      const far = { line: 1_000_000, character: 1_000_000 };
      const negative = { line: -5, character: -3 };
      for (const position of [far, negative, { line: 0, character: 1_000_000 }]) {
        await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: far }, context: { diagnostics: items } });
      }
      // Diagnostics the client made up, with ranges and codes the server never sent.
      const forged: Diagnostic[] = [{ range: { start: far, end: negative }, message: "forged", code: "phi/no-such-rule", source: "safeharbor", data: { nonsense: true } }];
      await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: far }, context: { diagnostics: forged, only: ["quickfix", "source.fixAll"] } });
      expect(await pull(server, uri)).toEqual(items);
      await expectHealthy(server);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it("ends 1,000 rapid didChange notifications with the diagnostics of the final text", async () => {
    const server = await startServer();
    try {
      const uri = "file:///tmp/storm.md";
      let text = "Notes\n";
      await open(server, uri, text);
      const line = "Our patient Jane Roe was treated for diabetes. ";
      for (let version = 2; version <= 1001; version++) {
        const at = text.length;
        const insert = line[(version - 2) % line.length];
        text += insert;
        const pos = { line: 1, character: at - 6 };
        void server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: insert }] });
      }
      const started = Date.now();
      const items = await pull(server, uri, 60_000);
      const expected = linter.lint({ uri: "storm.md", text }).findings.filter((f) => f.severity !== "hint");
      expect(items.filter((d) => d.severity !== 4).map((d) => d.code).sort()).toEqual(expected.map((f) => f.ruleId).sort());
      expect(Date.now() - started).toBeLessThan(30_000);
      await expectHealthy(server);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it("survives a didClose while the document is being checked, and forgets it", async () => {
    const server = await startServer();
    try {
      const uri = "file:///tmp/closing.md";
      await open(server, uri, (POST + "\n").repeat(3000));
      const pending = server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }).then(
        () => "answered",
        () => "cancelled",
      );
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      expect(["answered", "cancelled"]).toContain(await withTimeout(pending, 60_000, "the pull during close"));
      expect(await pull(server, uri)).toEqual([]);
      await expectHealthy(server);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it("checks documents with default settings when the client never answers workspace/configuration", async () => {
    const server = await startServer({ onConfiguration: "never" });
    try {
      const uri = "file:///tmp/silent-client.md";
      await open(server, uri, POST);
      const items = await pull(server, uri, 20_000);
      expect(items.map((d) => d.code)).toContain("phi/patient-name");
      expect(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: "file:///tmp/none.md" }, position: { line: 0, character: 0 } })).toBeNull();
      expect(server.exitCode()).toBeNull();
    } finally {
      await server.stop();
    }
  }, 120_000);
});
