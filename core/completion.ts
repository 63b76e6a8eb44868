/**
 * Completion in a card, at any point of typing: keys valid at the cursor (required first, present
 * ones left out), enum and example values (license ids with their facts, language codes, pipeline
 * tags, libraries, lawful bases, PII categories, ...), and whole-section skeletons as snippets.
 * Where the cursor is comes from yamlCursor.ts, which reads lines, not a parse tree: broken YAML is fine.
 */
import { MAX_CARD_CHARS, type Analyzer } from './analyzer';
import { withLfBreaks } from './lineIndex';
import { Path } from './cardDocument';
import { locateCard, sourceKindOf } from './cardSource';
import { indentSnippet, SectionName, sectionTemplate } from './cardTemplates';
import { HUB_LICENSES, licenseFacts, summarizeLicense } from './licenses';
import { LANGUAGES } from './languageCodes';
import { JsonSchema, SchemaNavigator } from './schemaNavigator';
import { CursorContext, cursorContext, siblingKeys, siblingValues } from './yamlCursor';

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

function completeUnsafe(analyzer: Analyzer, { text: fileText, fileName, offset }: CompletionInput): CompletionItem[] {
  if (fileText.length > MAX_CARD_CHARS) return [];
  const text = withLfBreaks(fileText);
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
