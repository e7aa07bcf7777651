// Protocol tests: the bundled server over stdio, driven by the client side of the LSP packages.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fork, spawnSync } from "node:child_process";
import {
  createProtocolConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  ErrorCodes,
  FileChangeType,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LSPErrorCodes,
  TextDocumentSyncKind,
  type Diagnostic,
} from "vscode-languageserver-protocol/node";
import { PULL_CLIENT, PUSH_CLIENT, SERVER_JS, TestClient, uriOf } from "./client";

/** The bundled CLI, built beside the server. */
const CLI_JS = join(SERVER_JS, "..", "cli.js");

// An unused suppression directive is reported by the engine itself whatever the rule catalogue holds,
// with a fix that removes it: a stable finding for driving the protocol. The prose around it is
// general health education that no rule should flag.
const DIRECTIVE = "<!-- safeharbor-disable-next-line claim -- reviewed by compliance -->";
const POST = `# Caring for your teeth\n\n${DIRECTIVE}\nBrushing twice a day keeps gums healthy.\n\nFlossing helps too.\n`;

const unused = (ds: Diagnostic[]) => ds.filter((d) => d.code === "safeharbor/unused-directive");

let dir: string;
const clients: TestClient[] = [];
async function start(options: Parameters<typeof TestClient.start>[0] = {}): Promise<TestClient> {
  const client = await TestClient.start({ folders: [dir], ...options });
  clients.push(client);
  return client;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "safeharbor-lsp-"));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("initialize", () => {
  it("announces incremental sync, pull diagnostics, code actions, hover and commands", async () => {
    const client = await start();
    const caps = client.initializeResult.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: TextDocumentSyncKind.Incremental });
    expect(caps.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ["quickfix", "source.fixAll.safeharbor"] });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.executeCommandProvider?.commands).toEqual(["safeharbor.deidentifyDocument", "safeharbor.scanWorkspace", "safeharbor.showRuleDocs"]);
    expect(client.initializeResult.serverInfo?.name).toBe("safeharbor-language-server");
  });

  it("warms the engine up on a sample once initialized, and reports nothing for it", async () => {
    const client = await start({ capabilities: PUSH_CLIENT });
    await client.waitFor(() => (client.logs.some((l) => l.includes("warmed up the engine in")) ? true : undefined), "the warm-up log line");
    const log = client.logs.join("\n");
    expect(log).not.toContain("checked");
    expect(log).not.toContain("Casey");
    expect([...client.published.keys()]).toEqual([]);
  });

  it("leaves out the diagnostic provider for a client without pull diagnostics", async () => {
    const client = await start({ capabilities: PUSH_CLIENT });
    expect(client.initializeResult.capabilities.diagnosticProvider).toBeUndefined();
  });

  it("also listens on Node IPC (the VS Code extension's transport)", async () => {
    const child = fork(SERVER_JS, ["--node-ipc"], { stdio: ["ignore", "ignore", "ignore", "ipc"] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      expect(result.serverInfo?.name).toBe("safeharbor-language-server");
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it("registers watchers for config and registry files when the client can", async () => {
    const client = await start();
    await client.waitFor(() => (client.registrations.includes("workspace/didChangeWatchedFiles") ? true : undefined), "watcher registration");
  });
});

describe("pull diagnostics", () => {
  it("reports a finding with code, source, docs link, severity and its fixes in data", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "pull.md"));
    await client.open(uri, POST);
    const [d] = unused(await client.diagnostics(uri));
    expect(d).toMatchObject({
      source: "safeharbor",
      code: "safeharbor/unused-directive",
      severity: DiagnosticSeverity.Hint,
      tags: [DiagnosticTag.Unnecessary],
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: DIRECTIVE.length } },
    });
    expect(d.codeDescription?.href).toMatch(/^https:\/\//);
    expect(d.data).toMatchObject({ version: 1, fixes: [{ title: "Remove the unused directive", edits: [{ newText: "" }] }] });
  });

  it("answers unchanged for the same result id, and a new full report after an edit", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "unchanged.md"));
    await client.open(uri, POST);
    const first = await client.pull(uri);
    expect(first.kind).toBe("full");
    const again = await client.pull(uri, first.resultId);
    expect(again).toEqual({ kind: "unchanged", resultId: first.resultId });
    await client.replace(uri, "Flossing", "Flossing daily");
    const after = await client.pull(uri, first.resultId);
    expect(after.kind).toBe("full");
    expect(after.resultId).not.toBe(first.resultId);
  });

  it("follows incremental edits: removing the directive removes the finding", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "incremental.md"));
    await client.open(uri, POST);
    expect(unused(await client.diagnostics(uri))).toHaveLength(1);
    await client.replace(uri, `${DIRECTIVE}\n`, "");
    await client.replace(uri, "Brushing", "Gentle brushing");
    expect(client.text(uri)).toBe("# Caring for your teeth\n\nGentle brushing twice a day keeps gums healthy.\n\nFlossing helps too.\n");
    expect(unused(await client.diagnostics(uri))).toHaveLength(0);
  });

  it("keeps the result id when an edit leaves the text as it was", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "same-text.md"));
    await client.open(uri, POST);
    const first = await client.pull(uri);
    await client.replace(uri, "Flossing", "Flossing");
    expect(await client.pull(uri, first.resultId)).toEqual({ kind: "unchanged", resultId: first.resultId });
  });

  it("answers an empty report for a document that is not open", async () => {
    const client = await start();
    expect(await client.pull(uriOf(join(dir, "never-opened.md")))).toEqual({ kind: "full", items: [] });
  });
});

describe("push diagnostics", () => {
  it("publishes on open and after incremental changes, with the document version", async () => {
    const client = await start({ capabilities: PUSH_CLIENT });
    const uri = uriOf(join(dir, "push.md"));
    await client.open(uri, POST);
    await client.waitForPublished(uri, (ds) => unused(ds).length === 1);
    expect(client.lastPublished(uri)?.version).toBe(1);
    await client.replace(uri, `${DIRECTIVE}\n`, "");
    await client.waitForPublished(uri, (ds) => unused(ds).length === 0);
    expect(client.lastPublished(uri)?.version).toBe(2);
  });

  it("clears the diagnostics of a closed document", async () => {
    const client = await start({ capabilities: PUSH_CLIENT });
    const uri = uriOf(join(dir, "push-close.md"));
    await client.open(uri, POST);
    await client.waitForPublished(uri, (ds) => ds.length > 0);
    const count = client.published.get(uri)!.length;
    await client.close(uri);
    await client.waitForPublished(uri, (ds) => ds.length === 0, count);
  });
});

describe("code actions", () => {
  it("offers the finding's fix and a document edit that applies cleanly", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "action.md"));
    await client.open(uri, POST);
    const diagnostics = unused(await client.diagnostics(uri));
    const actions = await client.codeActions(uri, diagnostics);
    const remove = actions.find((a) => a.title === "Remove the unused directive");
    expect(remove?.kind).toBe("quickfix");
    expect(remove?.diagnostics?.[0].code).toBe("safeharbor/unused-directive");
    await client.applyAndSync(remove!.edit!, uri);
    expect(client.text(uri)).toBe(POST.replace(DIRECTIVE, ""));
    expect(unused(await client.diagnostics(uri))).toHaveLength(0);
  });

  it("uses the server's cached fixes when the client drops the diagnostic data", async () => {
    const client = await start({ capabilities: PUSH_CLIENT });
    const uri = uriOf(join(dir, "action-nodata.md"));
    await client.open(uri, POST);
    const [d] = unused(await client.waitForPublished(uri, (ds) => unused(ds).length === 1));
    const { data: _dropped, ...withoutData } = d;
    const actions = await client.codeActions(uri, [withoutData]);
    expect(actions.map((a) => a.title)).toContain("Remove the unused directive");
    // This client cannot take versioned document changes: the edit comes as plain changes.
    expect(actions[0].edit?.changes?.[uri]).toHaveLength(1);
  });

  it("offers nothing for diagnostics of other tools", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "foreign.md"));
    await client.open(uri, POST);
    const foreign: Diagnostic = { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, message: "spelling", source: "cspell", code: "unknown-word" };
    expect(await client.codeActions(uri, [foreign])).toEqual([]);
  });
});

describe("hover", () => {
  it("explains a finding without quoting the document", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "hover.md"));
    await client.open(uri, POST);
    await client.diagnostics(uri);
    const hover = await client.hover(uri, 2, 10);
    const value = (hover?.contents as { value: string }).value;
    expect(value).toContain("safeharbor/unused-directive");
    expect(value).toContain("Why it matters");
    expect(value).toContain("How to fix");
    expect(value).not.toContain("reviewed by compliance");
    expect(hover?.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: DIRECTIVE.length } });
  });

  it("answers null away from any finding", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "hover-none.md"));
    await client.open(uri, POST);
    expect(await client.hover(uri, 5, 2)).toBeNull();
  });
});

describe("configuration", () => {
  it("re-reads settings on a configuration change and asks the client to pull again", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "settings.md"));
    await client.open(uri, POST);
    expect(unused(await client.diagnostics(uri))).toHaveLength(1);
    await client.configurationChanged(() => ({ enable: false }));
    await client.waitFor(() => (client.refreshes > 0 ? true : undefined), "a diagnostic refresh");
    expect(await client.diagnostics(uri)).toEqual([]);
    await client.configurationChanged(() => ({ maxFileSize: 30 }));
    const ds = await client.diagnostics(uri);
    expect(ds.filter((d) => d.code === "safeharbor/file-too-large")).toEqual([expect.objectContaining({ severity: DiagnosticSeverity.Information, source: "safeharbor" })]);
  });

  it("shows a broken config file as a diagnostic on that file and goes on linting", async () => {
    const folder = mkdtempSync(join(dir, "broken-"));
    const configFile = join(folder, ".safeharbor.json");
    writeFileSync(configFile, '{\n  "rules": { "claim": "off" },\n  "practice": { "stafff": [] }\n}\n');
    const client = await start({ folders: [folder] });
    const uri = uriOf(join(folder, "post.md"));
    await client.open(uri, POST);
    expect(unused(await client.diagnostics(uri))).toHaveLength(1);
    const [problem] = await client.waitForPublished(uriOf(configFile), (ds) => ds.length === 1);
    expect(problem).toMatchObject({ source: "safeharbor", severity: DiagnosticSeverity.Error, range: { start: { line: 2, character: 16 } } });
    expect(problem.message).toContain("stafff");
    const count = client.published.get(uriOf(configFile))!.length;
    writeFileSync(configFile, '{ "rules": { "claim": "off" } }\n');
    await client.filesChanged([{ uri: uriOf(configFile), type: FileChangeType.Changed }]);
    await client.waitForPublished(uriOf(configFile), (ds) => ds.length === 0, count);
  });
});

describe("robustness", () => {
  it("answers an unknown method with MethodNotFound and keeps serving", async () => {
    const client = await start();
    await expect(client.connection.sendRequest("safeharbor/noSuchMethod", {})).rejects.toMatchObject({ code: ErrorCodes.MethodNotFound });
    const uri = uriOf(join(dir, "after-unknown.md"));
    await client.open(uri, POST);
    expect(unused(await client.diagnostics(uri))).toHaveLength(1);
  });

  it("survives requests with malformed parameters", async () => {
    const client = await start();
    await expect(client.connection.sendRequest("textDocument/hover", { textDocument: 42 })).resolves.toBeNull();
    await expect(client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri: "file:///x.md" } })).resolves.toEqual([]);
    await expect(client.connection.sendRequest("workspace/executeCommand", { command: "safeharbor.nope" })).rejects.toMatchObject({ code: LSPErrorCodes.RequestFailed });
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: "file:///not-open.md", version: 3 }, contentChanges: [{ text: "x" }] });
    const uri = uriOf(join(dir, "after-malformed.md"));
    await client.open(uri, POST);
    expect(unused(await client.diagnostics(uri))).toHaveLength(1);
  });

  it("never writes document text to its log", async () => {
    const client = await start({ capabilities: { ...PULL_CLIENT } });
    const uri = uriOf(join(dir, "private.md"));
    await client.open(uri, `${POST}\nJane Roe visited on 03/04/2023 for a root canal.\n`);
    await client.diagnostics(uri);
    await client.replace(uri, "root canal", "crown");
    await client.diagnostics(uri);
    await client.waitFor(() => (client.logs.some((l) => l.includes("checked")) ? true : undefined), "a log line");
    const log = client.logs.join("\n");
    expect(log).toContain("safeharbor/unused-directive@3:1");
    for (const secret of ["Jane", "Roe", "03/04/2023", "root canal", "crown", "reviewed by compliance", "Brushing"]) expect(log).not.toContain(secret);
  });
});

describe("the real rule catalogue", () => {
  it("flags a patient's name tied to a diagnosis, with a preferred fix that removes the name", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "patient.md"));
    const text = "# A visit to remember\n\nOur patient Maria Lopez came in with a cracked molar and was diagnosed with diabetes.\n";
    await client.open(uri, text);
    const ds = await client.diagnostics(uri);
    const name = ds.find((d) => d.code === "phi/patient-name");
    expect(name).toMatchObject({ source: "safeharbor", severity: DiagnosticSeverity.Error, range: { start: { line: 2, character: 12 }, end: { line: 2, character: 23 } } });
    for (const d of ds) expect(d.message).not.toContain("Maria");
    const preferred = (await client.codeActions(uri, [name!])).find((a) => a.isPreferred && a.diagnostics?.[0].code === "phi/patient-name");
    client.apply(preferred!.edit!);
    expect(client.text(uri)).not.toContain("Maria Lopez");
    expect(client.text(uri)).toMatch(/came in with a cracked molar and was diagnosed with diabetes\.\n$/);
  });

  // The editor's fix-all and `safeharbor fix` are one operation: the same text comes out of both.
  const FIX_ALL_POST = [
    "# Marisol Quint, 7, asthma",
    "",
    "Our patient Marisol Quint came in with asthma on March 3, 2021. Marisol's mother, Renata Quint, drove her in.",
    "Dr. Ines Halloway treated her. Marisol's inhaler now works, and you can reach her mother at renata.quint@example.com.",
    "",
    "> Best care ever! — Tobias Wren, 72, Plano TX",
    "",
  ].join("\n");

  it("source.fixAll.safeharbor produces exactly what safeharbor fix writes", async () => {
    const file = join(dir, "fix-all-equals-cli.md");
    writeFileSync(file, FIX_ALL_POST);
    const cli = spawnSync(process.execPath, [CLI_JS, "fix", "--stdin", "--stdin-filename", file], { input: FIX_ALL_POST, encoding: "utf8", cwd: dir });
    expect(cli.stdout).not.toBe(FIX_ALL_POST);
    expect(cli.stdout).not.toContain("Marisol");
    const client = await start();
    const uri = uriOf(file);
    await client.open(uri, FIX_ALL_POST);
    await client.diagnostics(uri);
    const [fixAll] = await client.codeActions(uri, [], ["source.fixAll.safeharbor"]);
    expect(fixAll?.kind).toBe("source.fixAll.safeharbor");
    client.apply(fixAll.edit!);
    expect(client.text(uri)).toBe(cli.stdout);
  });

  // A name only the NLP pass recognises: the first diagnostics of a session come without it, then the
  // server loads the NLP library once idle and the client gets the complete set.
  const NLP_POST = "# Last month\n\nLast month our patient Zoë Baker had a hip replacement.\n";
  const nlpName = (ds: Diagnostic[]) => ds.filter((d) => d.code === "phi/patient-name");

  it("answers the first pull without waiting for the NLP library, then asks for a pull that has the names it finds", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "nlp-pull.md"));
    await client.open(uri, NLP_POST);
    const first = await client.pull(uri);
    expect(first.kind).toBe("full");
    expect(nlpName(first.kind === "full" ? first.items : [])).toEqual([]);
    await client.waitFor(() => (client.refreshes > 0 ? true : undefined), "a diagnostic refresh");
    const second = await client.pull(uri, first.kind === "full" ? first.resultId : undefined);
    expect(second.kind).toBe("full");
    expect(nlpName(second.kind === "full" ? second.items : []).map((d) => d.range.start)).toEqual([{ line: 2, character: 23 }]);
    expect(client.logs.some((l) => l.includes("names from NLP pending"))).toBe(true);
  });

  it("publishes the NLP pass's names after the first diagnostics to a push client", async () => {
    const client = await start({ capabilities: PUSH_CLIENT });
    const uri = uriOf(join(dir, "nlp-push.md"));
    await client.open(uri, NLP_POST);
    const first = await client.waitForPublished(uri);
    expect(nlpName(first)).toEqual([]);
    const complete = await client.waitForPublished(uri, (ds) => nlpName(ds).length === 1);
    expect(complete.length).toBeGreaterThan(first.length);
  });

  it("flags an outcome guarantee", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "guarantee.md"));
    await client.open(uri, "Our whitening treatment is guaranteed to cure stained teeth.\n");
    const ds = await client.diagnostics(uri);
    expect(ds).toContainEqual(expect.objectContaining({ code: "claim/outcome-guarantee", severity: DiagnosticSeverity.Warning, source: "safeharbor" }));
  });
});
