/**
 * Texts the Test Classifier runs on (the server answers `cardwright/classifierInputs` with them):
 * a card's `widget[].text` examples and a random record of a sample file, as a person would read it.
 */
import { cardSamplesOfYaml } from './cardSampleList';
import { parseDocument } from 'yaml';
import { sniffDelimiter } from './pii/readers/csvReader';

/** `widget[].text` of a model card; tolerant of any YAML, never throws. */
export function widgetExamples(cardText: string): string[] {
  try {
    const doc = parseDocument(cardText, { uniqueKeys: false });
    const widget = (doc.toJS({ maxAliasCount: 100 }) as { widget?: unknown } | null)?.widget;
    if (!Array.isArray(widget)) return [];
    return widget
      .map((entry) => (entry && typeof entry === 'object' ? (entry as Record<string, unknown>).text : undefined))
      .filter((text): text is string => typeof text === 'string' && text.trim().length > 0);
  } catch {
    return [];
  }
}

/** Sample card paths listed under `upstream.datasets[].samples`, relative to the card. */
export function cardSamplePaths(cardText: string): string[] {
  return cardSamplesOfYaml(cardText).samples;
}

/**
 * The records of a sample file as readable text: a JSON Lines record's string values (`key: value`
 * lines), a CSV data row's fields, a plain-text paragraph. At most `limit` records are read.
 */
export function sampleRecords(text: string, fileName: string, limit = 2000): string[] {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'jsonl' || ext === 'ndjson') {
    return text
      .split(/\r?\n/)
      .slice(0, limit)
      .map((line) => line.trim())
      .filter(Boolean)
      .map(jsonRecordText)
      .filter(Boolean);
  }
  if (ext === 'json') {
    try {
      const parsed = JSON.parse(text) as unknown;
      const records = Array.isArray(parsed) ? parsed : [parsed];
      return records.slice(0, limit).map((r) => stringsOf(r).join('\n')).filter(Boolean);
    } catch {
      return [];
    }
  }
  if (ext === 'csv' || ext === 'tsv') {
    const rows = csvRows(text, ext === 'tsv' ? '\t' : sniffDelimiter(text.slice(0, 65536)), limit + 1);
    const [header, ...data] = rows;
    return data
      .filter((row) => row.some((field) => field.trim()))
      .map((row) => row.map((field, i) => (header?.[i] ? `${header[i]}: ${field}` : field)).filter((f) => f.trim()).join('\n'));
  }
  return text
    .split(/\r?\n\s*\r?\n/)
    .slice(0, limit)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** One record chosen by `random` (0 ≤ random() < 1). */
export function randomRecord(text: string, fileName: string, random: () => number = Math.random): string | undefined {
  const records = sampleRecords(text, fileName);
  return records.length > 0 ? records[Math.min(records.length - 1, Math.floor(random() * records.length))] : undefined;
}

function jsonRecordText(line: string): string {
  try {
    return stringsOf(JSON.parse(line)).join('\n');
  } catch {
    return line;
  }
}

function stringsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return [key ? `${key}: ${value}` : value];
  if (typeof value === 'number') return key ? [`${key}: ${value}`] : [String(value)];
  if (Array.isArray(value)) return value.flatMap((v) => stringsOf(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, k));
  return [];
}

function csvRows(text: string, delimiter: string, limit: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < limit; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if ((field || row.length) && rows.length < limit) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
