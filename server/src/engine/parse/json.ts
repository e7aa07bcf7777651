// Reads a JSON data file (jsonc-parser) into the data tree, with exact offsets through escapes.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { decodeEscapes, type DataNode, type DataParse } from "./data-tree";

/** Data nested deeper than this is not read (hostile input; real data files are shallow). */
export const MAX_DATA_DEPTH = 200;

/** Words for jsonc-parser's error codes ("CommaExpected" → "comma expected"). */
function describe(code: ParseError["error"]): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/** Parses JSON text; a syntax error is returned with its offset, never thrown. */
export function readJson(source: string): DataParse {
  const errors: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  } catch {
    return { error: { message: "the JSON is nested too deeply to read", offset: 0 } };
  }
  if (errors.length) return { error: { message: `invalid JSON (${describe(errors[0].error)})`, offset: errors[0].offset } };
  let tooDeep = false;
  const convert = (node: JsonNode, depth: number): DataNode | undefined => {
    if (depth > MAX_DATA_DEPTH) {
      tooDeep = true;
      return undefined;
    }
    const range = { start: node.offset, end: node.offset + node.length };
    switch (node.type) {
      case "string": {
        const { value, offsets } = decodeEscapes(source.slice(node.offset + 1, range.end - 1), node.offset + 1, false);
        return { type: "string", value, offsets, container: { style: "json", range: { start: node.offset + 1, end: range.end - 1 } } };
      }
      case "object": {
        const entries: { key: string; value: DataNode }[] = [];
        for (const prop of node.children ?? []) {
          const [k, v] = prop.children ?? [];
          const value = v ? convert(v, depth + 1) : undefined;
          if (k && value) entries.push({ key: String(k.value), value });
        }
        return { type: "object", entries, range };
      }
      case "array":
        return { type: "array", items: (node.children ?? []).map((c) => convert(c, depth + 1)).filter((c): c is DataNode => c !== undefined), range };
      default:
        return { type: "scalar", raw: source.slice(range.start, range.end), range };
    }
  };
  const root = tree ? convert(tree, 0) : undefined;
  if (tooDeep) return { error: { message: `the JSON is nested more than ${MAX_DATA_DEPTH} levels deep`, offset: 0 } };
  return { root, comments: [] };
}
