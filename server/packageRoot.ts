/** The extension/package root (the folder with Cardwright's package.json), from any built file's location. */
import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

export function packageRoot(from: string = __dirname): string {
  if (cached && from === __dirname) return cached;
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'cardwright') {
          if (from === __dirname) cached = dir;
          return dir;
        }
      } catch {
        /* not ours; keep walking */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cardwright's package.json was not found above ${from}`);
    dir = parent;
  }
}

/** The version in Cardwright's package.json. */
export function packageVersion(): string {
  return String(JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version);
}
