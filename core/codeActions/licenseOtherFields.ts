/** `license: other` needs `license_name` and `license_link`; with another license they are ignored and can go. */
import { isMap } from 'yaml';
import { keyString } from '../cardDocument';
import { cardOf, dataString, fixFromText, FixProvider, insertAfterKey, removePair, setKey } from './yamlEdits';

const PLACEHOLDERS: Record<string, string> = { license_name: 'my-license', license_link: 'LICENSE' };

/** `license/other-incomplete`: adds the missing keys with placeholders, right after `license`. */
export const addLicenseNameAndLink: FixProvider = (text, finding, fileName) => {
  const missing = Array.isArray(finding.data?.missing) ? (finding.data.missing as unknown[]).filter((k): k is string => typeof k === 'string' && k in PLACEHOLDERS) : [];
  if (missing.length === 0) return [];
  let next: string | undefined = text;
  for (const key of [...missing].reverse()) {
    const card = cardOf(next, fileName);
    next = card ? (insertAfterKey(card, [], 'license', [`${key}: ${PLACEHOLDERS[key]}`]) ?? setKey(card, [], key, [PLACEHOLDERS[key]])) : undefined;
    if (next === undefined) return [];
  }
  return fixFromText(`Add ${missing.map((k) => `\`${k}: ${PLACEHOLDERS[k]}\``).join(' and ')} (replace the placeholders)`, text, next, fileName, true);
};

/** `license/name-without-other`: removes the key the Hub ignores. */
export const removeIgnoredLicenseKey: FixProvider = (text, finding, fileName) => {
  const key = dataString(finding, 'key');
  const card = cardOf(text, fileName);
  if (!key || !card || !isMap(card.doc.contents) || !card.doc.contents.items.some((p) => keyString(p.key) === key)) return [];
  return fixFromText(`Remove \`${key}\` (read only with \`license: other\`)`, text, removePair(card, [], key), fileName);
};
