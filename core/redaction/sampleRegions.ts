/**
 * Where the values of a sample file sit in its text, so that a redaction replaces characters of one
 * value and never the syntax around it: the content of a JSON string value (between its quotes; keys
 * are structure and never redacted),
 * a JSON number, a quoted CSV field (between its quotes) or an unquoted one.
 * Plain text is one region. Offsets are UTF-16 code units; the scan never throws, whatever the text.
 */

export type RegionKind = 'json-string' | 'json-bare' | 'csv-quoted' | 'csv-bare' | 'text';

export interface ValueRegion {
  kind: RegionKind;
  /** The value's characters: inside the quotes for quoted kinds. */
  start: number;
  end: number;
}

export type RedactionFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'text';

/** Value regions in file order, not overlapping. `delimiter` applies to csv/tsv. */
export function valueRegions(text: string, format: RedactionFormat, delimiter?: string): ValueRegion[] {
  switch (format) {
    case 'json':
    case 'jsonl':
      return jsonRegions(text);
    case 'csv':
      return csvRegions(text, delimiter ?? ',');
    case 'tsv':
      return csvRegions(text, delimiter ?? '\t');
    default:
      return text.length > 0 ? [{ kind: 'text', start: 0, end: text.length }] : [];
  }
}

const BARE_JSON = /[A-Za-z0-9+\-.]/;

function jsonRegions(text: string): ValueRegion[] {
  const regions: ValueRegion[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const start = i + 1;
      let k = start;
      while (k < text.length && text[k] !== '"' && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      const end = Math.min(k, text.length);
      // An object key is structure, not a value: a redaction never renames a key.
      let after = end + 1;
      while (after < text.length && /\s/.test(text[after])) after++;
      if (text[after] !== ':') regions.push({ kind: 'json-string', start, end });
      i = end + 1;
    } else if (BARE_JSON.test(ch)) {
      let k = i + 1;
      while (k < text.length && BARE_JSON.test(text[k])) k++;
      // Numbers are values (a phone number may be one); true/false/null never hold PII.
      if (/^-?\d/.test(text.slice(i, Math.min(k, i + 2)))) regions.push({ kind: 'json-bare', start: i, end: k });
      i = k;
    } else {
      i++;
    }
  }
  return regions;
}

function csvRegions(text: string, delimiter: string): ValueRegion[] {
  const regions: ValueRegion[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i <= text.length) {
    // At the start of a field.
    if (text[i] === '"') {
      const start = i + 1;
      let k = start;
      while (k < text.length) {
        if (text[k] === '"') {
          if (text[k + 1] === '"') k += 2;
          else break;
        } else {
          k++;
        }
      }
      regions.push({ kind: 'csv-quoted', start, end: k });
      i = k + 1;
      // Tolerate stray characters after the closing quote up to the next delimiter or line end.
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
    } else {
      let k = i;
      while (k < text.length && text[k] !== delimiter && text[k] !== '\n' && text[k] !== '\r') k++;
      if (k > i) regions.push({ kind: 'csv-bare', start: i, end: k });
      i = k;
    }
    if (i >= text.length) break;
    if (text[i] === delimiter) i++;
    else {
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      i++;
      if (i >= text.length) break;
    }
  }
  return regions;
}

/**
 * The indivisible pieces of a region's text: a JSON escape (`\n`, `\u00e9`), a CSV `""`, a
 * surrogate pair, else one code unit. Returns the start of the piece that holds `offset`.
 */
export function pieceStart(text: string, region: ValueRegion, offset: number): number {
  let k = region.start;
  while (k < region.end) {
    const next = k + pieceLength(text, region, k);
    if (next > offset) return k;
    k = next;
  }
  return Math.min(offset, region.end);
}

/** The end of the piece that holds the character before `offset` (a range end never splits a piece). */
export function pieceEnd(text: string, region: ValueRegion, offset: number): number {
  let k = region.start;
  while (k < region.end) {
    const next = Math.min(k + pieceLength(text, region, k), region.end);
    if (next >= offset) return next;
    k = next;
  }
  return region.end;
}

function pieceLength(text: string, region: ValueRegion, k: number): number {
  const code = text.charCodeAt(k);
  if (region.kind === 'json-string' && text[k] === '\\') return text[k + 1] === 'u' ? 6 : 2;
  if (region.kind === 'csv-quoted' && text[k] === '"' && text[k + 1] === '"') return 2;
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(k + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

/** The decoded value of a region slice (JSON escapes and CSV `""` undone), for comparing values. */
export function decodedSlice(text: string, region: ValueRegion, start: number, end: number): string {
  const raw = text.slice(start, end);
  if (region.kind === 'json-string') {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  }
  if (region.kind === 'csv-quoted') return raw.replace(/""/g, '"');
  return raw;
}
