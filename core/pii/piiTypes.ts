/**
 * The PII engine's vocabulary. Entity names follow Microsoft Presidio's so that reports from
 * both tools can be compared. All offsets are UTF-16 code units into the analysed text.
 */
export const PII_ENTITY_TYPES = [
  'PERSON',
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'STREET_ADDRESS',
  'CREDIT_CARD',
  'IBAN_CODE',
  'US_SSN',
  'IP_ADDRESS',
  'DATE_OF_BIRTH',
  'SECRET',
  'MAC_ADDRESS',
] as const;

export type PiiEntityType = (typeof PII_ENTITY_TYPES)[number];

export function isPiiEntityType(value: string): value is PiiEntityType {
  return (PII_ENTITY_TYPES as readonly string[]).includes(value);
}

/** One detector's opinion: `detector` is e.g. `credit-card`, `phone-number` or `model`. */
export interface PiiSpan {
  type: PiiEntityType;
  start: number;
  end: number;
  /** 0..1, comparable across detectors; findings below the user's threshold are not reported. */
  score: number;
  detector: string;
  /** True when a checksum or a structural parser confirmed the value (Luhn, mod-97, octets...). */
  validated?: boolean;
  /** True when the value is a well-known test value (see denyList.ts); its score is lowered. */
  testValue?: boolean;
}

/** What the engine reports after fusing every detector's spans. */
export interface PiiFinding {
  type: PiiEntityType;
  start: number;
  end: number;
  score: number;
  /** Every detector that supported this finding, sorted. */
  detectors: string[];
  testValue?: boolean;
}

/** What a recognizer sees: the text and, where the reader knows it, a name per region (CSV column, JSON key). */
export interface RecognizerInput {
  text: string;
  /** Field names by region, in text offsets, sorted by start, not overlapping. */
  fields?: readonly FieldRegion[];
}

export interface FieldRegion {
  start: number;
  end: number;
  name: string;
}

export type Recognizer = (input: RecognizerInput) => PiiSpan[];
