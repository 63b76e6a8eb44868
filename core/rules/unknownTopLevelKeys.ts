/**
 * The Hub accepts keys it does not know, so an unknown top-level key is a warning, not an error,
 * with a did-you-mean when it is close to a known key, or a hint to move it when it belongs to one
 * of Cardwright's sections. (Unknown keys inside Cardwright's own sections are schema errors.)
 */
import { rangeOfPath } from '../cardDocument';
import { didYouMean } from '../didYouMean';
import { Finding } from '../finding';
import { SchemaNavigator } from '../schemaNavigator';
import { RuleContext } from './rule';

/** Cardwright's own sections, where a misplaced key most likely belongs. */
export const CARDWRIGHT_SECTIONS = ['upstream', 'privacy', 'compliance'] as const;

/** Unknown top-level keys reported at most. */
const MAX_UNKNOWN_KEYS = 500;

export function unknownTopLevelKeys(context: RuleContext, schema: SchemaNavigator): Finding[] {
  const known = schema.propertiesAt([]);
  if (known.size === 0) return [];
  const findings: Finding[] = [];
  for (const key of Object.keys(context.value)) {
    if (known.has(key)) continue;
    // Enough to see the problem; a card of 100,000 unknown keys must not cost 100,000 did-you-means.
    if (findings.length >= MAX_UNKNOWN_KEYS) break;
    const home = CARDWRIGHT_SECTIONS.find((section) => schema.propertiesAt([section]).has(key));
    const suggestion = home ? undefined : didYouMean(key, known.keys());
    findings.push({
      code: home ? 'card/misplaced-key' : 'hub/unknown-key',
      severity: 'warning',
      message: home
        ? `\`${key}\` belongs under \`${home}\`; at the top level neither the Hub nor Cardwright reads it.`
        : suggestion
          ? `\`${key}\` is not a known key; did you mean \`${suggestion}\`?`
          : `\`${key}\` is not a known model card key; the Hub keeps it but gives it no meaning.`,
      ...rangeOfPath(context.card, [key], 'key'),
      data: { key, suggestion, moveTo: home },
    });
  }
  return findings;
}
