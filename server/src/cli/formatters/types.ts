// What a formatter receives: the findings of every checked file, with line/character ranges.
import type { Finding, LineRange } from "@safeharbor/server/engine";

export interface FileReport {
  /** The path as shown to the user (relative to the working folder when inside it). */
  file: string;
  findings: (Finding & { lineRange: LineRange })[];
  /** The checked text, kept only for the HTML report (the one output that quotes documents). */
  source?: string;
}
