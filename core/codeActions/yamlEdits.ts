/**
 * Text edits on a card's YAML that keep its formatting: set a key in a (possibly missing) section,
 * append a list item, remove a pair or a list item. Each works on the file text and returns the new
 * text (or undefined when the YAML is not in a shape it can edit safely); a fix turns the change
 * into one minimal edit with `diffEdit`, so that undo takes it back in one step.
 */
import { isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { CardDocument, keyString, nodeAt, parseCard, Path } from '../cardDocument';
import { locateCard, sourceKindOf } from '../cardSource';
import { Finding, TextEdit } from '../finding';

export interface QuickFix {
  title: string;
  /** Edits in file offsets, applied together. */
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Files (relative to the card's folder) the fix creates, empty; the adapter turns them into file operations. */
  createFiles?: string[];
}

/** A fix for one finding: a pure function of the file text and the finding. */
export type FixProvider = (text: string, finding: Finding, fileName?: string) => QuickFix[];

/**
 * The card in a text. The last two parses are kept: the fixes for one request read the same text
 * many times (each provider, each finding of a "fix all"), alternating with the texts they check.
 */
export function cardOf(text: string, fileName = 'model-card.yaml'): CardDocument | undefined {
  const kind = sourceKindOf(fileName) ?? 'yaml';
  const hit = recentCards.find((entry) => entry.text === text && entry.kind === kind);
  if (hit) return hit.card;
  const source = locateCard(text, kind);
  const card = source ? parseCard(text, source) : undefined;
  recentCards.unshift({ text, kind, card });
  recentCards.length = Math.min(recentCards.length, 2);
  return card;
}

const recentCards: { text: string; kind: string; card: CardDocument | undefined }[] = [];

/** The one edit that turns `before` into `after` (common prefix and suffix left alone). */
export function diffEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never between the CR and LF of a line break: LSP has no position there.
  if (start > 0 && before[start - 1] === '\r' && before[start] === '\n' && start <= endBefore && start <= endAfter) start--;
  if (before[endBefore - 1] === '\r' && before[endBefore] === '\n' && after[endAfter] === '\n') {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

/** A fix from a new text, or nothing when the text did not change or no longer parses. */
export function fixFromText(title: string, before: string, after: string | undefined, fileName?: string, isPreferred?: boolean): QuickFix[] {
  if (after === undefined || after === before) return [];
  const card = cardOf(after, fileName);
  if (card && card.doc.errors.length > 0) return [];
  return [{ title, edits: [diffEdit(before, after)], ...(isPreferred ? { isPreferred } : {}) }];
}

export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** End of the line holding `offset`, before its line break. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** Offset just after the last non-space character of a node's value (file offsets). */
function contentEnd(card: CardDocument, node: Node | null | undefined, fallback: number): number {
  let end = node?.range ? node.range[1] + card.source.offset : fallback;
  while (end > 0 && /\s/.test(card.text[end - 1])) end--;
  return end;
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((item) => isPair(item) && keyString(item.key) === key) as Pair<Node, Node | null> | undefined;
}

function mapAt(card: CardDocument, path: Path): YAMLMap | undefined {
  const node = path.length === 0 ? card.doc.contents : nodeAt(card, path);
  return isMap(node) ? node : undefined;
}

function indentLines(lines: string[], column: number, newline: string): string {
  return lines.map((line) => ' '.repeat(column) + line).join(newline);
}

/** Inserts block lines as new entries at the end of a block mapping (or as the root's last keys). */
function appendToMap(card: CardDocument, map: YAMLMap | undefined, lines: string[], parentColumn: number): string | undefined {
  const text = card.text;
  const newline = newlineOf(text);
  if (map && map.flow) {
    if (lines.length !== 1 || !map.range) return undefined;
    const close = card.source.offset + map.range[1] - 1;
    if (text[close] !== '}') return undefined;
    let at = close;
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    const separator = map.items.length > 0 ? ', ' : '';
    return text.slice(0, at) + separator + lines[0] + text.slice(at);
  }
  if (!map || map.items.length === 0) return undefined;
  const first = map.items[0].key as Node;
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null>;
  if (!first?.range) return undefined;
  const column = columnOf(text, first.range[0] + card.source.offset);
  if (column < parentColumn) return undefined;
  const at = lineEnd(text, contentEnd(card, last.value ?? last.key, card.source.offset));
  return text.slice(0, at) + newline + indentLines(lines, column, newline) + text.slice(at);
}

/**
 * Sets `key` in the mapping at `path` to the block `value` lines (the first line follows `key:`,
 * further lines are relative to the key). Creates missing sections on the way; replaces an empty
 * or scalar value of an existing key. Returns the new file text.
 */
export function setKey(card: CardDocument, path: Path, key: string, value: string[]): string | undefined {
  const text = card.text;
  const newline = newlineOf(text);
  const nest = (segments: Path, lines: string[]) =>
    segments.reduceRight<string[]>((inner, segment) => [`${String(segment)}:`, ...inner.map((l) => `  ${l}`)], lines);
  const entry = [`${key}:${value[0] ? ` ${value[0]}` : ''}`, ...value.slice(1).map((l) => `  ${l}`)];
  // The deepest mapping that exists on the path.
  let depth = path.length;
  while (depth > 0 && !mapAt(card, path.slice(0, depth))) depth--;
  const map = mapAt(card, path.slice(0, depth));
  if (depth === path.length && map) {
    const existing = pairOf(map, key);
    if (existing) return replacePairValue(card, existing, value);
  }
  const child = depth < path.length ? nodeAt(card, path.slice(0, depth + 1)) : undefined;
  const childIsEmpty = isScalar(child) && child.value === null;
  if (depth < path.length && child !== undefined && !childIsEmpty) return undefined;
  if (childIsEmpty) {
    // The section's key is there with nothing under it (`dpia:`): write the entries below it.
    const holder = keyNodeOf(card, path.slice(0, depth + 1));
    if (!holder?.range) return undefined;
    const column = columnOf(text, holder.range[0] + card.source.offset) + 2;
    const at = lineEnd(text, holder.range[1] + card.source.offset);
    return text.slice(0, at) + newline + indentLines(nest(path.slice(depth + 1), entry), column, newline) + text.slice(at);
  }
  const lines = nest(path.slice(depth), entry);
  if (map && map.items.length > 0) {
    const parentKey = depth > 0 ? keyNodeOf(card, path.slice(0, depth)) : undefined;
    const parentColumn = parentKey?.range ? columnOf(text, parentKey.range[0] + card.source.offset) + 1 : 0;
    return appendToMap(card, map, lines, parentColumn);
  }
  const contents = card.doc.contents;
  if (depth === 0 && (contents === null || (isScalar(contents) && contents.value === null))) {
    const yamlEnd = card.source.offset + card.source.yaml.length;
    const prefix = card.source.yaml.length > 0 && !card.source.yaml.endsWith('\n') ? newline : '';
    return text.slice(0, yamlEnd) + prefix + lines.join(newline) + newline + text.slice(yamlEnd);
  }
  return map ? appendToMap(card, map, lines, 0) : undefined;
}

/** Inserts `lines` (entries of the same mapping) on the lines right after the entry `afterKey` at `path`. */
export function insertAfterKey(card: CardDocument, path: Path, afterKey: string, lines: string[]): string | undefined {
  const map = mapAt(card, path);
  const pair = map && !map.flow ? pairOf(map, afterKey) : undefined;
  if (!pair?.key.range) return undefined;
  const text = card.text;
  const newline = newlineOf(text);
  const start = pair.key.range[0] + card.source.offset;
  const at = lineEnd(text, contentEnd(card, pair.value ?? pair.key, start));
  return text.slice(0, at) + newline + indentLines(lines, columnOf(text, start), newline) + text.slice(at);
}

function keyNodeOf(card: CardDocument, path: Path): Node | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? card.doc.contents : nodeAt(card, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  return pairOf(parent, String(path[path.length - 1]))?.key ?? undefined;
}

function replacePairValue(card: CardDocument, pair: Pair<Node, Node | null>, value: string[]): string | undefined {
  const text = card.text;
  const newline = newlineOf(text);
  const keyStart = pair.key.range![0] + card.source.offset;
  const column = columnOf(text, keyStart);
  const start = pair.key.range![1] + card.source.offset;
  const end = contentEnd(card, pair.value, start);
  const colon = text.indexOf(':', start);
  if (colon < 0 || !/^[ \t]*:/.test(text.slice(start))) return undefined;
  const rest = value.slice(1).map((l) => ' '.repeat(column + 2) + l);
  const written = `:${value[0] ? ` ${value[0]}` : ''}${rest.length ? newline + rest.join(newline) : ''}`;
  return text.slice(0, start) + written + text.slice(Math.max(end, colon + 1));
}

/** Appends an item (block lines; the first follows `- `) to the list at `path`, creating the list if absent. */
export function appendItem(card: CardDocument, path: Path, item: string[]): string | undefined {
  const text = card.text;
  const newline = newlineOf(text);
  const seq = nodeAt(card, path);
  if (!isSeq(seq)) {
    if (seq !== undefined && seq !== null && !(isScalar(seq) && seq.value === null)) return undefined;
    return setKey(card, path.slice(0, -1), String(path[path.length - 1]), ['', `- ${item[0]}`, ...item.slice(1).map((l) => `  ${l}`)]);
  }
  if (seq.flow) {
    if (item.length !== 1 || !seq.range) return undefined;
    const close = card.source.offset + seq.range[1] - 1;
    if (text[close] !== ']') return undefined;
    let at = close;
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    const written = /^[^\s{[\]"']+:\s/.test(item[0]) ? `{${item[0]}}` : item[0];
    return text.slice(0, at) + (seq.items.length ? ', ' : '') + written + text.slice(at);
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!last?.range || !seq.range) return undefined;
  const column = columnOf(text, seq.range[0] + card.source.offset);
  const at = lineEnd(text, contentEnd(card, last, last.range[0] + card.source.offset));
  const lines = [`- ${item[0]}`, ...item.slice(1).map((l) => `  ${l}`)];
  return text.slice(0, at) + newline + indentLines(lines, column, newline) + text.slice(at);
}

/** Removes the entry `key` (with its whole value) from the block mapping at `path`. */
export function removePair(card: CardDocument, path: Path, key: string): string | undefined {
  const map = mapAt(card, path);
  const pair = map && !map.flow ? pairOf(map, key) : undefined;
  if (!pair?.key.range) return undefined;
  return cutLines(card, pair.key.range[0] + card.source.offset, contentEnd(card, pair.value ?? pair.key, pair.key.range[1] + card.source.offset));
}

/** The text of a block pair's lines and its column, for moving it elsewhere. */
export function pairLines(card: CardDocument, path: Path, key: string): { lines: string[]; column: number } | undefined {
  const map = mapAt(card, path);
  const pair = map && !map.flow ? pairOf(map, key) : undefined;
  if (!pair?.key.range) return undefined;
  const start = pair.key.range[0] + card.source.offset;
  const column = columnOf(card.text, start);
  const end = lineEnd(card.text, contentEnd(card, pair.value ?? pair.key, start));
  const lines = card.text.slice(start - column, end).split(/\r?\n/).map((line) => line.slice(Math.min(column, line.length - line.trimStart().length)));
  return { lines, column };
}

/** Removes item `index` of the list at `path`; the last item leaves an empty flow list `[]`. */
export function removeItem(card: CardDocument, path: Path, index: number): string | undefined {
  const seq = nodeAt(card, path);
  if (!isSeq(seq)) return undefined;
  const item = seq.items[index] as Node | undefined;
  if (!item?.range || !seq.range) return undefined;
  const text = card.text;
  const at = (offset: number) => offset + card.source.offset;
  if (seq.items.length === 1) {
    const start = at(seq.range[0]);
    const end = seq.flow ? at(seq.range[1]) : contentEnd(card, seq, start);
    const before = text.lastIndexOf(':', start);
    const from = seq.flow ? start : before + 1;
    return text.slice(0, from) + (seq.flow ? '[]' : ' []') + text.slice(end);
  }
  if (seq.flow) {
    const next = seq.items[index + 1] as Node | undefined;
    const previous = seq.items[index - 1] as Node | undefined;
    if (next?.range) return text.slice(0, at(item.range[0])) + text.slice(at(next.range[0]));
    if (previous?.range) return text.slice(0, contentEnd(card, previous, at(previous.range[0]))) + text.slice(contentEnd(card, item, at(item.range[0])));
    return undefined;
  }
  const dash = text.lastIndexOf('-', at(item.range[0]));
  return cutLines(card, dash, contentEnd(card, item, at(item.range[0])));
}

/** Removes whole lines from the one holding `start` to the one holding `end`, with one line break. */
function cutLines(card: CardDocument, start: number, end: number): string {
  const text = card.text;
  let from = text.lastIndexOf('\n', start - 1) + 1;
  let to = lineEnd(text, end);
  if (text[to] === '\r') to++;
  if (text[to] === '\n') to++;
  else if (from > 0) {
    // The last line of the text: take the line break before it instead.
    from--;
    if (text[from - 1] === '\r') from--;
  }
  return text.slice(0, from) + text.slice(to);
}

/** Replaces a scalar node's text. */
export function replaceScalar(card: CardDocument, node: Node, written: string): string | undefined {
  if (!node.range) return undefined;
  const start = node.range[0] + card.source.offset;
  return card.text.slice(0, start) + written + card.text.slice(contentEnd(card, node, start));
}

/** The path of the scalar node that starts at file offset `offset` under `root`, if any. */
export function pathOfScalarAt(card: CardDocument, root: Path, offset: number): Path | undefined {
  const target = offset - card.source.offset;
  const visit = (node: unknown, path: Path): Path | undefined => {
    if (isScalar(node)) return node.range && node.range[0] <= target && target < Math.max(node.range[1], node.range[0] + 1) ? path : undefined;
    if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const found = visit(node.items[i], [...path, i]);
        if (found) return found;
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const found = isPair(pair) ? visit(pair.value, [...path, keyString(pair.key) ?? '']) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(root.length ? nodeAt(card, root) : card.doc.contents, root);
}

export function isSeqNode(node: unknown): node is YAMLSeq {
  return isSeq(node);
}

/** A string of `data`, or undefined. */
export function dataString(finding: Finding, key: string): string | undefined {
  const value = finding.data?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** Whether the finding's span still holds `expected` (plain or quoted): the text has not moved since. */
export function spanHolds(text: string, finding: Finding, expected: string): boolean {
  const here = text.slice(finding.start, finding.end);
  return here === expected || here === `"${expected}"` || here === `'${expected}'`;
}
