/** Did-you-mean for a misspelled key: rename it to the suggested key (unless that key is already there). */
import { isMap } from 'yaml';
import { keyString, nodeAt, Path } from '../cardDocument';
import { cardOf, dataString, FixProvider, spanHolds } from './yamlEdits';

export const renameKey: FixProvider = (text, finding, fileName) => {
  const key = dataString(finding, 'key');
  const suggestion = dataString(finding, 'suggestion');
  if (!key || !suggestion || !spanHolds(text, finding, key)) return [];
  const parent = Array.isArray(finding.data?.path) ? (finding.data.path as Path) : [];
  const card = cardOf(text, fileName);
  const map = card ? (parent.length ? nodeAt(card, parent) : card.doc.contents) : undefined;
  if (isMap(map) && map.items.some((pair) => keyString(pair.key) === suggestion)) return [];
  return [{ title: `Rename \`${key}\` to \`${suggestion}\``, edits: [{ start: finding.start, end: finding.end, text: suggestion }], isPreferred: true }];
};
