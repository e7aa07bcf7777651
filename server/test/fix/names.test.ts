// Name operators: roles that keep the grammar, and consistent pseudonyms.
import { describe, expect, it } from "vitest";
import { deidentified, lintWith, testConfig, type MentionSpec } from "./support";

const names = (...find: string[]): MentionSpec[] => find.map((f) => ({ find: f, type: "name" as const }));

describe("names become roles", () => {
  it("turns a possessive name into the patient's, capitalised at a sentence start", () => {
    expect(deidentified("Angela's knee healed well.", names("Angela's"))).toBe("The patient's knee healed well.");
    expect(deidentified("We saw that Angela's knee healed.", names("Angela"))).toBe("We saw that the patient's knee healed.");
  });

  it("keeps a curly apostrophe in the possessive", () => {
    expect(deidentified("Mid-year, Tobias Wren’s shoulder improved.", names("Tobias Wren"))).toBe("Mid-year, the patient’s shoulder improved.");
  });

  it("takes the title with the name and chooses the article", () => {
    expect(deidentified("We sent the results to Mr. Harold Kim yesterday.", names("Harold Kim"))).toBe("We sent the results to a patient yesterday.");
    expect(deidentified("We sent the results to Mr. Harold Kim yesterday.", names("Mr. Harold Kim"))).toBe("We sent the results to a patient yesterday.");
  });

  it("uses a patient for the first mention and the patient after it, including a lone first name", () => {
    const text = "Marisol Quint came in with a sprain. Later Marisol said it felt better.";
    expect(deidentified(text, names("Marisol Quint", "Marisol"))).toBe("A patient came in with a sprain. Later the patient said it felt better.");
  });

  it("calls a second person another patient", () => {
    const text = "Dorian Vale and Priya Nandakumar both had flu.";
    expect(deidentified(text, names("Dorian Vale", "Priya Nandakumar"))).toBe("A patient and another patient both had flu.");
  });

  it("drops the name after a role noun that is already there", () => {
    expect(deidentified("Our patient Angela Ruiz had surgery.", names("Angela Ruiz"))).toBe("Our patient had surgery.");
    expect(deidentified("Our patient, Angela Ruiz, had surgery.", names("Angela Ruiz"))).toBe("Our patient had surgery.");
    expect(deidentified("My client Tobias's progress was steady.", names("Tobias"))).toBe("My client's progress was steady.");
  });

  it("drops a name after named or called", () => {
    expect(deidentified("A patient named Juniper arrived early.", names("Juniper"))).toBe("A patient arrived early.");
  });

  it("drops a greeting's name and keeps the greeting", () => {
    expect(deidentified("Hi Dana, thanks for the review.", names("Dana"))).toBe("Hi, thanks for the review.");
    expect(deidentified("Thank you, Priya!", names("Priya"))).toBe("Thank you!");
    expect(deidentified("Dear Priya,\n\nWe read your note.", names("Priya"))).toBe("Hello,\n\nWe read your note.");
  });

  it("drops a vocative name that opens a reply and capitalises what follows", () => {
    expect(deidentified("Dana, thank you for writing.", names("Dana"))).toBe("Thank you for writing.");
  });

  it("speaks of clients where the document does", () => {
    expect(deidentified("Our clients matter. Odessa Lin started therapy.", names("Odessa Lin"))).toBe("Our clients matter. A client started therapy.");
  });

  it("writes Spanish roles with contractions", () => {
    const config = testConfig({ language: "es" });
    expect(deidentified("Llamamos a Rosa Quintero ayer. Rosa Quintero mejoró.", names("Rosa Quintero"), { config })).toBe("Llamamos a un paciente ayer. El paciente mejoró.");
    expect(deidentified("Rosa Quintero vino. Hablamos con la familia de Rosa Quintero.", names("Rosa Quintero"), { config })).toBe("Un paciente vino. Hablamos con la familia del paciente.");
  });

  it("capitalises a name that opens a heading or a list item", () => {
    expect(deidentified("# Angela's story\n\n- Angela walked again\n", names("Angela"))).toBe("# The patient's story\n\n- The patient walked again\n");
  });

  it("does not capitalise the first word of a hard-wrapped line mid-sentence", () => {
    expect(deidentified("We were glad to see\nAngela walk again.\n", names("Angela"))).toBe("We were glad to see\na patient walk again.\n");
  });
});

describe("names become pseudonyms", () => {
  it("offers the same letter for the same person, including a later first name", () => {
    const text = "Marisol Quint met Dorian Vale. Marisol left first.";
    const findings = lintWith(text, [...names("Marisol Quint", "Dorian Vale"), { find: /Marisol(?! Quint)/, type: "name" }]);
    const pseudonyms = findings.map((f) => f.fixes.find((x) => x.title.includes("pseudonym"))!.edits[0].newText);
    expect(pseudonyms).toEqual(["Patient A", "Patient B", "Patient A"]);
  });

  it("keeps the possessive on a pseudonym", () => {
    const [f] = lintWith("We reviewed Odessa's chart.", names("Odessa"));
    expect(f.fixes.find((x) => x.title.includes("pseudonym"))!.edits[0].newText).toBe("Patient A's");
  });

  it("marks the role, not the pseudonym, as preferred", () => {
    const [f] = lintWith("Odessa called.", names("Odessa"));
    expect(f.fixes.filter((x) => x.preferred).map((x) => x.title)).toEqual(["Replace the name with a role"]);
  });
});

describe("one person, every mention, one role", () => {
  it("changes every place that names the patient together, including places no detector reported", () => {
    const text = "# Marisol Quint, 7, asthma\n\n![Marisol at the clinic](/img/visit.jpg)\n\nMarisol Quint came in with asthma. Marisol's inhaler helps.\n";
    expect(deidentified(text, names("Marisol Quint"))).toBe("# A patient, 7, asthma\n\n![The patient at the clinic](/img/visit.jpg)\n\nThe patient came in with asthma. The patient's inhaler helps.\n");
  });

  it("changes a front matter value naming the patient with the text", () => {
    const text = "---\ntitle: Marisol's recovery\n---\n\nMarisol Quint came in with asthma.\n";
    expect(deidentified(text, names("Marisol Quint"))).toBe("---\ntitle: The patient's recovery\n---\n\nThe patient came in with asthma.\n");
  });

  it("joins initials and a lone first name to the full name", () => {
    const text = "Dorian Vale had a fracture. Later D.V. walked, and Dorian smiled.\n";
    expect(deidentified(text, [...names("Dorian Vale"), { find: "D.V.", type: "name" }])).toBe("A patient had a fracture. Later the patient walked, and the patient smiled.\n");
  });

  it("grows a partly reported name to the whole name", () => {
    expect(deidentified("Great care for my knee.\n\nDorian Vale\n", names("Vale"))).toBe("Great care for my knee.\n\nA patient\n");
  });

  it("gives a second patient the other patient, never the first patient's role", () => {
    const text = "Dorian Vale and Odessa Lin both had flu. Later Odessa Lin recovered.\n";
    expect(deidentified(text, names("Dorian Vale", "Odessa Lin"))).toBe("A patient and another patient both had flu. Later the other patient recovered.\n");
  });
});

describe("relatives take their relation to the patient", () => {
  it("drops the name after the relation, never calling a relative another patient", () => {
    const text = "Marisol Quint has asthma. Her mother Renata Quint drove her in.\n";
    expect(deidentified(text, names("Marisol Quint", "Renata Quint"))).toBe("A patient has asthma. Her mother drove her in.\n");
  });

  it("names the relation elsewhere, and keeps the patient's possessive", () => {
    const text = "Marisol's father, Anton Quint, stayed. Later Anton signed the forms.\n";
    expect(deidentified(text, names("Marisol", "Anton Quint", "Anton"))).toBe("The patient's father stayed. Later the patient's father signed the forms.\n");
  });

  it("keeps the writer's own relation in a first-person story", () => {
    const text = "My son Theo Wren broke his arm. Theo healed fast.\n";
    expect(deidentified(text, names("Theo Wren", "Theo"))).toBe("My son broke his arm. My son healed fast.\n");
  });
});

describe("nothing that is not the patient's changes", () => {
  it("leaves providers with a title or credentials exactly as they are", () => {
    const text = "Dr. Ines Halloway treated Marisol Quint. Ines Halloway, DDS, is our dentist.\n";
    expect(deidentified(text, names("Ines Halloway", "Marisol Quint"))).toBe("Dr. Ines Halloway treated a patient. Ines Halloway, DDS, is our dentist.\n");
  });

  it("leaves a press contact alone while the patient becomes a role", () => {
    const text = "To interview Marisol please call our press officer Joan Whitlow on 555-201-0199.\n";
    const out = deidentified(text, names("Marisol", "Joan Whitlow"));
    expect(out).toBe("To interview the patient please call our press officer Joan Whitlow on 555-201-0199.\n".replace("the patient", "a patient"));
  });

  it("removes a patient's number named after a provider, and keeps the provider's own", () => {
    const text = "Dr. Ines Halloway called Marisol Quint at 555-201-0199 about her asthma.\n";
    expect(deidentified(text, [...names("Ines Halloway", "Marisol Quint"), { find: "555-201-0199", type: "phone" }])).toBe("Dr. Ines Halloway called a patient about her asthma.\n");
    const office = "Marisol Quint has asthma. Book with Dr. Ines Halloway at 555-201-0199.\n";
    expect(deidentified(office, [...names("Ines Halloway", "Marisol Quint"), { find: "555-201-0199", type: "phone" }])).toBe("A patient has asthma. Book with Dr. Ines Halloway at 555-201-0199.\n");
  });

  it("leaves the person a testimonial praises alone", () => {
    const text = "I recently visited Corvin for my back. Corvin is very professional.\n";
    expect(deidentified(text, names("Corvin"))).toBe(text);
  });

  it("leaves someone listed with a staff member alone", () => {
    const text = "My carer (Kelda Moss) and Rhiannon Pike were wonderful to me after my fall.\n";
    expect(deidentified(text, names("Kelda Moss", "Rhiannon Pike"))).toBe(text);
  });

  it("leaves the author alone, but not a patient who only shares the author's first name", () => {
    const text = "---\nauthor: Maria Lopez\n---\n\nMaria Ruiz came in with asthma. Maria Lopez wrote this post.\n";
    expect(deidentified(text, names("Maria Ruiz", "Maria Lopez"))).toBe("---\nauthor: Maria Lopez\n---\n\nA patient came in with asthma. Maria Lopez wrote this post.\n");
  });

  it("leaves a researcher with a suffix and credentials alone", () => {
    const text = "Norvin Sallow, Jr., Ph.D., concluded in 1995 that fish oil helps.\n";
    expect(deidentified(text, names("Norvin Sallow"))).toBe(text);
  });

  it("leaves a lone capitalised word that opens a sentence but names no one", () => {
    const text = "Smaller fish are low in mercury. Ocean perch and wild salmon are too.\n";
    expect(deidentified(text, names("Ocean"))).toBe(text);
    expect(deidentified("We met a runner. Odessa came in limping.\n", names("Odessa"))).toBe("We met a runner. A patient came in limping.\n");
  });

  it("leaves places that look like names alone", () => {
    const text = "Power plants in Asia and America pollute the sea.\n";
    expect(deidentified(text, names("Asia", "America"))).toBe(text);
  });
});
