/**
 * Sanity checks on the model's PERSON spans, for text that uses capital letters (all-lowercase
 * text such as chat logs is left alone):
 *   - a name is written with capitals: leading and trailing words without a capital are trimmed
 *     ("mg once daily. Prescriber" -> "Prescriber"), and a span with no capital left goes;
 *   - a single word right before a colon is a field label ("Prescriber:", "Applicant:"), not a name;
 *   - a title alone ("Dr.", "Mrs") is not a name.
 */
import { PiiSpan } from './piiTypes';

const TITLES = /^(?:dr|mr|mrs|ms|miss|mx|prof|sir|dame|rev|fr|sr|jr)\.?$/i;
const WORD = /[^\s,;:()"“”]+/gu;

export function plausiblePersonSpans(text: string, spans: PiiSpan[]): PiiSpan[] {
  if (!/\p{Lu}/u.test(text)) return spans;
  const out: PiiSpan[] = [];
  for (const span of spans) {
    if (span.type !== 'PERSON') {
      out.push(span);
      continue;
    }
    const words = [...text.slice(span.start, span.end).matchAll(WORD)].map((m) => ({
      start: span.start + (m.index ?? 0),
      end: span.start + (m.index ?? 0) + m[0].length,
      capital: /\p{Lu}/u.test(m[0]),
    }));
    let first = 0;
    let last = words.length - 1;
    while (first <= last && !words[first].capital) first++;
    while (last >= first && !words[last].capital) last--;
    if (first > last) continue;
    const start = words[first].start;
    const end = words[last].end;
    const value = text.slice(start, end);
    if (first === last && /^\s*:/.test(text.slice(end, end + 3))) continue;
    if (TITLES.test(value)) continue;
    out.push({ ...span, start, end });
  }
  return out;
}
