// The authorization registry (45 CFR 164.508): entries, references from content, and coverage checks.
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type { Directive } from "./directives";
import type { DocumentAnalysis } from "./analysis/types";
import type { ResolvedConfig } from "./config/types";
import type { AuthorizationStatus, DisclosedElement } from "./rule";
import type { OffsetRange, ParsedDocument } from "./types";

/** One signed authorization, as recorded in `.safeharbor/authorizations.yaml`. */
export interface AuthorizationEntry {
  id: string;
  subject?: string;
  discloses: string[];
  purpose?: string;
  channels: string[];
  disclosedBy?: string;
  recipients?: string;
  signed?: string;
  /** An ISO date, or an expiration event in words. */
  expires?: string;
  revoked?: boolean | string;
  remuneration?: string | boolean;
}

/** The loaded registry, by id. */
export interface AuthorizationRegistry {
  file?: string;
  entries: Map<string, AuthorizationEntry>;
}

/** Element names accepted in `discloses`, and what each one covers. */
const COVERS: Record<string, DisclosedElement[]> = {
  name: ["name"],
  initials: ["name"],
  photo: ["photo"],
  image: ["photo"],
  age: ["age"],
  location: ["location"],
  town: ["location"],
  date: ["date"],
  dates: ["date"],
  contact: ["contact"],
  condition: ["condition"],
  diagnosis: ["condition"],
  treatment: ["treatment"],
  procedure: ["treatment"],
  story: ["story"],
  testimonial: ["testimonial"],
  all: ["name", "photo", "age", "location", "date", "contact", "condition", "treatment", "story", "testimonial"],
};

/** The words `discloses` may use. */
export const DISCLOSABLE_ELEMENTS: readonly string[] = Object.keys(COVERS);

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Authorization ids referenced by the document: front matter, MDX props and directives. */
export function authorizationRefs(doc: ParsedDocument, directives: readonly Directive[]): { id: string; range: OffsetRange; scope?: OffsetRange }[] {
  const refs: { id: string; range: OffsetRange; scope?: OffsetRange }[] = [];
  const fm = doc.frontmatter?.authorization ?? doc.frontmatter?.authorizations;
  const fmIds = Array.isArray(fm) ? fm : fm !== undefined ? [fm] : [];
  for (const id of fmIds) if (typeof id === "string" || typeof id === "number") refs.push({ id: String(id), range: doc.frontmatterRange ?? { start: 0, end: 0 } });
  for (const c of doc.components) {
    const a = c.attributes.authorization;
    if (a) for (const id of a.value.split(/[\s,]+/).filter(Boolean)) refs.push({ id, range: a.range, scope: c.range });
  }
  for (const d of directives) {
    if (d.kind !== "authorization") continue;
    // A directive covers the block that follows it, up to the next blank line (or the document when at the top).
    const after = doc.source.slice(d.range.end);
    const gap = after.search(/\S/);
    const blockEnd = after.slice(Math.max(gap, 0)).search(/\r?\n[ \t]*\r?\n/);
    const start = d.range.end + Math.max(gap, 0);
    const scope = { start, end: blockEnd >= 0 ? start + blockEnd : doc.source.length };
    for (const id of d.targets) refs.push({ id, range: d.range, scope });
  }
  return refs;
}

/** Builds the `authorize` function rules call. */
export function createAuthorizer(
  doc: ParsedDocument,
  analysis: DocumentAnalysis,
  directives: readonly Directive[],
  registry: AuthorizationRegistry | undefined,
  config: ResolvedConfig,
): (range: OffsetRange, elements: DisclosedElement[]) => AuthorizationStatus {
  const refs = authorizationRefs(doc, directives);
  analysis.authorizations = refs;
  return (range, elements) => {
    const applicable = refs.filter((r) => !r.scope || (r.scope.start <= range.start && range.end <= r.scope.end + 1) || (range.start <= r.scope.start && r.scope.end <= range.end));
    if (applicable.length === 0) return { status: "none" };
    let failure: AuthorizationStatus | undefined;
    for (const ref of applicable) {
      const entry = registry?.entries.get(ref.id);
      if (!entry) {
        failure ??= registry?.file ? { status: "unknown", id: ref.id } : { status: "no-registry", id: ref.id };
        continue;
      }
      if (entry.revoked) {
        failure = { status: "revoked", id: ref.id };
        continue;
      }
      if (entry.expires && /^\d{4}-\d{2}-\d{2}/.test(entry.expires) && entry.expires.slice(0, 10) < today()) {
        failure = { status: "expired", id: ref.id, until: entry.expires.slice(0, 10) };
        continue;
      }
      if (entry.channels.length && !entry.channels.includes(config.channel)) {
        failure = { status: "wrong-channel", id: ref.id, channel: config.channel };
        continue;
      }
      const covered = new Set(entry.discloses.flatMap((d) => COVERS[d.toLowerCase()] ?? []));
      const missing = elements.filter((e) => !covered.has(e));
      if (missing.length) {
        failure = { status: "not-covered", id: ref.id, missing };
        continue;
      }
      return { status: "covered", id: ref.id, ...(entry.expires ? { until: entry.expires } : {}) };
    }
    return failure ?? { status: "none" };
  };
}

/** Reads a registry file's entries (lenient: the registry rule reports problems in the file itself). */
export function parseRegistry(text: string, file?: string): AuthorizationRegistry {
  const entries = new Map<string, AuthorizationEntry>();
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    return { ...(file ? { file } : {}), entries };
  }
  const list = Array.isArray(data) ? data : data && typeof data === "object" ? ((data as Record<string, unknown>).authorizations ?? []) : [];
  if (!Array.isArray(list)) return { ...(file ? { file } : {}), entries };
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : []);
  const str = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString().slice(0, 10) : v === undefined || v === null ? undefined : String(v));
  for (const item of list) {
    if (!item || typeof item !== "object") continue;
    const e = item as Record<string, unknown>;
    const id = str(e.id);
    if (!id) continue;
    entries.set(id, {
      id,
      subject: str(e.subject),
      discloses: strings(e.discloses),
      purpose: str(e.purpose),
      channels: strings(e.channels),
      disclosedBy: str(e.disclosedBy),
      recipients: Array.isArray(e.recipients) ? e.recipients.map(String).join(", ") : str(e.recipients),
      signed: str(e.signed),
      expires: str(e.expires),
      revoked: e.revoked === true || (typeof e.revoked === "string" && e.revoked.length > 0) || e.revoked instanceof Date ? (str(e.revoked) ?? true) : false,
      remuneration: str(e.remuneration),
    });
  }
  return { ...(file ? { file } : {}), entries };
}

/** Loads the registry at a path; a missing file is an empty registry. */
export function loadRegistry(path: string | undefined): AuthorizationRegistry {
  if (!path || !existsSync(path)) return { entries: new Map() };
  try {
    return parseRegistry(readFileSync(path, "utf8"), path);
  } catch {
    return { file: path, entries: new Map() };
  }
}
