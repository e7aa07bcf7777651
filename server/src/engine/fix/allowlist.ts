// Adds a value to the practice allowlist of a config file's text, keeping its comments and layout.
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from "jsonc-parser";
import { Document, isScalar, isSeq, parseDocument } from "yaml";
import type { AllowlistKey } from "../types";

/** The formats of `.safeharbor.*` config files. */
export type ConfigFormat = "json" | "jsonc" | "yaml";

/** The config format of a file name (`.safeharbor.yaml` → yaml). */
export function configFormatOf(fileName: string): ConfigFormat {
  if (/\.ya?ml$/i.test(fileName)) return "yaml";
  return /\.jsonc$/i.test(fileName) ? "jsonc" : "json";
}

const same = (a: unknown, b: string): boolean => typeof a === "string" && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The config text with `value` added to `practice.<key>`; the text unchanged when the value is already
 * listed. Creates the config (or the `practice` block, or the list) when missing. JSON and JSONC are
 * edited in place with jsonc-parser, YAML through the yaml Document API, so comments survive.
 */
export function addToAllowlist(configText: string | undefined, format: ConfigFormat, key: AllowlistKey, value: string): string {
  if (format === "yaml") return addToYaml(configText ?? "", key, value);
  const text = configText?.trim() ? configText : "{}\n";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? "  ";
  const formattingOptions: FormattingOptions = { insertSpaces: !indent.includes("\t"), tabSize: indent.includes("\t") ? 1 : indent.length, eol };
  const tree = parseTree(text);
  const node = tree ? findNodeAtLocation(tree, ["practice", key]) : undefined;
  if (node?.type === "array") {
    if (node.children?.some((c) => same(c.value, value))) return text;
    return applyEdits(text, modify(text, ["practice", key, node.children?.length ?? 0], value, { formattingOptions, isArrayInsertion: true }));
  }
  if (node && same(node.value, value)) return text;
  const list = node?.type === "string" ? [node.value as string, value] : [value];
  return applyEdits(text, modify(text, ["practice", key], list, { formattingOptions }));
}

function addToYaml(text: string, key: AllowlistKey, value: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`cannot edit the config: ${doc.errors[0].message}`);
  const current = doc.getIn(["practice", key], true);
  if (isSeq(current)) {
    if (current.items.some((i) => isScalar(i) && same(i.value, value))) return text;
    current.add(doc.createNode(value));
  } else if (isScalar(current)) {
    if (same(current.value, value)) return text;
    doc.setIn(["practice", key], doc.createNode([current.value, value]));
  } else {
    if (doc.contents === null) {
      const fresh = new Document({ practice: { [key]: [value] } }).toString();
      return text.trim() ? `${text}${text.endsWith("\n") ? "" : "\n"}${fresh}` : fresh;
    }
    doc.setIn(["practice", key], doc.createNode([value]));
  }
  return doc.toString();
}
