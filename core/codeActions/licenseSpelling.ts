/**
 * `license/unknown-id`: write the Hub id for what the person meant (`Apache 2.0` → `apache-2.0`),
 * or, for a license the Hub does not list, switch to `license: other` with its name and link.
 */
import { Path } from '../cardDocument';
import { licenseFacts, normalizeLicense } from '../licenses';
import { cardOf, dataString, fixFromText, FixProvider, insertAfterKey, QuickFix, setKey, spanHolds } from './yamlEdits';

export const licenseSpelling: FixProvider = (text, finding, fileName) => {
  const value = dataString(finding, 'value');
  if (value === undefined || !spanHolds(text, finding, value)) return [];
  const fixes: QuickFix[] = [];
  const normalized = normalizeLicense(value);
  const candidates = [normalized?.id, dataString(finding, 'suggestion')].filter((id): id is string => Boolean(id && id !== value && licenseFacts(id)));
  for (const id of [...new Set(candidates)]) {
    const sure = normalized?.id === id && normalized.confidence !== 'low';
    const note = normalized?.id === id && normalized.note ? ` — ${normalized.note}` : '';
    fixes.push({
      title: `Change license to \`${id}\` (${licenseFacts(id)!.name})${sure ? '' : ', a guess: check it'}${note}`,
      edits: [{ start: finding.start, end: finding.end, text: id }],
      ...(sure && fixes.length === 0 ? { isPreferred: true } : {}),
    });
  }
  const path = Array.isArray(finding.data?.path) ? (finding.data.path as Path) : [];
  if (path.length === 1 && path[0] === 'license' && !normalized) fixes.push(...customLicense(text, finding.start, finding.end, value, fileName));
  return fixes;
};

/** `license: other` plus `license_name` (a slug of what was written) and `license_link`. */
function customLicense(text: string, start: number, end: number, value: string, fileName?: string): QuickFix[] {
  const slug = value.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'custom-license';
  let next = text.slice(0, start) + 'other' + text.slice(end);
  for (const [key, val] of [['license_link', 'LICENSE'], ['license_name', slug]]) {
    const card = cardOf(next, fileName);
    if (!card || card.value === undefined || (card.value as Record<string, unknown>)[key] !== undefined) continue;
    const written = insertAfterKey(card, [], 'license', [`${key}: ${val}`]) ?? setKey(card, [], key, [val]);
    if (written === undefined) return [];
    next = written;
  }
  return fixFromText(`Use \`license: other\` with \`license_name: ${slug}\` and \`license_link: LICENSE\``, text, next, fileName);
}
