// Writes the two 200-row social calendar fixtures (fictional content) in the header layouts of two
// schedulers' bulk uploads: Buffer (Text, Image URL, Tags, Posting Time) and Hootsuite (Date,
// Message, Link). Deterministic; rerun after editing and review the diff and the expected findings:
//   node test-fixtures/data/generate-calendars.mjs && node test-fixtures/data/../update-expected.mjs test-fixtures/data/*.csv
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const ROWS = 200;

/** Everyday posts with no one's health information in them. */
const PROMOS = [
  "Flossing once a day keeps gum disease away. Need a refresher? Ask us at your next cleaning!",
  "We're open late on Thursdays until 7 pm. Book online or call (555) 201-4400.",
  "Fun fact: tooth enamel is the hardest substance in the human body.",
  "Meet our new hygienist team, trained in gentle cleanings for nervous patients.",
  "Halloween candy tip: enjoy treats with meals, then drink water to rinse.",
  "Back-to-school check-ups are filling up, so grab a spot for your kids this month.",
  "Did you know? Sparkling water is fine for teeth as long as it has no added sugar.",
  "Thank you to everyone who joined our free sealant day, 120 kids helped!",
  "Sports season is here: ask about custom mouthguards, made in one visit.",
  "Whitening special this spring. Results vary; ask whether it is right for you.",
];

/** Posts that speak of a specific person's care (the rows the linter must flag). */
const PHI = [
  "Happy birthday @marisol.ventura.555! So glad your knee replacement healed well, see you at your follow-up Thursday.",
  "Congratulations to Ezekiel Fontaine, 97, on his new dentures! He told us he was a \"little nervous\", but look at that smile.",
  "Shout-out to our patient Bettina Lindqvist from Ashland, who finished her Invisalign aligners after her jaw surgery.",
  "Get well soon, Callum Oyelaran! We heard your wisdom tooth extraction went fine.\nRest up and stick to soft food.",
  "@theo.marchetti.555 your crown is ready, see you Monday at 9 for the fitting.",
];

/** Links some posts carry. */
const LINKS = ["https://maplegrove.example/book", "https://maplegrove.example/blog/flossing", ""];

function date(i) {
  const d = new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2), i % 2 ? 17 : 9));
  return d.toISOString().slice(0, 16).replace("T", " ");
}

/** The text of row i: one PHI post every 40 rows, offset per layout; promos otherwise. */
function text(i, offset) {
  if ((i + offset) % 40 === 7) return PHI[Math.floor((i + offset) / 40) % PHI.length];
  const promo = PROMOS[i % PROMOS.length];
  return i % 3 === 0 ? `${promo} #MapleGroveSmiles` : promo;
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function field(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const buffer = ["Text,Image URL,Tags,Posting Time"];
const hootsuite = ["Date,Message,Link"];
for (let i = 0; i < ROWS; i++) {
  buffer.push([text(i, 0), i % 5 === 0 ? `https://cdn.maplegrove.example/img/${i}.jpg` : "", i % 4 === 0 ? "promo" : "", date(i)].map(field).join(","));
  hootsuite.push([date(i), text(i, 20), LINKS[i % LINKS.length]].map(field).join(","));
}
writeFileSync(join(here, "buffer-calendar.csv"), buffer.join("\r\n") + "\r\n");
writeFileSync(join(here, "hootsuite-calendar.csv"), hootsuite.join("\n") + "\n");
