// What the benchmark needs in-process: the linter with the real catalogue, the parser, bare remark-parse.
import { unified } from "unified";
import remarkParse from "remark-parse";
import { createLinter, parseDocument } from "../src/engine";
import { rules } from "@safeharbor/rules";

/** The shipped linter. */
export const linter = createLinter(rules);
export { parseDocument };

const remark = unified().use(remarkParse);

/** Parses Markdown with remark-parse alone (the floor the engine is compared with). */
export function remarkParseOnly(text: string): unknown {
  return remark.parse(text);
}
