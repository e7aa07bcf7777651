// Lets the engine drop what it keeps for a document that was closed.
import { blockCache, nlpCache } from "./analysis";
import { chunkCache } from "./parse/chunks";

/** Forgets the cached parse and analysis of a document's last version (call when it is closed). */
export function forgetDocument(uri: string): void {
  chunkCache.forget(uri);
  blockCache.forget(uri);
  nlpCache.forget(uri);
}
