// The HTML report: one self-contained page for a privacy officer that quotes each flagged passage in context.
import { explainFinding, firstParagraph, ruleDocsUrl, type Fix, type Rule, type RuleMeta, type Severity } from "@safeharbor/server/engine";
import { ENGINE_NOTICES } from "./sarif";
import type { FileReport } from "./types";

/** What the report states about its run. */
export interface HtmlReportOptions {
  version: string;
  /** When the report was made (shown in its header). */
  generated: Date;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info", "hint"];
const SEVERITY_LABEL: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info", hint: "Hints" };
/** How far a quoted passage reaches each side of its finding when no blank line ends it sooner. */
const CONTEXT = 320;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Escapes prose and turns its Markdown `code` spans into <code>. */
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** A slice of the document around a finding: its paragraph, clipped to CONTEXT characters each side. */
export interface Passage {
  start: number;
  end: number;
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** The paragraph holding `start..end` (between blank lines), clipped at a word boundary when long. */
export function passageAround(source: string, start: number, end: number): Passage {
  const blank = /\r?\n[ \t]*\r?\n/g;
  const from = Math.max(0, start - CONTEXT);
  let pStart = from;
  let clippedStart = from > 0;
  const before = source.slice(from, start);
  for (let m = blank.exec(before); m; m = blank.exec(before)) {
    pStart = from + m.index + m[0].length;
    clippedStart = false;
  }
  if (clippedStart) {
    const space = source.slice(pStart, start).search(/\s/);
    if (space >= 0) pStart += space + 1;
  }
  const after = source.slice(end, end + CONTEXT);
  blank.lastIndex = 0;
  const next = blank.exec(after);
  let pEnd = next ? end + next.index : Math.min(source.length, end + CONTEXT);
  let clippedEnd = !next && pEnd < source.length;
  if (clippedEnd) {
    const lastSpace = source.slice(end, pEnd).search(/\s\S*$/);
    if (lastSpace >= 0) pEnd = end + lastSpace;
  }
  while (pStart < start && /\s/.test(source[pStart])) pStart++;
  while (pEnd > end && /\s/.test(source[pEnd - 1])) pEnd--;
  if (pEnd >= source.length) clippedEnd = false;
  return { start: pStart, end: pEnd, clippedStart, clippedEnd };
}

/** The passage as HTML with `start..end` marked (an empty range gets a caret). */
function markedPassage(source: string, p: Passage, start: number, end: number): string {
  const mark = end > start ? `<mark>${escapeHtml(source.slice(start, end))}</mark>` : '<mark class="caret" title="here"></mark>';
  return `${p.clippedStart ? "… " : ""}${escapeHtml(source.slice(p.start, start))}${mark}${escapeHtml(source.slice(end, p.end))}${p.clippedEnd ? " …" : ""}`;
}

/** The passage after a fix, its inserted text marked; undefined when an edit falls outside the passage. */
function fixedPassage(source: string, p: Passage, fix: Fix): string | undefined {
  const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
  if (!edits.length || edits.some((e) => e.range.start < p.start || e.range.end > p.end)) return undefined;
  let html = p.clippedStart ? "… " : "";
  let at = p.start;
  for (const e of edits) {
    if (e.range.start < at) return undefined;
    html += escapeHtml(source.slice(at, e.range.start));
    html += e.newText ? `<ins>${escapeHtml(e.newText)}</ins>` : '<del title="removed"></del>';
    at = e.range.end;
  }
  return html + escapeHtml(source.slice(at, p.end)) + (p.clippedEnd ? " …" : "");
}

type Counts = Record<Severity, number>;
const zero = (): Counts => ({ error: 0, warning: 0, info: 0, hint: 0 });
const countCells = (c: Counts): string => SEVERITIES.map((s) => `<td class="num${c[s] ? ` sev-${s}` : ""}">${c[s]}</td>`).join("");
const total = (c: Counts): number => c.error + c.warning + c.info + c.hint;

/** The category a finding is filed under (rule meta, an engine notice, or the registry). */
function categoryOf(ruleId: string, meta: RuleMeta | undefined, fallback: string): string {
  if (meta) return meta.category;
  if (ruleId.startsWith("safeharbor/registry-")) return "Authorization registry";
  return fallback;
}

/** One finding: where, the passage with the finding marked, the explanation, the citation and the fix. */
function findingHtml(report: FileReport, index: number, docIndex: number, metas: ReadonlyMap<string, RuleMeta>): string {
  const f = report.findings[index];
  const meta = metas.get(f.ruleId);
  const explained = explainFinding(f, meta);
  const why = meta ? firstParagraph(meta.docs) : (explained.why ?? ENGINE_NOTICES[f.ruleId]);
  const source = report.source ?? "";
  const start = Math.min(f.range.start, source.length);
  const end = Math.min(Math.max(f.range.end, start), source.length);
  const passage = passageAround(source, start, end);
  const shown = f.fixes.find((x) => x.preferred && x.kind !== "disable") ?? f.fixes.find((x) => x.kind !== "disable");
  const after = shown ? fixedPassage(source, passage, shown) : undefined;
  const fixes = f.fixes.length
    ? `<ul class="fixes">${f.fixes.map((x) => `<li${x === shown ? ' class="suggested"' : ""}>${inline(x.title)}${x === shown ? " <span class=\"tag\">suggested</span>" : ""}</li>`).join("")}</ul>`
    : `<p>${inline(explained.fix ?? "Rewrite the passage as the message says.")}</p>`;
  const line = f.lineRange.start.line + 1;
  const column = f.lineRange.start.character + 1;
  return `<article class="finding sev-${f.severity}" id="doc-${docIndex}-finding-${index + 1}">
<header><span class="badge sev-${f.severity}">${f.severity}</span> <span class="where">line ${line}, column ${column}</span> <code class="rule">${escapeHtml(f.ruleId)}</code> <span class="category">${escapeHtml(categoryOf(f.ruleId, meta, explained.category))}</span></header>
<div class="passage" aria-label="Passage with the finding highlighted">${markedPassage(source, passage, start, end)}</div>
<p class="message">${inline(f.message)}</p>
<dl>
${why ? `<dt>Why it matters</dt><dd class="why">${inline(why)}</dd>\n` : ""}${explained.citation ? `<dt>Citation</dt><dd class="citation">${escapeHtml(explained.citation)}</dd>\n` : ""}<dt>Suggested fix</dt><dd class="fix">${fixes}${after !== undefined ? `<div class="passage after" aria-label="Passage after the suggested fix">${after}</div>` : ""}</dd>
${f.authorization ? `<dt>Authorization</dt><dd><code>${escapeHtml(f.authorization)}</code></dd>\n` : ""}</dl>
<p class="docs"><a href="${escapeHtml(ruleDocsUrl(f.ruleId))}">Rule documentation</a></p>
</article>`;
}

const STYLE = `
:root{--error:#b42318;--warning:#b54708;--info:#175cd3;--hint:#667085;--line:#e4e7ec;--ink:#101828;--muted:#475467}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f9fafb}
main{max-width:980px;margin:0 auto;padding:0 24px 48px}
.banner{background:#fffaeb;border-bottom:2px solid #f79009;padding:12px 24px;text-align:center}
.banner strong{color:#93370d}
h1{font-size:26px;margin:28px 0 4px}
h2{font-size:20px;margin:36px 0 12px;padding-top:8px;border-top:1px solid var(--line)}
h3{font-size:17px;margin:28px 0 8px;word-break:break-all}
.meta{color:var(--muted);margin:0 0 16px}
.totals{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.total{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:110px}
.total b{display:block;font-size:24px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);margin:8px 0 16px}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#f2f4f7;font-weight:600;font-size:13px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.sev-error{color:var(--error);font-weight:600}td.sev-warning{color:var(--warning);font-weight:600}
td.sev-info{color:var(--info)}td.sev-hint{color:var(--hint)}
.finding{background:#fff;border:1px solid var(--line);border-left:4px solid var(--hint);border-radius:6px;padding:12px 16px;margin:12px 0}
.finding.sev-error{border-left-color:var(--error)}.finding.sev-warning{border-left-color:var(--warning)}.finding.sev-info{border-left-color:var(--info)}
.finding header{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap;font-size:14px}
.badge{color:#fff;border-radius:4px;padding:0 6px;font-size:12px;text-transform:uppercase;letter-spacing:.03em;background:var(--hint)}
.badge.sev-error{background:var(--error)}.badge.sev-warning{background:var(--warning)}.badge.sev-info{background:var(--info)}
.where,.category{color:var(--muted)}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f2f4f7;border-radius:3px;padding:0 3px}
.passage{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f8f9fc;border:1px solid var(--line);border-radius:4px;padding:8px 10px;margin:10px 0}
mark{background:#fde272;color:inherit;border-bottom:2px solid #ca8504;padding:0 1px}
mark.caret{display:inline-block;width:2px;height:1em;background:#ca8504;vertical-align:text-bottom}
.after{background:#f6fef9;border-color:#abefc6}
ins{background:#aaf0c4;text-decoration:none;padding:0 1px}
del{display:inline-block;width:6px;height:1em;background:#fda29b;vertical-align:text-bottom}
.message{font-weight:600;margin:8px 0}
dl{display:grid;grid-template-columns:150px 1fr;gap:4px 12px;margin:8px 0}
dt{color:var(--muted);font-weight:600}dd{margin:0}
.fixes{margin:0;padding-left:18px}
.tag{font-size:12px;color:#067647;border:1px solid #abefc6;border-radius:10px;padding:0 6px}
.docs{margin:6px 0 0;font-size:13px}
.clean{color:#067647}
@media print{body{background:#fff}.banner{position:static}.finding{break-inside:avoid}}
`;

/** Formats reports as one self-contained HTML page (no scripts, no external assets, a CSP that forbids loading any). */
export function formatHtml(reports: readonly FileReport[], rules: readonly Rule[], options: HtmlReportOptions): string {
  const metas = new Map(rules.map((r) => [r.meta.id, r.meta]));
  const overall = zero();
  const byRule = new Map<string, Counts>();
  const byFile = reports.map((r) => {
    const counts = zero();
    for (const f of r.findings) {
      counts[f.severity]++;
      overall[f.severity]++;
      let rc = byRule.get(f.ruleId);
      if (!rc) byRule.set(f.ruleId, (rc = zero()));
      rc[f.severity]++;
    }
    return counts;
  });
  const flagged = reports.map((r, i) => ({ r, i })).filter(({ r }) => r.findings.length > 0);
  const fileRows = reports
    .map((r, i) => `<tr><td>${r.findings.length ? `<a href="#doc-${i}">${escapeHtml(r.file)}</a>` : escapeHtml(r.file)}</td>${countCells(byFile[i])}<td class="num">${total(byFile[i])}</td></tr>`)
    .join("\n");
  const ruleRows = [...byRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, c]) => {
      const meta = metas.get(id);
      return `<tr><td><code>${escapeHtml(id)}</code></td><td>${escapeHtml(meta?.description ?? ENGINE_NOTICES[id] ?? "Safe Harbor notice")}</td><td>${escapeHtml(meta?.hipaa ?? "")}</td>${countCells(c)}<td class="num">${total(c)}</td></tr>`;
    })
    .join("\n");
  const sevHeads = SEVERITIES.map((s) => `<th class="num">${SEVERITY_LABEL[s]}</th>`).join("");
  const documents = flagged
    .map(({ r, i }) => `<section class="document" id="doc-${i}">\n<h3>${escapeHtml(r.file)}</h3>\n${r.findings.map((_f, k) => findingHtml(r, k, i, metas)).join("\n")}\n</section>`)
    .join("\n");
  const findingsCount = total(overall);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="robots" content="noindex">
<title>Safe Harbor report</title>
<style>${STYLE}</style>
</head>
<body>
<div class="banner" role="note"><strong>This report contains the checked content.</strong> It quotes the passages Safe Harbor flagged, which may include protected health information: share it only with people allowed to see the documents themselves.</div>
<main>
<h1>Safe Harbor report</h1>
<p class="meta">${reports.length} file${reports.length === 1 ? "" : "s"} checked · generated ${escapeHtml(options.generated.toISOString().replace("T", " ").slice(0, 16))} UTC · safeharbor ${escapeHtml(options.version)}</p>
<div class="totals"><div class="total"><b>${findingsCount}</b>finding${findingsCount === 1 ? "" : "s"}</div>${SEVERITIES.map((s) => `<div class="total sev-${s}"><b>${overall[s]}</b>${SEVERITY_LABEL[s].toLowerCase()}</div>`).join("")}</div>
<h2>Summary by file</h2>
<table class="by-file"><thead><tr><th>File</th>${sevHeads}<th class="num">Total</th></tr></thead>
<tbody>
${fileRows}
</tbody></table>
<h2>Summary by rule</h2>
${byRule.size ? `<table class="by-rule"><thead><tr><th>Rule</th><th>What it flags</th><th>Citation</th>${sevHeads}<th class="num">Total</th></tr></thead>\n<tbody>\n${ruleRows}\n</tbody></table>` : '<p class="clean">No findings.</p>'}
<h2>Flagged passages</h2>
${documents || '<p class="clean">Nothing was flagged.</p>'}
</main>
</body>
</html>
`;
}
