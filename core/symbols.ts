/**
 * The card's outline (a tree of keys and list entries, named by what they hold) and its folding
 * ranges (every multi-line mapping, list and list entry, and a README's front matter block).
 * Works on whatever the YAML parser could read, so a half-written card still has an outline.
 */
import { isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import { CardDocument, keyString, parseCard } from './cardDocument';
import { locateCard, sourceKindOf } from './cardSource';
import { MAX_CARD_CHARS } from './analyzer';
import { withLfBreaks } from './lineIndex';

export type CardSymbolKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface CardSymbol {
  name: string;
  /** The value, shortened, for scalars; the entry count for lists. */
  detail?: string;
  kind: CardSymbolKind;
  /** The whole entry (file offsets). */
  start: number;
  end: number;
  /** The part to select: the key, or the entry's naming value. */
  selectionStart: number;
  selectionEnd: number;
  children: CardSymbol[];
}

/** A range to fold, in file offsets: the lines of `start` and `end` are the fold's first and last lines. */
export interface FoldingRange {
  start: number;
  end: number;
}

/** Keys that name a list entry in the outline, in order of preference. */
const NAMING_KEYS = ['id', 'name', 'type', 'text'];
const MAX_SYMBOLS = 20_000;

export function documentSymbols(text: string, fileName: string): CardSymbol[] {
  return documentSymbolsOf(cardOf(text, fileName));
}

/** The outline of an already parsed card (the server shares one parse per document version). */
export function documentSymbolsOf(card: CardDocument | undefined): CardSymbol[] {
  try {
    if (!card) return [];
    const budget = { left: MAX_SYMBOLS };
    const contents = card.doc.contents;
    const symbols = isMap(contents) ? mapSymbols(card, contents, budget) : isSeq(contents) ? seqSymbols(card, contents, budget) : [];
    return nest(symbols, 0, card.text.length);
  } catch {
    return [];
  }
}

/**
 * Every symbol inside its parent (the top level inside the text) and its selection inside itself,
 * whatever the parser's ranges say (an empty list entry, a key with no value at the end of a block).
 */
function nest(symbols: CardSymbol[], from: number, to: number): CardSymbol[] {
  return symbols.map((symbol) => {
    const start = Math.min(Math.max(symbol.start, from), to);
    const end = Math.min(Math.max(symbol.end, start), to);
    const selectionStart = Math.min(Math.max(symbol.selectionStart, start), end);
    const selectionEnd = Math.min(Math.max(symbol.selectionEnd, selectionStart), end);
    return { ...symbol, name: symbol.name.trim() ? symbol.name : '(empty)', start, end, selectionStart, selectionEnd, children: nest(symbol.children, start, end) };
  });
}

export function foldingRanges(text: string, fileName: string): FoldingRange[] {
  return foldingRangesOf(cardOf(text, fileName));
}

/** The folding ranges of an already parsed card. */
export function foldingRangesOf(card: CardDocument | undefined): FoldingRange[] {
  try {
    if (!card) return [];
    const ranges: FoldingRange[] = [];
    if (card.source.block) ranges.push({ start: card.source.block.start, end: card.source.block.end });
    const visit = (node: unknown, from: number | undefined): void => {
      if (ranges.length > MAX_SYMBOLS) return;
      if (isMap(node) || isSeq(node)) {
        if (from !== undefined && !node.flow) {
          const end = contentEnd(card, node);
          if (multiline(card.text, from, end)) ranges.push({ start: from, end });
        }
        if (isMap(node)) {
          for (const pair of node.items) if (isPair(pair)) visit(pair.value, offsetOf(card, pair.key as Node));
        } else {
          for (const item of node.items) visit(item, offsetOf(card, item as Node));
        }
      } else if (isScalar(node) && from !== undefined && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
        const end = contentEnd(card, node);
        if (multiline(card.text, from, end)) ranges.push({ start: from, end });
      }
    };
    visit(card.doc.contents, undefined);
    return ranges.filter((range) => range.start >= 0 && range.start <= range.end && range.end <= card.text.length);
  } catch {
    return [];
  }
}

function cardOf(fileText: string, fileName: string): CardDocument | undefined {
  if (fileText.length > MAX_CARD_CHARS) return undefined;
  const text = withLfBreaks(fileText);
  const source = locateCard(text, sourceKindOf(fileName) ?? 'yaml');
  return source ? parseCard(text, source) : undefined;
}

function mapSymbols(card: CardDocument, map: Node, budget: { left: number }): CardSymbol[] {
  if (!isMap(map)) return [];
  const out: CardSymbol[] = [];
  for (const pair of map.items) {
    if (!isPair(pair) || budget.left-- <= 0) break;
    const key = pair.key as Node | null;
    const name = keyString(pair.key);
    const keyStart = offsetOf(card, key);
    if (name === undefined || keyStart === undefined || !key?.range) continue;
    const value = pair.value as Node | null;
    const keyEnd = key.range[1] + card.source.offset;
    out.push({
      name: name || '(empty key)',
      ...describeValue(card, value, budget),
      start: keyStart,
      end: Math.max(keyEnd, value ? contentEnd(card, value) : keyEnd),
      selectionStart: keyStart,
      selectionEnd: keyEnd,
    });
  }
  return out;
}

function seqSymbols(card: CardDocument, seq: Node, budget: { left: number }): CardSymbol[] {
  if (!isSeq(seq)) return [];
  const out: CardSymbol[] = [];
  seq.items.forEach((item, index) => {
    if (budget.left-- <= 0) return;
    const node = item as Node | null;
    const start = offsetOf(card, node);
    if (!node || start === undefined) return;
    const described = describeValue(card, node, budget);
    const naming = isMap(node) ? NAMING_KEYS.map((k) => node.items.find((p) => isPair(p) && keyString(p.key) === k)).find((p) => p && isScalar(p.value)) : undefined;
    const label = isScalar(node) ? scalarText(node) : naming && isScalar(naming.value) ? scalarText(naming.value) : `[${index}]`;
    const selection = naming?.value && (naming.value as Node).range ? (naming.value as Node) : node;
    const selectionStart = offsetOf(card, selection) ?? start;
    out.push({
      ...described,
      name: label || `[${index}]`,
      detail: isScalar(node) ? undefined : described.detail,
      start,
      end: Math.max(start + 1, contentEnd(card, node)),
      selectionStart,
      selectionEnd: Math.max(selectionStart + 1, contentEnd(card, selection)),
    });
  });
  return out;
}

function describeValue(card: CardDocument, value: Node | null, budget: { left: number }): Pick<CardSymbol, 'kind' | 'detail' | 'children'> {
  if (isMap(value)) return { kind: 'object', children: mapSymbols(card, value, budget) };
  if (isSeq(value)) return { kind: 'array', detail: `${value.items.length} ${value.items.length === 1 ? 'entry' : 'entries'}`, children: seqSymbols(card, value, budget) };
  if (isScalar(value) && value.value !== null) {
    const kind = typeof value.value === 'number' ? 'number' : typeof value.value === 'boolean' ? 'boolean' : 'string';
    return { kind, detail: scalarText(value), children: [] };
  }
  return { kind: 'null', children: [] };
}

function scalarText(node: unknown): string {
  const text = isScalar(node) ? String(node.value ?? '') : '';
  const line = text.split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

function offsetOf(card: CardDocument, node: Node | null | undefined): number | undefined {
  return node?.range ? node.range[0] + card.source.offset : undefined;
}

/** End of a node's content: its range without trailing whitespace and line breaks (file offsets). */
function contentEnd(card: CardDocument, node: Node): number {
  const start = node.range ? node.range[0] + card.source.offset : card.source.offset;
  let end = node.range ? node.range[1] + card.source.offset : start;
  while (end > start && /\s/.test(card.text[end - 1])) end--;
  return end;
}

function multiline(text: string, start: number, end: number): boolean {
  const newline = text.indexOf('\n', start);
  return newline >= 0 && newline < end;
}
