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

export const CONTEXT_BEFORE = 40;
export const CONTEXT_AFTER = 16;

/** The words a candidate is judged by: `near` (field name and the words before) and `after`. */
export interface Context {
  near: string;
  after: string;
}

// Where a sentence, a line or a field ends: context never reaches across one.
const BOUNDARY = /[\n\r\t;|]|(?:^|\p{L}\p{L}|\p{N}|[)"'])[.!?](?=\s)/gu;

/** The folded words around [start, end): the field name and the clause before, a few words after. */
export function contextAround(input: RecognizerInput, start: number, end: number): Context {
  let before = input.text.slice(Math.max(0, start - CONTEXT_BEFORE), start);
  if (mayHoldBoundary(before)) {
    let cut = -1;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(before); m; m = BOUNDARY.exec(before)) cut = m.index + m[0].length;
    if (cut >= 0) before = before.slice(cut);
  }
  let after = input.text.slice(end, end + CONTEXT_AFTER);
  if (mayHoldBoundary(after)) {
    BOUNDARY.lastIndex = 0;
    const stop = BOUNDARY.exec(after);
    if (stop) after = after.slice(0, stop.index);
  }
  const field = fieldNameAt(input, start) ?? '';
  return { near: ` ${fold(field)} | ${fold(before)} `, after: ` ${fold(after)} ` };
}

/** False when `text` has none of the characters BOUNDARY needs (most context windows): no regex to run. */
function mayHoldBoundary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \t \n \r ! . ; ? |
    if (c === 9 || c === 10 || c === 13 || c === 33 || c === 46 || c === 59 || c === 63 || c === 124) return true;
  }
  return false;
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

/** Each phrase list with its phrases padded by spaces, built once (recognizers call this per candidate). */
const padded = new WeakMap<readonly string[], string[]>();

/** True when `phrase` occurs in the folded text as whole words. */
export function hasContextWord(folded: string, phrases: readonly string[] | undefined): boolean {
  if (!phrases) return false;
  let list = padded.get(phrases);
  if (!list) {
    list = phrases.map((phrase) => ` ${phrase} `);
    padded.set(phrases, list);
  }
  for (const phrase of list) if (folded.includes(phrase)) return true;
  return false;
}

/** Applies context words to a base score: +raiseBy when a raise word is near, -lowerBy for a lower word. */
/** Raise words count before or after the candidate; lower words only before it (or as the field name). */
export function scoreWithContext(
  base: number,
  context: Context,
  words: ContextWords,
  raiseBy = 0.25,
  lowerBy = 0.3,
): number {
  let score = base;
  if (hasContextWord(context.near, words.raise) || hasContextWord(context.after, words.raise)) score += raiseBy;
  if (hasContextWord(context.near, words.lower)) score -= lowerBy;
  return clampScore(score);
}

export function clampScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** Lowercase, camelCase split, and every run of non-letters/digits becomes one space. */
export function fold(text: string): string {
  const ascii = foldAscii(text);
  return ascii !== undefined ? ascii : foldByRegex(text);
}

/** fold's definition, for any text. */
export function foldByRegex(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * fold in one pass for text of ASCII and Latin letters (most context windows; the regexes cost
 * several times more): a space before an ASCII uppercase letter that follows an ASCII lowercase
 * one, letters lowercased, each run of other characters one space, none at either end.
 * undefined for text with any other character (U+0130 too: it lowercases to two characters).
 */
function foldAscii(text: string): string | undefined {
  let out = '';
  let gap = false;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      // Latin-1 and Latin Extended-A/B letters (not × or ÷): each lowercases to one letter.
      if (c < 0xc0 || c > 0x24f || c === 0xd7 || c === 0xf7 || c === 0x130) return undefined;
      if (gap && out.length > 0) out += ' ';
      out += text[i].toLowerCase();
      gap = false;
      previous = c;
      continue;
    }
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (upper || lower || (c >= 48 && c <= 57)) {
      if ((gap || (upper && previous >= 97 && previous <= 122)) && out.length > 0) out += ' ';
      out += upper ? String.fromCharCode(c + 32) : text[i];
      gap = false;
    } else gap = true;
    previous = c;
  }
  return out;
}
