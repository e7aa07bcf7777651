// The disclosure model and the subject model around it: who a passage is about, how sure a reviewer
// would be, and the shipped weights themselves (no text, what they were trained on).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDocument, languageOf, parseDocument, type DocumentAnalysis } from "@safeharbor/server/engine";
import { hashFeature, sentenceFeatures, documentSignals } from "../../src/engine/analysis/features";
import { decide, packWeights, unpackWeights, type ModelFile } from "../../src/engine/analysis/model";
import { config } from "../helpers";

function analyze(text: string, uri = "page.md"): DocumentAnalysis {
  return analyzeDocument(parseDocument(uri, text, languageOf(uri)), config());
}
/** Each reported sentence as "voice@severity: text". */
const disclosed = (text: string, uri?: string): string[] => {
  const a = analyze(text, uri);
  return a.disclosures.map((d) => `${d.voice}@${d.severity}: ${a.sentences[d.sentence].text}`);
};

const MODEL = JSON.parse(readFileSync(join(__dirname, "../../../rules/models/disclosure.json"), "utf8")) as ModelFile & { heldOutGroups: string[] };

describe("the disclosure model", () => {
  it("reports a patient's own account of treatment in a named testimonial as an error, in the patient's voice", () => {
    const found = disclosed("> After my rotator cuff surgery I could not lift my arm for months. The physical therapy here got me back to swimming.\n>\n> — Harriet Quill, Dunmore\n");
    expect(found.some((f) => f.startsWith("patient@error: After my rotator cuff surgery"))).toBe(true);
  });

  it("reads a reply's health details as the reviewer's, addressed to them", () => {
    const found = disclosed("Hi Tom, we're sorry you waited. Your crown came loose because you skipped the follow-up for your root canal in March.", "reply.txt");
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.startsWith("addressed@"))).toBe(true);
  });

  it("leaves general education and a generic compliant reply alone", () => {
    expect(disclosed("Gum disease is common. Many adults have some gum inflammation, and regular cleanings help prevent it.")).toEqual([]);
    expect(disclosed("Thank you for your feedback. Privacy law keeps us from discussing anyone's care online; please call our office at (555) 010-2000.", "reply.txt")).toEqual([]);
  });

  it("says nothing of a sentence that names no person, health detail or care", () => {
    expect(disclosed("> Café notes, à bientôt.\n>\n> — Harriet Quill\n").filter((f) => f.includes("Café"))).toEqual([]);
  });

  it("ties a name in the scope of a certain disclosure, and no name outside one", () => {
    const a = analyze("---\ntitle: Stories\n---\n\nMarisol Venkat came to us after her stroke last spring. She relearned to walk in eight weeks of therapy.\n");
    expect(a.mentions.filter((m) => m.type === "name" && m.tied).map((m) => m.text)).toContain("Marisol Venkat");
    const b = analyze("Our clinic is on Elm Street. Parking is free and the café next door opens at seven.");
    expect(b.mentions.filter((m) => m.tied)).toEqual([]);
  });

  it("explains a finding by its signals, never by its text", () => {
    const a = analyze("> I had migraines for ten years until Dr. Lee started me on Botox.\n>\n> — Priya Anand, Elmwood\n");
    const reasons = a.disclosures.flatMap((d) => d.reasons);
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(r).not.toMatch(/migraine|botox|priya|elmwood/i);
  });
});

describe("the model's decision", () => {
  const t = { document: 0.6, warning: 0.45, warningInDocument: 0.1, error: 0.95, errorInDocument: 0.7 };
  it("reports a probable sentence on its own, and a less probable one only in a document about a patient", () => {
    expect(decide(t, 0.5, 0)).toBe("warning");
    expect(decide(t, 0.2, 0.1)).toBeUndefined();
    expect(decide(t, 0.2, 0.9)).toBe("warning");
    expect(decide(t, 0.8, 0.9)).toBe("error");
    expect(decide(t, 0.96, 0)).toBe("error");
  });
});

describe("the weights file", () => {
  it("packs and unpacks weights without losing more than the quantisation step", () => {
    const dense = new Float32Array(1 << 10);
    dense[3] = 1.25;
    dense[4] = -0.5;
    dense[900] = 7.9;
    const back = unpackWeights(10, packWeights(dense));
    for (const i of [3, 4, 900]) expect(Math.abs(back[i] - dense[i])).toBeLessThan(1 / 4096);
    expect(back.filter((w) => w !== 0)).toHaveLength(3);
  });

  it("holds no text: only packed numbers, thresholds and a summary of what it was trained on", () => {
    expect(MODEL.version).toBe(3);
    expect(MODEL.weights).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(MODEL.document.weights).toMatch(/^[A-Za-z0-9+/=]+$/);
    const sets = MODEL.data.map((d) => d.set);
    expect(sets).toContain("written");
    for (const d of MODEL.data) expect(d.sentences).toBeGreaterThan(d.positives);
    expect(MODEL.thresholds.error).toBeGreaterThanOrEqual(MODEL.thresholds.warning);
  });

  it("hashes features deterministically into its table", () => {
    expect(hashFeature("w:surgery")).toBe(hashFeature("w:surgery"));
    expect(hashFeature("w:surgery")).toBeLessThan(1 << 18);
    const doc = parseDocument("a.md", "I had knee surgery in May.", "markdown");
    const a = analyzeDocument(doc, config());
    const f1 = sentenceFeatures(doc, a, a.sentences[0], documentSignals(doc, a));
    const f2 = sentenceFeatures(doc, a, a.sentences[0], documentSignals(doc, a));
    expect(f1).toEqual(f2);
    expect(f1.signals).toContain("first-person+health");
  });
});

describe("name candidates in a patient's scope", () => {
  const names = (text: string, uri?: string): string[] => analyze(text, uri).mentions.filter((m) => m.type === "name" && m.tied).map((m) => m.text);
  it("takes an attribution line no lexicon knows as the patient's name", () => {
    expect(names("My root canal was painless and the swelling in my jaw went down in a day.\n\nZovanka Threlkeld\n", "record.txt")).toContain("Zovanka Threlkeld");
  });
  it("does not take a title-case phrase, a hashtag or a lone initial as a name", () => {
    const found = names("My root canal was painless and the swelling in my jaw went down in a day. #HappyPatients\n\nClient Success Stories\n\nT\n", "record.txt");
    expect(found).not.toContain("HappyPatients");
    expect(found).not.toContain("Client Success Stories");
    expect(found).not.toContain("T");
  });
});
