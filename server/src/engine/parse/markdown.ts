// Parses Markdown and MDX with unified/remark into prose blocks with exact source offsets.
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { linearOffsets } from "../text/align";
import { LineIndex } from "../text/lines";
import type { BlockKind, ComponentRef, Language, OffsetRange, ParsedDocument, ProseBlock } from "../types";
import { BlockBuilder, type BlockContext } from "./builder";
import { readToml, readYaml } from "./frontmatter";
import { bareLinks } from "./links";
import { parsePlaintext } from "./plaintext";

/** The subset of mdast/mdx node fields the walker reads. */
interface MdNode {
  type: string;
  value?: unknown;
  name?: string | null;
  url?: string;
  alt?: string | null;
  title?: string | null;
  depth?: number;
  children?: MdNode[];
  attributes?: MdAttribute[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}
interface MdAttribute {
  type: string;
  name?: string;
  value?: unknown;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export interface ParseOptions {
  /** Front matter keys to read as prose; empty or missing: every string value. */
  frontmatterKeys?: readonly string[];
}

/**
 * GitHub Flavored Markdown without autolink literals: tables, strikethrough, footnotes and task
 * lists. Bare URLs and emails stay in the prose text (the identifier detectors read them there);
 * the autolink literal extension is left out because its parse time grows with the square of a
 * paragraph's length (a 240 KB paragraph after a stray `[` took over a minute).
 */
function gfmWithoutAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(gfmWithoutAutolinks);
const mdxProcessor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(gfmWithoutAutolinks).use(remarkMdx);

/**
 * Documents whose lists or block quotes nest deeper than this are read as plain text: the Markdown
 * parser's time grows with the square of the nesting depth, and deep trees overflow the stack.
 */
export const MAX_NESTING = 100;
/**
 * Paragraphs with more emphasis delimiter runs (`*`, `_`, `~`) than this are read as plain text: the
 * parser resolves emphasis in time that grows with the square of the runs (6,000 took 12 s).
 */
export const MAX_DELIMITER_RUNS = 2000;
/** Syntax trees deeper than this (nested JSX, emphasis) are read as plain text too. */
const MAX_TREE_DEPTH = 400;

/** Thrown by the walker when the syntax tree is deeper than MAX_TREE_DEPTH. */
class TooDeep extends Error {}

const IMAGE_COMPONENT = /^(img|image|picture|figure|gallery|beforeafter|photo|avatar)$|image|photo|gallery|beforeafter/i;
/** `<img>` tags; the tag body stops at the next `<`, so scanning stays linear. */
const HTML_IMG = /<img\b[^<>]*>/gi;
const HTML_ATTR = /\b(src|alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/**
 * Comments, script and style elements, and tags of raw HTML: what is not text. Unclosed comments,
 * elements and processing instructions run to the end; a tag stops at the next `<` (linear time).
 */
const HTML_MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)|<\/?([A-Za-z][\w-]*)(?![\w-])(?:[^<>"']|"[^"<]*"|'[^'<]*')*>|<![A-Za-z][^<>]*>|<\?[\s\S]*?(?:\?>|$)/g;
/** Tags that separate words (block-level elements and line breaks). */
/** An object literal without nested braces, and its string properties (`alt: "..."`), in an MDX expression prop. */
const OBJECT_LITERAL = /\{[^{}]{1,800}\}/g;
const STRING_PROPERTY = /\b(src|alt|caption|title|label)\s*:\s*(["'`])((?:(?!\2)[^\\\n]){0,300})\2/g;
/** Tags that start or end a quotation or its attribution. */
const QUOTE_TAG = /^(?:blockquote|q|cite|figcaption)$/i;
const BLOCK_TAG = /^(address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)$/i;
/** A JavaScript string literal with no interpolation: quote, then content. */
const STRING_LITERAL = /^\s*(["'`])((?:(?!\1)[^\\$]|\\[\s\S]|\$(?!\{))*)\1\s*$/;
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ndash: "\u2013", mdash: "\u2014", rsquo: "\u2019", lsquo: "\u2018", rdquo: "\u201d", ldquo: "\u201c", hellip: "\u2026", eacute: "\u00e9" };

/** Decodes the common character references of raw HTML text (others are kept as written). */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|([A-Za-z]+));/g, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec || hex) {
      const cp = parseInt((dec ?? hex) as string, dec ? 10 : 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED_ENTITIES[(name ?? "").toLowerCase()] ?? m;
  });
}

/** The closed `<!-- ... -->` comments of a text (a scan with indexOf: linear, unlike a lazy regex). */
export function htmlComments(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let at = text.indexOf("<!--");
  while (at >= 0) {
    const close = text.indexOf("-->", at + 4);
    if (close < 0) break;
    out.push({ text: text.slice(at + 4, close), start: at, end: close + 3 });
    at = text.indexOf("<!--", close + 3);
  }
  return out;
}

function rangeOf(node: { position?: MdNode["position"] }): OffsetRange | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : { start: s, end: e };
}

/** Walks the syntax tree and collects prose blocks and references. */
class Walker {
  readonly doc: ParsedDocument;
  constructor(
    uri: string,
    language: Language,
    readonly source: string,
    private readonly options: ParseOptions,
  ) {
    this.doc = { uri, language, source, blocks: [], images: [], links: [], components: [], comments: [] };
  }

  private push(block: Omit<ProseBlock, "index">): number {
    const index = this.doc.blocks.length;
    this.doc.blocks.push({ ...block, index } as ProseBlock);
    return index;
  }

  /** A block for a raw string attribute or alt text whose value range is known. */
  private valueBlock(kind: BlockKind, text: string, r: OffsetRange, ctx: BlockContext, extra: Partial<ProseBlock> = {}): number {
    const b = new BlockBuilder(this.source, r.start);
    b.append(text, r.start, r.end);
    return this.push(b.build(0, kind, ctx, extra));
  }

  flow(nodes: MdNode[] | undefined, ctx: BlockContext): void {
    this.descend();
    for (const node of nodes ?? []) this.flowNode(node, ctx);
    this.depth--;
  }

  private depth = 0;
  /** Counts one level of the tree; a tree deeper than MAX_TREE_DEPTH is read as plain text instead. */
  private descend(): void {
    if (++this.depth > MAX_TREE_DEPTH) throw new TooDeep();
  }

  private flowNode(node: MdNode, ctx: BlockContext): void {
    const r = rangeOf(node);
    switch (node.type) {
      case "paragraph":
      case "heading":
      case "tableCell":
        this.inlineBlock(node, node.type as BlockKind, ctx, node.type === "heading" ? { depth: node.depth } : {});
        return;
      case "blockquote":
        this.flow(node.children, { ...ctx, quoted: true });
        return;
      case "listItem":
        this.flow(node.children, { ...ctx, listItem: true });
        return;
      case "list":
      case "table":
      case "tableRow":
      case "footnoteDefinition":
        this.flow(node.children, ctx);
        return;
      case "yaml":
      case "toml":
        if (r && typeof node.value === "string") this.frontmatter(node.type, node.value, r);
        return;
      case "html":
        if (r && typeof node.value === "string") {
          this.html(node.value, r.start, ctx);
          this.htmlText(node.value, r.start, ctx);
        }
        return;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        if (r && typeof node.value === "string" && /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) {
          this.doc.comments.push({ text: node.value.replace(/^\s*\/\*|\*\/\s*$/g, ""), range: r });
        }
        return;
      case "mdxJsxFlowElement":
        this.component(node, ctx, (c) => this.flow(node.children, c));
        return;
      case "definition":
        if (r && node.url) this.doc.links.push({ url: node.url, range: r });
        return;
      default:
        // code, inlineCode, mdxjsEsm, thematicBreak: not prose.
        return;
    }
  }

  private component(node: MdNode, ctx: BlockContext, children: (c: BlockContext) => void): void {
    const r = rangeOf(node);
    const name = node.name ?? "";
    if (!r) return;
    const ref: ComponentRef = { name, range: r, attributes: {}, blocks: [] };
    const inner: BlockContext = name ? { ...ctx, component: name } : ctx;
    const first = this.doc.blocks.length;
    for (const attr of node.attributes ?? []) {
      const ar = rangeOf(attr);
      if (attr.type !== "mdxJsxAttribute" || !attr.name || !ar) continue;
      const value = this.attributeValue(attr, ar);
      if (!value) {
        this.expressionImages(name, ar, inner);
        continue;
      }
      ref.attributes[attr.name] = value;
      if (/^(src|href|id|key|class|classname|style|width|height|authorization)$/i.test(attr.name)) continue;
      if (value.value.trim()) this.valueBlock("jsxAttribute", value.value, value.range, inner, { attribute: attr.name });
    }
    children(inner);
    for (let i = first; i < this.doc.blocks.length; i++) ref.blocks.push(i);
    this.doc.components.push(ref);
    if (IMAGE_COMPONENT.test(name)) {
      const src = ref.attributes.src;
      const alt = ref.attributes.alt;
      this.doc.images.push({
        range: r,
        component: name,
        ...(src ? { src: src.value, srcRange: src.range } : {}),
        ...(alt ? { altBlock: ref.blocks.find((b) => this.doc.blocks[b].attribute === "alt") } : {}),
        captionBlocks: ref.blocks.filter((b) => this.doc.blocks[b].attribute !== "alt"),
      });
    }
  }

  /**
   * Images listed in an expression prop (`images={[{ src: "/a.jpg", alt: "..." }]}`): each object
   * literal with a `src` and string `alt`, `caption` or `title` keys becomes an image whose texts are
   * prose blocks.
   */
  private expressionImages(component: string, ar: OffsetRange, ctx: BlockContext): void {
    const raw = this.source.slice(ar.start, ar.end);
    if (!/\bsrc\s*:/.test(raw)) return;
    for (const o of raw.matchAll(OBJECT_LITERAL)) {
      const at = ar.start + (o.index ?? 0);
      let src: { value: string; range: OffsetRange } | undefined;
      const texts: number[] = [];
      let altBlock: number | undefined;
      for (const p of o[0].matchAll(STRING_PROPERTY)) {
        const start = at + (p.index ?? 0) + p[0].length - p[3].length - 1;
        const range = { start, end: start + p[3].length };
        if (p[1] === "src") src = { value: p[3], range };
        else if (p[3].trim()) {
          const index = this.doc.blocks.length;
          this.valueBlock("jsxAttribute", p[3], range, ctx, { attribute: p[1] });
          if (this.doc.blocks.length > index) {
            if (p[1] === "alt") altBlock = index;
            else texts.push(index);
          }
        }
      }
      if (src) this.doc.images.push({ range: { start: at, end: at + o[0].length }, component, src: src.value, srcRange: src.range, ...(altBlock !== undefined ? { altBlock } : {}), captionBlocks: texts });
    }
  }

  /**
   * The string value of a JSX attribute and the range of its text: a quoted value (`name="..."`) or an
   * expression that is a single string literal (`name={"..."}`, `` name={`...`} `` without `${}`).
   */
  private attributeValue(attr: MdAttribute, ar: OffsetRange): { value: string; range: OffsetRange } | undefined {
    const raw = this.source.slice(ar.start, ar.end);
    const eq = raw.indexOf("=");
    if (eq < 0) return undefined;
    if (typeof attr.value === "string") {
      const q = raw.slice(eq + 1).search(/["']/);
      if (q < 0) return undefined;
      return { value: attr.value, range: { start: ar.start + eq + 1 + q + 1, end: ar.end - 1 } };
    }
    const expression = (attr.value as { type?: string; value?: unknown } | null | undefined) ?? undefined;
    if (expression?.type !== "mdxJsxAttributeValueExpression" || typeof expression.value !== "string") return undefined;
    const literal = STRING_LITERAL.exec(expression.value);
    if (!literal) return undefined;
    const open = raw.indexOf(literal[1], eq + 1);
    const close = raw.lastIndexOf(literal[1]);
    if (open < 0 || close <= open) return undefined;
    const value = literal[2].replace(/\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|(.))/g, (_m, cp: string | undefined, u: string | undefined, c: string | undefined) => {
      if (cp || u) return String.fromCodePoint(parseInt((cp ?? u) as string, 16));
      return c === "n" ? "\n" : c === "t" ? "\t" : (c ?? "");
    });
    return { value, range: { start: ar.start + open + 1, end: ar.start + close } };
  }

  /**
   * The text content of a raw HTML block as prose (tags, comments, scripts and styles removed): one
   * block, split where a quotation or its attribution starts or ends (`<blockquote>`, `<q>`, `<cite>`,
   * `<figcaption>`), so that an HTML testimonial reads like a Markdown one.
   */
  private htmlText(value: string, start: number, ctx: BlockContext): void {
    let b = new BlockBuilder(this.source, start);
    let at = 0;
    let quoteDepth = 0;
    let cite = false;
    const flush = (): void => {
      if (!b.isEmpty) this.push(b.build(0, "html", { ...ctx, quoted: ctx.quoted || quoteDepth > 0 }, cite ? { attribute: "cite" } : {}));
      b = new BlockBuilder(this.source, start + at);
    };
    const text = (to: number): void => {
      // Leading white space of the block is not prose.
      const from = b.isEmpty ? Math.max(at, Math.min(to, at + (value.slice(at, to).search(/\S|$/) ?? 0))) : at;
      if (to <= from) return;
      const raw = value.slice(from, to);
      // White space between tags only separates words.
      if (/^\s*$/.test(raw)) b.separator();
      else b.append(decodeEntities(raw), start + from, start + to);
    };
    for (const m of value.matchAll(HTML_MARKUP)) {
      const i = m.index ?? 0;
      text(i);
      const tag = m[2];
      const closing = m[0].startsWith("</");
      at = i + m[0].length;
      if (tag && QUOTE_TAG.test(tag)) {
        flush();
        if (/^(?:blockquote|q)$/i.test(tag)) quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
        else cite = !closing;
      } else if (tag && BLOCK_TAG.test(tag)) b.separator(/^br$/i.test(tag) ? "\n" : " ");
      b.advance(start + at);
    }
    text(value.length);
    flush();
  }

  private inlineBlock(node: MdNode, kind: BlockKind, ctx: BlockContext, extra: Partial<ProseBlock>): void {
    const r = rangeOf(node);
    if (!r) return;
    const b = new BlockBuilder(this.source, r.start);
    this.inline(node.children, b, ctx);
    if (!b.isEmpty) this.push(b.build(0, kind, ctx, extra));
  }

  private inline(nodes: MdNode[] | undefined, b: BlockBuilder, ctx: BlockContext): void {
    this.descend();
    for (const node of nodes ?? []) {
      const r = rangeOf(node);
      switch (node.type) {
        case "text":
          if (r && typeof node.value === "string") {
            b.append(node.value, r.start, r.end);
            if (this.linkDepth === 0) this.bareLinks(r);
          }
          break;
        case "break":
          b.separator("\n");
          break;
        case "emphasis":
        case "strong":
        case "delete":
          this.inline(node.children, b, ctx);
          break;
        case "link":
        case "linkReference":
          if (r && node.url) this.doc.links.push({ url: node.url, range: this.urlRange(node.url, r) });
          if (r && node.title) this.titleBlock("linkTitle", node.title, r, ctx);
          this.linkDepth++;
          this.inline(node.children, b, ctx);
          this.linkDepth--;
          break;
        case "image":
        case "imageReference":
          if (r) this.markdownImage(node, r, ctx);
          b.separator();
          break;
        case "html":
          if (r && typeof node.value === "string") {
            this.html(node.value, r.start, ctx);
            const tag = /^<\/?([A-Za-z][\w-]*)/.exec(node.value)?.[1];
            if (tag && BLOCK_TAG.test(tag)) b.separator(/^br$/i.test(tag) ? "\n" : " ");
          }
          break;
        case "mdxJsxTextElement":
          this.component(node, ctx, (c) => this.inline(node.children, b, c));
          break;
        case "mdxTextExpression":
          this.flowNode(node, ctx);
          b.separator();
          break;
        default:
          // inlineCode, footnoteReference: not prose, but they separate words.
          b.separator();
          if (r) b.advance(r.end);
      }
    }
    this.depth--;
  }

  /** Inside a link's text, bare URLs are not links of their own. */
  private linkDepth = 0;

  /** Records the bare URLs and emails of a text node's source as links. */
  private bareLinks(r: OffsetRange): void {
    for (const l of bareLinks(this.source.slice(r.start, r.end))) this.doc.links.push({ url: l.url, range: { start: r.start + l.start, end: r.start + l.end } });
  }

  /** A block for a link or image title, found at the end of the syntax (escapes allowed). */
  private titleBlock(kind: BlockKind, title: string, r: OffsetRange, ctx: BlockContext): number | undefined {
    const raw = this.source.slice(r.start, r.end);
    const close = raw.search(/["')]\s*\)\s*$/);
    const open = close > 0 ? raw.lastIndexOf(raw[close] === ")" ? "(" : raw[close], close - 1) : -1;
    if (open < 0) return undefined;
    return this.valueBlock(kind, title, { start: r.start + open + 1, end: r.start + close }, ctx);
  }

  private urlRange(url: string, r: OffsetRange): OffsetRange {
    const i = this.source.slice(r.start, r.end).lastIndexOf(url);
    return i >= 0 ? { start: r.start + i, end: r.start + i + url.length } : r;
  }

  private markdownImage(node: MdNode, r: OffsetRange, ctx: BlockContext): void {
    const raw = this.source.slice(r.start, r.end);
    let altBlock: number | undefined;
    let titleBlock: number | undefined;
    if (node.alt) {
      const i = raw.indexOf("[");
      const j = raw.lastIndexOf("](") > 0 ? raw.lastIndexOf("](") : raw.lastIndexOf("]");
      if (i >= 0 && j > i) altBlock = this.valueBlock("imageAlt", node.alt, { start: r.start + i + 1, end: r.start + j }, ctx);
    }
    if (node.title) titleBlock = this.titleBlock("imageTitle", node.title, r, ctx);
    const srcRange = node.url ? this.urlRange(node.url, r) : undefined;
    this.doc.images.push({
      range: r,
      ...(node.url ? { src: node.url } : {}),
      ...(srcRange ? { srcRange } : {}),
      ...(altBlock !== undefined ? { altBlock } : {}),
      ...(titleBlock !== undefined ? { titleBlock } : {}),
      captionBlocks: [],
    });
  }

  /** Raw HTML: comments (for directives) and `<img>` tags; other markup is not prose. */
  html(value: string, start: number, ctx: BlockContext): void {
    for (const c of htmlComments(value)) this.doc.comments.push({ text: c.text, range: { start: start + c.start, end: start + c.end } });
    for (const m of value.matchAll(HTML_IMG)) {
      const tagStart = start + (m.index ?? 0);
      const image: ParsedDocument["images"][number] = { range: { start: tagStart, end: tagStart + m[0].length }, component: "img", captionBlocks: [] };
      for (const a of m[0].matchAll(HTML_ATTR)) {
        const v = a[2] ?? a[3] ?? "";
        const vs = tagStart + (a.index ?? 0) + a[0].length - 1 - v.length;
        const vr = { start: vs, end: vs + v.length };
        const name = a[1].toLowerCase();
        if (name === "src") Object.assign(image, { src: v, srcRange: vr });
        else if (v.trim()) {
          const idx = this.valueBlock(name === "alt" ? "imageAlt" : "imageTitle", v, vr, ctx);
          if (name === "alt") image.altBlock = idx;
          else image.titleBlock = idx;
        }
      }
      this.doc.images.push(image);
    }
  }

  private frontmatter(type: string, value: string, r: OffsetRange): void {
    const raw = this.source.slice(r.start, r.end);
    const at = value ? raw.indexOf(value) : -1;
    if (at < 0) return;
    const valueStart = r.start + at;
    const read = type === "yaml" ? readYaml : readToml;
    const result = read(this.source, value, valueStart, this.options.frontmatterKeys);
    // `# safeharbor-...` comments in front matter are directives too
    for (const m of value.matchAll(/(?:^|\n)[ \t]*#[ \t]*(safeharbor-[^\r\n]*)/g)) {
      const at = valueStart + (m.index ?? 0) + m[0].indexOf("#");
      this.doc.comments.push({ text: m[1], range: { start: at, end: at + m[0].length - m[0].indexOf("#") } });
    }
    this.doc.frontmatter = result.data;
    this.doc.frontmatterRange = r;
    for (const blk of result.blocks) this.push(blk);
  }
}

interface ParsePoint {
  line?: number;
  column?: number;
  offset?: number;
}

/** Where a parser error happened: its offset, its line and column, or the position named in its message. */
function errorOffset(err: unknown, source: string): number {
  const e = err as { message?: unknown; line?: number; column?: number; place?: ParsePoint & { start?: ParsePoint } };
  const point: ParsePoint = e.place?.start ?? e.place ?? { line: e.line, column: e.column };
  if (typeof point.offset === "number") return point.offset;
  let line = point.line;
  let column = point.column;
  if (line === undefined) {
    // Some MDX errors only name the place in their message: "... (3:1-3:7)".
    const m = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(String(e.message ?? ""));
    if (m) [line, column] = [Number(m[1]), Number(m[2])];
  }
  if (line === undefined) return 0;
  return Math.min(source.length, new LineIndex(source).offset({ line: line - 1, character: Math.max(0, (column ?? 1) - 1) }));
}

/**
 * The deepest container nesting of any line: block quote markers, list markers, and the indentation
 * of nested list items (two columns a level). A linear scan, run before the Markdown parser.
 */
export function nestingDepth(source: string): number {
  const n = source.length;
  const space = (c: number): boolean => c === 32 || c === 9;
  let max = 0;
  let i = 0;
  while (i < n) {
    let quotes = 0;
    let markers = 0;
    let indent = 0;
    for (;;) {
      const c = source.charCodeAt(i);
      if (c === 32 || c === 9) {
        indent += c === 9 ? 4 : 1;
        i++;
      } else if (c === 62) {
        quotes++;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) && space(source.charCodeAt(i + 1))) {
        markers++;
        i++;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < n && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
        const d = source.charCodeAt(j);
        if ((d !== 46 && d !== 41) || !space(source.charCodeAt(j + 1))) break;
        markers++;
        i = j + 1;
      } else break;
    }
    const depth = quotes + markers + (markers ? indent >> 1 : 0);
    if (depth > max) max = depth;
    while (i < n && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
    i++;
  }
  return max;
}

/** The most emphasis delimiter runs (`*`, `_`, `~`) in one stretch of text between blank lines. */
export function delimiterRuns(source: string): number {
  let max = 0;
  let runs = 0;
  let blank = true;
  let prev = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (blank) runs = 0;
      blank = true;
    } else if (c !== 32 && c !== 9) {
      blank = false;
      if ((c === 42 || c === 95 || c === 126) && c !== prev && ++runs > max) max = runs;
    }
    prev = c;
  }
  return max;
}

/** The closed `{/* ... *\/}` comments of MDX source (a linear scan). */
function mdxComments(source: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let at = source.indexOf("{/*");
  while (at >= 0) {
    const close = source.indexOf("*/}", at + 3);
    if (close < 0) break;
    out.push({ text: source.slice(at + 3, close), start: at, end: close + 3 });
    at = source.indexOf("{/*", close + 3);
  }
  return out;
}

/**
 * Reads a Markdown or MDX document as plain text (paragraphs between blank lines, markup kept),
 * keeping its language and its HTML and MDX comments as directives. Used when the document nests
 * too deeply for the Markdown parser: its prose is still checked.
 */
function asPlainText(uri: string, source: string, language: "markdown" | "mdx"): ParsedDocument {
  const doc = parsePlaintext(uri, source);
  doc.language = language;
  const comments = language === "mdx" ? [...htmlComments(source), ...mdxComments(source)] : htmlComments(source);
  doc.comments = comments.sort((a, b) => a.start - b.start).map((c) => ({ text: c.text, range: { start: c.start, end: c.end } }));
  return doc;
}

/**
 * Parses Markdown or MDX. A syntax error in MDX yields a document with `parseError` and no blocks.
 * Documents that nest deeper than MAX_NESTING, have more than MAX_DELIMITER_RUNS in a paragraph, or
 * whose tree is deeper than the walker allows are read as plain text, so that hostile input neither
 * hangs the parser nor overflows the stack.
 */
export function parseMarkdown(uri: string, source: string, language: "markdown" | "mdx", options: ParseOptions = {}): ParsedDocument {
  if (nestingDepth(source) > MAX_NESTING || delimiterRuns(source) > MAX_DELIMITER_RUNS) return asPlainText(uri, source, language);
  const walker = new Walker(uri, language, source, options);
  let tree: MdNode;
  try {
    tree = (language === "mdx" ? mdxProcessor : markdownProcessor).parse(source) as unknown as MdNode;
  } catch (err) {
    if (err instanceof RangeError) return asPlainText(uri, source, language);
    walker.doc.parseError = { message: String((err as { message?: unknown }).message ?? err).split("\n")[0], offset: errorOffset(err, source) };
    return walker.doc;
  }
  try {
    walker.flow(tree.children, { quoted: false, listItem: false });
  } catch (err) {
    if (err instanceof TooDeep || err instanceof RangeError) return asPlainText(uri, source, language);
    throw err;
  }
  return walker.doc;
}

export { linearOffsets };
