/** Finds the files a CLI command works on: explicit files, folders walked, and globs (`**`, `*`, `?`, `{a,b}`). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../core/glob';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.venv', '__pycache__']);

export interface FoundFiles {
  files: string[];
  /** The files named explicitly (not found by walking a folder or matching a glob). */
  named: Set<string>;
  /** Arguments that matched nothing, with the reason. */
  missing: { argument: string; reason: string }[];
}

/**
 * Resolves arguments to files. Folders are walked and filtered with `accept`; files named explicitly
 * are always taken; glob patterns are matched against every file under their fixed prefix.
 */
export function findFiles(args: string[], cwd: string, accept: (file: string) => boolean): FoundFiles {
  const found = new Set<string>();
  const named = new Set<string>();
  const missing: FoundFiles['missing'] = [];
  for (const argument of args) {
    const absolute = path.resolve(cwd, argument);
    if (isGlob(argument)) {
      const base = path.resolve(cwd, globBase(argument));
      const matcher = globToRegExp(path.resolve(cwd, argument).split(path.sep).join('/'));
      const before = found.size;
      for (const file of walk(base)) if (matcher.test(file.split(path.sep).join('/'))) found.add(file);
      if (found.size === before) missing.push({ argument, reason: 'no file matches this pattern' });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push({ argument, reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of walk(absolute)) if (accept(file)) found.add(file);
    } else {
      found.add(absolute);
      named.add(absolute);
    }
  }
  return { files: [...found].sort(), named, missing };
}

function* walk(folder: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walk(full);
    } else if (entry.isFile()) {
      yield full;
    }
  }
}

export function isGlob(argument: string): boolean {
  return /[*?{]/.test(argument);
}

function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (isGlob(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}
