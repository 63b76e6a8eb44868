/**
 * Context words near a candidate raise or lower its score: "born" or "DOB" before a date makes it
 * a date of birth, "order" or "invoice" before a number makes it less likely a phone number.
 * The context is the text just before (and a little after) the candidate plus the name of the
 * field (CSV column, JSON key) that holds it.
 */
import { RecognizerInput } from './piiTypes';

export interface ContextWords {
  /** Words or phrases (lowercase, single spaces) that make the candidate more likely. */
  raise?: readonly string[];
  /** Words or phrases that make it less likely. */
  lower?: readonly string[];
}

export const CONTEXT_BEFORE = 48;
export const CONTEXT_AFTER = 16;

/** Lowercased words around [start, end) and the field name, separators folded to single spaces. */
export function contextAround(input: RecognizerInput, start: number, end: number): string {
  const before = input.text.slice(Math.max(0, start - CONTEXT_BEFORE), start);
  const after = input.text.slice(end, end + CONTEXT_AFTER);
  const field = fieldNameAt(input, start) ?? '';
  return ` ${fold(field)} | ${fold(before)} | ${fold(after)} `;
}

export function fieldNameAt(input: RecognizerInput, offset: number): string | undefined {
  const fields = input.fields;
  if (!fields || fields.length === 0) return undefined;
  let lo = 0;
  let hi = fields.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const field = fields[mid];
    if (offset < field.start) hi = mid - 1;
    else if (offset >= field.end) lo = mid + 1;
    else return field.name;
  }
  return undefined;
}

/** True when `phrase` occurs in the folded context as whole words. */
export function hasContextWord(context: string, phrases: readonly string[] | undefined): boolean {
  if (!phrases) return false;
  return phrases.some((phrase) => context.includes(` ${phrase} `));
}

/** Applies context words to a base score: +raiseBy when a raise word is near, -lowerBy for a lower word. */
export function scoreWithContext(
  base: number,
  context: string,
  words: ContextWords,
  raiseBy = 0.25,
  lowerBy = 0.3,
): number {
  let score = base;
  if (hasContextWord(context, words.raise)) score += raiseBy;
  if (hasContextWord(context, words.lower)) score -= lowerBy;
  return clampScore(score);
}

export function clampScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** Lowercase, camelCase split, and every run of non-letters/digits becomes one space. */
function fold(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
