/**
 * Document URIs as the editor sends them, to file names and paths. One place for it: URIs may be
 * `untitled:`, remote, or malformed (a bad `%` escape), and none of that may throw in a handler.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The local path of a `file:` URI; undefined for other schemes and for URIs that are not a local path. */
export function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The folder holding a `file:` URI's file, when it is one. */
export function folderOf(uri: string): string | undefined {
  const file = filePathOf(uri);
  return file === undefined ? undefined : path.dirname(file);
}

/** The last path segment of any URI, decoded when it can be (`model-card.yaml`, `Untitled-1`). */
export function fileNameOf(uri: string): string {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const last = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
