// Loads the lexicons of rules/lexicons once into sets and phrase indexes for constant-time look-ups.
import givenNames from "../../../../rules/lexicons/given-names.json";
import healthTerms from "../../../../rules/lexicons/health-terms.json";
import peopleNames from "../../../../rules/lexicons/people-names.json";
import usPlaces from "../../../../rules/lexicons/us-places.json";
import type { HealthCategory } from "./types";

/** Given names (English and Spanish), as written (capitalised). */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(givenNames as string[]);
/** Given and family names, as written. */
export const PEOPLE_NAMES: ReadonlySet<string> = new Set(peopleNames as string[]);
/** US city and town names, as written. */
export const US_PLACES: ReadonlySet<string> = new Set(usPlaces as string[]);

/** Capitalised words that are names in the lexicons but are far more often ordinary words. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  ("The This That These Those There Then When Where What Which While Who Why How Our Your Their His Her Its My We You They He She It I " +
    "A An And But Or Nor For So Yet If As At By In Of On To Up With From Into Over After Before During Since Until About Above Below " +
    "Hope Will May June April August Grace Joy Faith Mark Rose Bill Pat Art Sunny Summer Winter Autumn Spring Dawn Eve Angel Chance Page " +
    "Penny Rich Sage Sky Star Storm Wade Bob Rob Guy Dean Drew Gene Cliff Chase Cash Hunter Lane Miles Rich Reed Ray Rusty Sandy Chip Jack " +
    "Deal Love Major General Doctor Nurse Judge King Queen Prince Bishop Pope Saint Brown Green White Black Gray Grey Blue Cross Shield Young Long Little Small Strong " +
    "Best Good Bright Happy Lucky Welcome Thanks Thank Please Call Book Schedule Visit Contact Join Meet Learn Read Find Ask Get See Make Take Keep " +
    "Care Health Healthy Dental Family Medical Clinic Center Centre Office Hospital Therapy Physical Mental Street Avenue Road Lane Park Hill Lake " +
    "North South East West New Old Great Holy Christmas Easter Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March July " +
    "September October November December Today Tomorrow Yesterday Tonight Mr Mrs Ms Dr Miss Mx Jr Sr Phd MD DDS DPT RN NP LCSW Ask Also Even Just Many Most Some Every Each Any All One Two Three Mayor Senator Governor President Officer Coach Chief Captain Sheriff Pastor Reverend Councilman Councilwoman Commissioner Director Journey Story Stories Miracle Victory Triumph Hero Heroes Warrior Champion Courage Brave Strength Spotlight Milestone Update").split(" "),
);

/** Lexicon terms that count as health information, with their category. */
export interface HealthTerm {
  words: string[];
  category: HealthCategory;
  /** A specific diagnosis, procedure, drug or test (not a vague word such as "treatment"). */
  specific: boolean;
  /** Abbreviations must be written in capitals to count ("PT", not "pt"). */
  upper: boolean;
}

const ABBREVIATIONS = new Set([
  "pt", "ibs", "ocd", "ptsd", "copd", "hiv", "adhd", "gerd", "tmj", "uti", "rsv", "cbt", "dbt", "emdr", "ivf", "iui", "mri", "ekg", "ecg",
  "eeg", "psa", "eob", "hmo", "ppo", "icu", "cpr", "pcos", "er", "std", "sti", "ct", "pet", "a1c", "hba1c", "dexa", "brca",
]);

function buildIndex(): Map<string, HealthTerm[]> {
  const data = healthTerms as Record<string, string[]>;
  const generic = new Set(data.generic);
  const index = new Map<string, HealthTerm[]>();
  const add = (term: string, category: HealthCategory, specific: boolean): void => {
    const words = term.split(/\s+/);
    const entry: HealthTerm = { words, category, specific, upper: words.length === 1 && ABBREVIATIONS.has(term) };
    const list = index.get(words[0]) ?? [];
    list.push(entry);
    index.set(words[0], list);
  };
  for (const [category, terms] of Object.entries(data)) {
    if (category === "generic") continue;
    for (const t of terms) add(t, category as HealthCategory, !generic.has(t));
  }
  const genericCategory = (t: string): HealthCategory =>
    /bill|invoice|fee|charge|cost|balance|payment/.test(t) ? "billing" : /insurance|coverage|claim/.test(t) ? "insurance" : /appointment|visit|exam|checkup|check-up|consult|admission|discharge|hospital|records|chart/.test(t) ? "visit" : /medication|prescription|meds|dose|dosage|refill/.test(t) ? "medication" : /scan|labs|screening|results/.test(t) ? "test" : /condition|disease|disorder|syndrome|illness|diagnosis|injur|infection|tumor|pain/.test(t) ? "condition" : "treatment";
  for (const t of data.generic) if (!Object.entries(data).some(([c, list]) => c !== "generic" && list.includes(t))) add(t, genericCategory(t), false);
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** Health terms by their first word (lower case), longest phrases first. */
export const HEALTH_INDEX: ReadonlyMap<string, HealthTerm[]> = buildIndex();
