// The CLI picks up data files only where `include` selects them (or when named), never tooling files,
// reads them with the config's `data` settings, and reports a malformed one without stopping the run.
import { describe, expect, it } from "vitest";
import { project, run } from "./helpers";

const FEED = JSON.stringify([{ name: "Marguerite Okonkwo", quote: "After my root canal I finally slept. My periodontitis is gone." }], null, 2);

interface Report {
  file: string;
  findings: { ruleId: string; severity: string }[];
}

const files = (stdout: string): string[] => (JSON.parse(stdout) as Report[]).map((r) => r.file).sort();

describe("data files in the CLI", () => {
  it("walks into data files only where include selects them, and never into package.json", async () => {
    const dir = project({
      ".safeharbor.json": JSON.stringify({ include: ["**/*.md", "data/**/*.json"] }),
      "posts/hello.md": "# Hello\n\nBrush twice a day.\n",
      "data/testimonials.json": FEED,
      "data/package.json": FEED,
      "fixtures/testimonials.json": FEED,
      "src/data/stories.ts": `export const stories = ${FEED};\n`,
    });
    const r = await run(dir, ["check", "--format", "json", "."]);
    expect(files(r.stdout)).toEqual(["data/testimonials.json", "posts/hello.md"]);
    expect(r.code).toBe(1);
  });

  it("checks a data file named on the command line without include", async () => {
    const dir = project({ "reviews/feed.json": FEED });
    const r = await run(dir, ["check", "--format", "json", "reviews/feed.json"]);
    expect(new Set((JSON.parse(r.stdout) as Report[])[0].findings.map((f) => f.ruleId))).toEqual(new Set(["testimonial/identifiable-patient"]));
  });

  it("applies the data settings whose files match", async () => {
    const dir = project({
      ".safeharbor.json": JSON.stringify({ include: ["**/*.json"], data: [{ files: ["quiet/*.json"], ignore: ["name"] }] }),
      "loud/feed.json": FEED,
      "quiet/feed.json": FEED,
    });
    const r = await run(dir, ["check", "--format", "json", "."]);
    const byFile = Object.fromEntries((JSON.parse(r.stdout) as Report[]).map((x) => [x.file, x.findings.filter((f) => f.severity === "error").map((f) => f.ruleId)]));
    expect(new Set(byFile["loud/feed.json"])).toEqual(new Set(["testimonial/identifiable-patient"]));
    // without the name, the quote is an anonymous account: at most warnings
    expect(byFile["quiet/feed.json"]).toEqual([]);
  });

  it("rejects a data entry of the wrong shape with the config's position", async () => {
    const dir = project({ ".safeharbor.json": JSON.stringify({ data: [{ columns: "Text" }] }), "a.md": "Hi\n" });
    const r = await run(dir, ["check", "a.md"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.safeharbor\.json:\d+:\d+/);
  });

  it("reports a malformed data file with its position and checks the others", async () => {
    const dir = project({
      ".safeharbor.json": JSON.stringify({ include: ["*.json", "*.csv"] }),
      "broken.json": '[{ "name": "Ola" "quote": "Hi" }]',
      "calendar.csv": 'Text\n"Get well soon, Callum\n',
      "feed.json": FEED,
    });
    const r = await run(dir, ["check", "--format", "json", "."]);
    const reports = JSON.parse(r.stdout) as (Report & { findings: { ruleId: string; range: { start: { line: number; character: number } } }[] })[];
    const byFile = Object.fromEntries(reports.map((x) => [x.file, x.findings]));
    expect(byFile["broken.json"].map((f) => f.ruleId)).toEqual(["safeharbor/parse-error"]);
    expect(byFile["broken.json"][0].range.start).toEqual({ line: 0, character: 17 });
    expect(byFile["calendar.csv"].map((f) => f.ruleId)).toEqual(["safeharbor/parse-error"]);
    expect(new Set(byFile["feed.json"].map((f) => f.ruleId))).toEqual(new Set(["testimonial/identifiable-patient"]));
    expect(r.stdout).not.toContain("Callum");
  });
});
