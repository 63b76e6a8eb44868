/**
 * CREDIT_CARD: 13-19 digits, optionally grouped by single spaces or dashes, that pass the Luhn
 * checksum and start with a known issuer prefix whose lengths include the candidate's length.
 */
import { contextAround, scoreWithContext } from '../contextWords';
import { isTestCardNumber, TEST_VALUE_SCORE } from '../denyList';
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { standsAlone } from './textBoundary';

/** Luhn (mod 10) over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

interface Issuer {
  name: string;
  /** Inclusive prefix ranges compared on the first `digits` digits. */
  prefixes: Array<[number, number]>;
  lengths: number[];
}

const ISSUERS: Issuer[] = [
  { name: 'visa', prefixes: [[4, 4]], lengths: [13, 16, 19] },
  { name: 'mastercard', prefixes: [[51, 55], [2221, 2720]], lengths: [16] },
  { name: 'amex', prefixes: [[34, 34], [37, 37]], lengths: [15] },
  { name: 'discover', prefixes: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: [16, 19] },
  // JCB's assigned range is 3528-3589; the whole 35xx block is accepted (16+ digits and Luhn).
  { name: 'jcb', prefixes: [[3500, 3589]], lengths: [16, 17, 18, 19] },
  { name: 'diners', prefixes: [[300, 305], [36, 36], [38, 39]], lengths: [14, 16, 19] },
  { name: 'unionpay', prefixes: [[62, 62]], lengths: [16, 17, 18, 19] },
  { name: 'maestro', prefixes: [[5018, 5018], [5020, 5020], [5038, 5038], [5893, 5893], [6304, 6304], [6759, 6759], [6761, 6763]], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'mir', prefixes: [[2200, 2204]], lengths: [16, 17, 18, 19] },
];

/** The issuer whose prefix and length match, or undefined. */
export function cardIssuer(digits: string): string | undefined {
  for (const issuer of ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    for (const [low, high] of issuer.prefixes) {
      const width = String(low).length;
      const prefix = Number(digits.slice(0, width));
      if (prefix >= low && prefix <= high) return issuer.name;
    }
  }
  return undefined;
}

const CONTEXT = {
  raise: ['card', 'credit', 'credit card', 'cc', 'visa', 'mastercard', 'amex', 'payment', 'card number', 'pan'],
  lower: ['order', 'invoice', 'tracking', 'isbn', 'id', 'ref', 'reference', 'serial'],
};

// Runs of digit groups separated by single spaces or dashes. The match can always end where the
// groups end, so the engine never backtracks: linear in the text length.
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;

export function recognizeCreditCards(input: RecognizerInput): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let match = DIGIT_RUN.exec(text); match; match = DIGIT_RUN.exec(text)) {
    const runStart = match.index;
    const groups: Array<{ start: number; end: number }> = [];
    const groupPattern = /\d+/g;
    for (let g = groupPattern.exec(match[0]); g; g = groupPattern.exec(match[0])) {
      groups.push({ start: runStart + g.index, end: runStart + g.index + g[0].length });
    }
    let i = 0;
    while (i < groups.length) {
      const found = longestCardFrom(input, groups, i);
      if (found) {
        spans.push(found.span);
        i = found.next;
      } else {
        i++;
      }
    }
  }
  return spans;
}

function longestCardFrom(
  input: RecognizerInput,
  groups: Array<{ start: number; end: number }>,
  first: number,
): { span: PiiSpan; next: number } | undefined {
  const { text } = input;
  // Candidates: one group of 12-19 digits, or printed groups of 3-6 digits joined by one kind of
  // separator. Extending stops as soon as a group breaks that shape, so each start costs O(1).
  let last = first + 1;
  if (width(groups[first]) >= 3 && width(groups[first]) <= 6) {
    const separator = text[groups[first].end];
    let digits = width(groups[first]);
    while (
      last < groups.length &&
      text[groups[last].start - 1] === separator &&
      width(groups[last]) >= 3 &&
      width(groups[last]) <= 6 &&
      digits + width(groups[last]) <= 19
    ) {
      digits += width(groups[last]);
      last++;
    }
  }
  for (let end = last - 1; end >= first; end--) {
    const start = groups[first].start;
    const stop = groups[end].end;
    const raw = text.slice(start, stop);
    const digits = raw.replace(/[ -]/g, '');
    if (digits.length < 12 || digits.length > 19) continue;
    if (!standsAlone(text, start, stop)) continue;
    if (!luhnValid(digits) || !cardIssuer(digits) || /^(\d)\1+$/.test(digits)) continue;
    const testValue = isTestCardNumber(digits);
    const base = raw === digits ? 0.8 : 0.9;
    const score = testValue ? TEST_VALUE_SCORE : scoreWithContext(base, contextAround(input, start, stop), CONTEXT, 0.1, 0.3);
    const span: PiiSpan = { type: 'CREDIT_CARD', start, end: stop, score, detector: 'credit-card', validated: true };
    if (testValue) span.testValue = true;
    return { span, next: end + 1 };
  }
  return undefined;
}

/** Characters in a digit group. */
function width(group: { start: number; end: number }): number {
  return group.end - group.start;
}
