/**
 * Well-known test values: numbers that pass their checksum but are published for testing
 * (payment processors' test cards, the SSNs that were never issued or were made public).
 *
 * Decision: a test value is still reported, but with a low score (TEST_VALUE_SCORE, below the
 * default threshold of 0.5) and `testValue: true`. A privacy reviewer who wants to see them runs
 * with `--threshold 0.2`; everyone else is not flooded by fixture data.
 */
export const TEST_VALUE_SCORE = 0.25;

const TEST_CARD_NUMBERS = new Set([
  '4111111111111111', // Visa
  '4012888888881881',
  '4222222222222',
  '4242424242424242', // Stripe Visa
  '4000056655665556',
  '5555555555554444', // Mastercard
  '5105105105105100',
  '5200828282828210',
  '2223003122003222',
  '378282246310005', // Amex
  '371449635398431',
  '378734493671000',
  '6011111111111117', // Discover
  '6011000990139424',
  '6011000000000004',
  '3530111333300000', // JCB
  '3566002020360505',
  '30569309025904', // Diners
  '38520000023237',
  '36227206271667',
]);

const TEST_SSNS = new Set(['078051120', '219099999', '123456789', '111111111', '457555462']);

const TEST_IBANS = new Set([
  'DE89370400440532013000',
  'GB82WEST12345698765432',
  'GB29NWBK60161331926819',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
  'CH9300762011623852957',
]);

/** Digits (and letters for IBANs) only, uppercase. */
function compact(value: string): string {
  return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

export function isTestCardNumber(value: string): boolean {
  return TEST_CARD_NUMBERS.has(compact(value));
}

export function isTestSsn(value: string): boolean {
  return TEST_SSNS.has(compact(value));
}

export function isTestIban(value: string): boolean {
  return TEST_IBANS.has(compact(value));
}

/** Documentation examples of credentials, e.g. AWS's `AKIAIOSFODNN7EXAMPLE`. */
export function isExampleSecret(value: string): boolean {
  return /EXAMPLE|example|0{12,}|x{12,}|X{12,}/.test(value);
}
