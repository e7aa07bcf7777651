// De-identification operators for dates, ages, ZIP codes, places, contact details and numbers.
import { describe, expect, it } from "vitest";
import { apply, deidentified, helperFixes, lintWith, testConfig, type MentionSpec } from "./support";

const spec = (type: MentionSpec["type"], ...find: (string | RegExp)[]): MentionSpec[] => find.map((f) => ({ find: f, type }));

describe("dates", () => {
  it("keeps only the year when the date has one", () => {
    expect(deidentified("She had surgery on March 3, 2021, and recovered.", spec("date", "March 3, 2021"))).toBe("She had surgery in 2021, and recovered.");
    expect(deidentified("Seen since 3/14/21 for pain.", spec("date", "3/14/21"))).toBe("Seen since 2021 for pain.");
  });

  it("says recently without leaving its preposition behind", () => {
    expect(deidentified("He came in on 03/14 with a toothache.", spec("date", "03/14"))).toBe("He came in recently with a toothache.");
    expect(deidentified("On Tuesday, May 9 we removed the cast.", spec("date", "May 9"))).toBe("Recently we removed the cast.");
  });

  it("does not write in twice", () => {
    expect(deidentified("She came in on March 3, 2021.", spec("date", "March 3, 2021"))).toBe("She came in during 2021.");
  });

  it("takes after and before with the date", () => {
    expect(deidentified("See you after June 2!", spec("date", "June 2"))).toBe("See you soon!");
    expect(deidentified("The pain eased after 03/14.", spec("date", "03/14"))).toBe("The pain eased recently.");
  });

  it("says soon for a date ahead", () => {
    expect(deidentified("Her follow-up is scheduled for June 2.", spec("date", "June 2"))).toBe("Her follow-up is scheduled soon.");
  });

  it("removes a labelled date of birth with its label and brackets", () => {
    expect(deidentified("Tobias Wren (DOB 04/12/1961) was admitted.", spec("date", "04/12/1961"))).toBe("Tobias Wren was admitted.");
    expect(deidentified("Date of birth: 04/12/1961.\nAllergies: none.", spec("date", "04/12/1961"))).toBe("Allergies: none.");
  });

  it("writes Spanish words for Spanish documents", () => {
    const config = testConfig({ language: "es" });
    expect(deidentified("La vimos el 14/03 por dolor.", spec("date", "14/03"), { config })).toBe("La vimos recientemente por dolor.");
  });
});

describe("ages over 89", () => {
  it("becomes 90 or older", () => {
    expect(deidentified("Odessa, 97, still gardens.", spec("age", "97"))).toBe("Odessa, 90 or older, still gardens.");
    expect(deidentified("He is 93 years old.", spec("age", "93"))).toBe("He is 90 or older.");
    expect(deidentified("She is 94 years old.", spec("age", "94 years old"))).toBe("She is 90 or older.");
  });

  it("turns an age adjective around its noun", () => {
    expect(deidentified("A 97-year-old woman came in.", spec("age", "97-year-old"))).toBe("A woman aged 90 or older came in.");
    expect(deidentified("The 91-year-old smiled.", spec("age", "91"))).toBe("The 90-plus-year-old smiled.");
  });

  it("drops the number from a birthday", () => {
    expect(deidentified("We celebrated his 97th birthday.", spec("age", "97th"))).toBe("We celebrated his birthday.");
    expect(deidentified("We celebrated his 97th birthday.", spec("age", "97th birthday"))).toBe("We celebrated his birthday.");
  });
});

describe("ZIP codes", () => {
  it("keeps the first three digits", () => {
    expect(deidentified("She lives in ZIP 62704-1234.", spec("zip", "62704-1234"))).toBe("She lives in ZIP 627.");
  });

  it("writes 000 for a restricted ZIP3", () => {
    expect(deidentified("Mailed to 05901.", spec("zip", "05901"))).toBe("Mailed to 000.");
  });
});

describe("places", () => {
  it("becomes the configured state", () => {
    const config = testConfig({ state: "NJ" });
    expect(deidentified("A runner from Hoboken tore a ligament.", spec("location", "Hoboken"), { config })).toBe("A runner from New Jersey tore a ligament.");
  });

  it("becomes the state written after it, taking the state along", () => {
    expect(deidentified("She moved to Plano, TX last year.", spec("location", "Plano"))).toBe("She moved to Texas last year.");
    expect(deidentified("He lives in Bergen County, New Jersey.", spec("location", "Bergen County"))).toBe("He lives in New Jersey.");
  });

  it("is removed with its connector when no state is known", () => {
    expect(deidentified("A runner from Hoboken tore a ligament.", spec("location", "Hoboken"))).toBe("A runner tore a ligament.");
    expect(deidentified("A Hoboken teacher tore a ligament.", spec("location", "Hoboken"))).toBe("A teacher tore a ligament.");
  });

  it("turns a street address into the state", () => {
    const config = testConfig({ state: "Illinois" });
    expect(deidentified("She lives at 12 Elm Street with her sister.", spec("address", "12 Elm Street"), { config })).toBe("She lives in Illinois with her sister.");
  });
});

describe("contact details and numbers", () => {
  it("removes a record number with its label and the commas around it", () => {
    expect(deidentified("The patient, MRN 00482913, was seen.", spec("record-number", "00482913"))).toBe("The patient was seen.");
  });

  it("removes an email with its connector", () => {
    expect(deidentified("You can reach her at angela@example.com.", spec("email", "angela@example.com"))).toBe("You can reach her.");
  });

  it("removes a phone number line from a list", () => {
    expect(deidentified("- Name withheld\n- Phone: (555) 201-7788\n- Visit: knee\n", spec("phone", "(555) 201-7788"))).toBe("- Name withheld\n- Visit: knee\n");
  });

  it("removes a sentence that only gave the number", () => {
    expect(deidentified("She was happy. Her cell phone number is 555-201-7788. We agreed.", spec("phone", "555-201-7788"))).toBe("She was happy. We agreed.");
  });

  it("removes a linked email with its link", () => {
    expect(deidentified("Write to [angela@example.com](mailto:angela@example.com) today.", spec("email", "angela@example.com"))).toBe("Write today.");
  });

  it("removes an image whose address identifies someone, and its line when nothing else is on it", () => {
    const text = "Intro.\n\n![Smile](/img/quint-smile.jpg)\n\nMore.\n";
    const find = "/img/quint-smile.jpg";
    const [fix] = helperFixes(text, find, (f, range) => f.deidentify({ type: "url", range, block: -1, start: 0, end: 0, text: find, sentence: 0, confidence: 1, owner: "unknown", tied: true }));
    expect(apply(text, fix)).toBe("Intro.\n\n\nMore.\n");
  });

  it("removes a handle with the network it is on", () => {
    expect(deidentified("Follow her recovery on Instagram @quint.runs!", spec("handle", "@quint.runs"))).toBe("Follow her recovery!");
  });

  it("removes a number that opens a sentence and capitalises what follows", () => {
    expect(deidentified("MRN 00482913, seen for a rash.", spec("record-number", "00482913"))).toBe("Seen for a rash.");
  });

  it("removes a URL", () => {
    expect(deidentified("Her blog https://quint.example.com tells the story.", spec("url", "https://quint.example.com"))).toBe("Her blog tells the story.");
  });
});

describe("fixes as data", () => {
  it("names each fix after the kind of identifier, never after the text", () => {
    const findings = lintWith("Call 555-201-7788 or write to odessa@example.com.", [...spec("phone", "555-201-7788"), ...spec("email", "odessa@example.com")]);
    expect(findings.map((f) => f.fixes[0].title)).toEqual(["Remove the phone number", "Remove the email address"]);
    for (const f of findings) for (const fix of f.fixes) expect(fix.title).not.toMatch(/555|odessa/);
  });
});

describe("identifiers go whole", () => {
  it("takes the country code and trunk prefix a detector left out, so no (0) is left behind", () => {
    const text = "You can reach her mother on +44 (0)20 7946 0000 after six.\n";
    expect(deidentified(text, [{ find: "20 7946 0000", type: "phone" }])).toBe("You can reach her mother after six.\n");
    expect(deidentified("Call (555) 201-7788 today.\n", [{ find: "201-7788", type: "phone" }])).toBe("Call today.\n");
  });

  it("drops a conjunction left with nothing to join", () => {
    const text = "Tobias Wren was seen today, and his email is wren.t@example.com.\n";
    expect(deidentified(text, [{ find: "wren.t@example.com", type: "email" }])).toBe("Tobias Wren was seen today.\n");
  });

  it("removes an emphasised link whole, never leaving empty brackets", () => {
    const text = "Odessa Lin healed. Read more at [**https://odessa-lin.example.com/**](https://odessa-lin.example.com/) today.\n";
    const out = deidentified(text, [{ find: "Odessa Lin", type: "name" }, { find: "https://odessa-lin.example.com/", type: "url" }]);
    expect(out).not.toMatch(/\[\W*\]/);
    expect(out).not.toContain("odessa-lin");
  });

  it("leaves a web address the text points to as a reference, when nothing says it is a patient's", () => {
    const text = "Marisol Quint healed. For mercury levels in fish see [**https://fish-facts.example.org/**](https://fish-facts.example.org/).\n";
    expect(deidentified(text, [{ find: "https://fish-facts.example.org/", type: "url" }])).toBe(text);
    const blog = "Marisol Quint healed. You can follow her blog at https://fish-facts.example.org/ today.\n";
    expect(deidentified(blog, [{ find: "https://fish-facts.example.org/", type: "url" }])).not.toContain("fish-facts");
  });

  it("offers no date fix for a range of numbers that is a quantity", () => {
    const text = "Tobias Wren walked 10-20 times a day.\n";
    expect(deidentified(text, [{ find: "10-20", type: "date" }])).toBe(text);
  });
});

describe("articles", () => {
  it("keeps a or an right for the word that now follows", () => {
    expect(deidentified("She is an Elk Hollow rancher with asthma.\n", spec("location", "Elk Hollow"))).toBe("She is a rancher with asthma.\n");
    expect(deidentified("He is a Plano orthodontist with a cough.\n", spec("location", "Plano"))).toBe("He is an orthodontist with a cough.\n");
  });
});
