// The README's rule table matches the live rule catalogue (regenerate it with `npm run docs:rules`).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rules } from "@safeharbor/rules";
import { renderRulesTable, spliceRulesTable, TABLE_END, TABLE_START } from "../../scripts/rules-table";

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../../README.md"), "utf8");

describe("README rule table", () => {
  it("is in sync with the rule catalogue (run `npm run docs:rules` when this fails)", () => {
    expect(readme).toBe(spliceRulesTable(readme, renderRulesTable(rules)));
  });

  it("has one row per rule, linking to the rule's file", () => {
    const table = readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END));
    for (const { meta } of rules) expect(table).toContain(`| [\`${meta.id}\`](rules/src/${meta.id}.ts) |`);
    expect(table.split("\n").filter((l) => l.startsWith("| [")).length).toBe(rules.length);
  });

  it("escapes pipes and folds line breaks inside cells", () => {
    const [rule] = rules;
    const table = renderRulesTable([{ ...rule, meta: { ...rule.meta, description: "a | b\nc" } }]);
    expect(table.split("\n")[2]).toContain("| a \\| b c |");
  });

  it("refuses a README without the markers", () => {
    expect(() => spliceRulesTable("# no markers\n", "table")).toThrow(/rules-table:start/);
  });
});
