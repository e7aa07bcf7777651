// Reads a JavaScript or TypeScript data module with @babel/parser: the string and template literals
// of exported arrays and objects (`export const testimonials = [...]`, `export default {...}`,
// `module.exports = ...`) become the data tree. Code is never run, and never matched with patterns.
import { parse } from "@babel/parser";
import type { DataNode, DataParse } from "./data-tree";
import { decodeEscapes } from "./data-tree";
import { MAX_DATA_DEPTH } from "./json";

/** The few fields of Babel's AST this reader walks. */
interface AstNode {
  type: string;
  start?: number | null;
  end?: number | null;
  [field: string]: unknown;
}

const DIRECTIVE_COMMENT = /^safeharbor-[a-z]/;

/** Babel plugins for a file name: TypeScript for .ts/.mts/.cts/.tsx, JSX for .jsx/.tsx/.js. */
function pluginsFor(fileName: string): ("typescript" | "jsx")[] {
  const lower = fileName.toLowerCase();
  if (/\.tsx$/.test(lower)) return ["typescript", "jsx"];
  if (/\.[mc]?ts$/.test(lower)) return ["typescript"];
  return ["jsx"];
}

/** An expression without its type assertions and parentheses (`[...] as const`, `satisfies T`). */
function unwrap(node: AstNode | undefined): AstNode | undefined {
  let n = node;
  while (n && /^(?:TSAsExpression|TSSatisfiesExpression|TSTypeAssertion|TSNonNullExpression|ParenthesizedExpression)$/.test(n.type)) n = n.expression as AstNode;
  return n;
}

/** Parses a module; a syntax error is returned with its offset, never thrown. */
export function readModule(source: string, fileName: string): DataParse {
  let program: AstNode;
  let comments: AstNode[] = [];
  try {
    const file = parse(source, { sourceType: "unambiguous", plugins: pluginsFor(fileName), errorRecovery: false }) as unknown as { program: AstNode; comments?: AstNode[] };
    program = file.program;
    comments = file.comments ?? [];
  } catch (err) {
    const e = err as { reasonCode?: string; pos?: number; loc?: { index?: number } };
    const reason = (e.reasonCode ?? "SyntaxError").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    return { error: { message: `invalid JavaScript/TypeScript (${reason})`, offset: e.pos ?? e.loc?.index ?? 0 } };
  }
  let tooDeep = false;
  /** Constants being read through an identifier (`const a = [b]; const b = [a]` ends here). */
  const resolving = new Set<AstNode>();
  const convert = (raw: AstNode | undefined, depth: number): DataNode | undefined => {
    const node = unwrap(raw);
    if (!node || node.start == null || node.end == null) return undefined;
    if (depth > MAX_DATA_DEPTH) {
      tooDeep = true;
      return undefined;
    }
    const range = { start: node.start, end: node.end };
    switch (node.type) {
      case "StringLiteral": {
        const quote = source[node.start];
        const { value, offsets } = decodeEscapes(source.slice(node.start + 1, node.end - 1), node.start + 1, true);
        return { type: "string", value, offsets, container: { style: quote === "'" ? "js-single" : "js-double", range: { start: node.start + 1, end: node.end - 1 } } };
      }
      case "TemplateLiteral": {
        // Each text part of a template is read; the `${...}` between them is code.
        const parts = (node.quasis as AstNode[]).map((q): DataNode => {
          const s = q.start ?? 0;
          const e = q.end ?? s;
          const { value, offsets } = decodeEscapes(source.slice(s, e), s, true);
          return { type: "string", value, offsets, container: { style: "js-template", range: { start: s, end: e } } };
        });
        return parts.length === 1 ? parts[0] : { type: "array", items: parts, range };
      }
      case "Identifier": {
        // a constant of the module (`export default { testimonials }`), unless it is exported itself
        const init = constants.get(String(node.name));
        if (!init || exported.includes(init) || resolving.has(init)) return undefined;
        resolving.add(init);
        const value = convert(init, depth + 1);
        resolving.delete(init);
        return value;
      }
      case "NumericLiteral":
      case "BooleanLiteral":
      case "NullLiteral":
        return { type: "scalar", raw: source.slice(node.start, node.end), range };
      case "ArrayExpression":
        return { type: "array", items: (node.elements as (AstNode | null)[]).map((e) => convert(e ?? undefined, depth + 1)).filter((e): e is DataNode => e !== undefined), range };
      case "ObjectExpression": {
        const entries: { key: string; value: DataNode }[] = [];
        for (const p of node.properties as AstNode[]) {
          if (p.type !== "ObjectProperty" || p.computed) continue;
          const k = p.key as AstNode;
          const key = k.type === "Identifier" ? String(k.name) : k.type === "StringLiteral" || k.type === "NumericLiteral" ? String(k.value) : "";
          const value = convert(p.value as AstNode, depth + 1);
          if (key && value) entries.push({ key, value });
        }
        return { type: "object", entries, range };
      }
      default:
        return undefined;
    }
  };
  // Top-level constants by name, for `export { testimonials }` and `export default testimonials`.
  const constants = new Map<string, AstNode>();
  const exported: AstNode[] = [];
  /** Records a declaration's constants; an exported declaration's values are read. */
  const declared = (decl: AstNode | undefined, isExported: boolean): void => {
    if (!decl || decl.type !== "VariableDeclaration") return;
    for (const d of decl.declarations as AstNode[]) {
      const id = d.id as AstNode;
      if (id.type === "Identifier" && d.init) {
        constants.set(String(id.name), d.init as AstNode);
        if (isExported) exported.push(d.init as AstNode);
      }
    }
  };
  const names: string[] = [];
  for (const stmt of program.body as AstNode[]) {
    if (stmt.type === "VariableDeclaration") declared(stmt, false);
    else if (stmt.type === "ExportNamedDeclaration") {
      declared(stmt.declaration as AstNode | undefined, true);
      for (const s of (stmt.specifiers as AstNode[] | undefined) ?? []) if (!stmt.source) names.push(String((s.local as AstNode).name));
    } else if (stmt.type === "ExportDefaultDeclaration") {
      const d = unwrap(stmt.declaration as AstNode);
      if (d?.type === "Identifier") names.push(String(d.name));
      else if (d) exported.push(d);
    } else if (stmt.type === "ExpressionStatement") {
      // CommonJS: module.exports = ..., exports.x = ...
      const e = stmt.expression as AstNode;
      if (e.type === "AssignmentExpression" && /^(?:module\.exports|exports)\b/.test(source.slice((e.left as AstNode).start ?? 0, (e.left as AstNode).end ?? 0))) {
        const r = unwrap(e.right as AstNode);
        if (r?.type === "Identifier") names.push(String(r.name));
        else if (r) exported.push(r);
      }
    }
  }
  for (const n of names) {
    const init = constants.get(n);
    if (init && !exported.includes(init)) exported.push(init);
  }
  const items = exported.map((e) => convert(e, 0)).filter((e): e is DataNode => e !== undefined);
  if (tooDeep) return { error: { message: `the module's data is nested more than ${MAX_DATA_DEPTH} levels deep`, offset: 0 } };
  const directives = comments
    .filter((c) => c.start != null && c.end != null && DIRECTIVE_COMMENT.test(String(c.value).trim()))
    .map((c) => ({ text: String(c.value).trim(), range: { start: c.start as number, end: c.end as number } }));
  return { root: items.length ? { type: "array", items, range: { start: 0, end: source.length } } : undefined, comments: directives };
}
