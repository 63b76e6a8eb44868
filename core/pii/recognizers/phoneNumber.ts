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

// Seven digits or more, possibly separated by spaces, dots, dashes, slashes or parentheses.
const HAS_CANDIDATE = /\d(?:[\s().\/-]{0,3}\d){6}/;

export function recognizePhoneNumbers(input: RecognizerInput, defaultCountry: string = 'US'): PiiSpan[] {
  const { text } = input;
  if (!HAS_CANDIDATE.test(text)) return [];
  const spans: PiiSpan[] = [];
  let found;
  try {
    found = findPhoneNumbersInText(text, { defaultCountry: defaultCountry as CountryCode });
  } catch {
    return [];
  }
  for (const hit of found) {
    const start = hit.startsAt;
    const end = hit.endsAt;
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
