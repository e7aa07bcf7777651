// Lints the authorization registry file itself (45 CFR 164.508(c)): core elements, expiry, revocation, ids.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap } from "yaml";
import { DISCLOSABLE_ELEMENTS } from "./authorization";
import type { Finding, OffsetRange, Severity } from "./types";

/** Rule ids of registry findings; they are engine notices, documented in the README. */
export const REGISTRY_RULES = {
  syntax: "safeharbor/registry-syntax",
  missingElement: "safeharbor/registry-missing-element",
  noExpiry: "safeharbor/registry-no-expiry",
  expired: "safeharbor/registry-expired",
  revoked: "safeharbor/registry-revoked",
  remuneration: "safeharbor/registry-remuneration",
  duplicateId: "safeharbor/registry-duplicate-id",
  invalidValue: "safeharbor/registry-invalid-value",
  unknownKey: "safeharbor/registry-unknown-key",
} as const;

/** Options of a registry lint run. */
export interface RegistryLintOptions {
  /** Today's date (YYYY-MM-DD) for expiry checks; defaults to the current date. */
  today?: string;
}

/** The core elements of a valid authorization (164.508(c)(1)), by the registry key that records each. */
const CORE_ELEMENTS: { keys: string[]; what: string }[] = [
  { keys: ["id"], what: "an `id` that content can reference" },
  { keys: ["subject"], what: "the `subject` (the person, as named in content)" },
  { keys: ["discloses"], what: "what it `discloses` (164.508(c)(1)(i))" },
  { keys: ["purpose"], what: "the `purpose` of the disclosure (164.508(c)(1)(iv))" },
  { keys: ["signed"], what: "the `signed` date (164.508(c)(1)(vi))" },
  { keys: ["disclosedBy"], what: "who makes the disclosure, `disclosedBy` (164.508(c)(1)(ii))" },
  { keys: ["recipients", "channels"], what: "to whom it is disclosed, `recipients` or `channels` (164.508(c)(1)(iii))" },
];

const KNOWN_KEYS = new Set(["id", "subject", "discloses", "purpose", "channels", "disclosedBy", "recipients", "signed", "expires", "revoked", "remuneration", "notes", "form", "signedBy"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MARKETING = /\b(market\w*|advertis\w*|promot\w*|campaign|endorse\w*|testimonial|social media|ads?)\b/i;

function rangeOf(node: YamlNode | null | undefined, fallback: OffsetRange): OffsetRange {
  return node && node.range ? { start: node.range[0], end: node.range[1] } : fallback;
}

/** The scalar text of a node (dates and numbers as written), or undefined when it is not a scalar. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function isEmpty(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null || node.value === undefined || String(node.value).trim() === "";
  if (isSeq(node) || isMap(node)) return node.items.length === 0;
  return false;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Lints one entry of the registry. */
function lintEntry(entry: YAMLMap, index: number, whole: OffsetRange, seen: Map<string, number>, day: string, push: (ruleId: string, severity: Severity, message: string, range: OffsetRange) => void): void {
  const pairs = new Map<string, Pair>();
  for (const pair of entry.items) {
    const key = scalarText(pair.key);
    if (key !== undefined) pairs.set(key, pair as Pair);
  }
  const valueOf = (key: string): unknown => pairs.get(key)?.value;
  const idNode = valueOf("id") as YamlNode | undefined;
  // Findings about the whole entry point at its id, or at its first line when it has none.
  const firstKey = entry.items[0]?.key as YamlNode | undefined;
  const anchor = rangeOf(idNode ?? firstKey, whole);

  for (const element of CORE_ELEMENTS) {
    if (element.keys.every((k) => isEmpty(valueOf(k)))) {
      push(REGISTRY_RULES.missingElement, "error", `This authorization lacks a core element: ${element.what}; without it the authorization is not valid.`, anchor);
    }
  }

  const id = scalarText(idNode);
  if (id !== undefined && id.trim()) {
    const earlier = seen.get(id);
    if (earlier !== undefined) push(REGISTRY_RULES.duplicateId, "error", `This id is already used by entry ${earlier + 1}; content references would be ambiguous.`, rangeOf(idNode, anchor));
    else seen.set(id, index);
  }

  const signedNode = valueOf("signed") as YamlNode | undefined;
  const signed = scalarText(signedNode);
  if (signed !== undefined && !ISO_DATE.test(signed)) {
    push(REGISTRY_RULES.invalidValue, "warning", "`signed` should be the date of signature as YYYY-MM-DD.", rangeOf(signedNode, anchor));
  }

  const expiresNode = valueOf("expires") as YamlNode | undefined;
  const expires = scalarText(expiresNode);
  if (expires === undefined || !expires.trim()) {
    push(REGISTRY_RULES.noExpiry, "error", "This authorization has no expiration date or event (164.508(c)(1)(v)); add `expires`.", expiresNode ? rangeOf(expiresNode, anchor) : anchor);
  } else if (ISO_DATE.test(expires)) {
    if (expires < day) push(REGISTRY_RULES.expired, "warning", "This authorization has expired; content that references it is no longer authorized.", rangeOf(expiresNode, anchor));
    else if (signed && ISO_DATE.test(signed) && expires < signed) push(REGISTRY_RULES.invalidValue, "error", "This authorization expires before it was signed.", rangeOf(expiresNode, anchor));
  }

  const revokedNode = valueOf("revoked") as YamlNode | undefined;
  const revoked = scalarText(revokedNode);
  if (revokedNode && revoked !== undefined && revoked !== "false" && revoked.trim() !== "") {
    push(REGISTRY_RULES.revoked, "warning", "This authorization was revoked (164.508(b)(5)); content that references it is no longer authorized.", rangeOf(revokedNode, anchor));
  }

  const discloses = valueOf("discloses");
  const elements: { text: string; node: YamlNode }[] = isSeq(discloses)
    ? discloses.items.flatMap((n) => (isScalar(n) && scalarText(n) ? [{ text: scalarText(n) as string, node: n as YamlNode }] : []))
    : isScalar(discloses) && scalarText(discloses)
      ? [{ text: scalarText(discloses) as string, node: discloses as YamlNode }]
      : [];
  for (const e of elements) {
    const unknown = e.text.split(/[\s,]+/).filter((w) => w && !DISCLOSABLE_ELEMENTS.includes(w.toLowerCase()));
    if (unknown.length) push(REGISTRY_RULES.invalidValue, "warning", `\`discloses\` names an element Safe Harbor does not know; use ${DISCLOSABLE_ELEMENTS.join(", ")}.`, rangeOf(e.node, anchor));
  }

  const purpose = scalarText(valueOf("purpose"));
  if (purpose && MARKETING.test(purpose) && !pairs.has("remuneration")) {
    push(REGISTRY_RULES.remuneration, "info", "The purpose looks like marketing: state whether the practice receives remuneration (`remuneration: none` or what is paid), as 164.508(a)(3)(ii) requires.", rangeOf(pairs.get("purpose")?.value as YamlNode, anchor));
  }

  for (const [key, pair] of pairs) {
    if (!KNOWN_KEYS.has(key)) push(REGISTRY_RULES.unknownKey, "info", "Safe Harbor does not read this key; check its spelling.", rangeOf(pair.key as YamlNode, anchor));
  }
}

/**
 * Lints an authorization registry (`.safeharbor/authorizations.yaml`): YAML errors, entries missing a
 * core element of 45 CFR 164.508(c), no expiry, expired or revoked entries, marketing without a
 * remuneration statement, and duplicate ids. `file` is the registry's path. Ranges are offsets into `text`; messages never quote
 * the registry's values.
 */
export function lintRegistry(text: string, file: string, options: RegistryLintOptions = {}): Finding[] {
  const day = options.today ?? today();
  const findings: Finding[] = [];
  const push = (ruleId: string, severity: Severity, message: string, range: OffsetRange): void => {
    findings.push({ ruleId, severity, message, range, fixes: [] });
  };
  const docEnd = { start: 0, end: Math.min(text.length, Math.max(0, text.search(/\r?\n|$/))) };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch {
    push(REGISTRY_RULES.syntax, "error", "The registry could not be read as YAML.", docEnd);
    return findings;
  }
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const start = Math.min(e.pos[0], text.length);
      push(REGISTRY_RULES.syntax, "error", `The registry is not valid YAML (${e.code}); no authorization in it can be used.`, { start, end: Math.max(start, Math.min(e.pos[1], text.length)) });
    }
    return findings;
  }
  const root = doc.contents;
  let list: YamlNode | null | undefined = root as YamlNode | null;
  if (isMap(root)) list = root.get("authorizations", true) as YamlNode | undefined;
  if (root === null || (isScalar(root) && root.value === null)) return findings;
  if (!isSeq(list)) {
    push(REGISTRY_RULES.syntax, "error", "The registry must be a list of authorizations, or a map with an `authorizations` list.", rangeOf(isMap(root) ? ((root.items.find((p) => scalarText(p.key) === "authorizations")?.key as YamlNode) ?? root) : (root as YamlNode), docEnd));
    return findings;
  }
  const seen = new Map<string, number>();
  for (const [index, item] of list.items.entries()) {
    const whole = rangeOf(item as YamlNode, docEnd);
    if (!isMap(item)) {
      push(REGISTRY_RULES.syntax, "error", "Each authorization must be a map of keys (id, subject, discloses, ...).", whole);
      continue;
    }
    lintEntry(item, index, whole, seen, day, push);
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return findings;
}
