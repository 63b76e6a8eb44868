/** Finds Cardwright's package root (the folder whose package.json is named "cardwright") from a start folder. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function findPackageRoot(start: string = __dirname): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    try {
      if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'cardwright') return dir;
    } catch {
      // An unreadable package.json on the way up is not ours.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The shipped model folder: `<package root>/models/cardwright-pii-mini`. */
export function defaultModelFolder(start?: string): string | undefined {
  const root = findPackageRoot(start);
  return root ? path.join(root, 'models', 'cardwright-pii-mini') : undefined;
}
