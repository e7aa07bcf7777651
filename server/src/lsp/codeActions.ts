// Code actions: quick fixes from the fixes computed with each finding, fix-all, disable, allowlist.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { addToAllowlist, configFormatOf, dataLanguageOf, type AllowlistKey, type Finding } from "../engine";
import { toLspEdits, type DiagnosticData, type DiagnosticFix, type DocumentResult } from "./diagnostics";
import { fixAllEdits, hasAutoFix, lineEdits, replacementEdits } from "./fixes";
import { pathToUri, uriToPath } from "./uri";

/** The code action kind of "fix everything Safe Harbor can fix" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.safeharbor`;

/** What the client can apply. */
export interface EditCapabilities {
  /** Versioned `documentChanges` instead of `changes`. */
  documentChanges: boolean;
  /** CreateFile resource operations (needed to create a config file). */
  createFiles: boolean;
}

/** Builds a WorkspaceEdit on one document in the form the client understands. */
export function documentEdit(uri: string, version: number | null, edits: LspTextEdit[], caps: EditCapabilities): WorkspaceEdit {
  return caps.documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

const isSafeHarbor = (d: Diagnostic): boolean => d.source === "safeharbor" && typeof d.code === "string";
const sameRange = (a: Diagnostic, b: Diagnostic): boolean =>
  a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;

/** The fixes of a diagnostic: from its data when it is for this version, else from the cached result. */
function fixesOf(d: Diagnostic, doc: TextDocument, result: DocumentResult | undefined): DiagnosticFix[] | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (data && data.version === doc.version && Array.isArray(data.fixes)) return data.fixes;
  const match = result?.diagnostics.find((r) => r.code === d.code && sameRange(r, d));
  return match ? (match.data as DiagnosticData).fixes : undefined;
}

/** The comment that holds a directive in a document's language. */
function directive(doc: TextDocument, body: string): string {
  if (doc.languageId === "plaintext" || /\.txt$/i.test(doc.uri)) return body;
  if (doc.languageId === "mdx" || /\.mdx$/i.test(doc.uri)) return `{/* ${body} */}`;
  return `<!-- ${body} -->`;
}

/** A disable-next-line directive above the diagnostic's line, with a reason to fill in. */
function disableAction(d: Diagnostic, doc: TextDocument, result: DocumentResult | undefined, caps: EditCapabilities): CodeAction | undefined {
  const ruleId = String(d.code);
  if (ruleId.startsWith("safeharbor/")) return undefined;
  const line = d.range.start.line;
  const start = doc.offsetAt({ line, character: 0 });
  if (result && start < result.frontmatterEnd) return undefined;
  const text = doc.getText();
  const indent = /^[ \t>]*/.exec(text.slice(start, start + 200))?.[0] ?? "";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const newText = `${indent}${directive(doc, `safeharbor-disable-next-line ${ruleId} -- reason: `)}${eol}`;
  return {
    title: `Disable ${ruleId} for this line, with a reason`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: documentEdit(doc.uri, doc.version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText }], caps),
  };
}

/** Adds a value to the practice allowlist of the nearest config file, creating one when there is none. */
function allowlistAction(d: Diagnostic, title: string, entry: { key: AllowlistKey; value: string }, result: DocumentResult | undefined, docUri: string, caps: EditCapabilities): CodeAction | undefined {
  const existing = result?.context?.config.files[0];
  const base: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [d] };
  if (existing) {
    let edits;
    let text: string;
    try {
      text = readFileSync(existing, "utf8");
      edits = replacementEdits(text, addToAllowlist(text, configFormatOf(existing), entry.key, entry.value));
    } catch {
      return undefined;
    }
    if (!edits.length) return undefined;
    return { ...base, edit: documentEdit(pathToUri(existing), null, lineEdits(text, edits), caps) };
  }
  const docPath = uriToPath(docUri);
  const folder = result?.context?.folder ?? (docPath ? dirname(docPath) : undefined);
  if (!folder || !caps.createFiles || !caps.documentChanges) return undefined;
  const uri = pathToUri(join(folder, ".safeharbor.json"));
  return {
    ...base,
    edit: {
      documentChanges: [
        { kind: "create", uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: addToAllowlist(undefined, "json", entry.key, entry.value) }] },
      ],
    },
  };
}

/** One action applying the preferred content fixes of some findings at once (as `safeharbor fix` would). */
function fixAllAction(title: string, kind: string, doc: TextDocument, result: DocumentResult, caps: EditCapabilities, rules?: string[], relint?: Relint): CodeAction | undefined {
  const { edits, applied } = fixAllEdits(result.text, result.findings, rules, undefined, relint);
  if (applied === 0 || edits.length === 0) return undefined;
  return { title, kind, edit: documentEdit(doc.uri, doc.version, toLspEdits(edits, result.lines), caps) };
}

/** Lints a text of the document with its config: fix-all then runs the CLI's passes. */
export type Relint = (text: string) => readonly Finding[];

/** True when the client asked for a kind that `kind` falls under (no `only` means quick fixes). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(o + "."));
}

/**
 * The code actions for a request. `result` is the cached result for exactly the document's text,
 * when there is one. Quick fixes come from the fixes computed with each finding; only
 * `source.fixAll.safeharbor` lints again, through `relint`, so that it produces exactly what
 * `safeharbor fix` would.
 */
export function codeActions(params: CodeActionParams, doc: TextDocument, result: DocumentResult | undefined, caps: EditCapabilities, relint?: Relint): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    const fixAllDone = new Set<string>();
    for (const d of params.context.diagnostics.filter(isSafeHarbor)) {
      const ruleId = String(d.code);
      const fixes = fixesOf(d, doc, result);
      if (!fixes) continue;
      for (const fix of fixes) {
        if (fix.allowlist) {
          const action = allowlistAction(d, fix.title, fix.allowlist, result, doc.uri, caps);
          if (action) actions.push(action);
          continue;
        }
        if (!fix.edits.length) continue;
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], ...(fix.preferred ? { isPreferred: true } : {}), edit: documentEdit(doc.uri, doc.version, fix.edits, caps) });
      }
      // a data file's directives come with its fixes, as comments of its language, or not at all (JSON, CSV)
      if (!fixes.some((f) => f.kind === "disable") && !dataLanguageOf(doc.uri)) {
        const action = disableAction(d, doc, result, caps);
        if (action) actions.push(action);
      }
      if (result && !fixAllDone.has(ruleId)) {
        fixAllDone.add(ruleId);
        if (result.findings.filter((f) => f.ruleId === ruleId && hasAutoFix(f)).length > 1) {
          // (one pass over the cached findings: the light bulb asks for this on every cursor move)
          const action = fixAllAction(`Fix all ${ruleId} problems in this document`, CodeActionKind.QuickFix, doc, result, caps, [ruleId]);
          if (action) actions.push(action);
        }
      }
    }
  }
  if (result && only && wanted(only, FIX_ALL_KIND)) {
    const action = fixAllAction("Fix all Safe Harbor problems that have a safe fix", FIX_ALL_KIND, doc, result, caps, undefined, relint);
    if (action) actions.push(action);
  }
  return actions;
}
