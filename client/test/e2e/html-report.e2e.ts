// The HTML report in headless Chromium: it renders on its own (no requests), the banner on top, every finding highlighted.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_FLAGS } from "./workbench";

const repo = join(__dirname, "../../..");
const results = join(repo, "test-results/html-report");
/** Where `npm run docs:screenshots` wants the README pictures (unset: none are copied). */
const docsImages = process.env.SAFEHARBOR_DOCS_IMAGES;

let browser: Browser;
let reportFile: string;
let json: { file: string; findings: { severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];

beforeAll(async () => {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const cli = join(repo, "server/dist/cli.js");
  const html = spawnSync(process.execPath, [cli, "check", "test-fixtures/examples", "--format", "html"], { cwd: repo, encoding: "utf8" });
  expect(html.status).toBe(1);
  reportFile = join(results, "report.html");
  writeFileSync(reportFile, html.stdout);
  json = JSON.parse(spawnSync(process.execPath, [cli, "check", "test-fixtures/examples", "--format", "json"], { cwd: repo, encoding: "utf8" }).stdout) as typeof json;
  browser = await puppeteer.launch({ executablePath: process.env.SAFEHARBOR_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS, defaultViewport: { width: 1100, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("the HTML report in Chromium", () => {
  it("renders without a request beyond its own file, the banner first and every finding's passage highlighted", async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => problems.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: "load" });

    expect(requests).toEqual([pathToFileURL(reportFile).href]);
    expect(problems).toEqual([]);
    const banner = await page.$eval(".banner", (el) => ({ top: el.getBoundingClientRect().top, text: el.textContent ?? "", visible: el.getBoundingClientRect().height > 0 }));
    expect(banner).toMatchObject({ top: 0, visible: true });
    expect(banner.text).toMatch(/contains the checked content/);

    const findings = json.flatMap((r) => r.findings);
    const rendered = await page.$$eval("article.finding", (articles) =>
      articles.map((a) => {
        const mark = a.querySelector(".passage mark");
        const box = mark?.getBoundingClientRect();
        return { marked: Boolean(mark), visible: Boolean(box && box.width > 0 && box.height > 0), background: mark ? getComputedStyle(mark).backgroundColor : "" };
      }),
    );
    expect(rendered).toHaveLength(findings.length);
    expect(rendered.every((r) => r.marked && r.visible)).toBe(true);
    expect(rendered.filter((r) => r.background === "rgba(0, 0, 0, 0)")).toEqual([]);

    const totals = await page.$$eval(".by-file tbody tr", (rows) => rows.map((row) => Number(row.lastElementChild?.textContent)));
    expect(totals).toEqual(json.map((r) => r.findings.length));

    // The top of the report, and the first flagged passage with its explanation and fix.
    const top = join(results, "html-report.png");
    await page.screenshot({ path: top, clip: { x: 0, y: 0, width: 1100, height: 760 }, captureBeyondViewport: true });
    const article = await page.$("article.finding");
    const finding = join(results, "html-report-finding.png");
    await article?.screenshot({ path: finding });
    for (const shot of [top, finding]) {
      expect(readFileSync(shot).subarray(1, 4).toString("ascii")).toBe("PNG");
      if (docsImages) {
        mkdirSync(join(repo, docsImages), { recursive: true });
        copyFileSync(shot, join(repo, docsImages, basename(shot)));
      }
    }
    await page.close();
  });
});
