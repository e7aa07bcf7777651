// Person and place names: lexicons, capitalisation and context.
import { describe, expect, it } from "vitest";
import { findNames, findPlaces } from "../../src/engine/analysis/names";

const names = (text: string): string[] => findNames(text).map((m) => text.slice(m.start, m.end));
const places = (text: string): string[] => findPlaces(text).map((m) => text.slice(m.start, m.end));

describe("name detection", () => {
  it("finds full names, titled names, first names with last initials and initials", () => {
    expect(names("Meet Angela Ruiz today.")).toEqual(["Angela Ruiz"]);
    expect(names("Get well soon, Mr. Harold Kim!")).toEqual(["Mr. Harold Kim"]);
    expect(names("Thanks to Mary W. for the kind words.")).toEqual(["Mary W."]);
    expect(names("\u2014 K.M., Boise")).toEqual(["K.M."]);
  });
  it("takes a capitalised word after a given name for a surname the lexicon lacks", () => {
    expect(names("Our patient Riley Testcase came in.")).toEqual(["Riley Testcase"]);
  });
  it("finds a first name mid-sentence, in a greeting and as a possessive", () => {
    expect(names("Happy birthday to our patient, Edna!")).toContain("Edna");
    expect(names("Hi Dana, thanks for writing.")).toEqual(["Dana"]);
    expect(names("Photos of Jessica's smile")).toEqual(["Jessica's"]);
  });
  it("marks providers by title or credential", () => {
    const found = findNames("Dr. Omar Haddad and Jamie Chen, DPT, lead the team.");
    expect(found.map((m) => m.detail)).toEqual(["provider", "provider"]);
  });
  it("does not take organisations, places or capitalised common words for people", () => {
    expect(names("Silver Strand Physical Therapy opened in San Diego.")).toEqual([]);
    expect(names("Hope is a powerful thing. Will you join us in May?")).toEqual([]);
    expect(names("She lives in New Jersey and visits Austin, TX often.")).toEqual([]);
  });
  it("does not read degrees and abbreviations as initials", () => {
    expect(names("She earned her M.D. in the U.S. and works 9 A.M. to 5 P.M.")).toEqual([]);
  });
});

describe("place detection", () => {
  it("finds towns after a preposition, before a state, or in an attribution", () => {
    expect(places("a teacher from Hoboken came in")).toEqual(["Hoboken"]);
    expect(places("Robert, 72, Plano TX")).toEqual(["Plano"]);
    expect(places("\u2014 K.M., Boise")).toEqual(["Boise"]);
  });
  it("ignores town names that are ordinary capitalised words at the start of a sentence", () => {
    expect(places("Welcome to spring. Hope everyone is well.")).toEqual([]);
  });
});
