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
