/**
 * PHONE_NUMBER: found and checked by libphonenumber-js (the full metadata, so `isValid` checks
 * each country's number plan), never by a hand-written regex. Numbers without a `+` are read in
 * the default country. Valid numbers score higher than merely possible ones (right length, not
 * in the plan), which need a context word ("tel", "call") to pass the default threshold.
 */
import { CountryCode, findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { contextAround, scoreWithContext } from '../contextWords';
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { isAlnumAt } from './textBoundary';

const CONTEXT = {
  raise: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'call', 'fax', 'contact', 'whatsapp', 'sms', 'text', 'text me', 'ring', 'number', 'phone number', 'mob', 'reached at', 'reach me at', 'dial', 'hotline', 'landline', 'cellphone', 'telefon', 'tél', 'telefono', 'handy', 'nr'],
  lower: ['order', 'invoice', 'ref', 'reference', 'id', 'account', 'acct', 'serial', 'tracking', 'isbn', 'ssn', 'zip', 'sku', 'po', 'case', 'ticket', 'transaction'],
};

// Runs of characters a phone number is written with; the first character is fixed and the rest
// is one greedy class, so finding runs is linear.
const RUN = /[+(\d][\d().\/ -]*/g;
const MAX_WINDOW = 48;
const DATE_OR_DECIMAL = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d+\.\d+)$/;

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
    // Phone numbers have groups of two digits or more; "1 2 3 4 5 6 7" is a list.
    if (digits < 7 || !/\d{2}/.test(run[0]) || /^\d{16,}$/.test(run[0])) continue;
    // A date alone (1960-01-10, 06.08.1992) is never reported: skip the library's work on it.
    if (DATE_OR_DECIMAL.test(run[0].trim())) continue;
    const runStart = run.index;
    const runEnd = runStart + run[0].length;
    // Most runs are exactly one number: parsing it is a third of the cost of the library's
    // matcher. Anything else (several numbers, trunk prefixes, leftovers) goes to the matcher.
    const whole = wholeRunNumber(input, runStart, runEnd, defaultCountry);
    if (whole) {
      if (whole.length > 0 && !seen.has(whole[0].start)) {
        seen.add(whole[0].start);
        spans.push(whole[0]);
      }
      continue;
    }
    for (let windowStart = runStart; windowStart < runEnd; windowStart += MAX_WINDOW - 24) {
      const windowEnd = Math.min(runEnd, windowStart + MAX_WINDOW);
      if (!/\d{2}/.test(text.slice(windowStart, windowEnd))) continue;
      // One character of context each side lets the library see what the number touches.
      const from = Math.max(0, windowStart - 1);
      const to = Math.min(text.length, windowEnd + 1);
      let spansHere = phonesIn(input, from, to, defaultCountry, false);
      // A national number with a trunk 0 from elsewhere: try the common plans (valid numbers only).
      if (spansHere.length === 0 && /^\(?0[1-9]/.test(text.slice(windowStart, windowEnd))) {
        for (const country of OTHER_COUNTRIES) {
          if (country === defaultCountry) continue;
          spansHere = phonesIn(input, from, to, country, true);
          if (spansHere.length > 0) break;
        }
      }
      for (const span of spansHere) {
        if (seen.has(span.start)) continue;
        seen.add(span.start);
        spans.push(span);
      }
      if (windowEnd === runEnd) break;
    }
  }
  return spans;
}

/**
 * The run as one number, when the library parses it in the default country and every digit of
 * the run is part of that number: [] when it is one number but not reported (invalid, a date),
 * a one-span array when it is reported, undefined when the matcher must decide.
 */
function wholeRunNumber(input: RecognizerInput, runStart: number, runEnd: number, defaultCountry: string): PiiSpan[] | undefined {
  const { text } = input;
  let start = runStart;
  let end = runEnd;
  while (end > start && /[ ./(-]/.test(text[end - 1])) end--;
  if (text[start] === '(' && !text.slice(start, end).includes(')')) start++;
  if (isAlnumAt(text, start - 1) || isAlnumAt(text, end) || end - start > 24) return undefined;
  const raw = text.slice(start, end);
  if (/ {2}|\//.test(raw)) return undefined;
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(raw, defaultCountry as CountryCode);
  } catch {
    return undefined;
  }
  if (!parsed) return undefined;
  const digits = raw.replace(/\D/g, '');
  const expected = raw.startsWith('+') ? `${parsed.countryCallingCode}${parsed.nationalNumber}` : parsed.nationalNumber;
  if (digits !== expected) return undefined;
  const valid = parsed.isValid();
  if (!valid && !parsed.isPossible()) return undefined;
  const span = phoneSpan(input, start, end, valid, false);
  return span ? [span] : [];
}

const OTHER_COUNTRIES = ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'IN', 'JP', 'BR', 'AU', 'ZA', 'NG'];

function phonesIn(input: RecognizerInput, from: number, to: number, defaultCountry: string, validOnly: boolean): PiiSpan[] {
  const { text } = input;
  let found;
  try {
    found = findPhoneNumbersInText(text.slice(from, to), { defaultCountry: defaultCountry as CountryCode, leniency: 'POSSIBLE' } as { defaultCountry: CountryCode });
  } catch {
    return [];
  }
  const spans: PiiSpan[] = [];
  for (const hit of found) {
    const start = from + hit.startsAt;
    const end = from + hit.endsAt;
    if (isAlnumAt(text, start - 1) || isAlnumAt(text, end)) continue;
    // A valid number fits its country's number plan; a possible one only has a plausible length
    // (many real numbers in samples are made up or from plans the metadata does not know).
    const valid = hit.number.isValid();
    if (!valid && (validOnly || !hit.number.isPossible())) continue;
    const span = phoneSpan(input, start, end, valid, validOnly);
    if (span) spans.push(span);
  }
  return spans;
}

/** The finding for a number the library accepted at [start, end), or undefined for a date or a decimal. */
function phoneSpan(input: RecognizerInput, start: number, end: number, valid: boolean, validOnly: boolean): PiiSpan | undefined {
  const { text } = input;
  {
    const raw = text.slice(start, end);
    // Dates (06.08.1992, 12/09/1906) and decimal numbers are not phone numbers.
    if (DATE_OR_DECIMAL.test(raw)) return undefined;
    const international = raw.trimStart().startsWith('+') || raw.startsWith('00');
    const formatted = /[\s().-]/.test(raw);
    // The North American grouping (415) 555-2671 / 415.555.2671 is a phone number even when
    // the area code is not in the plan (made-up samples).
    const nanpGrouping = /^(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}([ .-]))\d{3}([ .-])\d{4}$/.test(raw);
    const base = (international ? 0.75 : formatted ? 0.6 : 0.4) - (valid && !validOnly ? 0 : nanpGrouping ? 0.1 : 0.25);
    const score = scoreWithContext(base, contextAround(input, start, end), CONTEXT, 0.25, 0.35);
    return { type: 'PHONE_NUMBER', start, end, score, detector: 'phone-number', validated: true };
  }
}
