// Language server features over a real JSON-RPC connection, with test-only rules whose fixes are known.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CancellationTokenSource, DiagnosticSeverity, DocumentDiagnosticRequest, FileChangeType, LSPErrorCodes, type CodeAction, type Diagnostic, type TextDocumentEdit, type TextEdit } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { ruleDocsUrl } from "@safeharbor/server/engine";
import { PULL_CLIENT, PUSH_CLIENT, TestClient, uriOf, type StartOptions } from "./client";
import { failingLinter, testLinter } from "./rules";

const POST = "# Recovery\n\nJane Roe came in with a toothache.\n\nLater Jane Roe said the crown felt fine.\n\nResults are guaranteed.\n";

let dir: string;
const clients: TestClient[] = [];
async function start(options: StartOptions = {}): Promise<TestClient> {
  const client = await TestClient.start({ linter: testLinter, folders: [dir], ...options });
  clients.push(client);
  return client;
}
const byRule = (ds: Diagnostic[], id: string) => ds.filter((d) => d.code === id);
const titles = (actions: CodeAction[]) => actions.map((a) => a.title);
/** A fresh folder for one test (configs do not leak between tests). */
const folder = (name: string) => mkdtempSync(join(dir, `${name}-`));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "safeharbor-features-"));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("diagnostics", () => {
  it("reports each finding with the rule's severity and message, never the matched text", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "post.md"));
    await client.open(uri, POST);
    const ds = await client.diagnostics(uri);
    expect(ds.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([
      ["phi/test-name", DiagnosticSeverity.Error, 2],
      ["phi/test-name", DiagnosticSeverity.Error, 4],
      ["claim/test-guarantee", DiagnosticSeverity.Warning, 6],
    ]);
    expect(ds[0].codeDescription?.href).toBe(ruleDocsUrl("phi/test-name"));
    for (const d of ds) expect(d.message).not.toContain("Jane");
  });

  it("applies severity overrides from the settings, per family or rule", async () => {
    const client = await start({ settings: () => ({ severity: { phi: "warn", "claim/test-guarantee": "off" } }) });
    const uri = uriOf(join(dir, "override.md"));
    await client.open(uri, POST);
    const ds = await client.diagnostics(uri);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([
      ["phi/test-name", DiagnosticSeverity.Warning],
      ["phi/test-name", DiagnosticSeverity.Warning],
    ]);
  });

  it("turns a failure to analyse into one diagnostic and logs no document text", async () => {
    const client = await start({ linter: failingLinter });
    const uri = uriOf(join(dir, "fails.md"));
    await client.open(uri, POST);
    const ds = await client.diagnostics(uri);
    expect(ds).toEqual([expect.objectContaining({ code: "safeharbor/internal-error", severity: DiagnosticSeverity.Warning, source: "safeharbor" })]);
    await client.waitFor(() => (client.logs.some((l) => l.includes("could not check")) ? true : undefined), "the failure in the log");
    expect(client.logs.join("\n")).toContain("TypeError");
    // the warm-up on a sample failed the same way, and the server went on
    expect(client.logs.join("\n")).toContain("could not warm up the engine: TypeError");
    expect(client.logs.join("\n")).not.toContain("Jane");
  });

  it("lints once per text: pulls of an unchanged document reuse the result", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "cache.md"));
    await client.open(uri, POST);
    const first = await client.pull(uri);
    await client.replace(uri, "toothache", "toothache");
    await client.pull(uri, first.resultId);
    await client.pull(uri, first.resultId);
    await client.waitFor(() => (client.logs.some((l) => l.includes("cache.md")) ? true : undefined), "a log line");
    expect(client.logs.filter((l) => l.includes("checked") && l.includes("cache.md"))).toHaveLength(1);
  });

  it("gives stale diagnostics until save when run is onSave", async () => {
    const client = await start({ settings: () => ({ run: "onSave" }) });
    const uri = uriOf(join(dir, "onsave.md"));
    await client.open(uri, POST);
    expect(byRule(await client.diagnostics(uri), "phi/test-name")).toHaveLength(2);
    await client.replace(uri, "Jane Roe came", "She came");
    expect(byRule(await client.diagnostics(uri), "phi/test-name")).toHaveLength(2);
    await client.save(uri);
    await client.waitFor(() => (client.refreshes > 0 ? true : undefined), "a refresh after save");
    expect(byRule(await client.diagnostics(uri), "phi/test-name")).toHaveLength(1);
  });

  it("pushes the diagnostics of the last text after a burst of edits", async () => {
    const client = await start({ capabilities: PUSH_CLIENT });
    const uri = uriOf(join(dir, "burst.md"));
    await client.open(uri, POST);
    await client.waitForPublished(uri, (ds) => ds.length === 3);
    await client.replace(uri, "Jane Roe came", "She came");
    await client.replace(uri, "Later Jane Roe said", "Later she said");
    await client.replace(uri, "guaranteed", "likely");
    await client.waitForPublished(uri, (ds) => ds.length === 0);
    expect(client.lastPublished(uri)?.version).toBe(4);
  });
});

describe("cancellation", () => {
  it("answers a pull for the text as it is when checked, including an edit that arrived first", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "changed-meanwhile.md"));
    await client.open(uri, POST);
    const pending = client.pull(uri);
    await client.replace(uri, "Jane Roe came", "She came");
    const report = await pending;
    expect(report.kind === "full" && report.items.map((d) => (d.data as { version: number }).version)).toEqual([2, 2]);
  });

  it("honours $/cancelRequest", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "cancelled.md"));
    await client.open(uri, POST);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
    source.cancel();
    await expect(pending).rejects.toMatchObject({ code: LSPErrorCodes.ServerCancelled, data: { retriggerRequest: true } });
    expect(await client.diagnostics(uri)).toHaveLength(3);
  });
});

describe("code actions", () => {
  it("offers the finding's fixes (preferred first), fix-all of the rule, allowlist and disable", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "actions.md"));
    await client.open(uri, POST);
    const [first] = await client.diagnostics(uri);
    const actions = await client.codeActions(uri, [first]);
    expect(titles(actions)).toEqual([
      "Replace the name with a role",
      "Replace the name with a pseudonym",
      "Add to the practice's staff in the Safe Harbor config",
      "Disable phi/test-name for this line, with a reason",
      "Fix all phi/test-name problems in this document",
    ]);
    expect(actions[0].isPreferred).toBe(true);
    expect(actions[1].isPreferred).toBeUndefined();
  });

  it("applies a quick fix to exactly the finding's range", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "quickfix.md"));
    await client.open(uri, POST);
    const [first] = await client.diagnostics(uri);
    const [role] = await client.codeActions(uri, [first]);
    client.apply(role.edit!);
    expect(client.text(uri)).toBe(POST.replace("Jane Roe came", "a patient came"));
  });

  it("fixes all findings of a rule at once", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "fixall-rule.md"));
    await client.open(uri, POST);
    const [first] = await client.diagnostics(uri);
    const fixAll = (await client.codeActions(uri, [first])).find((a) => a.title.startsWith("Fix all"))!;
    client.apply(fixAll.edit!);
    expect(client.text(uri)).toBe(POST.replaceAll("Jane Roe", "a patient"));
  });

  it("answers source.fixAll.safeharbor with every safe fix, non-overlapping", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "fixall-source.md"));
    const text = "Jane Roe visited us.\n\nResults are guaranteed.\n";
    await client.open(uri, text);
    await client.diagnostics(uri);
    const actions = await client.codeActions(uri, [], ["source.fixAll"]);
    expect(actions.map((a) => a.kind)).toEqual(["source.fixAll.safeharbor"]);
    client.apply(actions[0].edit!);
    // The visit fix contains the name fix: the outer one wins, as with `safeharbor fix`.
    expect(client.text(uri)).toBe("someone visited us.\n\nResults are guaranteed.\n");
    expect(await client.codeActions(uri, [], ["quickfix"])).toEqual([]);
  });

  it("writes a disable directive in each language's comment syntax, keeping quote markers", async () => {
    const client = await start();
    const cases: [string, string, string, string][] = [
      ["disable.md", "markdown", "> Results are guaranteed.\n", "> <!-- safeharbor-disable-next-line claim/test-guarantee -- reason:  -->\n> Results are guaranteed.\n"],
      ["disable.mdx", "mdx", "Results are guaranteed.\n", "{/* safeharbor-disable-next-line claim/test-guarantee -- reason:  */}\nResults are guaranteed.\n"],
      ["disable.txt", "plaintext", "Results are guaranteed.\n", "safeharbor-disable-next-line claim/test-guarantee -- reason: \nResults are guaranteed.\n"],
    ];
    for (const [name, languageId, text, expected] of cases) {
      const uri = uriOf(join(dir, name));
      await client.open(uri, text, languageId);
      const ds = await client.diagnostics(uri);
      const disable = (await client.codeActions(uri, ds)).find((a) => a.title.startsWith("Disable"))!;
      client.apply(disable.edit!);
      expect(client.text(uri)).toBe(expected);
    }
  });

  /** Opens the post in a folder with the given config and applies the add-to-allowlist action to it. */
  async function allowlistFirstFinding(name: string, configName: string, original: string, languageId: string): Promise<{ configUri: string; target: string; edited: string }> {
    const root = folder(name);
    const config = join(root, configName);
    writeFileSync(config, original);
    const client = await start({ folders: [root] });
    const uri = uriOf(join(root, "post.md"));
    await client.open(uri, POST);
    const [first] = await client.diagnostics(uri);
    const allow = (await client.codeActions(uri, [first])).find((a) => a.title.startsWith("Add to"))!;
    const change = allow.edit!.documentChanges![0] as TextDocumentEdit;
    const edited = TextDocument.applyEdits(TextDocument.create(uriOf(config), languageId, 1, original), change.edits as TextEdit[]);
    return { configUri: uriOf(config), target: change.textDocument.uri, edited };
  }

  it("adds a name to the allowlist of an existing JSONC config, keeping its comments", async () => {
    const original = '{\n  // our practice\n  "practice": { "staff": ["Dr. Sam Lee"] }\n}\n';
    const { configUri, target, edited } = await allowlistFirstFinding("allow-jsonc", ".safeharbor.jsonc", original, "jsonc");
    expect(target).toBe(configUri);
    expect(edited).toContain("// our practice");
    expect(edited).toMatch(/"staff": \[\s*"Dr\. Sam Lee",\s*"Jane Roe"\s*\]/);
  });

  it("adds a name to a YAML config", async () => {
    const original = "# practice details\npractice:\n  staff:\n    - Dr. Sam Lee\n";
    const { edited } = await allowlistFirstFinding("allow-yaml", ".safeharbor.yaml", original, "yaml");
    expect(edited).toBe("# practice details\npractice:\n  staff:\n    - Dr. Sam Lee\n    - Jane Roe\n");
  });

  it("creates .safeharbor.json in the workspace folder when there is no config", async () => {
    const root = folder("allow-new");
    const client = await start({ folders: [root] });
    const uri = uriOf(join(root, "post.md"));
    await client.open(uri, POST);
    const [first] = await client.diagnostics(uri);
    const allow = (await client.codeActions(uri, [first])).find((a) => a.title.startsWith("Add to"))!;
    const [create, insert] = allow.edit!.documentChanges! as [{ kind: string; uri: string }, { edits: { newText: string }[] }];
    expect(create).toMatchObject({ kind: "create", uri: uriOf(join(root, ".safeharbor.json")) });
    expect(JSON.parse(insert.edits[0].newText)).toEqual({ practice: { staff: ["Jane Roe"] } });
  });

  it("leaves the allowlist action out when the client cannot create files and there is no config", async () => {
    const root = folder("allow-push");
    const client = await start({ folders: [root], capabilities: PUSH_CLIENT });
    const uri = uriOf(join(root, "post.md"));
    await client.open(uri, POST);
    const [first] = await client.waitForPublished(uri, (ds) => ds.length === 3);
    expect(titles(await client.codeActions(uri, [first]))).not.toContain("Add to the practice's staff in the Safe Harbor config");
  });
});

describe("hover", () => {
  it("names the category, the CFR citation and the fixes, not the name", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "hover.md"));
    await client.open(uri, POST);
    await client.diagnostics(uri);
    const hover = await client.hover(uri, 2, 3);
    const value = (hover?.contents as { value: string }).value;
    expect(value).toContain("Safe Harbor: Names");
    expect(value).toContain("45 CFR 164.514(b)(2)(i)(A)");
    expect(value).toContain("Replace the name with a role");
    expect(value).toContain(ruleDocsUrl("phi/test-name"));
    expect(value).not.toContain("Jane");
    expect(hover?.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
  });
});

describe("commands", () => {
  it("de-identifies a document with every preferred fix that does not overlap another", async () => {
    const client = await start();
    const uri = uriOf(join(dir, "deidentify.md"));
    await client.open(uri, "Jane Roe visited.\n\nLater Jane Roe called.\n");
    expect(await client.execute("safeharbor.deidentifyDocument", [uri])).toEqual({ applied: 2 });
    expect(client.text(uri)).toBe("someone visited.\n\nLater a patient called.\n");
  });

  it("scans the workspace with progress and publishes diagnostics of files that are not open", async () => {
    const root = folder("scan");
    mkdirSync(join(root, "posts"));
    writeFileSync(join(root, "posts", "a.md"), "Jane Roe came in.\n");
    writeFileSync(join(root, "posts", "b.mdx"), "Results are guaranteed.\n");
    writeFileSync(join(root, "notes.txt"), "Nothing to see.\n");
    writeFileSync(join(root, "open.md"), "Jane Roe.\n");
    const client = await start({ folders: [root] });
    await client.open(uriOf(join(root, "open.md")), "Jane Roe.\n");
    const summary = await client.execute("safeharbor.scanWorkspace");
    expect(summary).toEqual({ files: 4, findings: 2, cancelled: false });
    expect(client.lastPublished(uriOf(join(root, "posts", "a.md")))?.diagnostics.map((d) => d.code)).toEqual(["phi/test-name"]);
    expect(client.lastPublished(uriOf(join(root, "posts", "b.mdx")))?.diagnostics.map((d) => d.code)).toEqual(["claim/test-guarantee"]);
    expect(client.published.has(uriOf(join(root, "open.md")))).toBe(false);
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    expect(kinds[0]).toBe("begin");
    expect(kinds).toContain("report");
    expect(kinds.at(-1)).toBe("end");
  });

  it("scans data files only where the config's include selects them, never package.json", async () => {
    const root = folder("scan-data");
    mkdirSync(join(root, "data"));
    writeFileSync(join(root, ".safeharbor.json"), '{ "include": ["data/*.json", "**/*.md"] }\n');
    const feed = JSON.stringify([{ name: "Jane Roe", quote: "Jane Roe came in." }]);
    writeFileSync(join(root, "data", "feed.json"), feed);
    writeFileSync(join(root, "data", "package.json"), feed);
    writeFileSync(join(root, "other.json"), feed);
    const client = await start({ folders: [root] });
    await client.execute("safeharbor.scanWorkspace");
    expect(client.published.has(uriOf(join(root, "data", "feed.json")))).toBe(true);
    expect(client.published.has(uriOf(join(root, "data", "package.json")))).toBe(false);
    expect(client.published.has(uriOf(join(root, "other.json")))).toBe(false);
  });

  it("skips files the config excludes", async () => {
    const root = folder("scan-exclude");
    mkdirSync(join(root, "drafts"));
    writeFileSync(join(root, ".safeharbor.json"), '{ "exclude": ["drafts/**"] }\n');
    writeFileSync(join(root, "drafts", "a.md"), "Jane Roe came in.\n");
    writeFileSync(join(root, "b.md"), "Jane Roe came in.\n");
    const client = await start({ folders: [root] });
    expect(await client.execute("safeharbor.scanWorkspace")).toMatchObject({ findings: 1 });
    expect(client.published.has(uriOf(join(root, "drafts", "a.md")))).toBe(false);
  });

  it("returns the documentation link of a rule", async () => {
    const client = await start();
    expect(await client.execute("safeharbor.showRuleDocs", ["phi/test-name"])).toBe(ruleDocsUrl("phi/test-name"));
    expect(await client.execute("safeharbor.showRuleDocs", ["no/such-rule"])).toMatch(/README\.md#rules$/);
  });
});

describe("configuration files", () => {
  it("gives each workspace folder its own config", async () => {
    const a = folder("root-a");
    const b = folder("root-b");
    writeFileSync(join(a, ".safeharbor.json"), '{ "rules": { "phi/test-name": "off" } }\n');
    writeFileSync(join(b, ".safeharbor.yaml"), "rules:\n  phi: info\n");
    const client = await start({ folders: [a, b] });
    await client.open(uriOf(join(a, "post.md")), POST);
    await client.open(uriOf(join(b, "post.md")), POST);
    expect((await client.diagnostics(uriOf(join(a, "post.md")))).map((d) => d.code)).toEqual(["claim/test-guarantee"]);
    expect(byRule(await client.diagnostics(uriOf(join(b, "post.md"))), "phi/test-name").map((d) => d.severity)).toEqual([DiagnosticSeverity.Information, DiagnosticSeverity.Information]);
  });

  it("uses the config file named in the settings", async () => {
    const root = folder("config-path");
    writeFileSync(join(root, "strict.json"), '{ "rules": { "claim": "error" } }\n');
    const client = await start({ folders: [root], settings: () => ({ configPath: "strict.json" }) });
    const uri = uriOf(join(root, "post.md"));
    await client.open(uri, POST);
    expect(byRule(await client.diagnostics(uri), "claim/test-guarantee")[0].severity).toBe(DiagnosticSeverity.Error);
  });

  it("re-applies a changed config, and keeps the last good one while the file is broken", async () => {
    const root = folder("last-good");
    const config = join(root, ".safeharbor.json");
    writeFileSync(config, '{ "rules": { "phi": "info" } }\n');
    const client = await start({ folders: [root] });
    const uri = uriOf(join(root, "post.md"));
    await client.open(uri, POST);
    expect(byRule(await client.diagnostics(uri), "phi/test-name")[0].severity).toBe(DiagnosticSeverity.Information);

    writeFileSync(config, '{ "rules": { "phi": "hint" } }\n');
    await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Changed }]);
    await client.waitFor(() => (client.refreshes >= 1 ? true : undefined), "a refresh");
    expect(byRule(await client.diagnostics(uri), "phi/test-name")[0].severity).toBe(DiagnosticSeverity.Hint);

    writeFileSync(config, '{ "rules": { "phi": "loud" } }\n');
    await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Changed }]);
    const [problem] = await client.waitForPublished(uriOf(config), (ds) => ds.length === 1);
    expect(problem.range.start).toEqual({ line: 0, character: 20 });
    expect(byRule(await client.diagnostics(uri), "phi/test-name")[0].severity).toBe(DiagnosticSeverity.Hint);
  });

  it("re-lints when the authorization registry changes", async () => {
    const root = folder("registry");
    mkdirSync(join(root, ".safeharbor"));
    const registry = join(root, ".safeharbor", "authorizations.yaml");
    writeFileSync(registry, "[]\n");
    const client = await start({ folders: [root] });
    await client.open(uriOf(join(root, "post.md")), POST);
    await client.diagnostics(uriOf(join(root, "post.md")));
    await client.filesChanged([{ uri: uriOf(registry), type: FileChangeType.Changed }]);
    await client.waitFor(() => (client.refreshes >= 1 ? true : undefined), "a refresh");
    await client.filesChanged([{ uri: uriOf(join(root, "unrelated.json")), type: FileChangeType.Changed }]);
    expect(client.refreshes).toBe(1);
  });

  it("follows workspace folder changes", async () => {
    const a = folder("folders-a");
    writeFileSync(join(a, ".safeharbor.json"), '{ "rules": { "phi": "off" } }\n');
    const client = await start({ folders: [], capabilities: PULL_CLIENT });
    const uri = uriOf(join(a, "post.md"));
    await client.open(uri, POST);
    // Outside any folder the nearest config still applies.
    expect(byRule(await client.diagnostics(uri), "phi/test-name")).toHaveLength(0);
    await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", { event: { added: [{ uri: uriOf(a), name: "a" }], removed: [] } });
    await client.waitFor(() => (client.refreshes >= 1 ? true : undefined), "a refresh");
    writeFileSync(join(a, "other.md"), POST);
    // post.md is only open in the editor; other.md is on disk and has only the guarantee (phi is off).
    expect(await client.execute("safeharbor.scanWorkspace")).toEqual({ files: 1, findings: 1, cancelled: false });
  });
});
