// The Safe Harbor language server: wires documents, diagnostics, actions, hover and commands to a connection.
import type { Readable, Writable } from "node:stream";
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Linter, RuleMeta } from "../engine";
import { forgetDocument, nlpLoaded, preloadNlp, warmUp } from "../engine";
import { codeActions, FIX_ALL_KIND, type EditCapabilities } from "./codeActions";
import { COMMANDS, deidentifyDocument, scanWorkspace, showRuleDocs, type CommandContext } from "./commands";
import { DocumentLinter, relintFor, type DocumentResult, type LintReason } from "./diagnostics";
import { hoverAt } from "./hover";
import { connectionLog, describeError, type ServerLog } from "./log";
import { SettingsStore } from "./settings";
import { pathToUri, uriToPath } from "./uri";
import { WorkspaceState } from "./workspace";

export { COMMANDS } from "./commands";
export { FIX_ALL_KIND } from "./codeActions";
export type { DiagnosticData, DiagnosticFix } from "./diagnostics";
export type { DocumentSettings, RunMode } from "./settings";

/** What the server is started with. */
export interface ServerOptions {
  /** The linter with its rule catalogue (tests pass small catalogues). */
  linter: Linter;
  version?: string;
  /** Delay before re-linting after an edit, for clients that take pushed diagnostics (ms). */
  pushDelay?: number;
}

/** `initializationOptions` the server understands. */
interface InitializationOptions {
  /** Force push or pull diagnostics whatever the client supports. */
  diagnosticMode?: "push" | "pull";
  /** Settings for clients that do not answer workspace/configuration. */
  settings?: unknown;
}

/** Starts the server on a connection (it must not be listening yet); the caller calls `listen()`. */
/** How long the server must be idle before it loads the NLP library, and how long it waits at most. */
const NLP_IDLE_MS = 400;
const NLP_WAIT_MS = 2000;

export function startServer(connection: Connection, options: ServerOptions): void {
  const log: ServerLog = connectionLog(connection);
  const documents = new TextDocuments(TextDocument);
  const metas = new Map<string, RuleMeta>(options.linter.rules.map((r) => [r.meta.id, r.meta]));
  const workspace = new WorkspaceState(options.linter.ruleIds);
  const pushDelay = options.pushDelay ?? 150;
  let settings = new SettingsStore(connection, false);
  let diagnostics: DocumentLinter;
  let pull = false;
  let refreshSupport = false;
  let watchDynamic = false;
  let configDynamic = false;
  let foldersSupported = false;
  let commandContext: CommandContext;
  const folders = new Set<string>();

  const publishConfigDiagnostics = (): void =>
    workspace.flushConfigDiagnostics((file, items) => void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: items }));

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    pull = init.diagnosticMode ? init.diagnosticMode === "pull" : Boolean(caps.textDocument?.diagnostic);
    refreshSupport = Boolean(caps.workspace?.diagnostics?.refreshSupport);
    watchDynamic = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    configDynamic = Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
    foldersSupported = Boolean(caps.workspace?.workspaceFolders);
    settings = new SettingsStore(connection, Boolean(caps.workspace?.configuration));
    if (init.settings !== undefined) settings.changed({ safeharbor: init.settings });
    for (const f of params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: "root" }] : [])) folders.add(f.uri);
    workspace.setFolders([...folders]);
    diagnostics = new DocumentLinter(options.linter, settings, workspace, log, publishConfigDiagnostics, loadNlpThenRelint);
    const edits: EditCapabilities = {
      documentChanges: Boolean(caps.workspace?.workspaceEdit?.documentChanges),
      createFiles: Boolean(caps.workspace?.workspaceEdit?.resourceOperations?.includes("create")),
    };
    commandContext = {
      connection,
      linter: options.linter,
      documents,
      diagnostics,
      settings,
      workspace,
      log,
      edits,
      workDoneProgress: Boolean(caps.window?.workDoneProgress),
      showDocument: Boolean(caps.window?.showDocument?.support),
    };
    log.info(`starting: ${options.linter.rules.length} rule(s), ${pull ? "pull" : "push"} diagnostics, ${folders.size} folder(s); process up ${Math.round(process.uptime() * 1000)} ms`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(pull ? { diagnosticProvider: { identifier: "safeharbor", interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "safeharbor-language-server", ...(options.version ? { version: options.version } : {}) },
    };
  });

  connection.onInitialized(() => {
    // The first lint of a process is slow (code compiled and optimised on first use): do it now, on a
    // sample, rather than on the first document a writer opens.
    setImmediate(() => {
      try {
        log.info(`warmed up the engine in ${warmUp(options.linter).toFixed(0)} ms`);
      } catch (err) {
        log.error(`could not warm up the engine: ${describeError(err)}`);
      }
    });
    if (configDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: "safeharbor" });
    if (watchDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: "**/.safeharbor.{json,jsonc,yaml,yml}" }, { globPattern: "**/.safeharbor/*.{yaml,yml}" }],
      });
    }
    if (foldersSupported) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) folders.delete(f.uri);
        for (const f of e.added) folders.add(f.uri);
        workspace.setFolders([...folders]);
        relintAll();
      });
    }
  });

  /** Loads the NLP library (a few hundred milliseconds, once). */
  const loadNlp = (): void => {
    if (nlpLoaded()) return;
    const started = performance.now();
    preloadNlp();
    log.info(`loaded the NLP library in ${(performance.now() - started).toFixed(0)} ms`);
  };
  /**
   * The first diagnostics of a session are computed without the NLP pass rather than wait for its
   * library. Loading it takes the CPU for a few hundred milliseconds, which the editor needs to show
   * those diagnostics: it waits until the server has been idle for NLP_IDLE_MS (at most NLP_WAIT_MS
   * after the first such result), then the documents that went without are linted again.
   */
  let nlpTimer: NodeJS.Timeout | undefined;
  let firstPartial = 0;
  const loadNlpThenRelint = (): void => {
    if (nlpLoaded()) return;
    const now = Date.now();
    firstPartial ||= now;
    clearTimeout(nlpTimer);
    nlpTimer = setTimeout(() => {
      loadNlp();
      const partial = documents.all().filter((d) => diagnostics.cached(d.uri)?.partial);
      if (!partial.length) return;
      if (pull) {
        if (refreshSupport) connection.languages.diagnostics.refresh().catch((err) => log.error(`diagnostic refresh failed: ${describeError(err)}`));
      } else for (const d of partial) schedule(d.uri, "open", 0);
    }, Math.max(0, Math.min(NLP_IDLE_MS, firstPartial + NLP_WAIT_MS - now)));
  };

  // Push diagnostics: debounced per document, never sent twice for the same result.
  const timers = new Map<string, NodeJS.Timeout>();
  const pushed = new Map<string, string>();
  const schedule = (uri: string, reason: LintReason, delay: number): void => {
    if (pull) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const doc = documents.get(uri);
        if (!doc) return;
        diagnostics.diagnose(doc, reason).then(
          (r) => {
            if (!r || !documents.get(uri) || pushed.get(uri) === r.resultId) return;
            pushed.set(uri, r.resultId);
            void connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.diagnostics });
          },
          (err) => log.error(`could not publish diagnostics: ${describeError(err)}`),
        );
      }, delay),
    );
  };

  /** Re-lints every open document after a settings, config or registry change. */
  const relintAll = (): void => {
    if (pull) {
      if (refreshSupport) connection.languages.diagnostics.refresh().catch((err) => log.error(`diagnostic refresh failed: ${describeError(err)}`));
      return;
    }
    for (const doc of documents.all()) schedule(doc.uri, "open", 0);
  };

  // onDidChangeContent also fires when a document opens: the first event of a document is its opening.
  const opened = new Set<string>();
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (opened.has(uri)) return schedule(uri, "change", pushDelay);
    opened.add(uri);
    schedule(uri, "open", 0);
  });
  documents.onDidSave((e) => {
    if (!pull) return schedule(e.document.uri, "save", 0);
    // With `run: onSave` a save brings new results: ask the client to pull them.
    const before = diagnostics.cached(e.document.uri)?.resultId;
    diagnostics.diagnose(e.document, "save").then(
      (r) => {
        if (r && r.resultId !== before && refreshSupport) void connection.languages.diagnostics.refresh();
      },
      (err) => log.error(`could not check on save: ${describeError(err)}`),
    );
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    opened.delete(uri);
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    diagnostics.forget(uri);
    forgetDocument(uri);
    settings.forget(uri);
    if (!pull && pushed.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: "full", items: [] };
    let result: DocumentResult | undefined;
    try {
      result = await diagnostics.diagnose(doc, "change", () => token.isCancellationRequested);
    } catch (err) {
      log.error(`diagnostics failed for ${doc.uri}: ${describeError(err)}`);
      return { kind: "full", items: [] };
    }
    if (!result) throw new ResponseError(LSPErrorCodes.ServerCancelled, "The document changed while it was checked.", { retriggerRequest: true });
    if (params.previousResultId === result.resultId) return { kind: "unchanged", resultId: result.resultId };
    return { kind: "full", resultId: result.resultId, items: result.diagnostics };
  });

  /** The result for a document's current text: the cached one, or a lint (cached from then on). */
  const currentResult = async (uri: string): Promise<{ doc: TextDocument; result: DocumentResult | undefined } | undefined> => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = diagnostics.current(doc);
    if (cached) return { doc, result: cached };
    const fresh = await diagnostics.diagnose(doc, "request");
    return { doc, result: fresh && fresh.text === doc.getText() ? fresh : undefined };
  };

  connection.onCodeAction(async (params) => {
    try {
      const found = await currentResult(params.textDocument.uri);
      return found ? codeActions(params, found.doc, found.result, commandContext.edits, relintFor(options.linter, found.doc, found.result)) : [];
    } catch (err) {
      log.error(`code actions failed: ${describeError(err)}`);
      return [];
    }
  });

  connection.onHover(async (params) => {
    try {
      const found = await currentResult(params.textDocument.uri);
      if (!found?.result) return null;
      return hoverAt(found.result, found.doc.offsetAt(params.position), metas);
    } catch (err) {
      log.error(`hover failed: ${describeError(err)}`);
      return null;
    }
  });

  connection.onExecuteCommand(async (params, token) => {
    const args = params.arguments ?? [];
    try {
      switch (params.command) {
        case COMMANDS.deidentifyDocument:
          return await deidentifyDocument(commandContext, args[0]);
        case COMMANDS.scanWorkspace:
          return await scanWorkspace(commandContext, token);
        case COMMANDS.showRuleDocs:
          return await showRuleDocs(commandContext, args[0]);
        default:
          throw new ResponseError(LSPErrorCodes.RequestFailed, `Unknown command: ${params.command}`);
      }
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      log.error(`command ${params.command} failed: ${describeError(err)}`);
      throw new ResponseError(LSPErrorCodes.RequestFailed, `The command ${params.command} failed; see the Safe Harbor output.`);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    workspace.invalidate();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => p !== undefined);
    if (!workspace.filesChanged(paths)) return;
    log.info(`configuration changed: ${paths.length} file(s)`);
    publishConfigDiagnostics();
    relintAll();
  });

  documents.listen(connection);
}

/** Starts a server on a pair of streams (in-process tests, embedding) and starts listening. */
export function listenOnStreams(input: Readable, output: Writable, options: ServerOptions): Connection {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  startServer(connection, options);
  connection.listen();
  return connection;
}

/** Starts a server on the transport named on the command line (`--stdio`, `--node-ipc`, `--socket=N`). */
export function listenFromArgv(options: ServerOptions): Connection {
  const connection = createConnection();
  startServer(connection, options);
  connection.listen();
  return connection;
}
