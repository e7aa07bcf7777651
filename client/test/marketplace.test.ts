// The extension is ready for the Visual Studio Marketplace and Open VSX: icon, metadata, README pictures, CHANGELOG, a clean package.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const clientDir = join(__dirname, "..");
const manifest = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8")) as Record<string, unknown> & {
  icon: string;
  categories: string[];
  keywords: string[];
  repository: { url: string; directory: string };
  license: string;
};
const ignore = readFileSync(join(clientDir, ".vscodeignore"), "utf8");

describe("the marketplace listing", () => {
  it("has a 128x128 PNG icon that is packaged", () => {
    const png = readFileSync(join(clientDir, manifest.icon));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    expect(ignore).toContain(`!${manifest.icon}`);
  });

  it("names its categories, keywords, repository and licence", () => {
    expect(manifest.categories).toContain("Linters");
    // The Marketplace takes at most 30 keywords.
    expect(manifest.keywords.length).toBeGreaterThan(5);
    expect(manifest.keywords.length).toBeLessThanOrEqual(30);
    expect(manifest.keywords).toEqual(expect.arrayContaining(["hipaa", "phi", "markdown", "mdx"]));
    expect(manifest.repository).toMatchObject({ url: expect.stringMatching(/^https:\/\/github\.com\//), directory: "client" });
    expect(manifest.license).toBe("MIT");
    expect(existsSync(join(clientDir, "LICENSE"))).toBe(true);
  });

  it("shows pictures in its README that exist in the repository, and ships a CHANGELOG for this version", () => {
    const readme = readFileSync(join(clientDir, "README.md"), "utf8");
    const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) expect(existsSync(resolve(clientDir, image)), image).toBe(true);
    const changelog = readFileSync(join(clientDir, "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${manifest.version as string}`);
    expect(ignore).toContain("!CHANGELOG.md");
  });

  it("packages without warnings", () => {
    const out = mkdtempSync(join(tmpdir(), "safeharbor-vsix-"));
    try {
      const script = (manifest.scripts as Record<string, string>).package.replace("$npm_package_version", manifest.version as string).replace(/--out \S+/, `--out ${join(out, "x.vsix")}`);
      const r = spawnSync("npx", script.split(" "), { cwd: clientDir, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/WARNING/i);
      expect(existsSync(join(out, "x.vsix"))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
