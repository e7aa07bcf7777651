// Finds, parses, validates and merges configuration files; errors name the file and the location.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { isMap, isNode, isScalar, parseDocument as parseYamlDocument } from "yaml";
import { LineIndex } from "../text/lines";
import schema from "./schema.json";
import { defaultConfig, type RawConfig, type ResolvedConfig } from "./types";

/** Names of configuration files, in the order they are looked for in one folder. */
export const CONFIG_FILE_NAMES = [".safeharbor.json", ".safeharbor.jsonc", ".safeharbor.yaml", ".safeharbor.yml"];

/** Where the authorization registry sits, relative to a folder. */
export const REGISTRY_PATH = [".safeharbor", "authorizations.yaml"] as const;

/** A configuration problem with its place: the CLI exits 2 on it, the editor shows it on the file. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
    /** Source offsets of the faulty part, for an editor diagnostic. */
    readonly offset = 0,
    readonly length = 0,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = "ConfigError";
  }
}

/** The schema's validator, compiled on the first config file read (compiling costs ~30 ms at start-up otherwise). */
let validator: ValidateFunction | undefined;
const validateSchema = (): ValidateFunction => (validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema));

type PathSegment = string | number;

/** Parsed text of one config file with a way to locate a path in it. */
interface ParsedConfigText {
  value: unknown;
  /** The place of a path: its key (for unknown keys) or its value (for wrong values); else the nearest ancestor. */
  locate(path: PathSegment[], at: "key" | "value"): { offset: number; length: number };
}

function parseJsonText(file: string, text: string, lines: LineIndex): ParsedConfigText {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !tree) {
    const e = errors[0] ?? { error: 0, offset: 0, length: 0 };
    const p = lines.position(e.offset);
    throw new ConfigError(file, p.line + 1, p.character + 1, `invalid JSON: ${errors.length ? printParseErrorCode(e.error) : "empty file"}`, e.offset, e.length);
  }
  const toValue = (n: JsonNode): unknown => {
    if (n.type === "object") return Object.fromEntries((n.children ?? []).map((c) => [c.children?.[0]?.value as string, toValue(c.children![1])]));
    if (n.type === "array") return (n.children ?? []).map(toValue);
    return n.value;
  };
  return {
    value: toValue(tree),
    locate(path, at) {
      for (let i = path.length; i >= 0; i--) {
        const node = findNodeAtLocation(tree, path.slice(0, i));
        if (node) {
          const key = node.parent?.type === "property" ? node.parent.children?.[0] : undefined;
          const target = i === path.length && at === "key" && key ? key : node;
          return { offset: target.offset, length: target.length };
        }
      }
      return { offset: 0, length: 0 };
    },
  };
}

function parseYamlText(file: string, text: string, lines: LineIndex): ParsedConfigText {
  const doc = parseYamlDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const p = lines.position(e.pos[0]);
    throw new ConfigError(file, p.line + 1, p.character + 1, `invalid YAML: ${e.message.split("\n")[0]}`, e.pos[0], e.pos[1] - e.pos[0]);
  }
  return {
    value: doc.toJS() ?? {},
    locate(path, at) {
      if (at === "key" && path.length) {
        const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
        const last = path[path.length - 1];
        const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last)) : undefined;
        if (pair && isNode(pair.key) && pair.key.range) return { offset: pair.key.range[0], length: pair.key.range[1] - pair.key.range[0] };
      }
      for (let i = path.length; i >= 0; i--) {
        const node = i === 0 ? doc.contents : doc.getIn(path.slice(0, i), true);
        if (isNode(node) && node.range) return { offset: node.range[0], length: node.range[1] - node.range[0] };
      }
      return { offset: 0, length: 0 };
    },
  };
}

function describe(e: ErrorObject): { path: PathSegment[]; message: string; at: "key" | "value" } {
  const path: PathSegment[] = e.instancePath.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~")));
  const where = path.length ? `"${path.join(".")}"` : "the configuration";
  if (e.keyword === "additionalProperties") {
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    return { path: [...path, key], message: `unknown key "${key}" in ${where}`, at: "key" };
  }
  if (e.keyword === "enum") {
    return { path, message: `${where} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(", ")}`, at: "value" };
  }
  return { path, message: `${where} ${e.message ?? "is invalid"}`, at: "value" };
}

/** Reads and validates one configuration file. Throws ConfigError with the location of the problem. */
export function readConfigFile(file: string, knownRuleIds: ReadonlySet<string>, text?: string): RawConfig {
  let content = text;
  if (content === undefined) {
    try {
      content = readFileSync(file, "utf8");
    } catch (err) {
      throw new ConfigError(file, 1, 1, `cannot read the file: ${(err as Error).message}`);
    }
  }
  const lines = new LineIndex(content);
  const parsed = /\.ya?ml$/i.test(file) ? parseYamlText(file, content, lines) : parseJsonText(file, content, lines);
  const fail = (path: PathSegment[], message: string, place: "key" | "value"): never => {
    const at = parsed.locate(path, place);
    const p = lines.position(at.offset);
    throw new ConfigError(file, p.line + 1, p.character + 1, message, at.offset, at.length);
  };
  const validate = validateSchema();
  if (!validate(parsed.value)) {
    const e = describe(validate.errors![0]);
    fail(e.path, e.message, e.at);
  }
  const raw = parsed.value as RawConfig;
  for (const id of Object.keys(raw.rules ?? {})) {
    if (!knownRuleIds.has(id)) fail(["rules", id], `unknown rule or family "${id}"`, "key");
  }
  return raw;
}

/** Merges a raw config over a resolved one (arrays and maps of the nearer file win per key). */
export function mergeConfig(base: ResolvedConfig, raw: RawConfig, file: string): ResolvedConfig {
  const dir = dirname(file);
  return {
    rules: { ...base.rules, ...(raw.rules ?? {}) },
    practice: { ...base.practice, ...(raw.practice ?? {}) },
    include: raw.include ?? base.include,
    exclude: raw.exclude ?? base.exclude,
    frontmatterKeys: raw.frontmatter?.keys ?? base.frontmatterKeys,
    maxFileSize: raw.maxFileSize ?? base.maxFileSize,
    authorizationsPath: raw.authorizations ? resolve(dir, raw.authorizations) : (base.authorizationsPath ?? join(dir, ...REGISTRY_PATH)),
    ...(raw.authorizations || base.authorizationsSet ? { authorizationsSet: true } : {}),
    channel: raw.channel ?? base.channel,
    language: raw.language ?? base.language,
    templates: { ...base.templates, ...(raw.templates ?? {}) },
    data: [...base.data, ...(raw.data ?? []).map((d) => ({ ...d, base: dir }))],
    files: [file, ...base.files],
    baseDir: dir,
    ...(raw.include ? { includeBase: dir } : base.includeBase ? { includeBase: base.includeBase } : {}),
    ...(raw.exclude ? { excludeBase: dir } : base.excludeBase ? { excludeBase: base.excludeBase } : {}),
  };
}

/** Loads a config file and everything it extends. */
export function loadConfigFile(file: string, knownRuleIds: ReadonlySet<string>, seen: Set<string> = new Set(), text?: string): ResolvedConfig {
  const abs = resolve(file);
  if (seen.has(abs)) throw new ConfigError(abs, 1, 1, "`extends` forms a cycle");
  seen.add(abs);
  const raw = readConfigFile(abs, knownRuleIds, text);
  let base = defaultConfig();
  const parents = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const p of parents) {
    const target = resolve(dirname(abs), p);
    if (!existsSync(target)) throw new ConfigError(abs, 1, 1, `\`extends\` names a file that does not exist: ${p}`);
    const parent = loadConfigFile(target, knownRuleIds, seen);
    base = { ...parent, files: parent.files };
  }
  return mergeConfig(base, raw, abs);
}

/** The nearest config file at or above a folder, or undefined. */
export function findConfigFile(startDir: string, stopAt?: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || (stopAt && dir === resolve(stopAt))) return undefined;
    dir = parent;
  }
}

/** The nearest `.safeharbor/authorizations.yaml` at or above a folder, or undefined. */
export function findRegistryFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, ...REGISTRY_PATH);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Resolves configuration per folder with a cache; the CLI and the server share it. */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | null>();
  private readonly byFile = new Map<string, ResolvedConfig>();
  private readonly registryByDir = new Map<string, string | null>();
  /** Configurations with a found registry, by config file and registry path (one object per pair). */
  private readonly withRegistry = new Map<string, ResolvedConfig>();
  constructor(
    private readonly knownRuleIds: ReadonlySet<string>,
    private readonly explicitFile?: string,
  ) {}

  /** The configuration that applies to a document path. Throws ConfigError on a bad file. */
  forFile(path: string): ResolvedConfig {
    const dir = dirname(resolve(path));
    const file = this.explicitFile ?? this.locate(dir);
    const key = file ?? "";
    let cfg = this.byFile.get(key);
    if (!cfg) {
      cfg = file ? loadConfigFile(file, this.knownRuleIds) : defaultConfig();
      this.byFile.set(key, cfg);
    }
    return this.withNearestRegistry(cfg, key, dir);
  }

  /** The configuration with the registry found upward from the document's folder, unless it names one. */
  private withNearestRegistry(cfg: ResolvedConfig, key: string, dir: string): ResolvedConfig {
    if (cfg.authorizationsSet) return cfg;
    let registry = this.registryByDir.get(dir);
    if (registry === undefined) this.registryByDir.set(dir, (registry = findRegistryFile(dir) ?? null));
    if (!registry || registry === cfg.authorizationsPath) return cfg;
    const pair = `${key}\u0000${registry}`;
    let found = this.withRegistry.get(pair);
    if (!found) this.withRegistry.set(pair, (found = { ...cfg, authorizationsPath: registry }));
    return found;
  }

  private locate(dir: string): string | undefined {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    const found = findConfigFile(dir);
    this.byDir.set(dir, found ?? null);
    return found;
  }

  /** Forgets cached files (after a config file changed). */
  clear(): void {
    this.byDir.clear();
    this.byFile.clear();
    this.registryByDir.clear();
    this.withRegistry.clear();
  }
}
