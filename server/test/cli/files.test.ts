// Which files `safeharbor check` reads: folders, globs, .gitignore, config include/exclude, shards and stdin.
import { describe, expect, it } from "vitest";
import { shard } from "../../src/cli/files";
import { parseJson, project, run } from "./helpers";

const TEXT = "Brush twice a day.\n";
const files = async (dir: string, argv: string[]): Promise<string[]> => parseJson((await run(dir, ["check", ...argv, "--format", "json"])).stdout).map((r) => r.file);

describe("file selection", () => {
  it("walks folders for .md, .markdown, .mdx and .txt files only, in sorted order", async () => {
    const dir = project({ "b/post.mdx": TEXT, "a.md": TEXT, "c.markdown": TEXT, "d.txt": TEXT, "e.html": TEXT, "f.json": "{}", "node_modules/x/readme.md": TEXT, ".hidden/g.md": TEXT });
    expect(await files(dir, ["."])).toEqual(["a.md", "b/post.mdx", "c.markdown", "d.txt"]);
  });

  it("expands globs relative to the working folder", async () => {
    const dir = project({ "posts/a.md": TEXT, "posts/b.txt": TEXT, "other/c.md": TEXT });
    expect(await files(dir, ["posts/*.md"])).toEqual(["posts/a.md"]);
  });

  it("honours .gitignore files at the git root and in sub-folders", async () => {
    const dir = project({ ".git/HEAD": "ref: refs/heads/main\n", ".gitignore": "drafts/\n", "drafts/a.md": TEXT, "posts/.gitignore": "secret-*.md\n", "posts/secret-b.md": TEXT, "posts/c.md": TEXT });
    expect(await files(dir, ["."])).toEqual(["posts/c.md"]);
  });

  it("does not apply .gitignore outside a git work tree", async () => {
    const dir = project({ ".gitignore": "drafts/\n", "drafts/a.md": TEXT });
    expect(await files(dir, ["."])).toEqual(["drafts/a.md"]);
  });

  it("honours the config's exclude globs, relative to the config file", async () => {
    const dir = project({ "site/.safeharbor.json": '{ "exclude": ["drafts/**", "*.txt"] }', "site/drafts/a.md": TEXT, "site/b.txt": TEXT, "site/c.md": TEXT, "drafts/d.md": TEXT });
    expect(await files(dir, ["."])).toEqual(["drafts/d.md", "site/c.md"]);
  });

  it("applies exclude globs inherited through extends relative to the file that declared them", async () => {
    const dir = project({ ".safeharbor.json": '{ "exclude": ["site/drafts/**"] }', "site/.safeharbor.json": '{ "extends": "../.safeharbor.json" }', "site/drafts/a.md": TEXT, "site/b.md": TEXT });
    expect(await files(dir, ["."])).toEqual(["site/b.md"]);
  });

  it("checks only the config's include globs when walking a folder, but always checks a file named on the command line", async () => {
    const dir = project({ ".safeharbor.yaml": "include:\n  - posts/**\n", "posts/a.md": TEXT, "notes/b.md": TEXT });
    expect(await files(dir, ["."])).toEqual(["posts/a.md"]);
    expect(await files(dir, ["notes/b.md"])).toEqual(["notes/b.md"]);
  });

  it("lists a file named twice once", async () => {
    const dir = project({ "a.md": TEXT });
    expect(await files(dir, ["a.md", ".", "*.md"])).toEqual(["a.md"]);
  });
});

describe("--shard", () => {
  const names = Array.from({ length: 7 }, (_, i) => `doc${i}.md`);
  const layout = Object.fromEntries(names.map((n) => [n, TEXT]));

  it("splits the file list into disjoint shards that together cover every file", async () => {
    const dir = project(layout);
    const parts = [await files(dir, [".", "--shard", "1/3"]), await files(dir, [".", "--shard", "2/3"]), await files(dir, [".", "--shard", "3/3"])];
    expect(parts.map((p) => p.length)).toEqual([3, 2, 2]);
    expect(parts.flat().sort()).toEqual(names);
  });

  it("gives the same shard on every run, whatever the argument order", async () => {
    const dir = project(layout);
    const first = await files(dir, [".", "--shard", "2/3"]);
    const again = await files(dir, [...names].reverse().concat(["--shard", "2/3"]));
    expect(again).toEqual(first);
  });

  it("takes shard 1/1 as the whole list", () => {
    expect(shard(["a", "b", "c"], 1, 1)).toEqual(["a", "b", "c"]);
  });

  it("rejects a malformed shard", async () => {
    const dir = project(layout);
    for (const bad of ["0/2", "3/2", "1", "a/b", "1/0"]) expect((await run(dir, ["check", ".", "--shard", bad])).code, bad).toBe(2);
  });
});

describe("--stdin", () => {
  it("checks standard input under the name given by --stdin-filename", async () => {
    const dir = project({});
    const r = await run(dir, ["check", "--stdin", "--stdin-filename", "posts/reply.txt", "--format", "json"], { stdin: "Thanks for the kind words!\n" });
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout)).toEqual([{ file: "posts/reply.txt", findings: [] }]);
  });

  it("chooses the parser from the stdin file name", async () => {
    const dir = project({});
    const mdx = "<Card>\n\nunclosed\n";
    const asMdx = parseJson((await run(dir, ["check", "--stdin", "--stdin-filename", "a.mdx", "--format", "json"], { stdin: mdx })).stdout);
    const asText = parseJson((await run(dir, ["check", "--stdin", "--stdin-filename", "a.txt", "--format", "json"], { stdin: mdx })).stdout);
    expect(asMdx[0].findings.map((f) => f.ruleId)).toEqual(["safeharbor/parse-error"]);
    expect(asText[0].findings).toEqual([]);
  });

  it("uses the config found from the stdin file name", async () => {
    const dir = project({ "site/.safeharbor.json": '{ "rules": { "claim": "nope" } }' });
    const r = await run(dir, ["check", "--stdin", "--stdin-filename", "site/post.md"], { stdin: TEXT });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("site/.safeharbor.json:1:");
  });

  it("names the input stdin.md when no file name is given", async () => {
    const dir = project({});
    const r = await run(dir, ["check", "--stdin", "--format", "json"], { stdin: TEXT });
    expect(parseJson(r.stdout)[0].file).toBe("stdin.md");
  });

  it("refuses file arguments next to --stdin, and --stdin-filename without --stdin", async () => {
    const dir = project({ "a.md": TEXT });
    expect((await run(dir, ["check", "--stdin", "a.md"], { stdin: TEXT })).code).toBe(2);
    expect((await run(dir, ["check", "--stdin-filename", "x.md", "a.md"])).code).toBe(2);
  });
});
