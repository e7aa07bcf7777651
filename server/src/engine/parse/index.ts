// Chooses the parser for a document by its language and returns prose blocks with offset maps.
import type { Language, ParsedDocument } from "../types";
import { parseMarkdown, type ParseOptions } from "./markdown";
import { parseMarkdownIncremental } from "./chunks";
import { parsePlaintext } from "./plaintext";

export type { ParseOptions };

/** The language of a file name: `.mdx` → mdx, `.txt` → plaintext, anything else → markdown. */
export function languageOf(fileName: string): Language {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".mdx")) return "mdx";
  if (lower.endsWith(".txt") || lower.endsWith(".text")) return "plaintext";
  return "markdown";
}

/** Parses a document of any supported language. Never throws. */
export function parseDocument(uri: string, source: string, language: Language, options: ParseOptions = {}): ParsedDocument {
  if (language === "plaintext") return parsePlaintext(uri, source);
  if (language === "markdown") return parseMarkdownIncremental(uri, source, options);
  return parseMarkdown(uri, source, language, options);
}
