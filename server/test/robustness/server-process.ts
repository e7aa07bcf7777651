// Spawns the bundled CLI or language server (optionally with the network trap) and records what it says.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

/** The bundles built by `npm run build` (the vitest global setup builds them). */
export const CLI_JS = join(__dirname, "../../dist/cli.js");
export const SERVER_JS = join(__dirname, "../../dist/server.js");
/** The preload that fails the process (exit 99) on any network attempt. */
export const NETWORK_TRAP = join(__dirname, "../privacy/trap-network.cjs");
/** What the trap prints on stderr. */
export const NETWORK_MARKER = "SAFEHARBOR-NETWORK-ATTEMPT";

/** The result of a CLI run. */
export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node server/dist/cli.js ...args` in `cwd`, with the network trap unless told otherwise. */
export function runCli(cwd: string, args: readonly string[], options: { trap?: boolean; input?: string } = {}): ProcessRun {
  const preload = options.trap === false ? [] : ["--require", NETWORK_TRAP];
  const r = spawnSync(process.execPath, [...preload, CLI_JS, ...args], { cwd, encoding: "utf8", input: options.input ?? "", timeout: 240_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/** Client capabilities of a pull-diagnostics editor that answers configuration requests. */
export const CAPABILITIES: ClientCapabilities = {
  textDocument: { synchronization: { didSave: true }, diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ["markdown", "plaintext"] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } } } },
  workspace: { configuration: true, workspaceFolders: true, applyEdit: true },
};

/** A spawned language server over stdio with everything it logged and published. */
export interface ServerProcess {
  connection: ProtocolConnection;
  child: ChildProcess;
  logs: string[];
  published: PublishDiagnosticsParams[];
  /** Everything the server wrote to stderr. */
  stderr(): string;
  /** Exit code once exited (null while running). */
  exitCode(): number | null;
  stop(): Promise<void>;
}

/** Spawns `server.js --stdio` (with the network trap) and initializes it; `onConfiguration` answers workspace/configuration. */
export async function startServer(options: { folders?: string[]; trap?: boolean; onConfiguration?: "answer" | "never" } = {}): Promise<ServerProcess> {
  const preload = options.trap === false ? [] : ["--require", NETWORK_TRAP];
  const child = spawn(process.execPath, [...preload, SERVER_JS, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  let exitCode: number | null = null;
  child.stderr!.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  child.on("exit", (code) => (exitCode = code ?? -1));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification(LogMessageNotification.type, (p) => {
    logs.push(p.message);
  });
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
  });
  // A client that never answers workspace/configuration leaves the request pending for ever.
  connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => (options.onConfiguration === "never" ? new Promise(() => undefined) : params.items.map(() => ({}))));
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onRequest("workspace/diagnostic/refresh", () => null);
  connection.onError(() => undefined);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: CAPABILITIES,
    workspaceFolders: (options.folders ?? []).map((f) => ({ uri: `file://${f}`, name: f })),
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    child,
    logs,
    published,
    stderr: () => stderr,
    exitCode: () => exitCode,
    async stop() {
      try {
        await Promise.race([connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification("exit");
      } catch {
        // The server may already be gone.
      }
      await new Promise((r) => setTimeout(r, 100));
      connection.dispose();
      if (exitCode === null) child.kill();
    },
  };
}
