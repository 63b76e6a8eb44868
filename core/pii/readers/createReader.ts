/** The reader for a format (Parquet is read by the server, not by a text reader). */
import { createCsvReader } from './csvReader';
import { createJsonReader } from './jsonReader';
import { createPlainTextReader } from './plainTextReader';
import { SampleFormat } from './sampleFormat';
import { UnitReader } from './unitReader';

export function createReader(format: Exclude<SampleFormat, 'parquet'>, delimiter?: string): UnitReader {
  switch (format) {
    case 'csv':
      return createCsvReader({ delimiter: delimiter ?? ',' });
    case 'tsv':
      return createCsvReader({ delimiter: '\t' });
    case 'json':
      return createJsonReader();
    case 'jsonl':
      return createJsonReader({ lineDelimited: true });
    case 'text':
      return createPlainTextReader();
  }
}
