/**
 * What counts as a dataset sample when a folder is scanned: one definition for the editor (the
 * default of `cardwright.pii.sampleGlobs`) and the CLI (`cardwright scan FOLDER`).
 */
import { globToRegExp } from './glob';

/** The sample formats the readers understand. */
export const DEFAULT_SAMPLE_GLOBS: readonly string[] = ['**/*.{csv,tsv,jsonl,ndjson,json,txt,parquet}'];

/** A card file: `model-card.yaml`/`.yml` or a `README.md`. Never a sample unless named explicitly. */
export function isCardFileName(file: string): boolean {
  const base = file.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  return base === 'model-card.yaml' || base === 'model-card.yml' || base === 'readme.md';
}

/**
 * Decides for a file found inside a scanned folder ('/'-separated path relative to that folder)
 * whether it is a sample: it matches one of the globs and is not a card file.
 */
export function sampleFileFilter(globs: readonly string[] = DEFAULT_SAMPLE_GLOBS): (relativePath: string) => boolean {
  const patterns = globs.map(globToRegExp);
  return (relativePath) => !isCardFileName(relativePath) && patterns.some((pattern) => pattern.test(relativePath));
}
