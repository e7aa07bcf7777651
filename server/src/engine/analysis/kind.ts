// Recognises what a document is: a blog post, a testimonial, a reply to a review, a social post or a
// reply to a comment, from front matter, the file path, MDX components and the text itself.
import type { ParsedDocument } from "../types";
import { rx, words } from "./pattern-kit";
import type { DocumentKind } from "./types";
import { REPLY_MARKER } from "./voices";

/** A path segment of a social post ("social/", "instagram-captions", "tweets"). */
const SOCIAL_PATH = rx("", /(?:^|[/_.-])/, words(["social", "tweets?", "instagram", "ig", "facebook", "fb", "tiktok", "linkedin", "twitter", "x", "threads", "bluesky", "captions?", "comments?", "dms?"]), /(?:[/_.-]|$)/);
/** Thanks for a review ("Thank you so much for the kind words"). */
const THANKS_FOR_REVIEW = rx("i", /\bthank(?:s| you)\b(?:[ ,]{1,2}[\w'’-]{1,20}){0,8}?[ ,]{1,2}/, words(["review", "feedback", "kind words", "rating", "stars", "taking the time"]), /\b/);
/** An answer to a complaint ("sorry to hear", "your concerns", "we apologize"). */
const REVIEW_APOLOGY = rx("i", /\b/, words(["sorry (?:to hear|you feel|that you|for (?:your|the|any)|about (?:your|the))", "your (?:experience|review|feedback|concerns?|frustration)", "we (?:apologi[sz]e|value your feedback|understand your)"]), /\b/);

const KIND_VALUES: Record<string, DocumentKind> = {
  "review-reply": "review-reply",
  review: "review-reply",
  reply: "review-reply",
  social: "social",
  "social-post": "social",
  post: "post",
  blog: "post",
  article: "post",
  testimonial: "testimonial",
  testimonials: "testimonial",
  "comment-reply": "comment-reply",
  comment: "comment-reply",
};

/** Infers the document kind; `opening` is the text of its first sentences. */
export function documentKind(doc: ParsedDocument, opening: string): DocumentKind {
  const declared = doc.frontmatter?.kind ?? doc.frontmatter?.type;
  if (typeof declared === "string" && KIND_VALUES[declared.toLowerCase()]) return KIND_VALUES[declared.toLowerCase()];
  const path = doc.uri.toLowerCase().replace(/\\/g, "/");
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (/(?:^|[/_.-])(?:review-?repl(?:y|ies)|reviews?)(?:[/_.-]|$)/.test(path) && /repl|review/.test(name)) return "review-reply";
  // a reply on a review site: "yelp-reply-...", "google-review-response.txt", "healthgrades/answers"
  if (/(?:^|[/_.-])(?:yelp|google|healthgrades|zocdoc|vitals|ratemds|birdeye|podium|trustpilot)(?:[/_.-]|$)/.test(path) && /repl|respon|answer|review/.test(name)) return "review-reply";
  if (/(?:^|[/_.-])testimonials?(?:[/_.-]|$)/.test(path)) return "testimonial";
  if (SOCIAL_PATH.test(path)) return "social";
  if (/(?:^|[/_.-])comment-?repl(?:y|ies)(?:[/_.-]|$)/.test(path)) return "comment-reply";
  if (doc.components.some((c) => /testimonial|review|quote/i.test(c.name)) && doc.blocks.length < 40) {
    if (doc.components.some((c) => /testimonial/i.test(c.name))) return "testimonial";
  }
  // "Response from the owner:" after the review it answers
  if (doc.blocks.length <= 15 && doc.blocks.some((b) => b.kind === "paragraph" && b.index > 0 && REPLY_MARKER.test(b.text.trim()))) return "review-reply";
  const head = opening.slice(0, 400);
  const reviewReply = THANKS_FOR_REVIEW.test(head) || REVIEW_APOLOGY.test(head);
  if (reviewReply && doc.language !== "mdx" && doc.blocks.length <= 12) return "review-reply";
  if (/^\s*@\w/.test(head)) return "comment-reply";
  if (doc.language === "plaintext") {
    if (/(?:^|\s)#[A-Za-z]\w+/.test(head) || /(?<![\w.])@\w/.test(head)) return "social";
    if (/^(?:hi|hello|hey|dear|thanks|thank you)\b/i.test(head.trim())) return "review-reply";
    // a short message with emoji, hashtags or handles anywhere is a social post; other plain text
    // (a page's text, a testimonial record, a newsletter) is read as a post
    const all = doc.blocks.map((b) => b.text).join(" ");
    const words = all.split(/\s+/).length;
    if (words <= 120 && (/(?:^|\s)#[A-Za-z]\w+|(?<![\w.])@\w{2,}/.test(all) || /\p{Extended_Pictographic}/u.test(all))) return "social";
    // a short message from the practice to someone ("we hope your treatment went well"), not a
    // person's own account addressed to their doctor ("you fixed my knee")
    const count = (re: RegExp): number => all.match(re)?.length ?? 0;
    const practice = count(/\b(?:we|we're|we've|our|us)\b/gi);
    const own = count(/\b(?:I|I'm|I've|my|me)\b/g);
    if (words <= 120 && /\b(?:you|your)\b/i.test(all) && practice >= own) return "social";
    return "post";
  }
  return "post";
}
