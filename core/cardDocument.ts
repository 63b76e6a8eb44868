/**
 * A parsed card: the YAML tree with offsets into the file text, the plain value, and parse findings.
 * Parsing never fails: whatever the input, the result holds what could be read and the reasons why not.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, parseDocument, Scalar, YAMLError, YAMLMap } from 'yaml';
import { CardSource } from './cardSource';
import { Finding } from './finding';
import { atLineBoundary, withLfBreaks } from './lineIndex';
import { parseYamlDocument } from './yamlParse';

export type PathSegment = string | number;
export type Path = PathSegment[];

export interface Span {
  start: number;
  end: number;
}

export interface CardDocument {
  /** The file text. */
  text: string;
  source: CardSource;
  doc: Document.Parsed;
  /** The card as plain data (undefined when the YAML could not be turned into data). */
  value: unknown;
  /** YAML syntax and resource findings, already in file offsets. */
  findings: Finding[];
}

/** Above this many aliases expanded, the YAML is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

/** Deeper YAML is refused: no card nests this deep, and the parser recurses per level. */
export const MAX_NESTING_DEPTH = 64;
/** Syntax errors shown at most; a broken file must not flood the Problems panel. */
const MAX_SYNTAX_FINDINGS = 25;

export function parseCard(fileText: string, fileSource: CardSource): CardDocument {
  // Bare CRs become LFs (same length): the parser, the cursor helpers and LSP then agree on lines.
  const text = withLfBreaks(fileText);
  const source: CardSource = { ...fileSource, yaml: withLfBreaks(fileSource.yaml) };
  const findings: Finding[] = [];
  let doc: Document.Parsed;
  try {
    const parsed = parseYamlDocument(source.yaml, MAX_NESTING_DEPTH);
    doc = parsed.doc;
    if (parsed.tooDeepAt !== undefined) {
      const at = source.offset + parsed.tooDeepAt;
      findings.push({
        code: 'yaml/too-deep',
        severity: 'error',
        message: `The YAML nests more than ${MAX_NESTING_DEPTH} levels deep here; Cardwright does not read it further.`,
        ...clampSpan(text, at, at + 1),
      });
      return { text, source, doc, value: undefined, findings };
    }
  } catch (error) {
    // The parser is not recursive and the depth is bounded, but guard anyway: a crash must become a finding.
    doc = parseDocument('');
    findings.push({
      code: 'yaml/unreadable',
      severity: 'error',
      message: `The YAML could not be read: ${describe(error)}.`,
      ...clampSpan(text, source.offset, source.offset + firstLineLength(source.yaml)),
    });
  }
  const syntaxErrors = oneErrorPerPlace(doc.errors);
  for (const { error, from, to } of syntaxErrors.slice(0, MAX_SYNTAX_FINDINGS)) {
    const keyEnd = error.code === 'DUPLICATE_KEY' ? from + keyLength(source.yaml, from) : Math.max(to, from + 1);
    findings.push({
      code: error.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
      severity: 'error',
      message: error.code === 'DUPLICATE_KEY' ? duplicateKeyMessage(source.yaml, from, keyEnd) : syntaxMessage(error),
      ...clampSpan(text, source.offset + from, source.offset + keyEnd),
      data: { yamlCode: error.code },
    });
  }
  if (syntaxErrors.length > MAX_SYNTAX_FINDINGS) {
    const { from } = syntaxErrors[MAX_SYNTAX_FINDINGS];
    findings.push({
      code: 'yaml/syntax',
      severity: 'error',
      message: `${syntaxErrors.length - MAX_SYNTAX_FINDINGS} more YAML syntax errors follow; fix the first ones and check again.`,
      ...clampSpan(text, source.offset + from, source.offset + from + 1),
    });
  }
  for (const warning of doc.warnings) {
    const [from, to] = warning.pos;
    findings.push({
      code: 'yaml/warning',
      severity: 'warning',
      message: cleanYamlMessage(warning.message),
      ...clampSpan(text, source.offset + from, source.offset + Math.max(to, from + 1)),
    });
  }
  const complexKey = firstComplexKey(doc.contents);
  if (complexKey?.range) {
    const raw = source.yaml.slice(complexKey.range[0], complexKey.range[1]);
    findings.push({
      code: 'yaml/complex-key',
      severity: 'error',
      message: /\{\{|\{%/.test(raw) || /^\{\s*\w+\s*\}$/.test(raw.trim())
        ? `\`${raw.trim()}\` looks like an unrendered template placeholder; card keys must be plain strings.`
        : 'Card keys must be plain strings, not lists or mappings.',
      ...clampSpan(text, source.offset + complexKey.range[0], source.offset + Math.max(complexKey.range[1], complexKey.range[0] + 1)),
    });
  }
  let value: unknown;
  if (doc.errors.length === 0 && !complexKey) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const alias = firstAliasSpan(doc);
      findings.push({
        code: /alias/i.test(describe(error)) ? 'yaml/alias-limit' : 'yaml/unreadable',
        severity: 'error',
        message: /alias/i.test(describe(error))
          ? `Aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}); the card is not read further.`
          : `The YAML could not be turned into data: ${describe(error)}.`,
        ...clampSpan(text, source.offset + (alias?.start ?? 0), source.offset + (alias?.end ?? firstLineLength(source.yaml))),
      });
    }
  }
  return { text, source, doc, value, findings };
}

/** The YAML node at a path (map keys and sequence indices), or undefined. */
export function nodeAt(card: CardDocument, path: Path): Node | undefined {
  let node: unknown = card.doc.contents;
  for (const segment of path) {
    if (isMap(node)) {
      node = pairOf(node, String(segment))?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      return undefined;
    }
  }
  return node as Node | undefined;
}

/** The key node of the last segment of a map path, or undefined. */
export function keyNodeAt(card: CardDocument, path: Path): Node | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAt(card, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  return pairOf(parent, String(path[path.length - 1]))?.key as Node | undefined;
}

/** Pairs by key string per mapping, built on first look-up: a path look-up costs its depth, not the mapping's size. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The first pair of a mapping with this key (as a string), or undefined. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const name = keyString(item.key);
      if (name !== undefined && !index.has(name)) index.set(name, item as Pair);
    }
    pairIndexes.set(map, index);
  }
  return index.get(key);
}

/** Span in file offsets of a node's value (for collections: its first line only, never the whole block). */
export function spanOfNode(card: CardDocument, node: Node | undefined | null): Span | undefined {
  if (!node || !node.range) return undefined;
  let [start] = node.range;
  const valueEnd = node.range[1];
  // Start at the value itself, after any anchor (`&name`) or tag (`!!str`) properties.
  const yaml = card.source.yaml;
  while ((yaml[start] === '&' || yaml[start] === '!') && start < valueEnd) {
    while (start < valueEnd && !/\s/.test(yaml[start])) start++;
    while (start < valueEnd && /\s/.test(yaml[start])) start++;
  }
  let end = valueEnd;
  if (isMap(node) || isSeq(node)) {
    const newline = card.source.yaml.indexOf('\n', start);
    if (newline >= 0 && newline < end) end = newline;
    if (end > start && card.source.yaml.charCodeAt(end - 1) === 13) end -= 1;
  }
  if (end <= start) end = start + 1;
  return { start: card.source.offset + start, end: card.source.offset + end };
}

/**
 * The best place to report something about a path: the key for map entries when `part` is 'key',
 * else the value; falls back to the nearest ancestor that exists. Never the whole document.
 */
export function rangeOfPath(card: CardDocument, path: Path, part: 'key' | 'value' = 'value'): Span {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    const wantKey = part === 'key' || length < path.length;
    if (wantKey && typeof prefix[prefix.length - 1] === 'string') {
      const key = spanOfNode(card, keyNodeAt(card, prefix));
      if (key) return key;
    }
    const value = spanOfNode(card, nodeAt(card, prefix));
    if (value && (length > 0 || path.length === 0)) return value;
  }
  return firstKeySpan(card);
}

/** The first key of the document, or its first line: where document-level findings go. */
export function firstKeySpan(card: CardDocument): Span {
  const contents = card.doc.contents;
  if (isMap(contents) && contents.items.length > 0) {
    const span = spanOfNode(card, contents.items[0].key as Node);
    if (span) return span;
  }
  const yaml = card.source.yaml;
  let start = 0;
  while (start < yaml.length && /\s/.test(yaml[start])) start++;
  return { start: card.source.offset + start, end: card.source.offset + start + Math.max(1, firstLineLength(yaml.slice(start))) };
}

export function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String((key as Scalar).value);
  return undefined;
}

/** Plain-data lookup by path. */
export function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}

function firstComplexKey(root: unknown): Node | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const item of node.items) {
        if (item.key !== null && !isScalar(item.key) && !isAlias(item.key)) return item.key as Node;
        stack.push(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

function firstAliasSpan(doc: Document.Parsed): Span | undefined {
  let found: Span | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (isAlias(node)) {
      if (node.range) found = { start: node.range[0], end: node.range[1] };
      return;
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items) visit(item);
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    }
  };
  visit(doc.contents);
  return found;
}

/** Length of the mapping key that starts at `from` (plain or quoted), at least 1. */
function keyLength(yaml: string, from: number): number {
  const match = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:#\n]*?)\s*:(\s|$)/.exec(yaml.slice(from, from + 1024));
  return Math.max(1, match ? match[1].length : 1);
}

function duplicateKeyMessage(yaml: string, from: number, to: number): string {
  const key = yaml.slice(from, Math.max(to, from + 1)).trim();
  return key ? `The key \`${key}\` appears more than once in this mapping; the Hub rejects duplicate keys.` : 'A key appears more than once in this mapping.';
}

/** yaml's messages end with " at line L, column C:" and a code excerpt; the editor shows the place itself. */
/**
 * One finding per real problem: the parser reports some mistakes twice at the same place (a key
 * indented under a value gives BLOCK_AS_IMPLICIT_KEY and MULTILINE_IMPLICIT_KEY); the first error
 * at a place is kept, stretched to cover the others.
 */
function oneErrorPerPlace(errors: readonly YAMLError[]): Array<{ error: YAMLError; from: number; to: number }> {
  const byStart = new Map<number, { error: YAMLError; from: number; to: number }>();
  for (const error of errors) {
    const [from, to] = error.pos;
    const kept = byStart.get(from);
    if (!kept) byStart.set(from, { error, from, to });
    else if (kept.error.code !== 'DUPLICATE_KEY') kept.to = Math.max(kept.to, to);
  }
  return [...byStart.values()];
}

/** The parser's message, or a plainer one where the parser's wording is about its internals. */
function syntaxMessage(error: YAMLError): string {
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    return 'A key has a value on its line and more indented lines below it: indent the next key like this one, or move the value below the key.';
  }
  return cleanYamlMessage(error.message);
}

function cleanYamlMessage(message: string): string {
  const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
  return firstLine.endsWith('.') ? firstLine : `${firstLine}.`;
}

/**
 * A span inside the text, its ends where LSP can name them (never inside a CRLF): the parser
 * reports some errors one past the end (`a: [` at end of file).
 * A span that would be empty covers the character before it when that is not a line break.
 */
export function clampSpan(text: string, start: number, end: number): Span {
  const e = atLineBoundary(text, Math.max(0, Math.min(end, text.length)));
  let s = atLineBoundary(text, Math.max(0, Math.min(start, e)));
  if (s === e && s > 0 && s === text.length && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return { start: s, end: e };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

function firstLineLength(text: string): number {
  const newline = text.indexOf('\n');
  return Math.max(1, newline < 0 ? text.length : newline);
}
