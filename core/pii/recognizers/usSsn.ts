/**
 * US_SSN: AAA-GG-SSSS with the issuing rules: area not 000, 666 or 900-999; group not 00;
 * serial not 0000. Dashes or spaces (consistently) or no separator at all; without separators a
 * nine-digit number is only a weak candidate unless context words say "SSN".
 */
import { contextAround, scoreWithContext } from '../contextWords';
import { isTestSsn, TEST_VALUE_SCORE } from '../denyList';
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { standsAlone } from './textBoundary';

export function ssnValid(value: string): boolean {
  const match = /^(\d{3})([- ]?)(\d{2})\2(\d{4})$/.exec(value);
  if (!match) return false;
  const area = Number(match[1]);
  if (area === 0 || area === 666 || area >= 900) return false;
  if (match[3] === '00' || match[4] === '0000') return false;
  return true;
}

const CONTEXT = {
  raise: ['ssn', 'social security', 'social security number', 'social', 'ss', 'ssa', 'taxpayer', 'tin', 'tax id', 'tax', 'itin', 'ss no', 'ssn no'],
  lower: ['order', 'invoice', 'tracking', 'phone', 'tel', 'account', 'zip', 'isbn', 'ref'],
};

const CANDIDATE = /\d{3}([- ]?)\d{2}\1\d{4}/g;

export function recognizeUsSsns(input: RecognizerInput): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!standsAlone(text, start, end) || /[-.]\d/.test(text.slice(end, end + 2)) || /\d[-.]$/.test(text.slice(Math.max(0, start - 2), start))) {
      CANDIDATE.lastIndex = start + 1;
      continue;
    }
    if (!ssnValid(match[0])) continue;
    const testValue = isTestSsn(match[0]);
    const separated = match[1] !== '';
    // In a record (a table row, a field) a spaced or bare nine-digit value is more telling.
    const inRecord = input.fields !== undefined || /[\t|]/.test(text.slice(Math.max(0, start - 40), end + 40));
    const base = (separated ? (match[1] === '-' ? 0.6 : 0.45) : 0.3) + (inRecord && match[1] !== '-' ? (separated ? 0.1 : 0.2) : 0);
    const score = testValue ? TEST_VALUE_SCORE : scoreWithContext(base, contextAround(input, start, end), CONTEXT, 0.3, 0.3);
    const span: PiiSpan = { type: 'US_SSN', start, end, score, detector: 'us-ssn', validated: true };
    if (testValue) span.testValue = true;
    spans.push(span);
  }
  return spans;
}
