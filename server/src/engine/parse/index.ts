// Chooses the parser for a document by its language and returns prose blocks with offset maps.
import type { Language, ParsedDocument } from "../types";
import { parseMarkdown, type ParseOptions } from "./markdown";
import { parseMarkdownIncremental } from "./chunks";
import { parsePlaintext } from "./plaintext";
import { dataLanguageOf, parseData } from "./data";
import type { DataSettings } from "../config/types";

export type { ParseOptions };

/** Options of any parser: Markdown's plus the data settings that apply to a data file. */
export type DocumentParseOptions = ParseOptions & { data?: readonly DataSettings[] };

/**
 * The language of a file name: `.mdx` → mdx, `.txt` → plaintext, `.json`, `.yaml`, `.csv`/`.tsv` and
 * JS/TS modules → their data language, anything else → markdown.
 */
export function languageOf(fileName: string): Language {
  const data = dataLanguageOf(fileName);
  if (data) return data;
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".mdx")) return "mdx";
  if (lower.endsWith(".txt") || lower.endsWith(".text")) return "plaintext";
  return "markdown";
}

/** Parses a document of any supported language. Never throws. */
export function parseDocument(uri: string, source: string, language: Language, options: DocumentParseOptions = {}): ParsedDocument {
  if (language === "json" || language === "yaml" || language === "csv" || language === "module") return parseData(uri, source, language, options.data);
  if (language === "plaintext") return parsePlaintext(uri, source);
  if (language === "markdown") return parseMarkdownIncremental(uri, source, options);
  return parseMarkdown(uri, source, language, options);
}
