// Workspace state: folders, the configuration and registry of each document, and broken config files.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver/node";
import {
  CONFIG_FILE_NAMES,
  ConfigError,
  ConfigResolver,
  defaultConfig,
  findConfigFile,
  LineIndex,
  loadConfigFile,
  loadRegistry,
  type AuthorizationRegistry,
  type ResolvedConfig,
} from "../engine";
import type { DocumentSettings } from "./settings";
import { uriToPath } from "./uri";

/** What a document is linted with. */
export interface DocumentContext {
  config: ResolvedConfig;
  registry: AuthorizationRegistry;
  /** The workspace folder holding the document, as a path. */
  folder?: string;
}

/** Folders, config resolution (one resolver per folder and config path) and the last good configs. */
export class WorkspaceState {
  private folders: string[] = [];
  private readonly resolvers = new Map<string, ConfigResolver>();
  /** Nearest config file → the last configuration that loaded from it without error. */
  private readonly lastGood = new Map<string, ResolvedConfig>();
  private readonly registries = new Map<string, AuthorizationRegistry>();
  /** Broken config files → their error. */
  private readonly errors = new Map<string, ConfigError>();
  /** Config files with a published diagnostic → the message published. */
  private readonly published = new Map<string, string>();
  /** Bumped whenever configuration or registries change, so cached results go stale. */
  generation = 0;

  constructor(private readonly knownRuleIds: ReadonlySet<string>) {}

  /** Sets the workspace folders (URIs); non-file folders are ignored. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(uriToPath).filter((p): p is string => p !== undefined).sort((a, b) => b.length - a.length);
    this.invalidate();
  }

  /** The workspace folders, as paths. */
  folderPaths(): readonly string[] {
    return this.folders;
  }

  /** The folder holding a path (the innermost one). */
  folderOf(path: string): string | undefined {
    return this.folders.find((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
  }

  /** The configuration and registry for a document; a broken config falls back to the last good one. */
  contextFor(uri: string, settings: DocumentSettings): DocumentContext {
    const path = uriToPath(uri);
    const folder = path ? this.folderOf(path) : this.folders[0];
    const explicit = settings.configPath ? resolve(folder ?? (path ? dirname(path) : process.cwd()), settings.configPath) : undefined;
    const target = path ?? (folder ? join(folder, "untitled.md") : undefined);
    let config = defaultConfig();
    if (target) {
      const key = `${folder ?? ""}\u0000${explicit ?? ""}`;
      let resolver = this.resolvers.get(key);
      if (!resolver) {
        resolver = new ConfigResolver(this.knownRuleIds, explicit);
        this.resolvers.set(key, resolver);
      }
      try {
        config = resolver.forFile(target);
        if (config.files[0]) this.lastGood.set(config.files[0], config);
        for (const f of config.files) this.errors.delete(f);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        this.errors.set(err.file, err);
        const nearest = explicit ?? findConfigFile(dirname(target));
        config = (nearest && this.lastGood.get(nearest)) || defaultConfig();
      }
    }
    if (settings.maxFileSize) config = { ...config, maxFileSize: settings.maxFileSize };
    const overrides = Object.entries(settings.severity).filter(([id]) => this.knownRuleIds.has(id));
    if (overrides.length) config = { ...config, rules: { ...config.rules, ...Object.fromEntries(overrides) } };
    const registryPath = config.authorizationsPath ?? (folder ? join(folder, ".safeharbor", "authorizations.yaml") : undefined);
    return { config, registry: this.registry(registryPath), ...(folder ? { folder } : {}) };
  }

  private registry(path: string | undefined): AuthorizationRegistry {
    if (!path) return { entries: new Map() };
    let registry = this.registries.get(path);
    if (!registry) {
      registry = loadRegistry(path);
      this.registries.set(path, registry);
    }
    return registry;
  }

  /** Forgets cached configs and registries; results computed before are stale. */
  invalidate(): void {
    this.generation++;
    for (const r of this.resolvers.values()) r.clear();
    this.resolvers.clear();
    this.registries.clear();
  }

  /**
   * Applies changed files (paths). Returns true when a config or registry changed, after re-checking
   * the changed config files and those that were broken, so their diagnostics are up to date.
   */
  filesChanged(paths: readonly string[]): boolean {
    const configs = paths.filter(isConfigFile);
    const relevant = configs.length > 0 || paths.some((p) => isRegistryFile(p) || this.registries.has(p));
    if (!relevant) return false;
    this.invalidate();
    for (const file of new Set([...this.errors.keys(), ...configs])) {
      this.errors.delete(file);
      if (!existsSync(file)) continue;
      try {
        loadConfigFile(file, this.knownRuleIds);
      } catch (err) {
        if (err instanceof ConfigError) this.errors.set(err.file, err);
      }
    }
    return true;
  }

  /** Calls `publish` for every config file whose diagnostic changed (an empty list clears it). */
  flushConfigDiagnostics(publish: (file: string, diagnostics: Diagnostic[]) => void): void {
    for (const [file, err] of this.errors) {
      if (this.published.get(file) === err.message) continue;
      this.published.set(file, err.message);
      publish(file, [configErrorDiagnostic(err)]);
    }
    for (const file of [...this.published.keys()]) {
      if (this.errors.has(file)) continue;
      this.published.delete(file);
      publish(file, []);
    }
  }
}

/** True for `.safeharbor.json` and its siblings. */
export function isConfigFile(path: string): boolean {
  return CONFIG_FILE_NAMES.includes(basename(path));
}

/** True for YAML files in a `.safeharbor` folder (the default registry location). */
export function isRegistryFile(path: string): boolean {
  return /\.ya?ml$/i.test(path) && basename(dirname(path)) === ".safeharbor";
}

/** The diagnostic shown on a broken config file. */
export function configErrorDiagnostic(err: ConfigError): Diagnostic {
  const start = { line: Math.max(0, err.line - 1), character: Math.max(0, err.column - 1) };
  let end = start;
  if (err.length > 0) {
    try {
      end = new LineIndex(readFileSync(err.file, "utf8")).position(err.offset + err.length);
    } catch {
      end = start;
    }
  }
  return { range: { start, end }, severity: DiagnosticSeverity.Error, source: "safeharbor", code: "safeharbor/config", message: `Safe Harbor configuration: ${err.detail}. Linting uses the last valid configuration until this is fixed.` };
}
