/**
 * A text unit is what the detectors see: one CSV record, one JSON record's string values, one
 * paragraph of plain text. It carries a map back to the file, so that every finding lands at
 * its exact UTF-16 offset in the file text (through CSV quoting and JSON escapes) and at its
 * LSP line/character.
 *
 * The offset map is a list of pieces. A piece starts at unit offset `unitBreaks[i]` and file
 * offset `fileBreaks[i]` and ends at file offset `fileEnds[i]`: a verbatim run advances unit and
 * file together; a decoded escape (`\n`, `""`, `\u00e9`) is a one-character piece whose file span
 * is the escape; text the reader inserted (a separator, a key) is a piece with an empty file span.
 * Starts map through the piece that holds the character, ends through the piece that holds the
 * character before, so a quote or an escape next to a value never leaks into its range.
 */
import { FieldRegion } from '../piiTypes';

export interface TextUnit {
  text: string;
  /** Unit offset where each piece starts (first is 0), ascending. */
  unitBreaks: number[];
  /** File offset where each piece starts. */
  fileBreaks: number[];
  /** File offset where each piece ends. */
  fileEnds: number[];
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

function pieceAt(unit: TextUnit, unitOffset: number): number {
  const breaks = unit.unitBreaks;
  let lo = 0;
  let hi = breaks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (breaks[mid] <= unitOffset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** File offset where the unit character at `unitOffset` starts (a range start). */
export function fileOffsetOf(unit: TextUnit, unitOffset: number): number {
  if (unitOffset >= unit.text.length) return fileEndOf(unit, unit.text.length);
  const i = pieceAt(unit, unitOffset);
  return Math.min(unit.fileBreaks[i] + (unitOffset - unit.unitBreaks[i]), unit.fileEnds[i]);
}

/** File offset just after the unit character before `unitOffset` (a range end). */
export function fileEndOf(unit: TextUnit, unitOffset: number): number {
  if (unitOffset <= 0) return unit.fileBreaks[0] ?? 0;
  const i = pieceAt(unit, unitOffset - 1);
  const pieceEnd = i + 1 < unit.unitBreaks.length ? unit.unitBreaks[i + 1] : unit.text.length;
  if (unitOffset >= pieceEnd) return unit.fileEnds[i];
  return Math.min(unit.fileBreaks[i] + (unitOffset - unit.unitBreaks[i]), unit.fileEnds[i]);
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

/**
 * A unit range [start, end) as file offsets and positions; undefined when it covers only text the
 * reader inserted (it has no place in the file).
 */
export function fileRangeOf(unit: TextUnit, start: number, end: number): { start: FilePosition; end: FilePosition } | undefined {
  const fileStart = fileOffsetOf(unit, start);
  const fileEnd = fileEndOf(unit, end);
  if (fileEnd <= fileStart) return undefined;
  return { start: positionInUnit(unit, fileStart), end: positionInUnit(unit, fileEnd) };
}

/**
 * The part of the unit range [start, end) that a finding may claim: a range running across text
 * the reader inserted (the `: ` after a JSON key, the line break between two values) would cover
 * the file's syntax between them, so it is cut there and its longest part kept (the first of
 * equals). A range without inserted text inside comes back unchanged.
 */
export function withinOneRun(unit: TextUnit, start: number, end: number): { start: number; end: number } {
  let best = { start, end: start };
  let runStart = start;
  let cut = false;
  for (let i = pieceAt(unit, start); i < unit.unitBreaks.length && unit.unitBreaks[i] < end; i++) {
    if (unit.fileEnds[i] !== unit.fileBreaks[i]) continue; // spelled by the file
    const insertedStart = Math.max(start, unit.unitBreaks[i]);
    const insertedEnd = Math.min(end, i + 1 < unit.unitBreaks.length ? unit.unitBreaks[i + 1] : unit.text.length);
    if (insertedEnd <= insertedStart) continue;
    cut = true;
    if (insertedStart - runStart > best.end - best.start) best = { start: runStart, end: insertedStart };
    runStart = insertedEnd;
  }
  if (!cut) return { start, end };
  if (end - runStart > best.end - best.start) best = { start: runStart, end };
  return best;
}

/** Builds a unit piece by piece while a reader walks the file. */
export class UnitBuilder {
  private parts: string[] = [];
  private length = 0;
  private unitBreaks: number[] = [];
  private fileBreaks: number[] = [];
  private fileEnds: number[] = [];
  /** Whether the last piece is a verbatim run that a contiguous append may extend. */
  private lastExtendable = false;
  private fields: FieldRegion[] = [];
  private lineStarts: number[] = [];
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
    const last = this.fileEnds.length - 1;
    if (this.lastExtendable && this.fileEnds[last] === fileOffset) {
      this.fileEnds[last] += text.length;
    } else {
      this.addPiece(fileOffset, fileOffset + text.length);
      this.lastExtendable = true;
    }
    this.push(text);
  }

  /** Appends one decoded character (or a surrogate half) that the file spells [fileStart, fileEnd). */
  appendDecoded(text: string, fileStart: number, fileEnd: number): void {
    this.addPiece(fileStart, fileEnd);
    this.lastExtendable = false;
    this.push(text);
  }

  /** Appends text that is not in the file (a separator between values); it maps to `fileOffset`. */
  appendSynthetic(text: string, fileOffset: number): void {
    if (text.length === 0) return;
    this.addPiece(fileOffset, fileOffset);
    this.lastExtendable = false;
    this.push(text);
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

  finish(): TextUnit {
    this.endField();
    const unit: TextUnit = {
      text: this.parts.join(''),
      unitBreaks: this.unitBreaks,
      fileBreaks: this.fileBreaks,
      fileEnds: this.fileEnds,
      startLine: this.startLine,
      startLineOffset: this.startLineOffset,
      lineStarts: this.lineStarts,
    };
    if (this.fields.length > 0) unit.fields = this.fields;
    if (this.record !== undefined) unit.record = this.record;
    return unit;
  }

  private addPiece(fileStart: number, fileEnd: number): void {
    const last = this.unitBreaks.length - 1;
    if (last >= 0 && this.unitBreaks[last] === this.length) {
      // The previous piece is empty: replace it.
      this.fileBreaks[last] = fileStart;
      this.fileEnds[last] = fileEnd;
    } else {
      this.unitBreaks.push(this.length);
      this.fileBreaks.push(fileStart);
      this.fileEnds.push(fileEnd);
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
