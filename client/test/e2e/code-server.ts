// Runs code-server (VS Code in the browser) on 127.0.0.1 with the packaged extension installed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { delimiter, join } from "node:path";

/** Where `client/test/e2e/install.sh` puts code-server and Node 24, unless the environment says otherwise. */
export function installedPaths(): { codeServer: string; nodeBin: string } {
  const cache = process.env.SAFEHARBOR_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? "/root", ".cache"), "safeharbor-e2e");
  const codeServer = process.env.SAFEHARBOR_CODE_SERVER ?? join(cache, "code-server-4.139.1/node_modules/.bin/code-server");
  const nodeBin = process.env.SAFEHARBOR_NODE24_BIN ?? join(cache, "node24/node_modules/node/bin");
  for (const path of [codeServer, join(nodeBin, "node")]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run client/test/e2e/install.sh first (it installs Chromium, Node 24 and code-server)`);
  }
  return { codeServer, nodeBin };
}

/**
 * User settings that keep the workbench quiet and typing exact: no welcome page, chat, suggestions,
 * auto-closed quotes, or whitespace changes on save.
 */
const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.layoutControl.enabled": false,
  "window.commandCenter": false,
  "chat.disableAIFeatures": true,
  "chat.commandCenter.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "editor.minimap.enabled": false,
  "editor.wordWrap": "on",
  "editor.hover.delay": 150,
  "editor.lightbulb.enabled": "on",
  "editor.quickSuggestions": { other: "off", comments: "off", strings: "off" },
  "editor.suggestOnTriggerCharacters": false,
  "editor.acceptSuggestionOnEnter": "off",
  "editor.autoClosingBrackets": "never",
  "editor.autoClosingQuotes": "never",
  "editor.autoSurround": "never",
  "editor.formatOnSave": false,
  "files.trimTrailingWhitespace": false,
  "files.insertFinalNewline": false,
  "files.autoSave": "off",
};

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** A running code-server. */
export interface CodeServer {
  url: string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  /** How many extension hosts (one per window) have finished starting up, from code-server's logs. */
  readyExtensionHosts(): number;
  stop(): Promise<void>;
}

/** Options of a code-server run: all of its state lives under `home`. */
export interface CodeServerOptions {
  home: string;
  vsix: string;
}

function environment(home: string, nodeBin: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${nodeBin}${delimiter}${process.env.PATH ?? ""}`,
    HOME: home,
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    // No marketplace: code-server talks to 127.0.0.1 only.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: "http://127.0.0.1:9/gallery", itemUrl: "http://127.0.0.1:9/items" }),
  };
}

/**
 * Counts the extension hosts whose log says their eager extensions are activated: the window is
 * done starting up, and what happens next is up to the extensions a file activates.
 */
function readyExtensionHosts(logs: string): number {
  if (!existsSync(logs)) return 0;
  let ready = 0;
  for (const session of readdirSync(logs)) {
    for (const host of existsSync(join(logs, session)) ? readdirSync(join(logs, session)) : []) {
      const log = join(logs, session, host, "remoteexthost.log");
      if (host.startsWith("exthost") && existsSync(log) && readFileSync(log, "utf8").includes("Eager extensions activated")) ready++;
    }
  }
  return ready;
}

/** Installs the `.vsix` into a fresh user and extensions folder, then starts code-server on a free port. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { codeServer, nodeBin } = installedPaths();
  const userData = join(options.home, "user-data");
  const extensions = join(options.home, "extensions");
  mkdirSync(join(userData, "User"), { recursive: true });
  writeFileSync(join(userData, "User/settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
  const env = environment(options.home, nodeBin);
  const dirs = ["--user-data-dir", userData, "--extensions-dir", extensions];
  const install = spawnSync(codeServer, [...dirs, "--install-extension", options.vsix], { env, encoding: "utf8", timeout: 120_000 });
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    throw new Error(`code-server could not install ${options.vsix}: ${install.stdout}${install.stderr}${install.error?.message ?? ""}`);
  }
  const port = await freePort();
  const config = join(options.home, "config.yaml");
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = ["--config", config, ...dirs, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override"];
  const child: ChildProcess = spawn(codeServer, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url}: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => output,
    readyExtensionHosts: () => readyExtensionHosts(join(userData, "logs")),
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null || child.pid === undefined) return resolveStop();
        child.once("exit", () => resolveStop());
        // The whole process group: code-server, its extension host and the language server.
        process.kill(-child.pid, "SIGTERM");
        setTimeout(() => {
          if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        }, 5_000).unref();
      }),
  };
}
