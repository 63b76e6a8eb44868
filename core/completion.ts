/**
 * Completion in a card, at any point of typing: keys valid at the cursor (required first, present
 * ones left out), enum and example values (license ids with their facts, language codes, pipeline
 * tags, libraries, lawful bases, PII categories, ...), and whole-section skeletons as snippets.
 * It reads the text around the cursor line by line, never the parse tree, so broken YAML mid-typing is fine.
 */
import type { Analyzer } from './analyzer';
import { Path } from './cardDocument';
import { locateCard, sourceKindOf } from './cardSource';
import { indentSnippet, SectionName, sectionTemplate } from './cardTemplates';
import { HUB_LICENSES, licenseFacts, summarizeLicense } from './licenses';
import { JsonSchema, SchemaNavigator } from './schemaNavigator';

export type CompletionKind = 'property' | 'value' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line shown next to the label. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces [start, end) (file offsets). */
  insertText: string;
  start: number;
  end: number;
  /** `insertText` uses snippet syntax (tab stops, choices). */
  isSnippet: boolean;
  sortText: string;
  filterText?: string;
  /** Ask the editor to complete again after inserting (a key whose value has choices). */
  retrigger?: boolean;
}

export interface CompletionInput {
  text: string;
  fileName: string;
  /** The cursor, a file offset. */
  offset: number;
}

const CARDWRIGHT_SECTIONS: SectionName[] = ['upstream', 'privacy', 'compliance', 'model-index'];

/** Completion items at the cursor; empty (never an exception) where nothing sensible fits. */
export function complete(analyzer: Analyzer, input: CompletionInput): CompletionItem[] {
  try {
    return completeUnsafe(analyzer, input);
  } catch {
    return [];
  }
}

function completeUnsafe(analyzer: Analyzer, { text, fileName, offset }: CompletionInput): CompletionItem[] {
  const sourceKind = sourceKindOf(fileName) ?? 'yaml';
  const source = locateCard(text, sourceKind);
  if (!source) return [];
  const position = offset - source.offset;
  if (position < 0 || position > source.yaml.length) return [];
  const context = cursorContext(source.yaml, position);
  if (!context) return [];
  const navigator = analyzer.schemaFor(sourceKind === 'markdown' && looksLikeDatasetCard(source.yaml) ? 'dataset-card' : 'model-card');
  const shift = (item: CompletionItem): CompletionItem => ({ ...item, start: item.start + source.offset, end: item.end + source.offset });
  const newline = source.yaml.includes('\r\n') ? '\r\n' : '\n';
  // After `- `, an entry of a list of mappings starts with a key; of a list of values, with a value.
  const kind = context.kind === 'item' ? (navigator.propertiesAt(context.path).size > 0 ? 'key' : 'value') : context.kind;
  if (kind === 'key') return keyItems(navigator, { ...context, kind }, newline).map(shift);
  return valueItems(navigator, { ...context, kind }).map(shift);
}

function looksLikeDatasetCard(yaml: string): boolean {
  return /^(task_categories|size_categories|pretty_name|dataset_info|configs):/m.test(yaml) && !/^(base_model|model-index|pipeline_tag|library_name|upstream|privacy|compliance):/m.test(yaml);
}

// ---- keys ------------------------------------------------------------------------------------------

function keyItems(navigator: SchemaNavigator, context: CursorContext, newline: string): CompletionItem[] {
  const path = context.path;
  const properties = navigator.propertiesAt(path);
  const required = navigator.requiredAt(path);
  const present = new Set(siblingKeys(context));
  const items: CompletionItem[] = [];
  const { start, end } = context.word;
  for (const [name, schema] of properties) {
    if (present.has(name) && name !== context.word.text) continue;
    const isRequired = required.has(name);
    const shape = shapeOf(navigator, [...path, name], schema);
    const choices = valueChoices(navigator, [...path, name]).length > 0;
    items.push({
      label: name,
      kind: 'property',
      detail: `${isRequired ? 'required' : 'optional'}${shape === 'scalar' ? '' : `, ${shape === 'object' ? 'a mapping' : 'a list'}`}`,
      documentation: describe(schema),
      insertText: context.hasColon ? escapeSnippet(name) : keyInsertText(name, shape, context.column, newline),
      start,
      end,
      isSnippet: true,
      sortText: `${isRequired ? 0 : 1}${String(items.length).padStart(3, '0')}`,
      retrigger: !context.hasColon && shape === 'scalar' && choices,
    });
  }
  // Whole sections at the top level, and a model-index entry where an entry starts.
  if (path.length === 0 && !context.hasColon) {
    for (const name of CARDWRIGHT_SECTIONS) {
      if (present.has(name) || !properties.has(name)) continue;
      items.push(sectionItem(name, context, newline, `${name} section`));
    }
  }
  if (path.length === 2 && path[0] === 'model-index' && context.afterDash && present.size === 0 && !context.hasColon) {
    items.push(sectionItem('model-index-entry', { ...context, column: context.column - 2 }, newline, 'model-index entry', context.word.start - 2));
  }
  return items;
}

function sectionItem(name: SectionName, context: CursorContext, newline: string, label: string, start = context.word.start): CompletionItem {
  const template = sectionTemplate(name);
  return {
    label,
    kind: 'snippet',
    detail: template.description,
    documentation: ['```yaml', ...template.lines.map((line) => line.replace(/\$\{\d+[:|]([^,|}]*)[^}]*\}/g, '$1')), '```'].join('\n'),
    insertText: indentSnippet(template.lines, context.column, newline),
    start,
    end: context.word.end,
    isSnippet: true,
    sortText: `2${name}`,
    filterText: name === 'model-index-entry' ? `- ${context.word.text}` : name,
  };
}

type Shape = 'scalar' | 'object' | 'list';

/** What a key's value looks like: a block mapping, a block list, or something written on the key's line. */
function shapeOf(navigator: SchemaNavigator, path: Path, schema: JsonSchema): Shape {
  const schemas = [schema, ...navigator.at(path)];
  const types = new Set<string>();
  for (const s of schemas) {
    const type = s.type;
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) types.add(String(t));
    if (s.properties) types.add('object');
    if (s.items) types.add('array');
    if (s.enum || s.const !== undefined) types.add('string');
  }
  // A key that takes a string or a list (language, datasets, tags) is written on one line first.
  if (types.has('string') || types.has('boolean') || types.has('number') || types.has('integer')) return 'scalar';
  if (types.has('object')) return 'object';
  if (types.has('array')) return 'list';
  return 'scalar';
}

function keyInsertText(name: string, shape: Shape, column: number, newline: string): string {
  const key = escapeSnippet(name);
  const pad = ' '.repeat(column + 2);
  if (shape === 'object') return `${key}:${newline}${pad}$0`;
  if (shape === 'list') return `${key}:${newline}${pad}- $0`;
  return `${key}: $0`;
}

// ---- values ----------------------------------------------------------------------------------------

interface Choice {
  value: string;
  detail?: string;
  documentation?: string;
}

function valueItems(navigator: SchemaNavigator, context: CursorContext): CompletionItem[] {
  const choices = valueChoices(navigator, context.path);
  if (choices.length === 0) return [];
  const present = new Set(siblingValues(context));
  const { start, end, text } = context.word;
  const items: CompletionItem[] = [];
  for (const choice of choices) {
    if (present.has(choice.value) && choice.value !== text) continue;
    items.push({
      label: choice.value,
      kind: 'value',
      detail: choice.detail,
      documentation: choice.documentation,
      insertText: (context.needsSpace ? ' ' : '') + yamlScalar(choice.value),
      start,
      end,
      isSnippet: false,
      sortText: String(items.length).padStart(4, '0'),
      filterText: context.needsSpace ? ` ${choice.value}` : undefined,
    });
  }
  return items;
}

/** Values offered at a path: license ids, language codes, schema enums with their descriptions, examples, booleans. */
export function valueChoices(navigator: SchemaNavigator, path: Path): Choice[] {
  const field = [...path].reverse().find((segment) => typeof segment === 'string');
  const schemas = [...navigator.at(path), ...navigator.at([...path, 0])];
  if (field === 'license' && schemas.some((s) => Array.isArray(s.enum) && s.enum.includes('apache-2.0'))) {
    return HUB_LICENSES.map((entry) => {
      const fact = licenseFacts(entry.id);
      return {
        value: entry.id,
        detail: entry.fullName,
        documentation: fact ? `${summarizeLicense(fact)}${fact.link ? `\n\n[License terms](${fact.link})` : ''}` : undefined,
      };
    });
  }
  if (field === 'language' && path[0] === 'language') {
    return LANGUAGES.map(([code, name]) => ({ value: code, detail: name }));
  }
  const out: Choice[] = [];
  const seen = new Set<string>();
  for (const schema of schemas) {
    const values = Array.isArray(schema.enum) ? schema.enum : schema.const !== undefined ? [schema.const] : [];
    const docs = (schema.markdownEnumDescriptions ?? schema.enumDescriptions) as unknown[] | undefined;
    values.forEach((value, index) => {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
      const text = String(value);
      if (seen.has(text)) return;
      seen.add(text);
      const doc = Array.isArray(docs) && typeof docs[index] === 'string' ? (docs[index] as string) : undefined;
      out.push({ value: text, detail: doc ? firstSentence(doc) : undefined, documentation: doc });
    });
  }
  for (const schema of schemas) {
    if (!Array.isArray(schema.examples)) continue;
    for (const example of schema.examples) {
      if (typeof example !== 'string' || seen.has(example)) continue;
      seen.add(example);
      out.push({ value: example, detail: 'example' });
    }
  }
  if (out.length === 0 && schemas.some((s) => s.type === 'boolean' || (Array.isArray(s.type) && s.type.includes('boolean')))) {
    out.push({ value: 'true' }, { value: 'false' });
  }
  return out;
}

// ---- helpers ---------------------------------------------------------------------------------------

/** A schema's description for hovers and completion documentation (markdown preferred). */
export function describe(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  const text = schema.markdownDescription ?? schema.description;
  return typeof text === 'string' ? text : undefined;
}

function firstSentence(text: string): string {
  const plain = text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/`/g, '');
  const match = /^(.*?[.;])(\s|$)/.exec(plain);
  const sentence = match ? match[1] : plain;
  return sentence.length > 90 ? `${sentence.slice(0, 87)}...` : sentence;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** Words YAML 1.1 readers take for booleans or null are quoted (Norwegian `no` stays a language code). */
function yamlScalar(value: string): string {
  return /^(y|n|yes|no|on|off|true|false|null|~)$/i.test(value) && !['true', 'false'].includes(value) ? `"${value}"` : value;
}

// ---- where the cursor is: read from the lines around it ---------------------------------------------

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
  lines: string[];
  line: number;
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

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},][^#]*?)[ \t]*:(?=[ \t]|$)/;

function shapeLine(line: string): LineShape {
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
    const raw = match[1].trim();
    shape.key = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    shape.keyEnd = i + match[1].trimEnd().length;
    shape.afterColon = i + match[0].length;
  }
  return shape;
}

/** The path of the entry that starts at `column` on line `lineNo`, from the lines above it. */
function ancestors(lines: string[], lineNo: number, column: number, afterDash: boolean): Path {
  const path: Path = [];
  let c = column;
  let allowEqualKey = afterDash;
  for (let l = lineNo - 1; l >= 0 && (c > 0 || allowEqualKey); l--) {
    const line = lines[l];
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent > c || (indent === c && !allowEqualKey)) continue;
    const s = shapeLine(line);
    if (s.blank) continue;
    const anchors: { col: number; key?: string }[] = s.dashes.map((col) => ({ col }));
    if (s.key !== undefined) anchors.push({ col: s.keyStart, key: s.key });
    for (let a = anchors.length - 1; a >= 0; a--) {
      const anchor = anchors[a];
      if (anchor.key !== undefined ? anchor.col < c || (allowEqualKey && anchor.col === c) : anchor.col < c) {
        if (anchor.key !== undefined) path.unshift(anchor.key);
        else path.unshift(a === 0 ? dashIndex(lines, l, anchor.col) : 0);
        allowEqualKey = anchor.key === undefined;
        c = anchor.col;
      }
    }
  }
  return path;
}

/** How many list items at `column` precede the one on line `lineNo`. */
function dashIndex(lines: string[], lineNo: number, column: number): number {
  let count = 0;
  for (let l = lineNo - 1; l >= 0; l--) {
    const line = lines[l];
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent >= line.length || line[indent] === '#' || indent > column) continue;
    if (indent < column) break;
    if (line[indent] === '-' && (indent + 1 === line.length || line[indent + 1] === ' ')) count++;
    else break;
  }
  return count;
}

/** The completion context at `position` (an offset in `yaml`), or undefined in comments and prose. */
export function cursorContext(yaml: string, position: number): CursorContext | undefined {
  const lineStart = yaml.lastIndexOf('\n', position - 1) + 1;
  let lineEnd = yaml.indexOf('\n', position);
  if (lineEnd < 0) lineEnd = yaml.length;
  const lineText = yaml.slice(lineStart, lineEnd).replace(/\r$/, '');
  const col = position - lineStart;
  const lines = splitLines(yaml);
  const lineNo = countNewlines(yaml, lineStart);
  const before = lineText.slice(0, col);
  if (/(^|\s)#/.test(before.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""'))) return undefined;
  const s = shapeLine(lineText);
  const afterDash = s.dashes.length > 0 && col > s.dashes[s.dashes.length - 1];
  const entryColumn = afterDash ? s.content : col < s.indent ? col : s.indent;
  const outer = s.dashes.length > 0 && col > s.dashes[0] ? s.dashes[0] : entryColumn;
  const base = ancestors(lines, lineNo, outer, outer !== entryColumn || afterDash);
  if (outer !== entryColumn || afterDash) base.push(dashIndex(lines, lineNo, s.dashes[0]), ...s.dashes.slice(1).map(() => 0));
  const common = { lines, line: lineNo, afterDash, hasColon: false, needsSpace: false };
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
  while (lineText[start] === ' ') start++;
  let end = col;
  while (end < lineText.length && !/[,\]\s#]/.test(lineText[end])) end++;
  const flowValues = items.map((item) => item.trim().replace(/^["']|["']$/g, '')).filter((item, i) => item && i !== index);
  return { ...common, kind: 'value', path: [...path, index], flowValues, word: word(lineText, lineStart, start, Math.max(start, end)) };
}

function word(lineText: string, lineStart: number, start: number, end: number) {
  return { start: lineStart + start, end: lineStart + end, text: lineText.slice(start, end) };
}

function splitLines(yaml: string): string[] {
  return yaml.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

function countNewlines(text: string, before: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < before; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The key or value under `position` (an offset in `yaml`) and its path, for hovers. */
export function tokenAt(yaml: string, position: number): { part: 'key' | 'value'; path: Path; start: number; end: number; text: string } | undefined {
  const lineStart = yaml.lastIndexOf('\n', position - 1) + 1;
  let lineEnd = yaml.indexOf('\n', position);
  if (lineEnd < 0) lineEnd = yaml.length;
  const lineText = yaml.slice(lineStart, lineEnd).replace(/\r$/, '');
  const col = position - lineStart;
  const s = shapeLine(lineText);
  if (s.blank || col < s.content) return undefined;
  const lines = splitLines(yaml);
  const lineNo = countNewlines(yaml, lineStart);
  const hasDash = s.dashes.length > 0;
  const base = ancestors(lines, lineNo, hasDash ? s.dashes[0] : s.content, hasDash);
  if (hasDash) base.push(dashIndex(lines, lineNo, s.dashes[0]), ...s.dashes.slice(1).map(() => 0));
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
  if (/["']/.test(lineText[start] ?? '') && lineText[end - 1] === lineText[start] && end - start >= 2) {
    start++;
    end--;
  }
  return end > start && col >= start - 1 ? token('value', path, start, end) : undefined;
}

/** Keys already present in the mapping the cursor's key belongs to. */
export function siblingKeys(context: CursorContext): string[] {
  const { lines, line, column } = context;
  const keys: string[] = [];
  const visit = (l: number, up: boolean): boolean => {
    const s = shapeLine(lines[l]);
    if (s.blank || s.indent > column) return true;
    if (s.indent === column) {
      if (s.dashes.length === 0 && s.key !== undefined) keys.push(s.key);
      return true;
    }
    // Going up, the line that starts the list item holding this mapping has its first key.
    if (up && s.dashes.length > 0 && s.key !== undefined && s.keyStart === column) keys.push(s.key);
    return false;
  };
  if (!context.afterDash) for (let l = line - 1; l >= 0 && visit(l, true); l--);
  for (let l = line + 1; l < lines.length && visit(l, false); l++);
  return keys;
}

/** Values already in the list the cursor's value belongs to (block list items or flow list). */
export function siblingValues(context: CursorContext): string[] {
  if (context.flowValues) return context.flowValues;
  const dash = context.dashColumn;
  if (dash === undefined || context.kind === 'key' || typeof context.path[context.path.length - 1] !== 'number') return [];
  const values: string[] = [];
  const visit = (l: number): boolean => {
    const s = shapeLine(context.lines[l]);
    if (s.blank || s.indent > dash) return true;
    if (s.indent < dash || s.dashes[0] !== dash) return false;
    if (l !== context.line) values.push(context.lines[l].slice(s.content).replace(/\s+#.*$/, '').trim().replace(/^["']|["']$/g, ''));
    return true;
  };
  for (let l = context.line - 1; l >= 0 && visit(l); l--);
  for (let l = context.line + 1; l < context.lines.length && visit(l); l++);
  return values;
}

// ---- language codes --------------------------------------------------------------------------------

/** ISO 639-1 codes with English names (the Hub also accepts 639-2/3 codes such as `yue`). */
const ISO_639_1 =
  'aa Afar|ab Abkhazian|af Afrikaans|ak Akan|am Amharic|an Aragonese|ar Arabic|as Assamese|av Avaric|ay Aymara|az Azerbaijani|' +
  'ba Bashkir|be Belarusian|bg Bulgarian|bi Bislama|bm Bambara|bn Bengali|bo Tibetan|br Breton|bs Bosnian|ca Catalan|ce Chechen|' +
  'ch Chamorro|co Corsican|cr Cree|cs Czech|cu Church Slavic|cv Chuvash|cy Welsh|da Danish|de German|dv Divehi|dz Dzongkha|ee Ewe|' +
  'el Greek|en English|eo Esperanto|es Spanish|et Estonian|eu Basque|fa Persian|ff Fulah|fi Finnish|fj Fijian|fo Faroese|fr French|' +
  'fy Western Frisian|ga Irish|gd Scottish Gaelic|gl Galician|gn Guarani|gu Gujarati|gv Manx|ha Hausa|he Hebrew|hi Hindi|' +
  'ho Hiri Motu|hr Croatian|ht Haitian|hu Hungarian|hy Armenian|hz Herero|ia Interlingua|id Indonesian|ie Interlingue|ig Igbo|' +
  'ii Sichuan Yi|ik Inupiaq|io Ido|is Icelandic|it Italian|iu Inuktitut|ja Japanese|jv Javanese|ka Georgian|kg Kongo|ki Kikuyu|' +
  'kj Kuanyama|kk Kazakh|kl Kalaallisut|km Khmer|kn Kannada|ko Korean|kr Kanuri|ks Kashmiri|ku Kurdish|kv Komi|kw Cornish|' +
  'ky Kyrgyz|la Latin|lb Luxembourgish|lg Ganda|li Limburgish|ln Lingala|lo Lao|lt Lithuanian|lu Luba-Katanga|lv Latvian|' +
  'mg Malagasy|mh Marshallese|mi Maori|mk Macedonian|ml Malayalam|mn Mongolian|mr Marathi|ms Malay|mt Maltese|my Burmese|na Nauru|' +
  'nb Norwegian Bokmal|nd North Ndebele|ne Nepali|ng Ndonga|nl Dutch|nn Norwegian Nynorsk|no Norwegian|nr South Ndebele|nv Navajo|' +
  'ny Chichewa|oc Occitan|oj Ojibwa|om Oromo|or Odia|os Ossetian|pa Punjabi|pi Pali|pl Polish|ps Pashto|pt Portuguese|qu Quechua|' +
  'rm Romansh|rn Rundi|ro Romanian|ru Russian|rw Kinyarwanda|sa Sanskrit|sc Sardinian|sd Sindhi|se Northern Sami|sg Sango|' +
  'si Sinhala|sk Slovak|sl Slovenian|sm Samoan|sn Shona|so Somali|sq Albanian|sr Serbian|ss Swati|st Southern Sotho|su Sundanese|' +
  'sv Swedish|sw Swahili|ta Tamil|te Telugu|tg Tajik|th Thai|ti Tigrinya|tk Turkmen|tl Tagalog|tn Tswana|to Tonga|tr Turkish|' +
  'ts Tsonga|tt Tatar|tw Twi|ty Tahitian|ug Uyghur|uk Ukrainian|ur Urdu|uz Uzbek|ve Venda|vi Vietnamese|vo Volapuk|wa Walloon|' +
  'wo Wolof|xh Xhosa|yi Yiddish|yo Yoruba|za Zhuang|zh Chinese|zu Zulu';

/** Widely used 639-2/3 codes the Hub accepts, for languages without a 639-1 code. */
const ISO_639_3 = 'yue Cantonese|fil Filipino|haw Hawaiian|ceb Cebuano|hmn Hmong|ast Asturian|ckb Central Kurdish|kab Kabyle|nds Low German|sah Yakut|arz Egyptian Arabic|mai Maithili|gsw Swiss German';

/** [code, English name], most-used first: English and the languages most cards list, then the rest alphabetically. */
export const LANGUAGES: ReadonlyArray<readonly [string, string]> = (() => {
  const all = `${ISO_639_1}|${ISO_639_3}`.split('|').map((entry) => {
    const space = entry.indexOf(' ');
    return [entry.slice(0, space), entry.slice(space + 1)] as const;
  });
  const first = ['en', 'zh', 'fr', 'de', 'es', 'ru', 'ja', 'ko', 'pt', 'it', 'ar', 'hi'];
  return [...first.map((code) => all.find(([c]) => c === code)!), ...all.filter(([code]) => !first.includes(code))];
})();

/** The English name of a language code, if Cardwright knows it. */
export function languageName(code: string): string | undefined {
  return LANGUAGES.find(([c]) => c === code)?.[1];
}
