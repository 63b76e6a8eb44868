/**
 * STREET_ADDRESS spans after BIO grouping: the model often restarts an address at a comma
 * ("Calle Mayor 5, 76669 Málaga" + "Spain", "12 Elm St" + "Houston, TX 65326"). Address parts
 * separated only by a comma, a dash or one line break are one address, and so is a place (the
 * model's LOCATION, a city or country) that follows an address that way.
 */
import { PiiSpan } from './piiTypes';
import { byStartThenEnd, sortSmall } from './sortSmall';

const PART_GAP = /^(?:,[ \t]?|[ \t]?-[ \t]?|,?\r?\n|[ \t])$/;

export function joinAddressParts(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  let last: PiiSpan | undefined;
  for (const span of sortSmall([...spans], byStartThenEnd)) {
    if (
      last &&
      // A place right after an address (`..., Springfield`, `\nSweden`) is the address's city or country.
      (span.type === 'STREET_ADDRESS' || span.type === 'LOCATION') &&
      last.type === 'STREET_ADDRESS' &&
      span.start >= last.end &&
      PART_GAP.test(text.slice(last.end, span.start))
    ) {
      last.end = span.end;
      last.score = Math.min(last.score, span.score);
      continue;
    }
    last = { ...span };
    out.push(last);
  }
  return out;
}
