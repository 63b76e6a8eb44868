/**
 * Parquet samples through hyparquet (pure JavaScript, loaded lazily). Each row becomes one text
 * `column: value` per line; findings in Parquet are reported by row and column (and the offsets
 * inside the cell's text), since a Parquet file has no text offsets.
 */
import * as fs from 'node:fs';
import { FieldRegion } from '../../core/pii/piiTypes';

export interface ParquetRowUnit {
  text: string;
  /** One region per cell value, named by its column. */
  fields: FieldRegion[];
  row: number;
}

interface Hyparquet {
  asyncBufferFromFile(file: string): Promise<unknown>;
  parquetMetadataAsync(buffer: unknown): Promise<{ num_rows: bigint | number; row_groups?: Array<{ num_rows: bigint | number }> }>;
  parquetReadObjects(options: { file: unknown; metadata: unknown; rowStart: number; rowEnd: number }): Promise<Array<Record<string, unknown>>>;
}

export const PARQUET_ROWS_PER_READ = 1000;

/** Bytes of a Parquet file's frame: `PAR1` at the start, then the footer's length and `PAR1` at the end. */
const MAGIC = 'PAR1';
const FRAME_BYTES = 12;

/**
 * Rows of a Parquet file as units. An empty, truncated or damaged file throws an Error whose
 * message says so in words (hyparquet's own messages, such as "Offset is outside the bounds of
 * the DataView", are kept after it for the curious).
 */
export async function* parquetUnits(file: string, isCancelled?: () => boolean): AsyncGenerator<ParquetRowUnit> {
  await checkFrame(file);
  const hyparquet = (await import('hyparquet')) as unknown as Hyparquet;
  let rowStart = 0;
  try {
    const buffer = await hyparquet.asyncBufferFromFile(file);
    const metadata = await hyparquet.parquetMetadataAsync(buffer);
    // A damaged footer may claim any number of rows: never more than its row groups hold.
    const inGroups = (metadata.row_groups ?? []).reduce((sum, group) => sum + Number(group.num_rows), 0);
    const rows = Math.min(Number(metadata.num_rows), inGroups);
    if (!Number.isFinite(rows) || rows < 0) throw new Error(`the footer gives ${String(metadata.num_rows)} rows`);
    for (; rowStart < rows; rowStart += PARQUET_ROWS_PER_READ) {
      if (isCancelled?.()) return;
      const rowEnd = Math.min(rows, rowStart + PARQUET_ROWS_PER_READ);
      const objects = await hyparquet.parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd });
      for (let i = 0; i < objects.length; i++) {
        const unit = rowUnit(objects[i], rowStart + i);
        if (unit) yield unit;
      }
      if (objects.length === 0) break; // the pages hold fewer rows than the footer says
    }
  } catch (error) {
    const where = rowStart > 0 ? ` after row ${rowStart}` : '';
    throw new Error(`damaged Parquet file${where} (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The frame every Parquet file has; a file without it gets a message naming what is wrong. */
async function checkFrame(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new Error('the file is empty (0 bytes), not a Parquet file');
    if (size < FRAME_BYTES) throw new Error(`the file is too short to be Parquet (${size} bytes)`);
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(8);
    await handle.read(head, 0, 4, 0);
    await handle.read(tail, 0, 8, size - 8);
    if (head.toString('latin1') !== MAGIC) throw new Error('not a Parquet file (it does not start with PAR1)');
    if (tail.toString('latin1', 4) !== MAGIC) throw new Error('truncated or damaged Parquet file (it does not end with PAR1)');
    const footer = tail.readUInt32LE(0);
    if (footer > size - FRAME_BYTES) throw new Error(`truncated or damaged Parquet file (its footer claims ${footer} bytes of metadata, the file has ${size})`);
  } finally {
    await handle.close();
  }
}

export function rowUnit(row: Record<string, unknown>, index: number): ParquetRowUnit | undefined {
  let text = '';
  const fields: FieldRegion[] = [];
  for (const [column, value] of Object.entries(row)) {
    const cell = cellText(value);
    if (cell === undefined || cell.length === 0) continue;
    if (text.length > 0) text += '\n';
    text += `${column}: `;
    fields.push({ start: text.length, end: text.length + cell.length, name: column });
    text += cell;
  }
  return text.length > 0 ? { text, fields, row: index } : undefined;
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return undefined;
  try {
    return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? String(v) : v));
  } catch {
    return undefined;
  }
}
