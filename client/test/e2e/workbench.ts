// Drives the VS Code workbench in headless Chromium the way a writer does: keyboard, mouse, panels.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from "puppeteer-core";

/** One row of the Problems panel. */
export interface ProblemRow {
  /** The file the row belongs to (from the resource row above it). */
  file: string;
  severity: "error" | "warning" | "info" | "hint" | "unknown";
  message: string;
  source: string;
  code: string;
  line: number;
}

/** Flags of headless Chromium here: no sandbox, no GPU, no network but 127.0.0.1. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
  // Every host name except 127.0.0.1 fails to resolve: the browser talks to code-server only.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/** Waits until `check` returns a value other than undefined, null or false; throws naming `what` after `timeout` ms. */
export async function until<T>(what: string, check: () => Promise<T | undefined | null | false>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (${last.message})` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The workbench of one browser page. */
export class Workbench {
  /** Requests the page tried to send anywhere but 127.0.0.1 (they cannot resolve). */
  readonly foreignRequests: string[] = [];

  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly screenshots: string,
  ) {
    page.on("request", (request) => {
      const url = request.url();
      if (/^https?:/.test(url) && !/^https?:\/\/127\.0\.0\.1[:/]/.test(url)) this.foreignRequests.push(url);
    });
  }

  /** Starts Chromium with a page of the given size. */
  static async launch(screenshots: string, width = 1280, height = 800): Promise<Workbench> {
    mkdirSync(screenshots, { recursive: true });
    const browser = await puppeteer.launch({ executablePath: process.env.SAFEHARBOR_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS, defaultViewport: { width, height }, protocolTimeout: 60_000 });
    const page = await browser.newPage();
    return new Workbench(browser, page, screenshots);
  }

  /** Closes the browser. */
  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Opens a folder in the workbench and waits until it is ready to type in. */
  async openFolder(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: "domcontentloaded" });
    await this.page.waitForSelector(".monaco-workbench", { timeout: 60_000 });
    await this.page.waitForSelector(".part.statusbar", { timeout: 60_000 });
    // The explorer has loaded the folder once its tree has rows.
    await this.page.waitForSelector(".explorer-folders-view .monaco-list-row", { timeout: 60_000 });
  }

  /** Presses a key combination such as `Control+Shift+M`. */
  async keys(combo: string): Promise<void> {
    const parts = combo.split("+") as KeyInput[];
    for (const key of parts.slice(0, -1)) await this.page.keyboard.down(key);
    await this.page.keyboard.press(parts[parts.length - 1]);
    for (const key of parts.slice(0, -1).reverse()) await this.page.keyboard.up(key);
  }

  private async quickInput(opener: string, text: string): Promise<void> {
    await this.keys(opener);
    const input = await this.page.waitForSelector(".quick-input-widget:not([style*='display: none']) .quick-input-box input", { visible: true });
    if (!input) throw new Error("no quick input");
    await input.type(text, { delay: 5 });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P); resolves, with the time Enter was pressed, when its editor tab is active. */
  async openFile(relativePath: string): Promise<number> {
    const name = relativePath.split("/").pop() ?? relativePath;
    await this.quickInput("Control+P", relativePath);
    // Enter opens the focused result: wait until it is this file (results arrive asynchronously).
    await until(`Quick Open to offer ${relativePath}`, () =>
      this.page.evaluate((n) => document.querySelector(".quick-input-widget .quick-input-list .monaco-list-row.focused")?.getAttribute("aria-label")?.startsWith(n) ?? false, name),
    );
    const opened = Date.now();
    await this.page.keyboard.press("Enter");
    await until(`the editor of ${name}`, () =>
      this.page.evaluate((n) => document.querySelector(".tabs-container .tab.active")?.getAttribute("aria-label")?.startsWith(n) ?? false, name),
    );
    await this.page.waitForSelector(".editor-instance .monaco-editor .view-lines", { visible: true });
    return opened;
  }

  /** Runs a command from the Command Palette by its title, e.g. `Safe Harbor: De-identify document`. */
  async runCommand(title: string): Promise<void> {
    await this.quickInput("F1", title);
    await until(`the palette to offer "${title}"`, () =>
      this.page.evaluate((t) => {
        const row = document.querySelector(".quick-input-list .monaco-list-row.focused");
        return row?.getAttribute("aria-label")?.startsWith(t) ?? false;
      }, title),
    );
    await this.page.keyboard.press("Enter");
  }

  /** Moves the cursor of the active editor to a 1-based line and column (Go to Line, Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.quickInput("Control+G", `${line}:${column}`);
    await this.page.keyboard.press("Enter");
    await until(`the cursor at ${line}:${column}`, () =>
      this.page.evaluate(
        (l, c) => [...document.querySelectorAll(".statusbar-item")].some((i) => i.textContent?.trim() === `Ln ${l}, Col ${c}`),
        line,
        column,
      ),
    );
  }

  /** Waits until the active editor has unsaved changes (an edit was applied). */
  async edited(): Promise<void> {
    await until("the editor to change", async () => ((await this.page.$(".tabs-container .tab.active.dirty")) ? true : undefined));
  }

  /** Saves the active editor and waits until its tab is no longer dirty. */
  async save(): Promise<void> {
    await this.keys("Control+S");
    await until("the editor to be saved", () => this.page.evaluate(() => !document.querySelector(".tabs-container .tab.active.dirty")));
  }

  /** Counts the squiggles drawn in the visible editor, by severity. */
  squiggles(): Promise<{ error: number; warning: number; info: number }> {
    return this.page.evaluate(() => {
      const count = (s: string) => document.querySelectorAll(`.editor-instance .view-overlays .${s}`).length;
      return { error: count("squiggly-error"), warning: count("squiggly-warning"), info: count("squiggly-info") };
    });
  }

  /** Opens the Problems panel (if it is not open) and reads its rows. */
  async problems(): Promise<ProblemRow[]> {
    if (!(await this.problemsVisible())) await this.keys("Control+Shift+M");
    await this.page.waitForSelector(".markers-panel", { visible: true });
    return this.readProblems();
  }

  /** True when the Problems panel is on screen. */
  problemsVisible(): Promise<boolean> {
    return this.page.evaluate(() => {
      const panel = document.querySelector<HTMLElement>(".markers-panel");
      return Boolean(panel && panel.offsetParent !== null && panel.getBoundingClientRect().height > 0);
    });
  }

  /** The rows of the Problems panel; the list only renders what is on screen, so it is scrolled through. */
  async readProblems(): Promise<ProblemRow[]> {
    type Rendered = { index: number; last: boolean; file?: string; row?: Omit<ProblemRow, "file"> };
    const seen = new Map<number, Rendered>();
    const list = await this.page.waitForSelector(".markers-panel .monaco-list", { visible: true });
    const box = await list?.boundingBox();
    if (!box) throw new Error("the Problems list is not on screen");
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let turn = 0; turn < 40; turn++) {
      const rendered = await this.page.evaluate((): Rendered[] =>
        [...document.querySelectorAll<HTMLElement>(".markers-panel .monaco-list-row")].map((row) => {
          const text = (selector: string) => row.querySelector(selector)?.textContent?.trim() ?? "";
          const index = Number(row.dataset.index);
          const last = row.dataset.lastElement === "true";
          if (!row.querySelector(".marker-message-details-container")) return { index, last, file: text(".label-name") };
          const icon = row.querySelector(".marker-icon")?.className ?? "";
          const severity = /\berror\b/.test(icon) ? "error" : /\bwarning\b/.test(icon) ? "warning" : /\binfo\b/.test(icon) ? "info" : /\bhint\b/.test(icon) ? "hint" : "unknown";
          return { index, last, row: { severity, message: text(".marker-message"), source: text(".marker-source"), code: text(".marker-code"), line: Number(/Ln (\d+)/.exec(text(".marker-line"))?.[1] ?? 0) } };
        }),
      );
      for (const r of rendered) seen.set(r.index, r);
      const lastIndex = [...seen.values()].find((r) => r.last)?.index;
      if (seen.size === 0 || (lastIndex !== undefined && seen.size === lastIndex + 1)) break;
      await this.page.mouse.wheel({ deltaY: box.height / 2 });
      await new Promise((r) => setTimeout(r, 60));
    }
    // Back to the top, so that screenshots show the first rows.
    for (let turn = 0; turn < 40 && !(await this.page.$(".markers-panel .monaco-list-row[data-index='0']")); turn++) {
      await this.page.mouse.wheel({ deltaY: -box.height });
      await new Promise((r) => setTimeout(r, 60));
    }
    const rows: ProblemRow[] = [];
    let file = "";
    for (const r of [...seen.values()].sort((a, b) => a.index - b.index)) {
      if (r.row) rows.push({ file, ...r.row });
      else file = r.file ?? file;
    }
    return rows;
  }

  /** Hides the panel area (Problems included). */
  async closePanel(): Promise<void> {
    await this.runCommand("View: Hide Panel");
    await until("the panel to close", async () => !(await this.problemsVisible()));
  }

  /** Moves the mouse over the cursor of the active editor and returns the text of the hover that opens. */
  async hoverAtCursor(contains: string): Promise<string> {
    const cursor = await this.page.waitForSelector(".editor-instance .monaco-editor.focused .cursor", { visible: true });
    const box = await cursor?.boundingBox();
    if (!box) throw new Error("no cursor to hover");
    await this.page.mouse.move(box.x + 3, box.y + box.height / 2);
    return until(`a hover with "${contains}"`, () =>
      this.page.evaluate((c) => {
        const text = [...document.querySelectorAll<HTMLElement>(".monaco-hover")].filter((h) => h.offsetParent !== null).map((h) => h.innerText).join("\n");
        return text.includes(c) ? text : undefined;
      }, contains),
    );
  }

  /**
   * Puts the cursor at a 1-based line and column, clicks the light bulb and returns the titles of its
   * quick fix menu once it offers `expected`. The bulb follows the cursor asynchronously: a menu of a
   * previous position is closed, and the cursor moved away and back. `preferred` tells whether the
   * bulb showed the "preferred quick fix available" icon.
   */
  async openLightBulbAt(line: number, column: number, expected: string): Promise<{ titles: string[]; preferred: boolean }> {
    await this.goTo(line, column);
    return until(`a light bulb menu offering "${expected}"`, async () => {
      await new Promise((r) => setTimeout(r, 500));
      // Beside the text, or in the gutter when the line leaves it no room.
      const bulb = await this.page.$(".editor-instance .lightBulbWidget.codicon, .editor-instance [class*='codicon-gutter-lightbulb']");
      const preferred = (await bulb?.evaluate((e) => /auto-?fix/.test(e.className))) ?? false;
      const titles = bulb
        ? await bulb.click().then(() =>
            until("the quick fix menu", async () => {
              const list = await this.page.$$eval(".action-widget .monaco-list-row.action", (rows) => rows.map((r) => r.querySelector(".title")?.textContent?.trim() ?? ""));
              return list.length ? list : undefined;
            }, 5_000),
          )
        : [];
      if (titles.includes(expected)) return { titles, preferred };
      if (titles.length) await this.page.keyboard.press("Escape");
      await this.goTo(1, 1);
      await this.goTo(line, column);
      return undefined;
    }, 30_000);
  }

  /** Picks an entry of the open quick fix menu by its title. */
  async pickAction(title: string): Promise<void> {
    const row: ElementHandle = await until(`the action "${title}"`, async () => {
      for (const r of await this.page.$$(".action-widget .monaco-list-row.action")) {
        const label = await r.evaluate((e) => e.querySelector(".title")?.textContent?.trim() ?? "");
        if (label === title) return r;
      }
      return undefined;
    });
    await row.click();
    await until("the quick fix menu to close", async () => !(await this.page.$(".action-widget .monaco-list-row.action")));
  }

  /** The Safe Harbor status bar item: its text and element. */
  async statusItem(): Promise<{ text: string; element: ElementHandle }> {
    return until("the Safe Harbor status bar item", async () => {
      const element = await this.page.$(".part.statusbar [id='safeharbor.safeharbor-vscode.safeharbor.findings']");
      const text = await element?.evaluate((e) => (e.querySelector(".codicon-shield") ? (e.textContent ?? "").trim() : undefined));
      return element && text !== undefined ? { text, element } : undefined;
    });
  }

  /**
   * Saves a screenshot of the page as `<name>.png` (the mouse parked, unless kept for a hover), or of
   * the smallest rectangle holding `clipTo`'s elements; returns its path.
   */
  async screenshot(name: string, options: { keepMouse?: boolean; clipTo?: string[]; folder?: string } = {}): Promise<string> {
    const path = join(options.folder ?? this.screenshots, `${name}.png`);
    if (!options.keepMouse) await this.page.mouse.move(1, 1);
    let clip: { x: number; y: number; width: number; height: number } | undefined;
    for (const selector of options.clipTo ?? []) {
      const box = await (await this.page.$(selector))?.boundingBox();
      if (!box) continue;
      const x = Math.min(clip?.x ?? box.x, box.x);
      const y = Math.min(clip?.y ?? box.y, box.y);
      const right = Math.max(clip ? clip.x + clip.width : 0, box.x + box.width);
      const bottom = Math.max(clip ? clip.y + clip.height : 0, box.y + box.height);
      clip = { x, y, width: right - x, height: bottom - y };
    }
    // captureBeyondViewport would resize the page, and the workbench would lay itself out again.
    await this.page.screenshot({ path: path as `${string}.png`, captureBeyondViewport: false, ...(clip ? { clip } : {}) });
    return path;
  }
}
