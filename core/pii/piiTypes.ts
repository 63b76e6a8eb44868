/**
 * The PII engine's vocabulary. Entity names follow Microsoft Presidio's so that reports from
 * both tools can be compared. All offsets are UTF-16 code units into the analysed text.
 */
/** The types a scan reports unless told otherwise: personal data and secrets. */
export const DEFAULT_PII_ENTITY_TYPES = [
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

/**
 * Context types: organizations and places are not personal data by themselves. The model labels
 * them so that it learns what is *not* a person's name (`Hertz`, `Heathrow`); a scan reports them
 * only when asked for (`--entities`, the `cardwright.pii.entities` setting), and fusion always
 * uses them to keep a recognizer's PERSON off a span the model called an organization or a place.
 */
export const OPTIONAL_PII_ENTITY_TYPES = ['ORGANIZATION', 'LOCATION'] as const;

export const PII_ENTITY_TYPES = [...DEFAULT_PII_ENTITY_TYPES, ...OPTIONAL_PII_ENTITY_TYPES] as const;

export type PiiEntityType = (typeof PII_ENTITY_TYPES)[number];
export type OptionalPiiEntityType = (typeof OPTIONAL_PII_ENTITY_TYPES)[number];

export function isPiiEntityType(value: string): value is PiiEntityType {
  return (PII_ENTITY_TYPES as readonly string[]).includes(value);
}

export function isOptionalEntityType(value: string): value is OptionalPiiEntityType {
  return (OPTIONAL_PII_ENTITY_TYPES as readonly string[]).includes(value);
}

const DEFAULT_SET: ReadonlySet<PiiEntityType> = new Set(DEFAULT_PII_ENTITY_TYPES);

/**
 * The types a scan reports for an `entities` option (a setting, `--entities`): the known names in
 * it; the default types when it is absent, empty, or names no known type (a setting holding only
 * a misspelt name does not silence the scan).
 */
export function effectiveEntityTypes(entities?: Iterable<string>): ReadonlySet<PiiEntityType> {
  if (!entities) return DEFAULT_SET;
  const known = new Set<PiiEntityType>();
  for (const name of entities) if (typeof name === 'string' && isPiiEntityType(name)) known.add(name);
  return known.size > 0 ? known : DEFAULT_SET;
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
