/**
 * CSV/TSV reader (RFC 4180, tolerant): quoted fields, `""` escapes, newlines inside quotes, any
 * one-character delimiter. One unit per record, holding the decoded fields with their
 * delimiters, so the detectors see `Ada Lovelace,ada@example.org` and every unit offset maps back
 * to the file. When the first record looks like a header its names become field names (context
 * for the recognizers: a column named `dob` makes its dates dates of birth).
 */
import { LineTracker } from './lineTracker';
import { TextUnit, UnitBuilder } from './textUnit';
import { MAX_UNIT_CHARS, UnitReader } from './unitReader';

export interface CsvOptions {
  delimiter?: string;
  maxUnitChars?: number;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** Picks the delimiter (`,` `;` tab `|`) that splits the first lines most consistently. */
export function sniffDelimiter(sample: string): string {
  const lines = sample.split(/\r\n|\n|\r/).slice(0, 20).filter((line) => line.length > 0);
  if (lines.length > 1 && sample.length > 0 && !/[\r\n]$/.test(sample)) lines.pop();
  let best = ',';
  let bestScore = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    if (counts.length === 0 || counts[0] === 0) continue;
    const consistent = counts.filter((c) => c === counts[0]).length / counts.length;
    const score = consistent * 10 + Math.min(counts[0], 9);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count++;
  }
  return count;
}

const HEADER_NAME = /^[\p{L}_][\p{L}\p{N} _.\-()#/]{0,63}$/u;

export function createCsvReader(options: CsvOptions = {}): UnitReader {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const maxUnitChars = options.maxUnitChars ?? MAX_UNIT_CHARS;
  const lines = new LineTracker();
  const warnings: string[] = [];
  let state = State.FieldStart;
  let offset = 0; // file offset of the next character
  let record = 0;
  let fieldIndex = 0;
  let headers: string[] | undefined;
  let firstRecordFields: string[] | undefined = [];
  let fieldText = ''; // decoded text of the current field, only while reading the first record
  let unit = lines.newUnit();
  let afterCr = false;
  let out: TextUnit[] = [];

  const startRecordIfNeeded = () => {
    if (unit.isEmpty && fieldIndex === 0) unit.record = record;
  };
  const beginField = () => {
    unit.beginField(headers?.[fieldIndex]);
  };
  const endField = () => {
    unit.endField();
    if (firstRecordFields) firstRecordFields.push(fieldText);
    fieldText = '';
    fieldIndex++;
  };
  const endRecord = (fileEnd: number) => {
    if (firstRecordFields) {
      if (firstRecordFields.length > 0 && firstRecordFields.every((name) => HEADER_NAME.test(name.trim()))) {
        headers = firstRecordFields.map((name) => name.trim());
      }
      firstRecordFields = undefined;
    }
    if (!unit.isEmpty) out.push(unit.finish());
    unit = lines.newUnit();
    record++;
    fieldIndex = 0;
    state = State.FieldStart;
  };
  const append = (text: string, fileOffset: number) => {
    unit.appendVerbatim(text, fileOffset);
    if (firstRecordFields) fieldText += text;
    if (unit.textLength >= maxUnitChars) {
      out.push(unit.finish());
      const keep = unit.record;
      unit = lines.newUnit();
      unit.record = keep;
      beginField();
    }
  };

  const push = (chunk: string): TextUnit[] => {
    out = [];
    const base = offset; // file offset of chunk[0]
    // Index in the chunk where the current verbatim run began (-1: none). A field that
    // continues from the previous chunk continues its run at index 0.
    let runStart = state === State.Unquoted || state === State.Quoted ? 0 : -1;
    const flushRun = (endIndex: number) => {
      if (runStart >= 0 && endIndex > runStart) append(chunk.slice(runStart, endIndex), base + runStart);
      runStart = -1;
    };
    /** A delimiter or newline (at file offset `here`) ends the current field, and a newline the record. */
    const endFieldAt = (char: string, here: number) => {
      endField();
      if (char === '\n' || char === '\r') {
        afterCr = char === '\r';
        endRecord(here);
      } else {
        unit.appendVerbatim(char, here);
        state = State.FieldStart;
      }
    };
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      const here = base + i;
      lines.step(code, here, unit);
      const isNewline = code === 10 || code === 13;
      switch (state) {
        case State.FieldStart:
          if (isNewline) {
            if (code === 10 && afterCr) {
              afterCr = false;
              continue;
            }
            afterCr = code === 13;
            if (fieldIndex > 0) {
              beginField();
              endField();
            }
            endRecord(here);
            continue;
          }
          afterCr = false;
          startRecordIfNeeded();
          beginField();
          if (code === 34) {
            state = State.Quoted;
          } else if (code === delimiter) {
            endField();
            unit.appendVerbatim(chunk[i], here);
          } else {
            state = State.Unquoted;
            runStart = i;
          }
          break;
        case State.Unquoted:
          if (code === delimiter || isNewline) {
            flushRun(i);
            endFieldAt(chunk[i], here);
          }
          break;
        case State.Quoted:
          if (code === 34) {
            flushRun(i);
            state = State.QuoteInQuoted;
          } else if (runStart < 0) {
            runStart = i;
          }
          break;
        case State.QuoteInQuoted:
          if (code === 34) {
            unit.appendDecoded('"', here - 1, here + 1);
            if (firstRecordFields) fieldText += '"';
            state = State.Quoted;
          } else if (code === delimiter || isNewline) {
            endFieldAt(chunk[i], here);
          } else {
            // A stray quote inside a quoted field: keep reading the rest as plain characters.
            if (warnings.length < 20) warnings.push(`line ${lines.line + 1}: unexpected character after a closing quote`);
            state = State.Unquoted;
            runStart = i;
          }
          break;
      }
    }
    // Hand the pending run to the unit: the chunk is about to be dropped.
    flushRun(chunk.length);
    offset = base + chunk.length;
    return out;
  };

  return {
    warnings,
    push,
    end() {
      out = [];
      if (state === State.Quoted && warnings.length < 20) warnings.push('the file ends inside a quoted field');
      if (state !== State.FieldStart || fieldIndex > 0) endField();
      if (!unit.isEmpty) out.push(unit.finish());
      unit = lines.newUnit();
      return out;
    },
  };
}
