// image/patient-photo: patient photos, before/after comparisons and facility photos with PHI in view.
import { blockRange, either, rx, words } from "@safeharbor/server/engine";
import { AUTHORIZATION_MESSAGES, capForConsentClaim, defineRule, withAuthorization } from "../define";

/** The label of one half of a before/after pair ("Before: ...", "After - 6 weeks"). */
const HALF_LABEL = /^\s*(?:before|after)\s?(?:[:\-–—(]|photo|picture|image|shot|treatment)/i;
const BEFORE_AFTER = /\bbefore(?:\s?(?:and|&|\/|-|vs\.?)\s?|\s)after\b|\bbefore-?after\b/i;
/** A patient in a caption: "our patient", "a client's", "patient photos", "patients after". */
const PATIENT = rx(
  "i",
  either(
    /\b(?:our|a|the|this|my|one of our) (?:[\w-]{1,24} )?(?:patient|client)s?\b/,
    /\b(?:patient|client)s?['’]s?\s/,
    rx("", /\b(?:patient|client)s? /, words(["photos?", "pictures?", "smiles?", "faces?", "results?", "after", "before", "with", "during", "at", "in", "of", "on", "receiving", "getting", "being"]), /\b/),
  ),
);
const FACE = /\b(?:face|smil(?:e|es|ing)|selfie|portrait|headshot|profile photo)\b/i;
const PATIENT_PATH = /(?:^|\/)(?:patients?|clients?|cases?|before-?after|smile-?gallery)(?:\/|[-_])/i;
/** Things in a facility photo that show patients' information. */
const PHI_SCENE = rx(
  "i",
  /\b/,
  words(["whiteboards?", "white boards?", "wristbands?", "patient (?:list|board|charts?|files?|records?|names?)", "census boards?", "sign-in sheets?", "medical records?", "(?:screens?|monitors?|computers?) (?:showing|with)", "charts? (?:on|with)", "x-rays? of"]),
  /\b/,
);
/** A scan of someone: an ultrasound, an X-ray, an MRI. */
const MEDICAL_IMAGE = /\b(?:ultrasound|sonogram|x-?rays?|radiographs?|MRI|CT scan|PET scan|scan|mammogram|angiogram)\b/i;
/** Words that make it someone's: "the Delgado family's baby", "Maya's", "her baby". */
const PERSON = /\b(?:the [A-Z][a-z]+ family|[A-Z][a-z]+['’]s|(?:his|her|their) (?:baby|son|daughter|twins)|baby (?:girl|boy))\b/;
const RECORD_FILE = /(?:mrn|record|chart|patient|pt)[-_ ]?#?\d{3,}/i;

export default defineRule({
  meta: {
    id: "image/patient-photo",
    family: "image",
    description: "Flags patient photos, before/after comparisons and facility photos with PHI in view, without an authorization.",
    severity: "error",
    hipaa: "45 CFR 164.514(b)(2)(i)(Q) (full-face photographs); 164.508",
    category: "Photographs",
    fixable: true,
    messages: {
      ...AUTHORIZATION_MESSAGES,
      patient: "Photo of {what} with no authorization covering photos; publish it only with the patient's signed authorization.",
      scene: "Photo may show PHI in the background ({what}); check the whiteboards, screens, charts and wristbands in view, or record an authorization.",
    },
    docs: `Full-face photographs and comparable images are Safe Harbor identifiers, and a before/after
comparison is both a photo and a treatment record. Markdown images, HTML \`<img>\` and MDX image or
gallery components are checked: when the alt text, title, caption, file name or the sentence
around the image points to a patient, a face, a before/after comparison, or a facility scene with
PHI in view (whiteboards, charts, screens, wristbands, a file name with a record number), the
photo needs an authorization that covers photos. Fix: reference the authorization, or use a
photo without patients.`,
  },
  check({ analysis, document, fixes, authorize, report }) {
    for (const img of document.images) {
      const blocks = [img.altBlock, img.titleBlock, ...img.captionBlocks].filter((b): b is number => b !== undefined);
      const text = blocks.map((b) => document.blocks[b].text).join(" ");
      const file = (img.src ?? "").split(/[?#]/)[0].split("/").pop() ?? "";
      const fileWords = file.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ");
      const named = analysis.mentions.some((m) => blocks.includes(m.block) && m.type === "name" && m.owner === "unknown" && m.detail !== "provider");
      const health = analysis.health.some((h) => blocks.includes(h.block) && h.specific);
      const what: string[] = [];
      // one half of a pair: "Before: ..." in the alt text, or "carla-before.jpg" with a treatment or a name
      const half = HALF_LABEL.test(text) || (/(?:^|\s)(?:before|after)(?:\s|$)/i.test(fileWords) && (health || named || analysis.health.some((h) => blocks.includes(h.block))));
      if (BEFORE_AFTER.test(text) || BEFORE_AFTER.test(fileWords) || half) what.push("a before/after comparison");
      if ((PATIENT.test(text) && !PHI_SCENE.test(text)) || PATIENT_PATH.test(img.src ?? "")) what.push("a patient");
      if (named && (health || FACE.test(text))) what.push("a named person's treatment");
      if (MEDICAL_IMAGE.test(text) && (named || PERSON.test(text)) && !what.length) what.push("a patient's medical image");
      const scene = PHI_SCENE.test(text) || RECORD_FILE.test(file);
      if (what.length === 0 && !scene) continue;
      // the alt text, else the caption, else the whole image
      const textBlock = img.altBlock ?? img.captionBlocks.find((b) => /caption|title|alt|label/i.test(document.blocks[b].attribute ?? ""));
      // an image written on one line is reported whole (its alt text, title and file name); a
      // multi-line component by its alt text or caption
      const oneLine = img.range.end - img.range.start <= 400 && !document.source.slice(img.range.start, img.range.end).includes("\n");
      const range = oneLine || textBlock === undefined ? img.range : blockRange(document.blocks[textBlock]);
      const base = {
        messageId: what.length ? "patient" : "scene",
        data: { what: what.length ? what.join(", ") : RECORD_FILE.test(file) ? "a file name with a record number" : "records or boards in view" },
        range,
        fixes: [fixes.authorizationReference(img.range), fixes.disable("image/patient-photo", range)],
      };
      report(capForConsentClaim(withAuthorization(base, authorize(img.range, ["photo"])), analysis));
    }
  },
});
