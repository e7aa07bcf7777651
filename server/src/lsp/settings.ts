// Editor settings (section `safeharbor`), fetched per document with workspace/configuration.
import type { Connection } from "vscode-languageserver/node";
import type { SeveritySetting } from "../engine";

/** When documents are linted: on every change, or only when saved. */
export type RunMode = "onType" | "onSave";

/** The settings that apply to one document. */
export interface DocumentSettings {
  enable: boolean;
  run: RunMode;
  /** Severity per rule id or family; wins over the config file. */
  severity: Record<string, SeveritySetting>;
  /** A config file to use instead of the nearest one (relative paths: to the workspace folder). */
  configPath?: string;
  /** Overrides the config's `maxFileSize` when set. */
  maxFileSize?: number;
}

/** Settings used when the client sends none. */
export const DEFAULT_SETTINGS: DocumentSettings = { enable: true, run: "onType", severity: {} };

const SEVERITIES = new Set(["off", "hint", "info", "warn", "warning", "error"]);

/** Reads whatever the client sent into well-formed settings; unknown or ill-typed values fall back to defaults. */
export function normalizeSettings(raw: unknown): DocumentSettings {
  const s: Record<string, unknown> = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const severity: Record<string, SeveritySetting> = {};
  if (s.severity && typeof s.severity === "object") {
    for (const [id, value] of Object.entries(s.severity as Record<string, unknown>)) {
      if (typeof value === "string" && SEVERITIES.has(value)) severity[id] = value as SeveritySetting;
    }
  }
  const settings: DocumentSettings = {
    enable: typeof s.enable === "boolean" ? s.enable : DEFAULT_SETTINGS.enable,
    run: s.run === "onSave" ? "onSave" : "onType",
    severity,
  };
  if (typeof s.configPath === "string" && s.configPath.trim()) settings.configPath = s.configPath.trim();
  if (typeof s.maxFileSize === "number" && Number.isFinite(s.maxFileSize) && s.maxFileSize > 0) settings.maxFileSize = Math.floor(s.maxFileSize);
  return settings;
}

/** Per-document settings with a cache that a configuration change clears. */
/** How long the server waits for workspace/configuration before using the defaults. */
export const CONFIGURATION_TIMEOUT_MS = 2000;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();
  private global: DocumentSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    /** True when the client answers workspace/configuration. */
    private readonly pull: boolean,
  ) {}

  /** The settings of a document. */
  get(uri: string): Promise<DocumentSettings> {
    if (!this.pull) return Promise.resolve(this.global);
    let settings = this.cache.get(uri);
    if (!settings) {
      const asked = this.connection.workspace.getConfiguration({ scopeUri: uri, section: "safeharbor" }).then(normalizeSettings, () => this.global);
      // A client that never answers must not hold diagnostics back: after a while, use the defaults
      // (and ask again next time).
      let timer: NodeJS.Timeout | undefined;
      const fallback = new Promise<DocumentSettings>((resolve) => {
        timer = setTimeout(() => {
          this.cache.delete(uri);
          resolve(this.global);
        }, CONFIGURATION_TIMEOUT_MS);
        timer.unref();
      });
      settings = Promise.race([asked, fallback]).finally(() => clearTimeout(timer));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Applies a workspace/didChangeConfiguration notification. */
  changed(settings: unknown): void {
    this.cache.clear();
    const section = settings && typeof settings === "object" ? (settings as Record<string, unknown>).safeharbor : undefined;
    if (section !== undefined) this.global = normalizeSettings(section);
  }

  /** Forgets a closed document's settings. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
