// The pattern detectors: positives in varied formats and look-alike negatives, per identifier type.
import { describe, expect, it } from "vitest";
import { findIdentifiers, validVin } from "../../src/engine/analysis/identifiers";
import type { IdentifierType } from "@safeharbor/server/engine";

/** The texts a detector finds of one type. */
function found(text: string, type: IdentifierType): string[] {
  return findIdentifiers(text)
    .filter((m) => m.type === type)
    .map((m) => text.slice(m.start, m.end));
}

describe("identifier detectors", () => {
  it("finds phone numbers in common formats", () => {
    expect(found("Call (555) 201-4400 or 555-201-4400 or 555.201.4400 or +1 555 201 4400.", "phone")).toEqual(["(555) 201-4400", "555-201-4400", "555.201.4400", "+1 555 201 4400"]);
  });
  it("labels a number after the word fax as a fax", () => {
    expect(found("Fax: (555) 201-4401", "fax")).toEqual(["(555) 201-4401"]);
    expect(found("Fax: (555) 201-4401", "phone")).toEqual([]);
  });
  it("does not take prices, times, years, versions or dosages for identifiers", () => {
    const text = "Prices start at $1,250. Hours 8:30-5:00. Founded in 1998. Version 2.4.1 is out. Take 500 mg twice daily. ISBN 978-0-306-40615-7.";
    const types = findIdentifiers(text).map((m) => m.type);
    expect(types).not.toContain("phone");
    expect(types).not.toContain("ssn");
    expect(types).not.toContain("ip");
    expect(types).not.toContain("zip");
  });
  it("finds email addresses and leaves handles that are part of an address alone", () => {
    expect(found("Write to jane.doe+clinic@example.com today", "email")).toEqual(["jane.doe+clinic@example.com"]);
    expect(found("Write to jane.doe+clinic@example.com today", "handle")).toEqual([]);
  });
  it("finds social handles and URLs, without trailing punctuation", () => {
    expect(found("@marcus_t so glad you're better", "handle")).toEqual(["@marcus_t"]);
    expect(found("Donate at https://www.gofundme.com/f/help-sam-heal.", "url")).toEqual(["https://www.gofundme.com/f/help-sam-heal"]);
  });
  it("finds SSNs only when the SSA rules allow the number", () => {
    expect(found("SSN 123-45-6789", "ssn")).toEqual(["123-45-6789"]);
    expect(found("Numbers 000-12-3456, 666-12-3456 and 900-12-3456 are never issued", "ssn")).toEqual([]);
  });
  it("finds labelled record, plan, account, licence and device numbers", () => {
    expect(found("Chart: MRN 00482913.", "record-number")).toEqual(["MRN 00482913"]);
    expect(found("member ID XJH448812001", "health-plan")).toEqual(["XJH448812001"]);
    expect(found("claim # 88231-A", "account")).toEqual(["88231-A"]);
    expect(found("driver's license D1234567", "license")).toEqual(["D1234567"]);
    expect(found("implant serial number SN-4471-0098", "device")).toEqual(["SN-4471-0098"]);
  });
  it("does not take an unlabelled word with no digit for a number", () => {
    expect(found("Our member services team", "health-plan")).toEqual([]);
    expect(found("licensed since spring", "license")).toEqual([]);
  });
  it("checks the VIN check digit", () => {
    expect(validVin("1M8GDM9AXKP042788")).toBe(true);
    expect(validVin("1M8GDM9A1KP042788")).toBe(false);
  });
  it("finds IPv4 addresses but not version numbers with fewer parts", () => {
    expect(found("logged in from 192.168.14.201 yesterday", "ip")).toEqual(["192.168.14.201"]);
    expect(found("release 10.2.1", "ip")).toEqual([]);
  });
  it("finds street addresses with a unit", () => {
    expect(found("at 1420 Birch Lane, Apt 3B today", "address")).toEqual(["1420 Birch Lane, Apt 3B"]);
    expect(found("at 77 N. Oak Street", "address")).toEqual(["77 N. Oak Street"]);
  });
  it("finds ZIP codes after a state and when labelled, but not bare five-digit numbers", () => {
    expect(found("Austin, TX 78701-1234", "zip")).toEqual(["78701-1234"]);
    expect(found("zip code 02134", "zip")).toEqual(["02134"]);
    expect(found("We served 12000 families", "zip")).toEqual([]);
  });
  it("finds counties", () => {
    expect(found("the only cardiologist in Elko County", "location")).toEqual(["Elko County"]);
  });
  it("finds dates in every common form", () => {
    const text = "Seen 03/14, again 3/14/24, born 2024-03-14, on March 14th, on Sunday, January 12, by the 14th, el 5 de febrero.";
    expect(found(text, "date")).toEqual(["03/14", "3/14/24", "2024-03-14", "March 14th", "Sunday, January 12", "the 14th", "5 de febrero"]);
  });
  it("does not take fractions, scores or years alone for dates", () => {
    expect(found("Open 24/7, a 50/50 chance, in 2019, 3.5/5 stars", "date")).toEqual([]);
  });
  it("finds ages in numbers, words and birthdays", () => {
    expect(found("a 34-year-old teacher", "age")).toEqual(["34-year-old"]);
    expect(found("her 97th birthday", "age")).toEqual(["97th birthday"]);
    expect(found("ninety-three years old", "age")).toEqual(["ninety-three years old"]);
    expect(found("a centenarian", "age")).toEqual(["centenarian"]);
    expect(found("she was born in 1931", "age")).toEqual(["born in 1931"]);
  });
  it("does not read a statistic about a population as an age", () => {
    expect(found("adults over 90 make up 2% of patients", "age")).toEqual([]);
  });
  it("finds other unique characteristics", () => {
    expect(found("the man with a tattoo of a dragon on his neck", "other")).toEqual(["tattoo of a dragon"]);
    expect(found("she has a port-wine birthmark", "other")).toEqual(["port-wine birthmark"]);
  });
  it("finds biometric identifiers", () => {
    expect(found("we keep a retina scan and fingerprints on file", "biometric")).toEqual(["retina scan", "fingerprints"]);
  });
});
