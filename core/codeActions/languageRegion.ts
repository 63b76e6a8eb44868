/** `hub/language-code`: `es-ES` → `es`, `pt_BR` → `pt`, `EN` → `en`; a code already listed is removed instead. */
import { isSeq } from 'yaml';
import { nodeAt, Path } from '../cardDocument';
import { cardOf, dataString, fixFromText, FixProvider, removeItem, spanHolds } from './yamlEdits';

export const stripLanguageRegion: FixProvider = (text, finding, fileName) => {
  const value = dataString(finding, 'value');
  if (value === undefined || !spanHolds(text, finding, value)) return [];
  const base = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$/.exec(value.trim())?.[1].toLowerCase();
  if (!base || base === value) return [];
  const path = Array.isArray(finding.data?.path) ? (finding.data.path as Path) : ['language'];
  const index = path[path.length - 1];
  const card = cardOf(text, fileName);
  const list = card && typeof index === 'number' ? nodeAt(card, path.slice(0, -1)) : undefined;
  if (card && isSeq(list) && typeof index === 'number' && list.items.some((item, i) => i !== index && String((item as { value?: unknown }).value) === base)) {
    return fixFromText(`Remove \`${value}\` (\`${base}\` is already listed)`, text, removeItem(card, path.slice(0, -1), index), fileName, true);
  }
  return [{ title: `Change \`${value}\` to \`${base}\` (the Hub takes no region suffix)`, edits: [{ start: finding.start, end: finding.end, text: base }], isPreferred: true }];
};
