/**
 * IBAN_CODE: a country code, two check digits and a country-specific number of alphanumerics,
 * optionally in groups of four separated by single spaces, validated by ISO 13616 mod-97 and the
 * registry length of its country.
 */
import { contextAround, scoreWithContext } from '../contextWords';
import { isTestIban, TEST_VALUE_SCORE } from '../denyList';
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { isAlnumAt, standsAlone } from './textBoundary';

/** Total IBAN length per country (the SWIFT IBAN registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

/** ISO 7064 mod 97-10 over an IBAN without spaces (uppercase). */
export function ibanChecksumValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

export function ibanValid(iban: string): boolean {
  const compact = iban.replace(/ /g, '').toUpperCase();
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  return expected !== undefined && compact.length === expected && ibanChecksumValid(compact);
}

const CONTEXT = { raise: ['iban', 'bank', 'account', 'konto', 'transfer', 'sepa', 'bic'] };

// Country + check digits, then up to 30 alphanumerics in groups possibly split by one space.
// Every repetition must consume an alphanumeric, so the number of ways to match is bounded.
const CANDIDATE = /[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){8,30}/g;

export function recognizeIbans(input: RecognizerInput): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const start = match.index;
    if (isAlnumAt(text, start - 1)) {
      CANDIDATE.lastIndex = start + 1;
      continue;
    }
    const country = match[0].slice(0, 2).toUpperCase();
    const expected = IBAN_LENGTHS[country];
    if (expected === undefined) {
      CANDIDATE.lastIndex = start + 1;
      continue;
    }
    // Take exactly `expected` alphanumerics from the candidate.
    let count = 0;
    let end = start;
    while (end < start + match[0].length && count < expected) {
      if (text[end] !== ' ') count++;
      end++;
    }
    const raw = text.slice(start, end);
    if (count !== expected || !standsAlone(text, start, end) || !ibanValid(raw) || !groupedSensibly(raw)) {
      CANDIDATE.lastIndex = start + 1;
      continue;
    }
    const testValue = isTestIban(raw);
    const score = testValue ? TEST_VALUE_SCORE : scoreWithContext(0.9, contextAround(input, start, end), CONTEXT, 0.1);
    const span: PiiSpan = { type: 'IBAN_CODE', start, end, score, detector: 'iban', validated: true };
    if (testValue) span.testValue = true;
    spans.push(span);
    CANDIDATE.lastIndex = end;
  }
  return spans;
}

/** Either no spaces, or spaces every four characters (the printed form). */
function groupedSensibly(raw: string): boolean {
  if (!raw.includes(' ')) return true;
  const groups = raw.split(' ');
  return groups.slice(0, -1).every((group) => group.length === 4) && groups[groups.length - 1].length <= 4;
}
