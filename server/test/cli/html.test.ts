// The HTML report: self-contained, escaped, the finding highlighted in its paragraph, counts that match the JSON report.
import { describe, expect, it } from "vitest";
import { passageAround } from "../../src/cli/formatters/html";
import { parseJson, project, run } from "./helpers";

/** A patient story with markup in the prose that must come out as text, never as HTML. */
const STORY = [
  "# Patient spotlight",
  "",
  "Meet **Bernard Okafor** (born 1931), whose kidney transplant <script>alert('x')</script> & recovery turned 95 this spring.",
  "",
  "Cards for Bernard can go to bernard.okafor@example.com, and his daughter takes calls at (555) 014-7731.",
  "",
].join("\n");

function layout(): string {
  return project({ ".safeharbor.json": "{}", "posts/story.md": STORY, "posts/clean.md": "# Office hours\n\nWe are open on Saturdays.\n" });
}

/** The rows of a summary table as [first cell text, ...numbers]. */
function tableRows(html: string, tableClass: string): string[][] {
  const table = new RegExp(`<table class="${tableClass}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, "")));
}

describe("--format html", () => {
  it("says at the top that it contains the checked content, and the CLI says so on stderr", async () => {
    const r = await run(layout(), ["check", "posts", "--format", "html"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/HTML report quotes the flagged passages/);
    const body = r.stdout.slice(r.stdout.indexOf("<body>") + "<body>".length).trimStart();
    expect(body.startsWith('<div class="banner"')).toBe(true);
    expect(body.slice(0, 300)).toMatch(/contains the checked content/);
  });

  it("is self-contained: no scripts, no external assets, and a policy that forbids loading any", async () => {
    const html = (await run(layout(), ["check", "posts", "--format", "html"])).stdout;
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
  });

  it("escapes document text, so markup in a post is shown and never run", async () => {
    const html = (await run(layout(), ["check", "posts", "--format", "html"])).stdout;
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; recovery");
    expect(html).toContain("Meet **<mark>Bernard Okafor</mark>** (born 1931)");
  });

  it("shows each finding's explanation, CFR citation and suggested fix with the passage after it", async () => {
    const html = (await run(layout(), ["check", "posts", "--format", "html"])).stdout;
    const article = /<article class="finding sev-error" id="doc-1-finding-1">([\s\S]*?)<\/article>/.exec(html)?.[1] ?? "";
    expect(article).toContain('<code class="rule">phi/patient-name</code>');
    expect(article).toContain("line 3, column 8");
    expect(article).toMatch(/<dt>Why it matters<\/dt><dd class="why">Names are the first of the 18 Safe Harbor identifiers/);
    expect(article).toContain('<dd class="citation">45 CFR 164.514(b)(2)(i)(A)</dd>');
    expect(article).toMatch(/<li class="suggested">Replace the name with a role/);
  });

  it("counts findings by file and by rule and severity as the JSON report does", async () => {
    const dir = layout();
    const html = (await run(dir, ["check", "posts", "--format", "html"])).stdout;
    const json = parseJson((await run(dir, ["check", "posts", "--format", "json"])).stdout);
    const count = (findings: { severity: string }[], s: string): string => String(findings.filter((f) => f.severity === s).length);
    const sevs = ["error", "warning", "info", "hint"];
    expect(tableRows(html, "by-file")).toEqual(json.map((r) => [r.file, ...sevs.map((s) => count(r.findings, s)), String(r.findings.length)]));
    const all = json.flatMap((r) => r.findings);
    const ids = [...new Set(all.map((f) => f.ruleId))].sort();
    expect(tableRows(html, "by-rule").map((row) => [row[0], ...row.slice(3)])).toEqual(
      ids.map((id) => {
        const mine = all.filter((f) => f.ruleId === id);
        return [id, ...sevs.map((s) => count(mine, s)), String(mine.length)];
      }),
    );
    expect((html.match(/<article class="finding /g) ?? []).length).toBe(all.length);
    expect(html).toContain('<tr><td>posts/clean.md</td><td class="num">0</td>');
  });

  it("is written for a document read from standard input too", async () => {
    const r = await run(project({}), ["check", "--stdin", "--stdin-filename", "reply.md", "--format", "html"], { stdin: STORY });
    expect(r.stdout).toContain("<h3>reply.md</h3>");
    expect(r.stdout).toContain("<mark>Bernard Okafor</mark>");
  });

  it("leaves the other formats without the notice about document text", async () => {
    const r = await run(layout(), ["check", "posts", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toContain("Okafor");
  });
});

describe("the quoted passage", () => {
  it("is the paragraph between blank lines around the finding", () => {
    const text = "First paragraph.\n\nSecond one with the name here.\nStill second.\n\nThird.";
    const at = text.indexOf("name");
    const p = passageAround(text, at, at + 4);
    expect(text.slice(p.start, p.end)).toBe("Second one with the name here.\nStill second.");
    expect([p.clippedStart, p.clippedEnd]).toEqual([false, false]);
  });

  it("is clipped at word boundaries in a long paragraph, and says so", () => {
    const words = Array.from({ length: 400 }, (_v, i) => `word${i}`).join(" ");
    const at = words.indexOf("word200");
    const p = passageAround(words, at, at + 7);
    expect(p.clippedStart && p.clippedEnd).toBe(true);
    expect(words.slice(p.start, p.end)).toMatch(/^word\d+ [\s\S]*word200[\s\S]* word\d+$/);
    expect(p.end - p.start).toBeLessThan(700);
  });
});
