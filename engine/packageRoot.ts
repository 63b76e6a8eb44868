/** The extension/package root (the folder with Cardwright's package.json), from any built file's location. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The shipped PII model's folder name under models/. */
export const SHIPPED_MODEL = 'cardwright-pii-mini';

/** Walks up from `start` to the folder whose package.json is named "cardwright"; undefined if none. */
export function findPackageRoot(start: string = __dirname): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    try {
      if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'cardwright') return dir;
    } catch {
      /* an unreadable package.json on the way up is not ours */
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Like findPackageRoot, but a missing root is an installation error. */
export function packageRoot(from: string = __dirname): string {
  const root = findPackageRoot(from);
  if (!root) throw new Error(`Cardwright's package.json was not found above ${from}`);
  return root;
}

/** The version in Cardwright's package.json. */
export function packageVersion(): string {
  return String(JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version);
}

/** The shipped model folder: `<package root>/models/cardwright-pii-mini`. */
export function defaultModelFolder(start?: string): string | undefined {
  const root = findPackageRoot(start);
  return root ? path.join(root, 'models', SHIPPED_MODEL) : undefined;
}
