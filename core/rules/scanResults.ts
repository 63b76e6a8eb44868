/**
 * The card reacts to a PII scan of its samples: personal data found while the card says there is none,
 * or found types missing from `privacy.pii_categories`.
 */
import { rangeOfPath } from '../cardDocument';
import { Finding } from '../finding';
import { cardCategoryOf, isPersonalDataType } from '../pii/cardCategories';
import { asList, isRecord, RuleContext } from './rule';

/** What the last scan of the card's samples found, by entity type. */
export interface PiiScanSummary {
  found: Record<string, number>;
  files: number;
  date: string;
  tool: string;
  model?: string;
}

export function scanResults(context: RuleContext, scan: PiiScanSummary | undefined): Finding[] {
  if (!scan) return [];
  const foundTypes = Object.keys(scan.found).filter((type) => scan.found[type] > 0).sort();
  if (foundTypes.length === 0) return [];
  const { card, value } = context;
  const privacy = isRecord(value.privacy) ? value.privacy : undefined;
  const data = { found: scan.found, date: scan.date, tool: scan.tool, model: scan.model, files: scan.files };
  // Organizations and places (optional scan types) are not personal data by themselves.
  const personal = foundTypes.filter(isPersonalDataType);
  if (personal.length === 0 && privacy?.personal_data !== true) return [];
  if (privacy?.personal_data !== true) {
    const counts = personal.map((type) => `${type} (${scan.found[type]})`).join(', ');
    return [
      {
        code: 'privacy/scan-found-personal-data',
        severity: 'error',
        message: `A PII scan of this card's samples found personal data: ${counts}. Set \`privacy.personal_data: true\` and declare the categories, or remove the data from the samples.`,
        ...(privacy ? rangeOfPath(card, privacy.personal_data === undefined ? ['privacy'] : ['privacy', 'personal_data'], privacy.personal_data === undefined ? 'key' : 'value') : rangeOfPath(card, ['privacy'], 'key')),
        data: { ...data, missing: categoriesOf(foundTypes) },
      },
    ];
  }
  const declared = new Set(asList(privacy.pii_categories).map(String));
  // A type is declared under its category; ORGANIZATION has none to declare.
  const missing = foundTypes.filter((type) => {
    const category = cardCategoryOf(type);
    return category !== undefined && !declared.has(category);
  });
  if (missing.length === 0) return [];
  return [
    {
      code: 'privacy/undeclared-pii-category',
      severity: 'warning',
      message: `The PII scan found ${missing.map((type) => `${type} (${scan.found[type]})`).join(', ')} in the samples, not listed in \`privacy.pii_categories\`.`,
      ...rangeOfPath(card, ['privacy', 'pii_categories'], 'key'),
      data: { ...data, missing: categoriesOf(missing) },
    },
  ];
}

/** The card categories of finding types, without those that map to none. */
function categoriesOf(types: readonly string[]): string[] {
  const out: string[] = [];
  for (const type of types) {
    const category = cardCategoryOf(type);
    if (category !== undefined && !out.includes(category)) out.push(category);
  }
  return out;
}
