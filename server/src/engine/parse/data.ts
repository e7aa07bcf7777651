// Data files: JSON, YAML, CSV/TSV social calendars and JS/TS data modules, read into records that
// are each checked in their own scope. Which files are data and which settings apply to them.
import { fileURLToPath } from "node:url";
import { basename, relative, resolve, sep } from "node:path";
import ignore from "ignore";
import type { DataSettings, ResolvedConfig } from "../config/types";
import type { DataLanguage, ParsedDocument } from "../types";
import { readCsv } from "./csv";
import type { DataParse } from "./data-tree";
import { readJson } from "./json";
import { readModule } from "./module";
import { cellRecords, dataDocument, dataRecords, recordKeys } from "./records";
import { readYamlData } from "./yaml-data";

/** The data language of a file name, or undefined for Markdown, MDX and text. */
export function dataLanguageOf(fileName: string): DataLanguage | undefined {
  const lower = fileName.toLowerCase();
  if (/\.json$/.test(lower)) return "json";
  if (/\.ya?ml$/.test(lower)) return "yaml";
  if (/\.[ct]sv$/.test(lower)) return "csv";
  if (/\.(?:[cm]?[jt]s|[jt]sx)$/.test(lower) && !/\.d\.[cm]?ts$/.test(lower)) return "module";
  return undefined;
}

/** Tooling and project files that are never content, whatever a glob selects. */
const NEVER_CONTENT = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|composer\.(?:json|lock)|[jt]sconfig(?:\..*)?\.json|\.eslintrc(?:\..*)?|eslint\.config\..*|\.prettierrc(?:\..*)?|prettier\.config\..*|\.babelrc(?:\..*)?|babel\.config\..*|\.stylelintrc(?:\..*)?|\.markdownlint(?:\..*)?|\.safeharbor\..*|authorizations\.ya?ml|renovate\.json|lerna\.json|turbo\.json|nx\.json|vercel\.json|netlify\.toml|firebase\.json|app\.json|manifest\.json|deno\.jsonc?|\.releaserc(?:\..*)?|.*\.schema\.json|(?:vite|vitest|webpack|rollup|esbuild|next|nuxt|astro|svelte|tailwind|postcss|jest|playwright|gatsby-config|gatsby-node|docusaurus)\.config\..*|.*\.(?:test|spec)\.[cm]?[jt]sx?|docker-compose\.ya?ml|compose\.ya?ml|mkdocs\.ya?ml|\.gitlab-ci\.yml|\.travis\.yml|codecov\.ya?ml|\.pre-commit-config\.yaml|pubspec\.ya?ml|_config\.ya?ml)$/i;
/** Folders of tooling configuration. */
const NEVER_CONTENT_DIR = /(?:^|[/\\])(?:\.github|\.vscode|\.idea|\.circleci|\.husky|\.safeharbor|node_modules|\.git)[/\\]/;

/** True for package.json, lock files, tsconfig.json, .eslintrc and other tooling files. */
export function isNeverContent(path: string): boolean {
  return NEVER_CONTENT.test(basename(path)) || NEVER_CONTENT_DIR.test(path);
}

/** A file path from a path or a file URI. */
export function pathOf(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return resolve(uri);
}

/** True when a path matches one of some globs, relative to `base` (gitignore syntax, as `include`). */
export function globMatches(path: string, globs: readonly string[], base: string): boolean {
  if (globs.length === 0) return false;
  const rel = relative(base, path).split(sep).join("/");
  return !rel.startsWith("..") && rel !== "" && ignore().add(globs as string[]).ignores(rel);
}

/** The `data` entries of a config that apply to a file, in order. */
export function dataSettingsFor(uri: string, config: ResolvedConfig): DataSettings[] {
  const path = pathOf(uri);
  return config.data.filter((d) => !d.files || d.files.length === 0 || (d.base !== undefined && globMatches(path, d.files, d.base)));
}

/**
 * True when a data file is to be checked: it is not a tooling file and the config's `include`
 * selects it (data files are opt-in, so a repository's settings files are never read as content).
 */
export function dataFileSelected(uri: string, config: ResolvedConfig): boolean {
  const path = pathOf(uri);
  if (isNeverContent(path)) return false;
  const base = config.includeBase ?? config.baseDir;
  return base !== undefined && globMatches(path, config.include, base);
}

/** Parses a data file into records; a syntax error becomes `parseError`, never an exception. */
export function parseData(uri: string, source: string, language: DataLanguage, settings: readonly DataSettings[] = []): ParsedDocument {
  const doc = dataDocument(uri, source, language);
  const path = pathOf(uri);
  if (isNeverContent(path)) {
    doc.records = [];
    doc.containers = [];
    return doc;
  }
  const keys = recordKeys(settings);
  const base = { uri, source };
  if (language === "csv") {
    const csv = readCsv(source, /\.tsv$/i.test(uri), keys.columns);
    if ("error" in csv) {
      doc.parseError = csv.error;
      return doc;
    }
    Object.assign(doc, cellRecords(csv.cells, base));
    return doc;
  }
  let parsed: DataParse;
  try {
    parsed = language === "json" ? readJson(source) : language === "yaml" ? readYamlData(source) : readModule(source, path);
  } catch {
    parsed = { error: { message: "the file could not be read", offset: 0 } };
  }
  if ("error" in parsed) {
    doc.parseError = parsed.error;
    return doc;
  }
  doc.comments = parsed.comments;
  Object.assign(doc, dataRecords(parsed.root, keys, base));
  return doc;
}
