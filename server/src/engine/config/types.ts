// The configuration model: what a .safeharbor file holds once loaded and merged.
import type { SeveritySetting } from "../types";

/** The practice's own details, which are never PHI. */
export interface PracticeConfig {
  names: string[];
  staff: string[];
  locations: string[];
  state: string;
  phones: string[];
  faxes: string[];
  emails: string[];
  addresses: string[];
  urls: string[];
}

/** How records of data files are read: one `data` entry of a config file (see schema.json). */
export interface DataSettings {
  files?: string[];
  prose?: string[];
  ignore?: string[];
  person?: string[];
  content?: string[];
  reply?: string[];
  columns?: string[];
  kind?: "auto" | "testimonial" | "review-reply" | "social" | "post";
}

/** A fully resolved configuration (defaults filled in, `extends` merged). */
export interface ResolvedConfig {
  rules: Record<string, SeveritySetting>;
  practice: PracticeConfig;
  include: string[];
  exclude: string[];
  frontmatterKeys: string[];
  maxFileSize: number;
  /**
   * Absolute path of the authorization registry: the config's `authorizations`, else the nearest
   * `.safeharbor/authorizations.yaml` above the document (ConfigResolver), else the one beside the config.
   */
  authorizationsPath?: string;
  /** True when a config file named the registry with `authorizations` (no search then). */
  authorizationsSet?: boolean;
  channel: string;
  language: "en" | "es";
  templates: Record<string, string>;
  /** Data file settings, each with the folder of the config file that declared it (its globs are relative to it). */
  data: (DataSettings & { base?: string })[];
  /** The files this configuration was read from, nearest first. */
  files: string[];
  /** Folder of the nearest config file. */
  baseDir?: string;
  /** Folder of the config file that set `include` (its globs are relative to it). */
  includeBase?: string;
  /** Folder of the config file that set `exclude` (its globs are relative to it). */
  excludeBase?: string;
}

/** A raw config file as written (before defaults and merging). */
export interface RawConfig {
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, SeveritySetting>;
  practice?: Partial<PracticeConfig>;
  include?: string[];
  exclude?: string[];
  frontmatter?: { keys?: string[] };
  maxFileSize?: number;
  authorizations?: string;
  channel?: string;
  language?: "en" | "es";
  templates?: Record<string, string>;
  data?: DataSettings[];
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** The configuration used when no file is found. */
export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    practice: { names: [], staff: [], locations: [], state: "", phones: [], faxes: [], emails: [], addresses: [], urls: [] },
    include: [],
    exclude: [],
    frontmatterKeys: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    channel: "website",
    language: "en",
    templates: {},
    data: [],
    files: [],
  };
}
