// Reads a YAML data file (every document of a stream) into the data tree, keeping each scalar's
// style so that a fix can write text the way the scalar is written.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, type Node as YamlNode } from "yaml";
import { alignValue } from "../text/align";
import type { ContainerStyle, StringContainer } from "../types";
import type { DataNode, DataParse } from "./data-tree";
import { MAX_DATA_DEPTH } from "./json";

/** A directive in a YAML comment line: `# safeharbor-disable-next-line phi -- reason`. */
const DIRECTIVE_COMMENT = /^[ \t]*#[ \t]*(safeharbor-[a-z][^\r\n]*)/gm;

const STYLES: Partial<Record<string, ContainerStyle>> = {
  [Scalar.QUOTE_DOUBLE]: "yaml-double",
  [Scalar.QUOTE_SINGLE]: "yaml-single",
  [Scalar.BLOCK_LITERAL]: "yaml-block",
  [Scalar.BLOCK_FOLDED]: "yaml-block",
  [Scalar.PLAIN]: "yaml-plain",
};

/** Where a scalar's text sits: inside its quotes, or after a block scalar's header line. */
function containerOf(source: string, node: Scalar): StringContainer | undefined {
  const range = node.range;
  const style = STYLES[node.type ?? Scalar.PLAIN];
  if (!range || !style) return undefined;
  const [start, end] = range;
  if (style === "yaml-double" || style === "yaml-single") return { style, range: { start: start + 1, end: Math.max(start + 1, end - 1) } };
  if (style === "yaml-block") {
    const nl = source.indexOf("\n", start);
    const body = nl < 0 || nl >= end ? end : nl + 1;
    const indent = /^[ \t]*/.exec(source.slice(body, end))?.[0] ?? "";
    return { style, range: { start: body, end }, indent };
  }
  return { style, range: { start, end } };
}

/** Parses YAML text; the first syntax error of any document is returned with its offset. */
export function readYamlData(source: string): DataParse {
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(source, { uniqueKeys: false, prettyErrors: false });
  } catch {
    return { error: { message: "the YAML could not be read", offset: 0 } };
  }
  const list = Array.isArray(docs) ? docs : [];
  for (const d of list) {
    const e = d.errors[0];
    if (e) return { error: { message: `invalid YAML (${e.code.toLowerCase().replace(/_/g, " ")})`, offset: e.pos[0] } };
  }
  let tooDeep = false;
  const convert = (node: YamlNode | null | undefined, depth: number): DataNode | undefined => {
    if (!node || isAlias(node)) return undefined;
    if (depth > MAX_DATA_DEPTH) {
      tooDeep = true;
      return undefined;
    }
    const range = { start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 };
    if (isScalar(node)) {
      if (typeof node.value !== "string") return { type: "scalar", raw: source.slice(range.start, range.end), range };
      const container = containerOf(source, node);
      if (!container) return undefined;
      const value = node.value;
      return { type: "string", value, offsets: alignValue(value, source, container.range.start, container.range.end), container };
    }
    if (isMap(node)) {
      const entries: { key: string; value: DataNode }[] = [];
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        const value = convert(pair.value as YamlNode | null, depth + 1);
        if (key && value) entries.push({ key, value });
      }
      return { type: "object", entries, range };
    }
    if (isSeq(node)) {
      const items = node.items.map((i) => convert(i as YamlNode | null, depth + 1)).filter((i): i is DataNode => i !== undefined);
      return { type: "array", items, range };
    }
    return undefined;
  };
  const roots = list.map((d) => convert(d.contents as YamlNode | null, 0)).filter((r): r is DataNode => r !== undefined);
  if (tooDeep) return { error: { message: `the YAML is nested more than ${MAX_DATA_DEPTH} levels deep`, offset: 0 } };
  const comments = [...source.matchAll(DIRECTIVE_COMMENT)].map((m) => {
    const at = (m.index ?? 0) + m[0].length - m[1].length;
    return { text: m[1].trimEnd(), range: { start: at, end: at + m[1].trimEnd().length } };
  });
  const root: DataNode | undefined = roots.length === 1 ? roots[0] : roots.length ? { type: "array", items: roots, range: { start: 0, end: source.length } } : undefined;
  return { root, comments };
}
