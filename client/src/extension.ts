// The VS Code extension: starts the bundled Safe Harbor language server, shows a finding count.
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

const LANGUAGES = ["markdown", "mdx", "plaintext"];
/** Data files: the server checks them only where the config's `include` selects them. */
const DATA_LANGUAGES = ["json", "yaml", "csv", "tsv", "javascript", "typescript", "javascriptreact", "typescriptreact"];
/** CSV/TSV by name too: without a CSV extension VS Code calls them plain text. */
const DATA_PATTERN = "**/*.{json,yaml,yml,csv,tsv,js,mjs,cjs,ts,mts,cts,jsx,tsx}";
let client: LanguageClient | undefined;

/** Counts the Safe Harbor diagnostics of every file into the status bar item. */
function createStatusItem(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem("safeharbor.findings", vscode.StatusBarAlignment.Left, 100);
  item.name = "Safe Harbor findings";
  item.command = "workbench.actions.view.problems";
  let timer: NodeJS.Timeout | undefined;
  const update = (): void => {
    timer = undefined;
    let count = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const d of diagnostics) if (d.source === "safeharbor") count++;
    }
    item.text = count ? `$(shield) ${count}` : "$(shield) 0";
    item.tooltip = count ? `Safe Harbor: ${count} finding(s). Click to open the Problems panel.` : "Safe Harbor: no findings";
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.languages.onDidChangeDiagnostics(() => {
      timer ??= setTimeout(update, 250);
    }),
    { dispose: () => clearTimeout(timer) },
  );
  update();
}

/** A JSON Schema node, as far as the starter config needs it. */
interface SchemaNode {
  default?: unknown;
  properties?: Record<string, SchemaNode>;
}

/** The configuration the schema describes with every default filled in (objects without one are built from their properties). */
function starterConfig(schema: SchemaNode): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    if (node.default !== undefined) config[key] = node.default;
    else if (node.properties) config[key] = starterConfig(node);
  }
  return config;
}

/** Creates `.safeharbor.json` from the schema's defaults in the active file's workspace folder, then opens it. */
async function createStarterConfig(context: vscode.ExtensionContext): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? (vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0] : await vscode.window.showWorkspaceFolderPick());
  if (!folder) {
    void vscode.window.showWarningMessage("Safe Harbor: open a folder first; the configuration file goes at its root.");
    return;
  }
  const target = vscode.Uri.joinPath(folder.uri, ".safeharbor.json");
  try {
    await vscode.workspace.fs.stat(target);
    void vscode.window.showInformationMessage("Safe Harbor: this folder already has a .safeharbor.json.");
  } catch {
    const schema = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, "dist/schema.json")))) as SchemaNode;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(starterConfig(schema), null, 2) + "\n"));
  }
  await vscode.window.showTextDocument(target);
}

/** Starts the client when a Markdown, MDX or text document opens. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath("dist/server.js");
  // Node (22.1 and later) keeps the server bundle's compiled code here: later starts skip most of
  // the compilation (about a third of the server's start-up). Older runtimes ignore the variable.
  const compileCache = vscode.Uri.joinPath(context.globalStorageUri, "compile-cache").fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env: { NODE_COMPILE_CACHE: compileCache } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6011"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: "file", language },
        { scheme: "untitled", language },
      ]),
      ...DATA_LANGUAGES.map((language) => ({ scheme: "file", language })),
      { scheme: "file", pattern: DATA_PATTERN },
    ],
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: {
      // Commands run from the palette carry no document: pass the active one.
      async executeCommand(command, args, next) {
        if (command === "safeharbor.deidentifyDocument" && args.length === 0) {
          const uri = vscode.window.activeTextEditor?.document.uri.toString();
          return uri ? next(command, [uri]) : undefined;
        }
        const result: unknown = await next(command, args);
        if (command === "safeharbor.scanWorkspace" && result && typeof result === "object") {
          const { files, findings } = result as { files: number; findings: number };
          void vscode.window.showInformationMessage(`Safe Harbor checked ${files} file(s) and found ${findings} problem(s).`);
        }
        return result;
      },
    },
  };
  client = new LanguageClient("safeharbor", "Safe Harbor", serverOptions, clientOptions);
  createStatusItem(context);
  context.subscriptions.push(vscode.commands.registerCommand("safeharbor.createConfig", () => createStarterConfig(context)));
  await client.start();
}

/** Stops the language server. */
export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
