/**
 * Parquet samples through hyparquet (pure JavaScript, loaded lazily). Each row becomes one text
 * `column: value` per line; findings in Parquet are reported by row and column (and the offsets
 * inside the cell's text), since a Parquet file has no text offsets.
 */
import { FieldRegion } from '../../core/pii/piiTypes';

export interface ParquetRowUnit {
  text: string;
  /** One region per cell value, named by its column. */
  fields: FieldRegion[];
  row: number;
}

interface Hyparquet {
  asyncBufferFromFile(file: string): Promise<unknown>;
  parquetMetadataAsync(buffer: unknown): Promise<{ num_rows: bigint | number }>;
  parquetReadObjects(options: { file: unknown; metadata: unknown; rowStart: number; rowEnd: number }): Promise<Array<Record<string, unknown>>>;
}

export const PARQUET_ROWS_PER_READ = 1000;

export async function* parquetUnits(file: string, isCancelled?: () => boolean): AsyncGenerator<ParquetRowUnit> {
  const hyparquet = (await import('hyparquet')) as unknown as Hyparquet;
  const buffer = await hyparquet.asyncBufferFromFile(file);
  const metadata = await hyparquet.parquetMetadataAsync(buffer);
  const rows = Number(metadata.num_rows);
  for (let rowStart = 0; rowStart < rows; rowStart += PARQUET_ROWS_PER_READ) {
    if (isCancelled?.()) return;
    const rowEnd = Math.min(rows, rowStart + PARQUET_ROWS_PER_READ);
    const objects = await hyparquet.parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd });
    for (let i = 0; i < objects.length; i++) {
      const unit = rowUnit(objects[i], rowStart + i);
      if (unit) yield unit;
    }
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
