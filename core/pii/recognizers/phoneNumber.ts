/**
 * PHONE_NUMBER: found and validated by libphonenumber-js (the full metadata, so `isValid` checks
 * each country's number plan), never by a hand-written regex. Numbers without a `+` are read in
 * the default country. A cheap linear pre-check skips texts without a run of digits long enough.
 */
import { CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/max';
import { contextAround, scoreWithContext } from '../contextWords';
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { isAlnumAt } from './textBoundary';

const CONTEXT = {
  raise: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'call', 'fax', 'contact', 'whatsapp', 'sms', 'text me', 'ring', 'number', 'phone number', 'mob'],
  lower: ['order', 'invoice', 'ref', 'reference', 'id', 'account', 'acct', 'serial', 'tracking', 'isbn', 'ssn', 'zip', 'sku', 'po', 'case', 'ticket', 'transaction'],
};

// Runs of characters a phone number is written with; the first character is fixed and the rest
// is one greedy class, so finding runs is linear.
const RUN = /[+(\d][\d().\/ -]*/g;
const MAX_WINDOW = 48;

/**
 * libphonenumber-js is linear but costly per character, so it only sees windows around runs with
 * seven digits or more (long runs are cut into overlapping windows).
 */
export function recognizePhoneNumbers(input: RecognizerInput, defaultCountry: string = 'US'): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  const seen = new Set<number>();
  RUN.lastIndex = 0;
  for (let run = RUN.exec(text); run; run = RUN.exec(text)) {
    let digits = 0;
    for (let i = 0; i < run[0].length && digits < 7; i++) if (run[0].charCodeAt(i) >= 48 && run[0].charCodeAt(i) <= 57) digits++;
    // Phone numbers have at least one group of three digits; "1 2 3 4 5 6 7" is a list.
    if (digits < 7 || !/\d{3}/.test(run[0]) || /^\d{16,}$/.test(run[0])) continue;
    const runStart = run.index;
    const runEnd = runStart + run[0].length;
    for (let windowStart = runStart; windowStart < runEnd; windowStart += MAX_WINDOW - 24) {
      const windowEnd = Math.min(runEnd, windowStart + MAX_WINDOW);
      if (!/\d{3}/.test(text.slice(windowStart, windowEnd))) continue;
      // One character of context each side lets the library see what the number touches.
      const from = Math.max(0, windowStart - 1);
      const to = Math.min(text.length, windowEnd + 1);
      for (const span of phonesIn(input, from, to, defaultCountry)) {
        if (seen.has(span.start)) continue;
        seen.add(span.start);
        spans.push(span);
      }
      if (windowEnd === runEnd) break;
    }
  }
  return spans;
}

function phonesIn(input: RecognizerInput, from: number, to: number, defaultCountry: string): PiiSpan[] {
  const { text } = input;
  let found;
  try {
    found = findPhoneNumbersInText(text.slice(from, to), { defaultCountry: defaultCountry as CountryCode });
  } catch {
    return [];
  }
  const spans: PiiSpan[] = [];
  for (const hit of found) {
    const start = from + hit.startsAt;
    const end = from + hit.endsAt;
    if (!hit.number.isValid() || isAlnumAt(text, start - 1) || isAlnumAt(text, end)) continue;
    const raw = text.slice(start, end);
    const international = raw.trimStart().startsWith('+') || raw.startsWith('00');
    const formatted = /[\s().-]/.test(raw);
    const base = international ? 0.75 : formatted ? 0.6 : 0.4;
    const score = scoreWithContext(base, contextAround(input, start, end), CONTEXT, 0.25, 0.35);
    spans.push({ type: 'PHONE_NUMBER', start, end, score, detector: 'phone-number', validated: true });
  }
  return spans;
}
