// Turns the objects of a data file into records, each checked as a document of its own: a person
// with their words is a testimonial (as a testimonial in front matter is), an owner's reply next to
// a review is a review reply whose review is the reviewer's own words, anything else is content.
import type { DataSettings } from "../config/types";
import type { BlockKind, Language, ParsedDocument, ProseBlock, StringContainer } from "../types";
import type { DataNode, DataObject, DataString } from "./data-tree";

export type RecordKind = NonNullable<DataSettings["kind"]>;

/** The key lists of the data settings that apply to one file (defaults plus configured entries). */
export interface RecordKeys {
  prose: string[];
  ignore: string[];
  person: string[];
  content: string[];
  reply: string[];
  columns?: string[];
  kind: RecordKind;
}

/** Keys that name the person a record is about. */
export const PERSON_KEYS = ["name", "author", "authorName", "patient", "patientName", "client", "clientName", "customer", "customerName", "reviewer", "reviewerName", "by", "attribution", "fullName", "firstName", "lastName", "displayName", "user", "userName", "username", "handle", "signature", "person", "from"];
/** Keys that place or describe that person (read as the attribution, as front matter's are). */
const ATTRIBUTION_KEYS = /^(?:location|city|town|hometown|neighbou?rhood|county|address|age|cite)$/i;
/** Keys that hold the person's own words. */
export const CONTENT_KEYS = ["quote", "text", "review", "reviewText", "body", "content", "testimonial", "testimonialText", "story", "message", "comment", "feedback", "quoteText"];
/** Keys that hold the practice's answer to a review. */
export const REPLY_KEYS = ["response", "reply", "ownerResponse", "ownerReply", "ownerAnswer", "answer", "businessResponse", "reviewReply", "responseFromOwner", "replyText", "responseText", "practiceResponse"];
/** Metadata that is never prose: ids, ordering, styling, media, timestamps, ratings. */
const IGNORED_KEY = /^(?:_?id|uuid|guid|slug|key|type|kind|layout|template|lang|locale|language|rating|stars?|starRating|score|order|weight|sort|position|featured|draft|published|status|colou?r|theme|icon|class(?:Name)?|variant|size|width|height|source|platform|network|category|categories|tags?|format|authorizations?|authorizationId|(?:profile)?(?:image|photo|avatar|picture|thumbnail|logo|src)(?:Url|Src|Uri)?)$|(?:Id|_id|ID|Ids)$|(?:^|[a-z_])(?:date|Date|time|Time|At|timestamp|Timestamp)$/;
/** Dates that are a person's, read even though dates are metadata by default. */
const PERSONAL_DATE = /^(?:dob|dateOfBirth|birth(?:day|date)?|visitDate|appointmentDate|surgeryDate|admissionDate|dischargeDate|treatmentDate)$/i;
/** Files that list staff (bios, not testimonials). */
const STAFF_FILE = /(?:^|[/_.-])(?:team|staff|providers?|doctors?|physicians?|bios?|people|authors?)(?:[/_.-]|$)/i;
/** Files whose records are testimonials or reviews even without a person key. */
const TESTIMONIAL_FILE = /(?:^|[/_.-])(?:testimonials?|reviews?|quotes?|stories)(?:[/_.-]|$)/i;

/** The default key lists merged with configured data settings. */
export function recordKeys(settings: readonly DataSettings[]): RecordKeys {
  const keys: RecordKeys = { prose: [], ignore: [], person: [...PERSON_KEYS], content: [...CONTENT_KEYS], reply: [...REPLY_KEYS], kind: "auto" };
  for (const s of settings) {
    keys.prose.push(...(s.prose ?? []));
    keys.ignore.push(...(s.ignore ?? []));
    keys.person.push(...(s.person ?? []));
    keys.content.push(...(s.content ?? []));
    keys.reply.push(...(s.reply ?? []));
    if (s.columns) keys.columns = [...s.columns];
    if (s.kind) keys.kind = s.kind;
  }
  return keys;
}

type Role = "person" | "attribution" | "content" | "reply" | "other";

interface Field {
  key: string;
  path: string;
  role: Role;
  value: DataString;
}

const lower = (list: readonly string[]): Set<string> => new Set(list.map((k) => k.toLowerCase()));

/** Classifies keys by the key lists: which are read and what they hold. */
class KeyClassifier {
  private readonly prose: Set<string>;
  private readonly ignore: Set<string>;
  private readonly person: Set<string>;
  private readonly content: Set<string>;
  private readonly reply: Set<string>;

  constructor(keys: RecordKeys) {
    this.prose = lower(keys.prose);
    this.ignore = lower(keys.ignore);
    this.person = lower(keys.person);
    this.content = lower(keys.content);
    this.reply = lower(keys.reply);
  }

  /** A configured key matches the last segment of a path or the whole path. */
  private has(set: Set<string>, key: string, path: string): boolean {
    return set.has(key.toLowerCase()) || set.has(path.toLowerCase());
  }

  ignored(key: string, path: string): boolean {
    if (this.has(this.ignore, key, path)) return true;
    if (this.has(this.prose, key, path) || PERSONAL_DATE.test(key)) return false;
    return IGNORED_KEY.test(key);
  }

  role(key: string, path: string): Role {
    const segments = path.split(".");
    if (segments.some((s, i) => this.has(this.reply, s, segments.slice(0, i + 1).join(".")))) return "reply";
    if (this.has(this.content, key, path)) return segments.slice(0, -1).some((s) => this.person.has(s.toLowerCase())) ? "person" : "content";
    if (this.has(this.person, key, path) || segments.slice(0, -1).some((s) => this.person.has(s.toLowerCase()))) return "person";
    if (ATTRIBUTION_KEYS.test(key)) return "attribution";
    return "other";
  }

  /** An object under this key is part of its parent's record (`reviewer: {...}`, `reviewReply: {...}`). */
  folds(key: string): boolean {
    const k = key.toLowerCase();
    return this.person.has(k) || this.reply.has(k) || this.content.has(k);
  }
}

/** An `age: 93` written as a number is read like the string "93". */
function ageScalar(key: string, node: DataNode, source: string): DataString | undefined {
  if (node.type !== "scalar" || !/^age$/i.test(key) || !/^\d{1,3}$/.test(node.raw)) return undefined;
  const offsets = new Int32Array(node.raw.length + 1);
  for (let i = 0; i <= node.raw.length; i++) offsets[i] = node.range.start + i;
  return { type: "string", value: node.raw, offsets, container: { style: "number", range: node.range } };
}

/** A prose block of a record, offsets in the file. */
function blockOf(index: number, kind: BlockKind, s: DataString, key: string, quoted = false): ProseBlock {
  return { index, kind, text: s.value, offsets: s.offsets, quoted, listItem: false, ...(kind === "frontmatter" ? { key } : {}) };
}

/** Attribution keys as front matter testimonials name them (`reviewerName` → `name`). */
function attributionKey(field: Field): string {
  if (field.role === "attribution") return field.key;
  return /^(?:author|by|attribution|signature)$/i.test(field.key) ? field.key : "name";
}

/** What a record is, from its fields and the file it is in. */
function kindOf(fields: readonly Field[], keys: RecordKeys, uri: string): Exclude<RecordKind, "auto"> {
  if (keys.kind !== "auto") return keys.kind;
  const has = (role: Role): boolean => fields.some((f) => f.role === role && f.value.value.trim() !== "");
  if (has("reply")) return "review-reply";
  if (STAFF_FILE.test(uri)) return "post";
  if ((has("person") || has("attribution")) && has("content")) return "testimonial";
  if (has("content") && TESTIMONIAL_FILE.test(uri)) return "testimonial";
  return "post";
}

/** Where each record's object starts (its `{`, or a YAML mapping's first key), for the fix that adds an `authorization` key. */
const recordObjects = new WeakMap<ParsedDocument, { start: number; hasAuthorization: boolean }>();

/** The object a record was read from, when it has one (CSV cells and bare strings have none). */
export function recordObject(record: ParsedDocument): { start: number; hasAuthorization: boolean } | undefined {
  return recordObjects.get(record);
}

/** Builds the document a record is checked as. */
function recordDocument(base: { uri: string; source: string }, kind: Exclude<RecordKind, "auto">, fields: readonly Field[], authorization: string | undefined): ParsedDocument {
  const blocks: ProseBlock[] = [];
  const add = (kindOfBlock: BlockKind, f: Field, key: string, quoted = false): void => {
    if (f.value.value.trim()) blocks.push(blockOf(blocks.length, kindOfBlock, f.value, key, quoted));
  };
  for (const f of fields) {
    if (kind === "review-reply") {
      // The review and everything about it are the reviewer's words; only the reply is the practice's.
      if (f.role === "reply") add("paragraph", f, f.key);
      else if (f.role === "content") add("tableCell", f, f.key, true);
    } else if (kind === "social") add("paragraph", f, f.key);
    else if (f.role === "content") add("paragraph", f, f.key);
    else if (kind === "testimonial" && (f.role === "person" || f.role === "attribution")) add("frontmatter", f, attributionKey(f));
    else add("frontmatter", f, kind === "post" && f.role === "person" ? "author" : f.key);
  }
  const frontmatter: Record<string, unknown> = { kind, ...(authorization ? { authorization } : {}) };
  const containers = fields.map((f) => Object.assign(f.value.container, { field: f.key }));
  return { uri: base.uri, language: "plaintext", source: base.source, blocks, images: [], links: [], components: [], comments: [], frontmatter, containers };
}

/** The records of a data tree, each as a document checked in its own scope. */
export function dataRecords(root: DataNode | undefined, keys: RecordKeys, base: { uri: string; source: string }): { records: ParsedDocument[]; containers: StringContainer[] } {
  const classify = new KeyClassifier(keys);
  const records: ParsedDocument[] = [];
  const containers: StringContainer[] = [];
  const pending: { node: DataNode; path: string }[] = root ? [{ node: root, path: "" }] : [];
  while (pending.length) {
    const { node, path } = pending.shift() as { node: DataNode; path: string };
    if (node.type === "array") {
      pending.unshift(...node.items.map((n) => ({ node: n, path })));
      continue;
    }
    if (node.type === "string") {
      // a bare string in a list (a list of quotes, a list of posts)
      const field: Field = { key: path.split(".").pop() || "text", path, role: "content", value: node };
      records.push(recordDocument(base, keys.kind === "auto" ? kindOf([field], keys, base.uri) : keys.kind, [field], undefined));
      containers.push(node.container);
      continue;
    }
    if (node.type !== "object") continue;
    const fields: Field[] = [];
    let authorization: string | undefined;
    const children: { node: DataNode; path: string }[] = [];
    const collect = (obj: DataObject, prefix: string): void => {
      for (const { key, value } of obj.entries) {
        const p = prefix ? `${prefix}.${key}` : key;
        if (/^authorizations?$/i.test(key) && value.type === "string") authorization = value.value;
        if (classify.ignored(key, p)) continue;
        const str = value.type === "string" ? value : ageScalar(key, value, base.source);
        if (str) fields.push({ key, path: p, role: classify.role(key, p), value: str });
        else if (value.type === "object") {
          if (classify.folds(key) || prefix) collect(value, p);
          else children.push({ node: value, path: key });
        } else if (value.type === "array") {
          const strings = value.items.filter((i): i is DataString => i.type === "string");
          const rest = value.items.filter((i) => i.type !== "string");
          for (const s of strings) fields.push({ key, path: p, role: classify.role(key, p), value: s });
          if (rest.length) children.push({ node: { ...value, items: rest }, path: key });
        }
      }
    };
    collect(node, "");
    if (fields.length) {
      const record = recordDocument(base, kindOf(fields, keys, base.uri), fields, authorization);
      recordObjects.set(record, { start: node.range.start, hasAuthorization: authorization !== undefined });
      records.push(record);
      for (const f of fields) containers.push(f.value.container);
    }
    pending.unshift(...children);
  }
  return { records, containers };
}

/** The records of a social calendar: every post-text cell is a social post of its own. */
export function cellRecords(cells: readonly { value: string; offsets: Int32Array; container: StringContainer; column: string }[], base: { uri: string; source: string }): { records: ParsedDocument[]; containers: StringContainer[] } {
  const records = cells.map((c) => recordDocument(base, "social", [{ key: c.column, path: c.column, role: "content", value: { type: "string", value: c.value, offsets: c.offsets, container: c.container } }], undefined));
  return { records, containers: cells.map((c) => c.container) };
}

/** An empty parsed data document (its records are filled by the caller). */
export function dataDocument(uri: string, source: string, language: Language): ParsedDocument {
  return { uri, language, source, blocks: [], images: [], links: [], components: [], comments: [] };
}

