// social/public-reply: a public post or reply addressed to a person that mentions their care.
import type { DocumentAnalysis, IdentifierMention } from "@safeharbor/server/engine";
import { defineRule } from "../define";
import { replyRange } from "../review/reply";

/** True when a name is the person the post speaks to: "Hi Jenna!", "Get well soon to Mr. Kim", "Sarah, great job". */
function addressed(analysis: DocumentAnalysis, m: IdentifierMention): boolean {
  const s = analysis.sentences[m.sentence];
  const before = s.text.slice(0, m.start - s.start);
  const after = s.text.slice(m.end - s.start);
  return /(?:\b(?:to|hi|hello|hey|dear|congrats|congratulations|thanks|thank you|welcome|go|way to go|proud of you|birthday))[,!]?\s*$/i.test(before) || (before.trim() === "" && /^[,!]/.test(after.trimStart())) || (before.trimEnd().endsWith(",") && /^[.!?]/.test(after.trimStart()));
}

export default defineRule({
  meta: {
    id: "social/public-reply",
    family: "social",
    description: "Flags public posts or replies addressed to a person (@handle or name) that mention their condition, treatment or visit.",
    severity: "error",
    hipaa: "45 CFR 164.502(a); 164.514(b)(2)(i)(A), (N)",
    category: "Public reply about a person's care",
    fixable: true,
    messages: {
      addressed: "Public post addressed to a person about their care; anyone can read it. Move the conversation to a private channel.",
      care: "Public post tells a named person about their {what}; this discloses their care. Move it to a private channel.",
    },
    docs: `A social post or comment reply addressed to someone, by @handle or by name, that mentions their
condition, treatment, visit or appointment tells everyone who reads it that the person is a
patient and what for. Friendly messages count ("so glad your PT is going well"). Promotional posts
that address no one ("Book your flu shot today") are fine. Fix: swap in the private-channel
template, and follow up by direct message or phone.`,
  },
  check({ analysis, document, fixes, report }) {
    if (analysis.kind !== "social" && analysis.kind !== "comment-reply") return;
    const addressee = analysis.mentions.find((m) => m.owner === "unknown" && (m.type === "handle" || (m.type === "name" && m.detail !== "provider" && m.confidence >= 0.55 && addressed(analysis, m))));
    if (!addressee) return;
    const whole = replyRange(document);
    const template = fixes.template("social-private", whole, "Replace the post with the private-channel template");
    const about = analysis.sentences.filter((s) => s.health.length > 0 || s.cues.some((c) => c.kind === "second-person-care"));
    if (about.length === 0) return;
    report({ messageId: "addressed", range: addressee.range, fixes: [template, fixes.disable("social/public-reply", addressee.range)] });
    for (const s of about) {
      for (const i of s.health) {
        const h = analysis.health[i];
        report({ messageId: "care", data: { what: h.category === "visit" ? "visit" : h.category === "condition" || h.category === "symptom" ? "condition" : "treatment" }, range: h.range, fixes: [template] });
      }
    }
  },
});
