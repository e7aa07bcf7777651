// US states, DC and territories: one list for detection (a state alone is not an identifier) and fixes.

/** State (and DC, territory) names by USPS abbreviation. */
export const US_STATES: Readonly<Record<string, string>> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut",
  DE: "Delaware", DC: "the District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois",
  IN: "Indiana", IA: "Iowa", KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland",
  MA: "Massachusetts", MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri", MT: "Montana", NE: "Nebraska",
  NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico", NY: "New York", NC: "North Carolina",
  ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon", PA: "Pennsylvania", RI: "Rhode Island",
  SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah", VT: "Vermont", VA: "Virginia",
  WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming", PR: "Puerto Rico", GU: "Guam",
  VI: "the U.S. Virgin Islands",
};

/** Regex alternation of the two-letter abbreviations. */
export const STATE_ABBR_PATTERN = Object.keys(US_STATES).join("|");

/** Regex alternation of the state names (without "the"). */
export const STATE_NAME_PATTERN = Object.values(US_STATES)
  .map((n) => n.replace(/^the /, ""))
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.]/g, "\\."))
  .join("|");
