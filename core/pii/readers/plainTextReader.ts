/**
 * Plain text reader: units are paragraphs (split after a blank line); a long paragraph is split at
 * the first line break after `softUnitChars`, at whitespace after `maxUnitChars`, and anywhere
 * after twice that, so a file without blank lines still streams in bounded pieces. Text is
 * verbatim (whitespace included): unit and file offsets differ by a constant.
 */
import { LineTracker } from './lineTracker';
import { TextUnit } from './textUnit';
import { MAX_UNIT_CHARS, UnitReader } from './unitReader';

export interface PlainTextOptions {
  softUnitChars?: number;
  maxUnitChars?: number;
}

export function createPlainTextReader(options: PlainTextOptions = {}): UnitReader {
  const soft = options.softUnitChars ?? 2048;
  const hard = options.maxUnitChars ?? MAX_UNIT_CHARS;
  const lines = new LineTracker();
  let unit = lines.newUnit();
  let offset = 0;
  let out: TextUnit[] = [];
  let lineIsBlank = true;
  let blankLines = 0;
  /** The last chunk ended with a CR: whether it ends the line depends on the next character. */
  let crAtChunkEnd = false;

  const flush = (fileEnd: number) => {
    if (!unit.isEmpty) {
      const finished = unit.finish();
      if (/\S/.test(finished.text)) out.push(finished);
    }
    unit = lines.newUnit();
  };

  /** A line ended (at `fileEnd`): a blank line, or a long unit, ends the unit. */
  const endLine = (length: number, beforeFlush: () => void, fileEnd: number) => {
    blankLines = lineIsBlank ? blankLines + 1 : 0;
    lineIsBlank = true;
    if (blankLines >= 1 || length >= soft) {
      beforeFlush();
      flush(fileEnd);
    }
  };

  const push = (chunk: string): TextUnit[] => {
    out = [];
    const base = offset;
    let runStart = 0;
    if (crAtChunkEnd && chunk.length > 0) {
      crAtChunkEnd = false;
      // A CR then anything but LF: the CR ended the line (a CRLF is ended by its LF, below).
      if (chunk.charCodeAt(0) !== 10) endLine(unit.textLength, () => undefined, base);
    }
    const flushRun = (endIndex: number) => {
      if (endIndex > runStart) unit.appendVerbatim(chunk.slice(runStart, endIndex), base + runStart);
      runStart = endIndex;
    };
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      const here = base + i;
      lines.step(code, here, unit);
      const length = unit.textLength + (i - runStart);
      if (code === 10 || code === 13) {
        if (code === 13 && chunk.charCodeAt(i + 1) === 10) continue; // the LF ends the line
        if (code === 13 && i === chunk.length - 1) {
          // Never split a CRLF between two units: decided with the next chunk.
          crAtChunkEnd = true;
          continue;
        }
        endLine(length, () => flushRun(i + 1), here + 1);
      } else if (code === 32 || code === 9) {
        if (length >= hard) {
          flushRun(i + 1);
          flush(here + 1);
        }
      } else {
        lineIsBlank = false;
        if (length >= hard * 2) {
          flushRun(i);
          flush(here);
        }
      }
    }
    flushRun(chunk.length);
    offset = base + chunk.length;
    return out;
  };

  return {
    warnings: [],
    push,
    end() {
      out = [];
      flush(offset);
      return out;
    },
  };
}
