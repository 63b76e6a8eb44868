/**
 * STREET_ADDRESS spans after BIO grouping: the model often restarts an address at a comma
 * ("Calle Mayor 5, 76669 Málaga" + "Spain", "12 Elm St" + "Houston, TX 65326"). Address parts
 * separated only by a comma, a dash or one line break are one address, and so is a place (the
 * model's LOCATION, a city or country) that follows an address that way. Measured on the in-house
 * set with the shipped model: the place joining +0.3 micro F1, the house-number rule below +0.5.
 */
import { PiiSpan } from './piiTypes';
import { byStartThenEnd, sortSmall } from './sortSmall';

const PART_GAP = /^(?:,[ \t]?|[ \t]?-[ \t]?|,?\r?\n|[ \t])$/;

/**
 * A house number, then a word: `41 Roosevelt Road`, `221B Baker Street`, `3-14-1 Sumiyoshi`. The
 * corpora the model learned places from (CoNLL-style LOC) also label whole street addresses as
 * places, so the model sometimes calls one a LOCATION ("premises located at 41 Roosevelt Road");
 * a place that starts with a house number is an address.
 */
const HOUSE_NUMBER_FIRST = /^\d{1,6}[A-Za-z]?(?:[-/]\d{1,4}){0,2},?[ \t]+\p{L}/u;

export function joinAddressParts(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  let last: PiiSpan | undefined;
  for (const original of sortSmall([...spans], byStartThenEnd)) {
    const span = original.type === 'LOCATION' && HOUSE_NUMBER_FIRST.test(text.slice(original.start, original.end)) ? { ...original, type: 'STREET_ADDRESS' as const } : original;
    if (
      last &&
      // A place right after an address (`..., Springfield`, `\nSweden`) is the address's city or country.
      (span.type === 'STREET_ADDRESS' || span.type === 'LOCATION') &&
      last.type === 'STREET_ADDRESS' &&
      span.start >= last.end &&
      PART_GAP.test(text.slice(last.end, span.start))
    ) {
      last.end = span.end;
      // A city or country does not make the address less certain; a second address part does.
      if (span.type === 'STREET_ADDRESS') last.score = Math.min(last.score, span.score);
      continue;
    }
    last = { ...span };
    out.push(last);
  }
  return out.filter((span) => span.type !== 'STREET_ADDRESS' || postalShaped(text.slice(span.start, span.end)));
}

/**
 * An address the model found, after its parts are joined, holds a digit (house number, postcode)
 * or at least two words (`Rambla Francisco s/n`, `Rose Cottage`). One word without a digit is not
 * a postal address: the model's lone `Gracias` after `..., 28009 Madrid.`.
 */
function postalShaped(value: string): boolean {
  return /\d/.test(value) || /\S\s+\S/.test(value.trim());
}
