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
    // String.raw`...` (also through a const alias, `const r = String.raw`), folded in the pieces of pattern-kit calls
    const rawTag = (tag: ts.Expression): boolean => tag.getText() === "String.raw" || (ts.isIdentifier(tag) && this.constInitializer(tag)?.getText() === "String.raw");
    if (this.kitDepth > 0 && ts.isTaggedTemplateExpression(node) && rawTag(node.tag)) {
      const t = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) return t.rawText;
      let s = t.head.rawText ?? "";
      for (const span of t.templateSpans) {
        const v = this.fold(span.expression);
        if (typeof v !== "string") return undefined;
        s += v + (span.literal.rawText ?? "");
      }
      return s;
    }
    const kit = this.kitCall(node);
    if (kit) return kit.source;
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

  /**
   * A call of one of analysis/pattern-kit.ts's helpers (`rx`, `words`, `either`, `someWords`) computed from
   * constants: the pattern text it builds, and for `rx` its flags. Undefined for any other expression.
   */
  kitCall(node: ts.Node): { fn: string; source: string; flags?: string } | undefined {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
    const fn = this.kitFunction(node.expression);
    if (!fn) return undefined;
    this.kitDepth++;
    try {
      return this.kitCallOf(fn, node.arguments);
    } finally {
      this.kitDepth--;
    }
  }

  /** How many pattern-kit calls are being folded (String.raw templates fold only inside them). */
  private kitDepth = 0;

  private kitCallOf(fn: string, args: ts.NodeArray<ts.Expression>): { fn: string; source: string; flags?: string } | undefined {
    if (fn === "words") {
      const list = args.length === 1 ? this.pieceList(args[0]) : undefined;
      return list && { fn, source: `(?:${list.join("|")})` };
    }
    if (fn === "either") {
      const list = this.pieceList(args);
      return list && { fn, source: list.join("|") };
    }
    if (fn === "rx") {
      const flags = args[0] ? this.fold(args[0]) : undefined;
      const list = this.pieceList(args.slice(1));
      return typeof flags === "string" && list ? { fn, source: list.join(""), flags } : undefined;
    }
    // someWords(n, max = 24, sep = "\\s")
    const num = (e: ts.Expression | undefined, d: number): number | undefined => (e === undefined ? d : ts.isNumericLiteral(e) ? Number(e.text) : undefined);
    const n = num(args[0], NaN), max = num(args[1], 24);
    const sep = args[2] ? this.fold(args[2]) : "\\s";
    if (n === undefined || Number.isNaN(n) || max === undefined || typeof sep !== "string") return undefined;
    return { fn, source: `(?:[\\w-]{1,${max}}${sep}){0,${n}}?` };
  }

  /** True for a regex literal written as an argument (or an element of an array argument) of a pattern-kit call. */
  isKitPiece(node: ts.Node): boolean {
    let p = node.parent;
    while (p && (ts.isArrayLiteralExpression(p) || ts.isSpreadElement(p))) p = p.parent;
    return !!p && ts.isCallExpression(p) && ts.isIdentifier(p.expression) && this.kitFunction(p.expression) !== undefined;
  }

  /** The name of the pattern-kit helper an identifier refers to (resolved through imports and re-exports). */
  kitFunction(id: ts.Identifier): string | undefined {
    let symbol = this.checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!decl || !ts.isFunctionDeclaration(decl) || !decl.name || !decl.getSourceFile().fileName.endsWith("/analysis/pattern-kit.ts")) return undefined;
    return ["rx", "words", "either", "someWords"].includes(decl.name.text) ? decl.name.text : undefined;
  }

  /** A piece of a pattern-kit call: a regex literal gives its source; strings, constants and other kit calls their text. */
  private piece(node: ts.Expression): string | undefined {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText();
      return text.slice(1, text.lastIndexOf("/"));
    }
    if (ts.isIdentifier(node)) {
      const init = this.constInitializer(node);
      return init ? this.piece(init) : undefined;
    }
    return this.string(node);
  }

  /** The pieces of an argument list or of an array (literal or constant), spreads included. */
  private pieceList(node: ts.Expression | readonly ts.Expression[]): string[] | undefined {
    let elements: readonly ts.Expression[];
    if (!("kind" in node)) elements = node;
    else if (ts.isArrayLiteralExpression(node)) elements = node.elements;
    else if (ts.isIdentifier(node)) {
      const init = this.constInitializer(node);
      return init ? this.pieceList(init) : undefined;
    } else return undefined;
    const out: string[] = [];
    for (const e of elements) {
      if (ts.isSpreadElement(e)) {
        const inner = this.pieceList(e.expression);
        if (!inner) return undefined;
        out.push(...inner);
      } else {
        const v = this.piece(e);
        if (v === undefined) return undefined;
        out.push(v);
      }
    }
    return out;
  }

  /** The initializer of the const an identifier refers to. */
  private constInitializer(id: ts.Identifier): ts.Expression | undefined {
    let symbol = this.checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    const list = decl.parent;
    return ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const ? decl.initializer : undefined;
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
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && folder.isKitPiece(node)) {
        // a piece of a pattern composed with pattern-kit: it never runs alone; the composed pattern is checked
      } else if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf("/");
        found.push({ file: rel, line: lineOf(node), source: text.slice(1, slash), flags: text.slice(slash + 1), origin: "literal" });
      } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && folder.kitFunction(node.expression) === "rx" && !folder.isKitPiece(node)) {
        // a pattern composed with analysis/pattern-kit.ts's rx()
        const built = folder.kitCall(node);
        if (built?.flags !== undefined) found.push({ file: rel, line: lineOf(node), source: built.source, flags: built.flags, origin: "folded" });
        else unresolved.push({ file: rel, line: lineOf(node), text: node.getText(sf).slice(0, 160) });
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
