/** `card/misplaced-key`: move a top-level key (with its value) into the Cardwright section it belongs to. */
import { isMap } from 'yaml';
import { keyString, nodeAt } from '../cardDocument';
import { cardOf, dataString, fixFromText, FixProvider, pairLines, removePair, setKey } from './yamlEdits';

export const moveMisplacedKey: FixProvider = (text, finding, fileName) => {
  const key = dataString(finding, 'key');
  const section = dataString(finding, 'moveTo');
  const card = cardOf(text, fileName);
  if (!key || !section || !card) return [];
  const existing = nodeAt(card, [section]);
  if (isMap(existing) && existing.items.some((pair) => keyString(pair.key) === key)) return [];
  const moved = pairLines(card, [], key);
  const removed = removePair(card, [], key);
  const after = removed !== undefined ? cardOf(removed, fileName) : undefined;
  if (!moved || !after) return [];
  const head = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^#]*?)[ \t]*:(?:[ \t]+|$)/.exec(moved.lines[0]);
  if (!head) return [];
  const rest = moved.lines.slice(1);
  const indents = rest.filter((line) => line.trim()).map((line) => line.length - line.trimStart().length);
  const common = indents.length ? Math.min(...indents) : 0;
  const value = [moved.lines[0].slice(head[0].length), ...rest.map((line) => line.slice(Math.min(common, line.length)))];
  return fixFromText(`Move \`${key}\` into \`${section}\``, text, setKey(after, [section], key, value), fileName, true);
};
