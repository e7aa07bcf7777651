// Regenerates the name and place lexicons from their npm packages (see SOURCES.md): node rules/lexicons/generate.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const write = (name, list) => writeFileSync(join(here, name), JSON.stringify([...new Set(list)].sort()) + "\n");

// Given and family names: @cspell/dict-people-names (MIT).
const peopleFile = join(here, "../../node_modules/@cspell/dict-people-names/dict/people-names.txt");
const people = readFileSync(peopleFile, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#") && /^[A-Z][a-zA-Z'-]+$/.test(l));
write("people-names.json", people);

// Given names: human-names (MIT), English and Spanish lists.
const hn = join(here, "../../node_modules/human-names");
const given = [];
for (const f of ["female-human-names-en", "male-human-names-en", "female-human-names-es", "male-human-names-es"]) {
  given.push(...JSON.parse(readFileSync(join(hn, "data", `${f}.json`), "utf8")));
}
write("given-names.json", given.filter((n) => /^[A-Z][a-zA-Z'-]+$/.test(n)));

// US place names: city names of the zipcodes package (ZIP → city/state from public US data).
const { codes } = require(join(here, "../../node_modules/zipcodes/lib/codes.js"));
const places = Object.values(codes).filter((c) => c.country === "US").map((c) => c.city.replace(/\b([a-z])/g, (m) => m.toUpperCase()));
write("us-places.json", places.filter((p) => /^[A-Z][A-Za-z .'-]+$/.test(p)));
console.log(`people ${new Set(people).size}, given ${new Set(given).size}, places ${new Set(places).size}`);

// English words (lower case): word-list (MIT), the word list a name candidate must not be in
// (Philter's idea: in a patient's scope, a capitalised word that is no dictionary word may be a name).
const words = readFileSync(join(here, "../../node_modules/word-list/words.txt"), "utf8").split("\n").filter((w) => /^[a-z]{2,15}$/.test(w));
// a sorted text file: the bundles carry it beside them and read it only when a patient's scope needs it
writeFileSync(join(here, "english-words.txt"), [...new Set(words)].sort().join("\n") + "\n");
console.log(`english words ${words.length}`);
