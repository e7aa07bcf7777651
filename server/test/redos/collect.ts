// Finds every regular expression in the live source tree (literals, and RegExp calls with constant patterns).
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/** One regular expression found in the source, with where it is written. */
export interface FoundRegex {
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line of the literal or of the RegExp call. */
  line: number;
  source: string;
  flags: string;
  /** How the pattern was found: a literal, a RegExp call with a literal, or one folded from constants. */
  origin: "literal" | "constructor" | "folded";
}

/** A RegExp call whose pattern could not be computed from constants (reported, not checked). */
export interface UnresolvedRegex {
  file: string;
  line: number;
  text: string;
}

/** Everything the collector found. */
export interface CollectedRegexes {
  files: string[];
  found: FoundRegex[];
  unresolved: UnresolvedRegex[];
}

const SOURCE_FILE = /\.(?:ts|tsx|mts|cts)$/;

/** Every TypeScript source file under the given folders (declaration files and node_modules left out). */
export function sourceFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (SOURCE_FILE.test(name) && !name.endsWith(".d.ts")) out.push(p);
    }
  };
  for (const d of dirs) walk(d);
  return out.sort();
}

type Folded = string | string[] | { [key: string]: Folded } | undefined;

/** Computes the value of a constant string expression (templates, `+`, joins of literal arrays, consts across files). */
class ConstantFolder {
  private readonly active = new Set<ts.Node>();
  constructor(private readonly checker: ts.TypeChecker) {}

  string(node: ts.Expression): string | undefined {
    const v = this.fold(node);
    return typeof v === "string" ? v : undefined;
  }

  fold(node: ts.Expression): Folded {
    if (this.active.has(node) || this.active.size > 64) return undefined;
    this.active.add(node);
    try {
      return this.foldInner(node);
    } finally {
      this.active.delete(node);
    }
  }

  private foldInner(node: ts.Expression): Folded {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) return this.fold(node.expression);
    if (ts.isTemplateExpression(node)) {
      let s = node.head.text;
      for (const span of node.templateSpans) {
        const v = this.fold(span.expression);
        if (typeof v !== "string") return undefined;
        s += v + span.literal.text;
      }
      return s;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = this.fold(node.left);
      const b = this.fold(node.right);
      return typeof a === "string" && typeof b === "string" ? a + b : undefined;
    }
    if (ts.isArrayLiteralExpression(node)) {
      const out: string[] = [];
      for (const e of node.elements) {
        const v = ts.isSpreadElement(e) ? this.fold(e.expression) : this.fold(e);
        if (typeof v === "string" && !ts.isSpreadElement(e)) out.push(v);
        else if (Array.isArray(v) && ts.isSpreadElement(e)) out.push(...v);
        else return undefined;
      }
      return out;
    }
    if (ts.isObjectLiteralExpression(node)) {
      const out: { [key: string]: Folded } = {};
      for (const p of node.properties) {
        if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) out[p.name.text] = this.fold(p.initializer);
      }
      return out;
    }
    if (ts.isIdentifier(node)) return this.foldSymbol(node);
    if (ts.isPropertyAccessExpression(node)) {
      const base = this.fold(node.expression);
      if (base && typeof base === "object" && !Array.isArray(base)) return base[node.name.text];
      return undefined;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const target = this.fold(node.expression.expression);
      const method = node.expression.name.text;
      const args = node.arguments.map((a) => this.fold(a));
      if (Array.isArray(target) && method === "join") return target.join(typeof args[0] === "string" ? args[0] : ",");
      if (typeof target === "string" && (method === "replace" || method === "replaceAll") && typeof args[0] === "string" && typeof args[1] === "string") {
        return method === "replace" ? target.replace(args[0], args[1]) : target.split(args[0]).join(args[1]);
      }
      if (typeof target === "string" && method === "toLowerCase") return target.toLowerCase();
      if (typeof target === "string" && method === "toUpperCase") return target.toUpperCase();
    }
    return undefined;
  }

  private foldSymbol(id: ts.Identifier): Folded {
    let symbol = this.checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    const list = decl.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
    return this.fold(decl.initializer);
  }
}

const isRegExpCallee = (e: ts.Expression): boolean => ts.isIdentifier(e) && e.text === "RegExp";

/** Collects the regular expressions of every source file under `dirs`; paths are made relative to `root`. */
export function collectRegexes(root: string, dirs: readonly string[]): CollectedRegexes {
  const files = sourceFiles(dirs);
  const program = ts.createProgram(files, { allowJs: false, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true, skipLibCheck: true, noLib: true, types: [] });
  const folder = new ConstantFolder(program.getTypeChecker());
  const found: FoundRegex[] = [];
  const unresolved: UnresolvedRegex[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    const rel = relative(root, file);
    const lineOf = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf("/");
        found.push({ file: rel, line: lineOf(node), source: text.slice(1, slash), flags: text.slice(slash + 1), origin: "literal" });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && isRegExpCallee(node.expression)) {
        const [patternArg, flagsArg] = node.arguments ?? [];
        if (patternArg && patternArg.kind !== ts.SyntaxKind.RegularExpressionLiteral) {
          const source = folder.string(patternArg);
          const flags = flagsArg ? folder.string(flagsArg) : "";
          if (source !== undefined && flags !== undefined) {
            const literal = ts.isStringLiteral(patternArg) || ts.isNoSubstitutionTemplateLiteral(patternArg);
            found.push({ file: rel, line: lineOf(node), source, flags, origin: literal ? "constructor" : "folded" });
          } else {
            unresolved.push({ file: rel, line: lineOf(node), text: node.getText(sf).slice(0, 160) });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { files: files.map((f) => relative(root, f)), found, unresolved };
}
