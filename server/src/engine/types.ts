// Core data types shared by the engine, the rule catalogue, the CLI and the language server.

/** Severity as configured and reported. `off` only appears in configuration. */
export type Severity = "error" | "warning" | "info" | "hint";
export type SeveritySetting = Severity | "warn" | "off";

/** The public rule families. */
export const FAMILIES = ["phi", "testimonial", "story", "review", "image", "claim", "social"] as const;
export type Family = (typeof FAMILIES)[number];

/** A half-open range of UTF-16 code unit offsets into the source text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** LSP-style position: 0-based line, UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}
export interface LineRange {
  start: Position;
  end: Position;
}

export type Language = "markdown" | "mdx" | "plaintext" | DataLanguage;
/** Data files: JSON, YAML, CSV/TSV social calendars and JS/TS data modules. */
export type DataLanguage = "json" | "yaml" | "csv" | "module";

/** How text is written inside a string container of a data file (what a fix must escape). */
export type ContainerStyle = "json" | "yaml-double" | "yaml-single" | "yaml-plain" | "yaml-block" | "csv-quoted" | "csv-plain" | "js-double" | "js-single" | "js-template" | "number";

/** A string literal, scalar or cell of a data file whose text is read as prose. */
export interface StringContainer {
  style: ContainerStyle;
  /** The text between the quotes (the whole scalar or cell when unquoted). */
  range: OffsetRange;
  /** Block scalars: the indentation of their lines. CSV: the field delimiter. */
  indent?: string;
  delimiter?: string;
  /** The record key the value sits under (`location`), or the CSV column. */
  field?: string;
}

/** Where a prose block came from in the source document. */
export type BlockKind =
  | "paragraph"
  | "heading"
  | "tableCell"
  | "frontmatter"
  | "jsxAttribute"
  | "imageAlt"
  | "imageTitle"
  | "linkTitle"
  | "html";

/** One run of prose, with an exact map from its characters back to source offsets. */
export interface ProseBlock {
  /** Stable index within the document. */
  index: number;
  kind: BlockKind;
  /** The prose text (markup removed, escapes resolved). */
  text: string;
  /** Source offset of each prose character; `offsets[text.length]` is the end offset. */
  offsets: Int32Array;
  /** True inside a blockquote. */
  quoted: boolean;
  /** True when the block is a list item's paragraph. */
  listItem: boolean;
  /** Heading depth for headings. */
  depth?: number;
  /** Front matter key path (`testimonial.name`) for front matter values. */
  key?: string;
  /** For JSX attributes and children: the component name. */
  component?: string;
  /** For JSX attributes: the attribute name. */
  attribute?: string;
}

/** An image reference found in the document (Markdown, HTML or MDX). */
export interface ImageRef {
  /** Range of the whole image syntax. */
  range: OffsetRange;
  src?: string;
  srcRange?: OffsetRange;
  /** Index of the prose block holding the alt text, if any. */
  altBlock?: number;
  titleBlock?: number;
  /** Component name for MDX images (`img`, `Image`, `Gallery`, ...). */
  component?: string;
  /** Caption or other textual props of the component, as block indices. */
  captionBlocks: number[];
}

/** A link URL: read as a possible identifier, never as prose. */
export interface LinkRef {
  url: string;
  range: OffsetRange;
  /** Block holding the link text, if any. */
  textBlock?: number;
}

/** An MDX/JSX component occurrence. */
export interface ComponentRef {
  name: string;
  range: OffsetRange;
  /** String attributes: name → value and value range. */
  attributes: Record<string, { value: string; range: OffsetRange }>;
  /** Prose blocks inside the component (attributes and children). */
  blocks: number[];
}

/** A comment that may carry a directive, with the source line it sits on. */
export interface CommentRef {
  text: string;
  range: OffsetRange;
}

/** The parsed document: prose blocks with offset maps plus non-prose references. */
export interface ParsedDocument {
  uri: string;
  language: Language;
  source: string;
  blocks: ProseBlock[];
  images: ImageRef[];
  links: LinkRef[];
  components: ComponentRef[];
  comments: CommentRef[];
  /** Parsed front matter data (YAML or TOML) or undefined. */
  frontmatter?: Record<string, unknown>;
  frontmatterRange?: OffsetRange;
  /** Data files: each record (or CSV cell) as a document of its own, checked in its own scope; offsets are this document's. */
  records?: ParsedDocument[];
  /** Data files: where the text of each value sits and how it is escaped there. */
  containers?: StringContainer[];
  /** A parse failure: the document could not be parsed; blocks is empty. */
  parseError?: { message: string; offset: number };
}

/** A text edit on the source document. */
export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export type FixKind = "deidentify" | "template" | "authorization" | "disable" | "allowlist";

/** A fix travels with its finding: already-computed edits, never re-analysis. */
export interface Fix {
  title: string;
  kind: FixKind;
  preferred?: boolean;
  /** Edits on the linted document. */
  edits: TextEdit[];
  /** For allowlist fixes: what to add to the practice block. */
  allowlist?: { key: AllowlistKey; value: string };
}

export type AllowlistKey = "staff" | "names" | "phones" | "faxes" | "emails" | "addresses" | "urls" | "locations";

/** A finding as produced by the engine. Messages never contain the matched text. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  fixes: Fix[];
  /** Authorization id that covers or fails to cover the finding, when one applies. */
  authorization?: string;
}
