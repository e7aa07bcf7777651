// Conversions between document URIs and file paths.
import { fileURLToPath, pathToFileURL } from "node:url";

/** The file path of a `file:` URI, or undefined for other schemes (untitled, vscode-notebook...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
