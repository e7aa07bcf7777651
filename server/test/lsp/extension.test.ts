// The VS Code extension's manifest and bundle agree with the server: settings, commands, schema, entry points.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/lsp";
import { DEFAULT_SETTINGS, normalizeSettings } from "../../src/lsp/settings";

const clientDir = join(__dirname, "../../../client");
const manifest = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8")) as {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, { default?: unknown }> };
    jsonValidation: { fileMatch: string[]; url: string }[];
    walkthroughs: { steps: { media: { markdown: string } }[] }[];
  };
  devDependencies: Record<string, string>;
};

describe("the VS Code extension", () => {
  it("contributes exactly the commands the server executes, and the extension's own starter-config command", () => {
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual([...Object.values(COMMANDS), "safeharbor.createConfig"].sort());
  });

  it("packages the media of every walkthrough step", () => {
    const ignore = readFileSync(join(clientDir, ".vscodeignore"), "utf8");
    const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const step of steps) {
      expect(existsSync(join(clientDir, step.media.markdown))).toBe(true);
      expect(step.media.markdown).toMatch(/^walkthrough\/[\w-]+\.md$/);
    }
    expect(ignore).toContain("!walkthrough/*.md");
  });

  it("contributes every setting the server reads, with the server's defaults", () => {
    const props = manifest.contributes.configuration.properties;
    const keys = Object.keys(props).filter((k) => k !== "safeharbor.trace.server").map((k) => k.replace(/^safeharbor\./, ""));
    expect(keys.sort()).toEqual(["configPath", "enable", "maxFileSize", "run", "severity"]);
    const defaults = Object.fromEntries(keys.map((k) => [k, props[`safeharbor.${k}`].default]));
    expect(normalizeSettings(defaults)).toEqual(DEFAULT_SETTINGS);
  });

  it("activates on Markdown, MDX, plain text and data files, and when the window opens a folder of posts or a Safe Harbor config", () => {
    // The server then starts with the window, not when the first post is opened (issue 7: findings within a second).
    // Data files (issue 15) are checked only where the config's `include` selects them.
    expect(manifest.activationEvents).toEqual([
      "onLanguage:markdown",
      "onLanguage:mdx",
      "onLanguage:plaintext",
      "onLanguage:json",
      "onLanguage:yaml",
      "onLanguage:csv",
      "onLanguage:tsv",
      "onLanguage:javascript",
      "onLanguage:typescript",
      "workspaceContains:**/*.{md,mdx,markdown}",
      "workspaceContains:**/.safeharbor.{json,jsonc,yaml,yml}",
    ]);
  });

  it("validates the JSON config files with the engine's schema, copied at build time", () => {
    const [validation] = manifest.contributes.jsonValidation;
    expect(validation.fileMatch).toEqual([".safeharbor.json", ".safeharbor.jsonc"]);
    const copied = readFileSync(join(clientDir, validation.url), "utf8");
    expect(copied).toBe(readFileSync(join(__dirname, "../../src/engine/config/schema.json"), "utf8"));
  });

  it("bundles the extension with vscode left external, next to its own copy of the server", () => {
    const extension = readFileSync(join(clientDir, manifest.main), "utf8");
    expect(extension).toContain('require("vscode")');
    expect(existsSync(join(clientDir, "dist/server.js"))).toBe(true);
    expect(readFileSync(join(clientDir, "dist/server.js"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("pins typings no newer than the engine it declares (vsce rejects newer ones)", () => {
    expect(manifest.engines.vscode).toBe("^1.91.0");
    expect(manifest.devDependencies["@types/vscode"]).toBe("~1.91.0");
  });
});
