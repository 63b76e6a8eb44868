/** Which reader a sample file needs, and whether it is text at all. */
import { encodingOfHead, SampleEncoding } from './textEncoding';

export type SampleFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'text' | 'parquet';

const BY_EXTENSION: Record<string, SampleFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
  pq: 'parquet',
  txt: 'text',
  text: 'text',
  md: 'text',
  markdown: 'text',
  log: 'text',
  yaml: 'text',
  yml: 'text',
  xml: 'text',
  html: 'text',
  htm: 'text',
  sql: 'text',
  conll: 'text',
};

/** Format by file extension; undefined when the extension says nothing (decide by content). */
export function formatOfPath(path: string): SampleFormat | undefined {
  const base = path.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION[base.slice(dot + 1).toLowerCase()];
}

/** Format by the first characters of a text file whose extension said nothing. */
export function formatOfContent(head: string): Exclude<SampleFormat, 'parquet'> {
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[')) return 'json';
  if (trimmed.startsWith('{')) {
    const firstLine = trimmed.split(/\r?\n/, 1)[0].trim();
    return firstLine.endsWith('}') ? 'jsonl' : 'json';
  }
  return 'text';
}

export interface BinaryVerdict {
  binary: boolean;
  reason?: string;
  /** For text: the encoding its byte order mark announces (UTF-8 without one). */
  encoding?: SampleEncoding;
}

/**
 * Looks at the first bytes of a file: NUL characters, a UTF-32 byte order mark, or more than 5%
 * invalid UTF-8 sequences mean it is not a text file the readers can scan. UTF-16 with a byte
 * order mark and UTF-8 (with or without one) are text.
 */
export function detectBinary(bytes: Uint8Array): BinaryVerdict {
  const found = encodingOfHead(bytes);
  if ('unsupported' in found) return { binary: true, reason: found.unsupported };
  const { encoding } = found;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return utf16Verdict(bytes, encoding);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) {
    return { binary: true, reason: 'a Parquet file without the .parquet extension' };
  }
  let nul = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0) {
      nul++;
      i++;
      continue;
    }
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + need >= bytes.length) break; // a sequence cut by the end of the sample
    let ok = true;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) i += need + 1;
    else {
      invalid++;
      i++;
    }
  }
  if (nul > 0 && looksLikeUtf16WithoutBom(bytes)) {
    return { binary: true, reason: 'UTF-16 text without a byte order mark is not supported; save the file as UTF-8, or as UTF-16 with a byte order mark' };
  }
  if (nul > 0) return { binary: true, reason: `binary file (${nul} NUL bytes in the first ${bytes.length} bytes)` };
  if (bytes.length > 0 && invalid / bytes.length > 0.05) {
    return { binary: true, reason: `not UTF-8 text (${invalid} invalid byte sequences in the first ${bytes.length} bytes)` };
  }
  return { binary: false, encoding };
}

/** UTF-16 text (after its byte order mark) is binary when it holds NUL characters. */
function utf16Verdict(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): BinaryVerdict {
  let nul = 0;
  for (let i = 2; i + 1 < bytes.length; i += 2) if (bytes[i] === 0 && bytes[i + 1] === 0) nul++;
  if (nul > 0) return { binary: true, reason: `binary file (${nul} NUL characters in the first ${bytes.length} bytes of UTF-16)` };
  return { binary: false, encoding };
}

/** ASCII text in UTF-16: a NUL in every other byte (one parity) and almost none in the other. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const pairs = bytes.length >> 1;
  if (pairs < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= pairs * 0.6 && Math.min(even, odd) <= pairs * 0.05;
}
