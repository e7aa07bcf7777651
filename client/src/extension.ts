// The VS Code extension: starts the bundled Safe Harbor language server, shows a finding count.
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

const LANGUAGES = ["markdown", "mdx", "plaintext"];
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

/** Starts the client when a Markdown, MDX or text document opens. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6011"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
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
  await client.start();
}

/** Stops the language server. */
export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
