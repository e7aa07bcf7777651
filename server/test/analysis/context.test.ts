// Patient context, ownership and document kind: who a sentence is about.
import { describe, expect, it } from "vitest";
import { analyzeDocument, parseDocument, languageOf, type DocumentAnalysis } from "@safeharbor/server/engine";
import { config } from "../helpers";

function analyze(text: string, uri = "post.md", cfg = config()): DocumentAnalysis {
  return analyzeDocument(parseDocument(uri, text, languageOf(uri)), cfg);
}
const contextOf = (text: string, uri?: string): boolean[] => analyze(text, uri).sentences.map((s) => s.patientContext);

describe("patient context", () => {
  it("marks sentences about a specific patient", () => {
    expect(contextOf("One of my clients struggled with panic attacks for years.")).toEqual([true]);
    expect(contextOf("Last month a retired teacher came to our clinic with chest pain.")).toEqual([true]);
    expect(contextOf("Meet Angela Ruiz, who beat breast cancer.")).toEqual([true]);
  });
  it("leaves general education, hypotheticals, aggregates and composites alone", () => {
    expect(contextOf("Patients often feel tired after chemotherapy.")).toEqual([false]);
    expect(contextOf("For example, a patient might come in with knee pain.")).toEqual([false]);
    expect(contextOf("87% of our knee patients walk within a day.")).toEqual([false]);
    expect(contextOf("Thanks to everyone who came to our flu shot clinic on Saturday.")).toEqual([false]);
  });
  it("follows a named person into the next sentences by pronoun", () => {
    expect(contextOf("Maria Gonzalez joined our walking group in spring. Her hip fracture healed well.")).toEqual([true, true]);
  });
  it("reads second person about care as the reader's own care only in replies", () => {
    expect(contextOf("Your treatment options include physical therapy.", "post.md")).toEqual([false]);
    expect(contextOf("We hope your treatment went well.", "reply.txt")).toEqual([true]);
  });
});

describe("ownership", () => {
  it("treats staff from config, bylines, titles and roles as staff", () => {
    const a = analyze("---\nauthor: Sarah Lin\n---\n\nOur hygienist Maria Lopez and Dr. Patel treated the child. Sarah Lin wrote this.", "post.md", config({ practice: { ...config().practice, staff: ["Maria Lopez"] } }));
    const owners = a.mentions.filter((m) => m.type === "name").map((m) => `${m.text}:${m.owner}`);
    expect(owners).toEqual(["Sarah Lin:staff", "Maria Lopez:staff", "Dr. Patel:staff", "Sarah Lin:staff"]);
  });
  it("treats the office's own phone and email as the practice's", () => {
    const a = analyze("Questions? Call our office at (555) 201-4400 or write to feedback@clinic.example.", "tips.txt");
    expect(a.mentions.filter((m) => m.type === "phone" || m.type === "email").map((m) => m.owner)).toEqual(["practice", "practice"]);
  });
  it("does not treat a patient's email as the practice's because of a contact verb", () => {
    const a = analyze("Meet Angela Ruiz, who beat breast cancer. You can reach Angela at angela@example.com.");
    expect(a.mentions.find((m) => m.type === "email")?.owner).toBe("unknown");
    expect(a.mentions.find((m) => m.type === "email")?.tied).toBe(true);
  });
  it("treats a public figure speaking of their own health as public", () => {
    const a = analyze("Tennis champion Serena Williams has spoken openly about her pulmonary embolism.");
    expect(a.mentions.find((m) => m.type === "name")?.owner).toBe("public");
  });
});

describe("document kind", () => {
  it("reads front matter, paths and text", () => {
    expect(analyze("---\nkind: review-reply\n---\n\nThanks!").kind).toBe("review-reply");
    expect(analyze("Great smiles", "site/testimonials/index.md").kind).toBe("testimonial");
    expect(analyze("Thank you for your review, Sam. We appreciate it.", "reply.txt").kind).toBe("review-reply");
    expect(analyze("@sam_k thanks for the shout-out!", "post.txt").kind).toBe("comment-reply");
    expect(analyze("Flu shots are here! #FluSeason", "post.txt").kind).toBe("social");
    expect(analyze("# Managing asthma\n\nAsthma is common.", "asthma.md").kind).toBe("post");
  });
});
