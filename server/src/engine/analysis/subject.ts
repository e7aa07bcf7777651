// Whom a document's care is about: a veterinary practice's posts tell of animals, whose records are
// not protected health information (HIPAA covers people), however much they read like patient stories.
import type { ParsedDocument } from "../types";
import { rx, words } from "./pattern-kit";

/** Words that say the practice is a veterinary one. */
const VETERINARY = /\b(?:veterinar(?:y|ian|ians)|animal (?:hospital|clinic)|vet (?:clinic|hospital|practice|team|tech)|DVM|VMD)\b/gi;
/** Animals and their care. */
const ANIMAL = rx(
  "gi",
  /\b/,
  words([
    ...["dogs?", "cats?", "pupp(?:y|ies)", "pups?", "kittens?", "kitty", "kitties", "pets?", "canine", "feline", "horses?", "rabbits?", "bunn(?:y|ies)", "guinea pigs?", "hamsters?"],
    ...["ferrets?", "parrots?", "reptiles?", "lizards?", "tabby"],
    // breeds
    ...["retrievers?", "labradors?", "poodles?", "terriers?", "dachshunds?", "beagles?", "bulldogs?", "spaniels?", "husk(?:y|ies)", "great danes?", "chihuahuas?", "corgis?"],
    // their care
    ...["fur ?bab(?:y|ies)", "paws?", "spay(?:ed|ing)?", "neuter(?:ed|ing)?", "heartworm", "fleas?", "litter box", "kennels?", "breeds?", "vets?"],
  ]),
  /\b/,
);

/** "animals" when the document is a veterinary practice's, speaking of animals; "people" otherwise. */
export function documentSubject(doc: ParsedDocument): "people" | "animals" {
  let vet = 0;
  let animal = 0;
  for (const b of doc.blocks) {
    vet += b.text.match(VETERINARY)?.length ?? 0;
    animal += b.text.match(ANIMAL)?.length ?? 0;
    if (vet > 0 && animal >= 3) return "animals";
  }
  return animal >= 8 && animal * 40 > doc.blocks.reduce((n, b) => n + b.text.length, 0) / 6 ? "animals" : "people";
}
