/**
 * From a scan's finding types to what a card declares. Every default type is personal data and has
 * a `privacy.pii_categories` value of the same name (schemas/privacy.schema.json `piiCategory`).
 * The context types are not personal data by themselves: ORGANIZATION maps to no category (an
 * organization's name is not data about a person); LOCATION maps to the schema's `LOCATION`
 * ("places that can locate a person"), declared when the card's samples hold such places, yet a
 * scan that finds only places has not found personal data. Types this tool does not know (a scan
 * recorded by another tool) keep their name and count as personal data, as before.
 */
import { isOptionalEntityType } from './piiTypes';

/** The `privacy.pii_categories` value for a finding type; undefined when it maps to none. */
export function cardCategoryOf(type: string): string | undefined {
  return type === 'ORGANIZATION' ? undefined : type;
}

/** Whether a finding of this type means the samples hold personal data. */
export function isPersonalDataType(type: string): boolean {
  return !isOptionalEntityType(type);
}
