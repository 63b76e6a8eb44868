/**
 * A text unit is what the detectors see: one CSV record, one JSON record's string values, one
 * paragraph of plain text. It carries a map back to the file, so that every finding lands at
 * its exact UTF-16 offset in the file text (through CSV quoting and JSON escapes) and at its
 * LSP line/character.
 *
 * The offset map is piecewise linear: breakpoints (unitOffset -> fileOffset), sorted; between two
 * breakpoints unit and file advance together. An escape (`\n`, `""`, `\u00e9`) is one unit
 * character with its own breakpoint, and the breakpoint after it says where the file resumes.
 */
import { FieldRegion } from '../piiTypes';

export interface TextUnit {
  text: string;
  /** Unit offsets of the breakpoints (first is 0), ascending. */
  unitBreaks: number[];
  /** File offset at each breakpoint. */
  fileBreaks: number[];
  /** Field (column, key) regions in unit offsets, sorted. */
  fields?: FieldRegion[];
  /** 0-based line of the unit's first character, and the file offset where that line starts. */
  startLine: number;
  startLineOffset: number;
  /** File offsets of the starts of later lines inside the unit's span, ascending. */
  lineStarts: number[];
  /** 0-based record number (CSV row including the header, JSON record), when the format has records. */
  record?: number;
}

export interface FilePosition {
  offset: number;
  line: number;
  character: number;
}

/** File offset of a unit offset (0..text.length). */
export function fileOffsetOf(unit: TextUnit, unitOffset: number): number {
  const breaks = unit.unitBreaks;
  let lo = 0;
  let hi = breaks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (breaks[mid] <= unitOffset) lo = mid;
    else hi = mid - 1;
  }
  return unit.fileBreaks[lo] + (unitOffset - breaks[lo]);
}

/** LSP line/character of a file offset inside the unit's span. */
export function positionInUnit(unit: TextUnit, fileOffset: number): FilePosition {
  const starts = unit.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= fileOffset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return { offset: fileOffset, line: unit.startLine, character: fileOffset - unit.startLineOffset };
  return { offset: fileOffset, line: unit.startLine + found + 1, character: fileOffset - starts[found] };
}

/** A unit range [start, end) as file offsets and positions. */
export function fileRangeOf(unit: TextUnit, start: number, end: number): { start: FilePosition; end: FilePosition } {
  const fileStart = fileOffsetOf(unit, start);
  // An end that falls right after a separator the reader inserted maps onto the value's end.
  const fileEnd = Math.max(fileStart, fileOffsetOf(unit, end));
  return { start: positionInUnit(unit, fileStart), end: positionInUnit(unit, fileEnd) };
}

/** Builds a unit piece by piece while a reader walks the file. */
export class UnitBuilder {
  private parts: string[] = [];
  private length = 0;
  private unitBreaks: number[] = [];
  private fileBreaks: number[] = [];
  private fields: FieldRegion[] = [];
  private lineStarts: number[] = [];
  private nextFile = -1;
  private fieldStart = -1;
  private fieldName = '';
  startLine = 0;
  startLineOffset = 0;
  record: number | undefined;

  get textLength(): number {
    return this.length;
  }

  get isEmpty(): boolean {
    return this.length === 0;
  }

  /** Appends `text` whose characters sit at fileOffset, fileOffset+1, ... in the file. */
  appendVerbatim(text: string, fileOffset: number): void {
    if (text.length === 0) return;
    this.breakAt(fileOffset);
    this.push(text);
    this.nextFile = fileOffset + text.length;
  }

  /** Appends one decoded character (or a surrogate half) that the file spells [fileStart, fileEnd). */
  appendDecoded(text: string, fileStart: number, fileEnd: number): void {
    this.breakAt(fileStart);
    this.push(text);
    this.nextFile = fileEnd;
  }

  /** Appends text that is not in the file (a separator between values); it maps to `fileOffset`. */
  appendSynthetic(text: string, fileOffset: number): void {
    if (text.length === 0) return;
    this.breakAt(fileOffset);
    this.push(text);
    // The characters all map to fileOffset: add a break after each so none advances the file.
    for (let i = 1; i <= text.length; i++) {
      this.unitBreaks.push(this.length - text.length + i);
      this.fileBreaks.push(fileOffset);
    }
    this.nextFile = fileOffset;
  }

  /** Records that a new line starts at `fileOffset` inside this unit. */
  noteLineStart(fileOffset: number): void {
    this.lineStarts.push(fileOffset);
  }

  /** A CRLF moves the start of the line that its CR opened. */
  moveLastLineStart(fileOffset: number): void {
    if (this.lineStarts.length > 0) this.lineStarts[this.lineStarts.length - 1] = fileOffset;
    else this.startLineOffset = fileOffset;
  }

  beginField(name: string | undefined): void {
    this.fieldStart = name === undefined ? -1 : this.length;
    this.fieldName = name ?? '';
  }

  endField(): void {
    if (this.fieldStart >= 0 && this.length > this.fieldStart) {
      this.fields.push({ start: this.fieldStart, end: this.length, name: this.fieldName });
    }
    this.fieldStart = -1;
  }

  /** Finishes the unit; `fileEnd` is the file offset just after its last character. */
  finish(fileEnd: number): TextUnit {
    this.endField();
    const text = this.parts.join('');
    this.unitBreaks.push(text.length);
    this.fileBreaks.push(this.nextFile >= 0 ? this.nextFile : fileEnd);
    const unit: TextUnit = {
      text,
      unitBreaks: this.unitBreaks,
      fileBreaks: this.fileBreaks,
      startLine: this.startLine,
      startLineOffset: this.startLineOffset,
      lineStarts: this.lineStarts,
    };
    if (this.fields.length > 0) unit.fields = this.fields;
    if (this.record !== undefined) unit.record = this.record;
    return unit;
  }

  private breakAt(fileOffset: number): void {
    if (fileOffset === this.nextFile) return;
    const last = this.unitBreaks.length - 1;
    if (last >= 0 && this.unitBreaks[last] === this.length) {
      this.fileBreaks[last] = fileOffset;
    } else {
      this.unitBreaks.push(this.length);
      this.fileBreaks.push(fileOffset);
    }
  }

  private push(text: string): void {
    // Merge small appends so a long record does not become an array of single characters.
    const last = this.parts.length - 1;
    if (last >= 0 && this.parts[last].length < 4096) this.parts[last] += text;
    else this.parts.push(text);
    this.length += text.length;
  }
}
