// Reads front matter (YAML or TOML) into data and prose blocks with exact source offsets.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import { alignValue } from "../text/align";
import type { ProseBlock } from "../types";

export interface FrontmatterResult {
  data: Record<string, unknown>;
  blocks: Omit<ProseBlock, "index">[];
}

/** True when a key path is selected by the configured key list (empty or missing: every key). */
export function keySelected(path: string, keys: readonly string[] | undefined): boolean {
  if (!keys || keys.length === 0) return true;
  return keys.some((k) => path === k || path.startsWith(k + ".") || path.startsWith(k + "["));
}

function block(source: string, text: string, start: number, end: number, key: string): Omit<ProseBlock, "index"> {
  return { kind: "frontmatter", text, offsets: alignValue(text, source, start, end), quoted: false, listItem: false, key };
}

/** YAML front matter whose text starts at `valueStart` in `source`. */
export function readYaml(source: string, value: string, valueStart: number, keys?: readonly string[]): FrontmatterResult {
  const doc = parseDocument(value, { uniqueKeys: false, prettyErrors: false });
  const blocks: Omit<ProseBlock, "index">[] = [];
  const visit = (node: YamlNode | null | undefined, path: string): void => {
    if (!node) return;
    if (isScalar(node)) {
      if (typeof node.value === "string" && node.range && keySelected(path, keys)) {
        const [s, e] = node.range;
        blocks.push(block(source, node.value, valueStart + s, valueStart + e, path));
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : "";
        visit(pair.value as YamlNode, path ? `${path}.${k}` : k);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as YamlNode, `${path}[${i}]`));
    }
  };
  visit(doc.contents as YamlNode, "");
  let data: Record<string, unknown> = {};
  try {
    const js: unknown = doc.errors.length ? undefined : doc.toJS();
    if (js && typeof js === "object" && !Array.isArray(js)) data = js as Record<string, unknown>;
  } catch {
    data = {};
  }
  return { data, blocks };
}

const TOML_TABLE = /^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]\s*$/;
const TOML_STRING = /^\s*([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\\r\n]|\\.)*)"|'([^'\r\n]*)')\s*(?:#.*)?$/;
const TOML_ARRAY_START = /^\s*([A-Za-z0-9_.-]+)\s*=\s*\[/;

/** `key = [ ... ]` on one line (a comment may follow): the key and the text between the brackets. */
function tomlArray(line: string): [key: string, body: string, bodyStart: number] | undefined {
  const m = TOML_ARRAY_START.exec(line);
  if (!m) return undefined;
  const close = line.lastIndexOf("]");
  if (close < m[0].length - 1) return undefined;
  const rest = line.slice(close + 1).trimStart();
  if (rest && !rest.startsWith("#")) return undefined;
  return [m[1], line.slice(m[0].length, close), m[0].length];
}

/** The quoted strings of a TOML array body, in order (a scan that stops at an unclosed string). */
function tomlItems(body: string): { raw: string; basic: boolean; index: number }[] {
  const out: { raw: string; basic: boolean; index: number }[] = [];
  for (let i = 0; i < body.length; i++) {
    const q = body[i];
    if (q !== '"' && q !== "'") continue;
    let j = i + 1;
    while (j < body.length && body[j] !== q && body[j] !== "\r" && body[j] !== "\n") j += q === '"' && body[j] === "\\" ? 2 : 1;
    if (j >= body.length || body[j] !== q) break;
    out.push({ raw: body.slice(i + 1, j), basic: q === '"', index: i });
    i = j;
  }
  return out;
}

/** TOML front matter: string values of `key = "value"` lines, under `[table]` headers. */
export function readToml(source: string, value: string, valueStart: number, keys?: readonly string[]): FrontmatterResult {
  const data: Record<string, unknown> = {};
  const blocks: Omit<ProseBlock, "index">[] = [];
  let table = "";
  let lineStart = 0;
  for (const line of value.split("\n")) {
    const t = TOML_TABLE.exec(line);
    if (t) table = t[1];
    const m = TOML_STRING.exec(line.replace(/\r$/, ""));
    if (m) {
      const raw = m[2] ?? m[3] ?? "";
      const text = m[2] !== undefined ? raw.replace(/\\(["\\])/g, "$1") : raw;
      const path = table ? `${table}.${m[1]}` : m[1];
      let target = data;
      for (const part of table ? table.split(".") : []) {
        target = (target[part] ??= {}) as Record<string, unknown>;
      }
      target[m[1]] = text;
      const rawStart = line.indexOf(raw, line.indexOf("=") + 1);
      if (keySelected(path, keys) && text) {
        const s = valueStart + lineStart + rawStart;
        blocks.push(block(source, text, s, s + raw.length, path));
      }
    }
    const a = m ? undefined : tomlArray(line.endsWith("\r") ? line.slice(0, -1) : line);
    if (a) {
      const [key, body, listStart] = a;
      const path = table ? `${table}.${key}` : key;
      const items: string[] = [];
      for (const item of tomlItems(body)) {
        const text = item.basic ? item.raw.replace(/\\(["\\])/g, "$1") : item.raw;
        const itemPath = `${path}[${items.length}]`;
        items.push(text);
        if (keySelected(itemPath, keys) && text) {
          const s = valueStart + lineStart + listStart + item.index + 1;
          blocks.push(block(source, text, s, s + item.raw.length, itemPath));
        }
      }
      let target = data;
      for (const part of table ? table.split(".") : []) target = (target[part] ??= {}) as Record<string, unknown>;
      target[key] = items;
    }
    lineStart += line.length + 1;
  }
  return { data, blocks };
}
