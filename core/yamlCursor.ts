/**
 * Where the cursor is in a card's YAML, read from the text around it rather than from a parse tree,
 * so that it works mid-typing in YAML that does not parse: the path of the mapping or value at the
 * cursor (from the indentation of the lines above), the partial word, and what is already there.
 */
import { Path } from './cardDocument';

export interface CursorContext {
  /** key: a key is being typed; value: a value; item: right after `- ` (key or value depending on the list). */
  kind: 'key' | 'value' | 'item';
  /** key: the mapping's path; value and item: the value's path. */
  path: Path;
  /** The partial word to replace (YAML offsets). */
  word: { start: number; end: number; text: string };
  /** Column of the key being typed (key), or of the entry's key or list item (value). */
  column: number;
  /** A `:` already follows the key being typed. */
  hasColon: boolean;
  /** The word follows `- ` on its line. */
  afterDash: boolean;
  /** The cursor is right after `key:`: a value needs a leading space. */
  needsSpace: boolean;
  /** Column of the `- ` of the list item holding the value, if any. */
  dashColumn?: number;
  /** Values already in the flow list `[...]` the cursor is in. */
  flowValues?: string[];
  /** The YAML text and the start of the cursor's line in it. */
  yaml: string;
  lineStart: number;
}

interface LineShape {
  indent: number;
  dashes: number[];
  key?: string;
  keyStart: number;
  keyEnd: number;
  /** Offset in the line just after the key's colon. */
  afterColon: number;
  /** First column after indentation and dashes. */
  content: number;
  blank: boolean;
}

// The plain-key branch takes trailing blanks into the key (trimmed below): a separate `[ \t]*` before
// the colon would make a long run of blanks quadratic.
const KEY = /^(?:("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*|([^\s#'"[\]{},][^#]*?)):(?=[ \t]|$)/;

/** Paths deeper than this are not completed: the parser refuses such nesting anyway. */
const MAX_PATH = 64;

/** Lines are read up to this many characters: longer ones hold no key or value worth completing. */
const MAX_LINE = 4000;

function shapeLine(fullLine: string): LineShape {
  const line = fullLine.length > MAX_LINE ? fullLine.slice(0, MAX_LINE) : fullLine;
  let i = 0;
  while (line[i] === ' ') i++;
  const indent = i;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  const blank = i >= line.length || (line[i] === '#' && dashes.length === 0) || (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(line));
  const match = KEY.exec(line.slice(i));
  const shape: LineShape = { indent, dashes, keyStart: i, keyEnd: i, afterColon: -1, content: i, blank };
  if (match) {
    const written = match[1] ?? match[2];
    const raw = written.trim();
    shape.key = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    shape.keyEnd = i + written.trimEnd().length;
    shape.afterColon = i + match[0].length;
  }
  return shape;
}

/**
 * Start of the line before the one starting at `lineStart`, or -1: always less than `lineStart`,
 * so that every walk up the lines ends (a text starting with a line break has an empty line 0).
 */
export function previousLine(text: string, lineStart: number): number {
  if (lineStart <= 0) return -1;
  if (lineStart === 1) return 0;
  return text.lastIndexOf('\n', lineStart - 2) + 1;
}

/** Start of the line after the one starting at `lineStart`, or -1: always greater than `lineStart`. */
export function nextLine(text: string, lineStart: number): number {
  const newline = text.indexOf('\n', Math.max(0, lineStart));
  return newline < 0 ? -1 : newline + 1;
}

function lineAt(text: string, lineStart: number): string {
  const newline = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, newline < 0 ? text.length : newline);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Leading spaces of the line at `lineStart`; a blank or comment line counts as infinitely indented. */
function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32) i++;
  const code = text.charCodeAt(i);
  return Number.isNaN(code) || code === 10 || code === 13 || code === 35 ? Infinity : i - lineStart;
}

/**
 * The path of the entry that starts at `column` on the line at `lineStart`, from the lines above it.
 * List positions are written as 0: every entry of a list has the same schema, and counting them
 * would mean reading a long list from its start on every keystroke.
 */
function ancestors(text: string, lineStart: number, column: number, afterDash: boolean): Path | undefined {
  const path: Path = [];
  let c = column;
  let allowEqualKey = afterDash;
  for (let l = previousLine(text, lineStart); l >= 0 && (c > 0 || allowEqualKey); l = previousLine(text, l)) {
    const indent = indentOf(text, l);
    if (indent > c || (indent === c && !allowEqualKey)) continue;
    const s = shapeLine(lineAt(text, l));
    if (s.blank) {
      if (indent === 0 && /^(---|\.\.\.)/.test(lineAt(text, l))) break;
      continue;
    }
    const anchors: { col: number; key?: string }[] = s.dashes.map((col) => ({ col }));
    if (s.key !== undefined) anchors.push({ col: s.keyStart, key: s.key });
    for (let a = anchors.length - 1; a >= 0; a--) {
      const anchor = anchors[a];
      if (anchor.key !== undefined ? anchor.col < c || (allowEqualKey && anchor.col === c) : anchor.col < c) {
        path.unshift(anchor.key ?? 0);
        allowEqualKey = anchor.key === undefined;
        c = anchor.col;
        // Deeper than any card may nest (the parser refuses it too): no path worth completing.
        if (path.length > MAX_PATH) return undefined;
      }
    }
  }
  return path;
}

/** The completion context at `position` (an offset in `yaml`), or undefined in comments and prose. */
export function cursorContext(yaml: string, position: number): CursorContext | undefined {
  const lineStart = yaml.lastIndexOf('\n', position - 1) + 1;
  let lineEnd = yaml.indexOf('\n', position);
  if (lineEnd < 0) lineEnd = yaml.length;
  if (lineEnd - lineStart > MAX_LINE) return undefined;
  const lineText = yaml.slice(lineStart, lineEnd).replace(/\r$/, '');
  const col = position - lineStart;
  const before = lineText.slice(0, col);
  if (/(^|\s)#/.test(before.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""'))) return undefined;
  const s = shapeLine(lineText);
  const afterDash = s.dashes.length > 0 && col > s.dashes[s.dashes.length - 1];
  if (afterDash && lineText[s.content - 1] === '-') return undefined; // `-` just typed: the space comes first
  const entryColumn = afterDash ? s.content : col < s.indent ? col : s.indent;
  // Between a dash and the entry after it (`-| id: x`): nothing can be typed there.
  if (col < entryColumn) return undefined;
  const outer = s.dashes.length > 0 && col > s.dashes[0] ? s.dashes[0] : entryColumn;
  const base = ancestors(yaml, lineStart, outer, outer !== entryColumn || afterDash);
  if (!base) return undefined;
  if (outer !== entryColumn || afterDash) base.push(...s.dashes.map(() => 0));
  const common = { yaml, lineStart, afterDash, hasColon: false, needsSpace: false };
  if (s.key !== undefined && col >= s.afterColon) {
    // A value after `key:`.
    const path = [...base, s.key];
    const rest = lineText.slice(s.afterColon);
    const valueStart = s.afterColon + (rest.length - rest.trimStart().length);
    const dashColumn = s.dashes.length > 0 ? s.dashes[s.dashes.length - 1] : undefined;
    if (lineText[valueStart] === '[') return flowContext(lineText, lineStart, col, valueStart, path, { ...common, column: s.keyStart, dashColumn });
    if (/^[{|>&*!]/.test(lineText[valueStart] ?? '')) return undefined;
    const comment = lineText.slice(valueStart).search(/(^|\s)#/);
    let end = comment < 0 ? lineText.length : valueStart + comment;
    while (end > valueStart && /\s/.test(lineText[end - 1])) end--;
    let start = Math.min(valueStart, col);
    if (/["']/.test(lineText[start] ?? '') && col > start) {
      start++;
      if (end > start && lineText[end - 1] === lineText[start - 1]) end--;
    }
    if (col > end) end = col;
    const needsSpace = col === s.afterColon;
    return { ...common, kind: 'value', path, column: s.keyStart, needsSpace, word: word(lineText, lineStart, needsSpace ? col : start, needsSpace ? col : end) };
  }
  // A key (or a list item) being typed: a word of key characters up to the cursor.
  if (!/^[\w.-]*$/.test(lineText.slice(entryColumn, col))) return undefined;
  let end = col;
  while (end < lineText.length && /[\w.-]/.test(lineText[end])) end++;
  const hasColon = /^\s*:(\s|$)/.test(lineText.slice(end));
  return {
    ...common,
    kind: afterDash && !hasColon ? 'item' : 'key',
    hasColon,
    path: base,
    column: entryColumn,
    dashColumn: afterDash ? s.dashes[s.dashes.length - 1] : undefined,
    word: word(lineText, lineStart, entryColumn, end),
  };
}

function flowContext(lineText: string, lineStart: number, col: number, open: number, path: Path, common: Omit<CursorContext, 'kind' | 'path' | 'word'>): CursorContext | undefined {
  const close = lineText.indexOf(']', open);
  if (close >= 0 && col > close) return undefined;
  const inside = lineText.slice(open + 1, close < 0 ? lineText.length : close);
  const items = inside.split(',');
  const upToCursor = lineText.slice(open + 1, col).split(',');
  const index = upToCursor.length - 1;
  let start = col - upToCursor[index].length;
  while (start < col && lineText[start] === ' ') start++;
  let end = col;
  while (end < lineText.length && !/[,\]\s#]/.test(lineText[end])) end++;
  const flowValues = items.map((item) => item.trim().replace(/^["']|["']$/g, '')).filter((item, i) => item && i !== index);
  return { ...common, kind: 'value', path: [...path, index], flowValues, word: word(lineText, lineStart, start, Math.max(start, end)) };
}

function word(lineText: string, lineStart: number, start: number, end: number) {
  return { start: lineStart + start, end: lineStart + end, text: lineText.slice(start, end) };
}

/** The key or value under `position` (an offset in `yaml`) and its path, for hovers. */
export function tokenAt(yaml: string, position: number): { part: 'key' | 'value'; path: Path; start: number; end: number; text: string } | undefined {
  const lineStart = yaml.lastIndexOf('\n', position - 1) + 1;
  let lineEnd = yaml.indexOf('\n', position);
  if (lineEnd < 0) lineEnd = yaml.length;
  if (lineEnd - lineStart > MAX_LINE) return undefined;
  const lineText = yaml.slice(lineStart, lineEnd).replace(/\r$/, '');
  const col = position - lineStart;
  const s = shapeLine(lineText);
  if (s.blank || col < s.content) return undefined;
  const hasDash = s.dashes.length > 0;
  const base = ancestors(yaml, lineStart, hasDash ? s.dashes[0] : s.content, hasDash);
  if (!base) return undefined;
  if (hasDash) base.push(...s.dashes.map(() => 0));
  const token = (part: 'key' | 'value', path: Path, start: number, end: number) => ({ part, path, start: lineStart + start, end: lineStart + end, text: lineText.slice(start, end) });
  if (s.key !== undefined && col <= s.keyEnd) return token('key', [...base, s.key], s.keyStart, s.keyEnd);
  const valueFrom = s.key !== undefined ? s.afterColon : s.content;
  const path = s.key !== undefined ? [...base, s.key] : base;
  const region = lineText.slice(valueFrom).replace(/(^|\s)#.*$/, '');
  if (col >= valueFrom + region.length + 1) return undefined;
  if (region.trimStart().startsWith('[')) {
    const open = lineText.indexOf('[', valueFrom);
    const index = lineText.slice(open + 1, col).split(',').length - 1;
    let start = col;
    while (start > open + 1 && !/[,\s[]/.test(lineText[start - 1])) start--;
    let end = col;
    while (end < lineText.length && !/[,\]\s#]/.test(lineText[end])) end++;
    return end > start ? token('value', [...path, index], start, end) : undefined;
  }
  let start = valueFrom + (region.length - region.trimStart().length);
  let end = valueFrom + region.trimEnd().length;
  let quoted = false;
  if (/["']/.test(lineText[start] ?? '') && lineText[end - 1] === lineText[start] && end - start >= 2) {
    start++;
    end--;
    quoted = true;
  }
  if (end <= start) return undefined;
  // On a quote of a quoted value: the range takes the quote in, the text stays the value.
  if (col < start || col > end) return quoted && (col === start - 1 || col === end + 1) ? { ...token('value', path, start, end), start: lineStart + Math.min(start, col), end: lineStart + Math.max(end, col) } : undefined;
  return token('value', path, start, end);
}

/** Keys already present in the mapping the cursor's key belongs to. */
export function siblingKeys(context: CursorContext): string[] {
  const { yaml, lineStart, column } = context;
  const keys: string[] = [];
  const visit = (l: number, up: boolean): boolean => {
    const indent = indentOf(yaml, l);
    if (indent > column) return true;
    const s = shapeLine(lineAt(yaml, l));
    if (s.blank) return indent !== 0 || !/^(---|\.\.\.)/.test(lineAt(yaml, l));
    if (indent === column) {
      if (s.dashes.length === 0 && s.key !== undefined) keys.push(s.key);
      return true;
    }
    // Going up, the line that starts the list item holding this mapping has its first key.
    if (up && s.dashes.length > 0 && s.key !== undefined && s.keyStart === column) keys.push(s.key);
    return false;
  };
  if (!context.afterDash) for (let l = previousLine(yaml, lineStart); l >= 0 && visit(l, true); l = previousLine(yaml, l));
  for (let l = nextLine(yaml, lineStart); l >= 0 && visit(l, false); l = nextLine(yaml, l));
  return keys;
}

/** Values already in the list the cursor's value belongs to (block list items or flow list). */
export function siblingValues(context: CursorContext): string[] {
  if (context.flowValues) return context.flowValues;
  const dash = context.dashColumn;
  if (dash === undefined || context.kind === 'key' || typeof context.path[context.path.length - 1] !== 'number') return [];
  const { yaml } = context;
  const values: string[] = [];
  const visit = (l: number): boolean => {
    const indent = indentOf(yaml, l);
    if (indent > dash) return true;
    const s = shapeLine(lineAt(yaml, l));
    if (indent < dash || s.dashes[0] !== dash) return false;
    values.push(lineAt(yaml, l).slice(s.content).replace(/\s+#.*$/, '').trim().replace(/^["']|["']$/g, ''));
    return true;
  };
  for (let l = previousLine(yaml, context.lineStart); l >= 0 && visit(l); l = previousLine(yaml, l));
  for (let l = nextLine(yaml, context.lineStart); l >= 0 && visit(l); l = nextLine(yaml, l));
  return values;
}
