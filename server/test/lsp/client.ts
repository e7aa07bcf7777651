// A test LSP client: drives the Safe Harbor server over a real JSON-RPC connection and keeps the documents.
import { spawn, type ChildProcess } from "node:child_process";
import { PassThrough } from "node:stream";
import { join } from "node:path";
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Linter } from "@safeharbor/server/engine";
import { listenOnStreams } from "../../src/lsp";

/** Where the bundled server is built (see globalSetup). */
export const SERVER_JS = join(__dirname, "../../dist/server.js");

/** Client capabilities like VS Code's: pull diagnostics, configuration, versioned edits, file creation. */
export const PULL_CLIENT: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } }, isPreferredSupport: true, dataSupport: true },
    hover: { contentFormat: ["markdown", "plaintext"] },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ["create"] },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    executeCommand: { dynamicRegistration: false },
  },
  window: { workDoneProgress: true, showDocument: { support: false } },
};

/** Client capabilities of an editor that takes pushed diagnostics only (like Neovim 0.7). */
export const PUSH_CLIENT: ClientCapabilities = {
  textDocument: { synchronization: { didSave: true }, publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } } },
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: false } },
};

/** How a test client starts. */
export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** Workspace folder paths. */
  folders?: string[];
  initializationOptions?: unknown;
  /** Answers workspace/configuration for a scope URI (the `safeharbor` section). */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Run the server in this process with this linter (test rules) instead of spawning the bundle. */
  linter?: Linter;
}

/** One connection to a server, with the documents it has open and what the server sent. */
export class TestClient {
  readonly documents = new Map<string, TextDocument>();
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  refreshes = 0;
  registrations: string[] = [];
  settings: (scopeUri: string | undefined) => unknown;
  initializeResult!: InitializeResult;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly process: ChildProcess | undefined,
    settings: (scopeUri: string | undefined) => unknown,
  ) {
    this.settings = settings;
  }

  /** Starts a server (spawned from the bundle unless a linter is given) and initializes it. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    let connection: ProtocolConnection;
    let child: ChildProcess | undefined;
    if (options.linter) {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      listenOnStreams(toServer, toClient, { linter: options.linter, pushDelay: 20 });
      connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    } else {
      child = spawn(process.execPath, [SERVER_JS, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    const client = new TestClient(connection, child, options.settings ?? (() => ({})));
    client.listen();
    const folders = options.folders ?? [];
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: options.capabilities ?? PULL_CLIENT,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f })),
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onRequest(ConfigurationRequest.type, (params) => params.items.map((i) => this.settings(i.scopeUri)));
    c.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
    });
    c.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
      this.notify();
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    c.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.apply(params.edit);
      return { applied: true };
    });
    c.onNotification("$/progress", (p: unknown) => {
      this.progress.push(p);
    });
    c.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
    });
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.notify();
    });
    c.listen();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `check` returns a value (re-checked on every notification), or fails after a timeout. */
  async waitFor<T>(check: () => T | undefined, what: string, timeout = 10_000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The diagnostics last pushed for a document. */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(uri)?.at(-1);
  }

  /** Waits for pushed diagnostics of a document that satisfy a predicate. */
  waitForPublished(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true, from = 0): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const list = this.published.get(uri) ?? [];
      for (let i = list.length - 1; i >= from; i--) if (predicate(list[i].diagnostics)) return list[i].diagnostics;
      return undefined;
    }, `diagnostics for ${uri}`);
  }

  async open(uri: string, text: string, languageId = "markdown"): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes (applied to the local copy too). */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const doc = this.documents.get(uri)!;
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: changes });
  }

  /** Replaces the first occurrence of `search` with `replacement` as an incremental change. */
  async replace(uri: string, search: string, replacement: string): Promise<void> {
    const doc = this.documents.get(uri)!;
    const at = doc.getText().indexOf(search);
    if (at < 0) throw new Error(`"${search}" not in ${uri}`);
    await this.change(uri, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + search.length) }, text: replacement }]);
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  }

  /** Pulls and returns the full report's diagnostics. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    if (report.kind !== "full") throw new Error("expected a full report");
    return report.items;
  }

  async codeActions(uri: string, diagnostics: Diagnostic[], only?: string[], range?: Range): Promise<CodeAction[]> {
    const r = range ?? diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: r, context: { diagnostics, ...(only ? { only } : {}) } });
    return (result ?? []).filter((a): a is CodeAction => "title" in a && !("command" in a && typeof a.command === "string"));
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  execute(command: string, args: unknown[] = []): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  async configurationChanged(settings: (scopeUri: string | undefined) => unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Applies a workspace edit to the open documents (text edits only; created files are recorded). */
  readonly created: string[] = [];
  readonly otherEdits = new Map<string, { range: Range; newText: string }[]>();
  apply(edit: WorkspaceEdit): void {
    const byUri = new Map<string, { range: Range; newText: string }[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ("kind" in change) {
        if (change.kind === "create") this.created.push(change.uri);
        continue;
      }
      const doc = this.documents.get(change.textDocument.uri);
      if (doc && change.textDocument.version !== null && change.textDocument.version !== doc.version) throw new Error("edit for a stale version");
      byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...change.edits.filter((e) => "newText" in e)]);
    }
    for (const [uri, edits] of byUri) {
      const doc = this.documents.get(uri);
      if (!doc) {
        this.otherEdits.set(uri, edits);
        continue;
      }
      this.documents.set(uri, TextDocument.create(uri, doc.languageId, doc.version, TextDocument.applyEdits(doc, edits)));
    }
  }

  /** Applies an edit locally and sends the result to the server as a full-range change. */
  async applyAndSync(edit: WorkspaceEdit, uri: string): Promise<void> {
    const before = this.documents.get(uri)!;
    this.apply(edit);
    const after = this.documents.get(uri)!.getText();
    this.documents.set(uri, before);
    await this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: before.positionAt(before.getText().length) }, text: after }]);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    this.process?.kill();
  }
}

/** The file URI of a path. */
export function uriOf(path: string): string {
  return new URL(`file://${path}`).href;
}
