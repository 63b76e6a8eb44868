/** Runs every recognizer over one text and returns their spans (not yet fused). */
import { effectiveEntityTypes, PiiEntityType, PiiSpan, RecognizerInput } from './piiTypes';
import { recognizeCreditCards } from './recognizers/creditCard';
import { recognizeDatesOfBirth } from './recognizers/dateOfBirth';
import { recognizeEmailAddresses } from './recognizers/emailAddress';
import { recognizeIbans } from './recognizers/iban';
import { recognizeIpAddresses } from './recognizers/ipAddress';
import { recognizeMacAddresses } from './recognizers/macAddress';
import { recognizePersonFields } from './recognizers/personField';
import { recognizePhoneNumbers } from './recognizers/phoneNumber';
import { recognizeSecrets } from './recognizers/secret';
import { recognizeUsSsns } from './recognizers/usSsn';

export interface RecognizerOptions {
  /** Only run recognizers for these types (default: the default types, see effectiveEntityTypes). */
  entities?: ReadonlySet<PiiEntityType>;
  /** ISO country for phone numbers written without `+` (default US). */
  defaultCountry?: string;
}

const RECOGNIZERS: Array<{ types: PiiEntityType[]; run: (input: RecognizerInput, options: RecognizerOptions) => PiiSpan[] }> = [
  { types: ['EMAIL_ADDRESS'], run: recognizeEmailAddresses },
  { types: ['CREDIT_CARD'], run: recognizeCreditCards },
  { types: ['IBAN_CODE'], run: recognizeIbans },
  { types: ['US_SSN'], run: recognizeUsSsns },
  { types: ['IP_ADDRESS'], run: recognizeIpAddresses },
  { types: ['MAC_ADDRESS'], run: recognizeMacAddresses },
  { types: ['PHONE_NUMBER'], run: (input, options) => recognizePhoneNumbers(input, options.defaultCountry) },
  { types: ['DATE_OF_BIRTH'], run: recognizeDatesOfBirth },
  { types: ['SECRET'], run: recognizeSecrets },
  { types: ['PERSON'], run: recognizePersonFields },
];

export function recognizeAll(input: RecognizerInput, options: RecognizerOptions = {}): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const entities = options.entities ?? effectiveEntityTypes();
  for (const recognizer of RECOGNIZERS) {
    if (!recognizer.types.some((type) => entities.has(type))) continue;
    try {
      spans.push(...recognizer.run(input, options));
    } catch {
      // A recognizer bug must not stop a scan; the other detectors still run.
    }
  }
  return spans;
}
