/** Shared checks for the sample readers: read a text in chunks and verify every unit's map. */
import * as assert from 'node:assert/strict';
import { fileEndOf, fileOffsetOf, positionInUnit, TextUnit } from '../../../core/pii/readers/textUnit';
import { UnitReader } from '../../../core/pii/readers/unitReader';

/** Reads `text` through `reader`, cut into chunks of `chunkSize` characters. */
export function readAll(reader: UnitReader, text: string, chunkSize = text.length || 1): TextUnit[] {
  const units: TextUnit[] = [];
  for (let i = 0; i < text.length; i += chunkSize) units.push(...reader.push(text.slice(i, i + chunkSize)));
  units.push(...reader.end());
  return units;
}

/** LSP position of an offset, computed the obvious way from a list of line starts. */
export function slowPosition(text: string, offset: number): { line: number; character: number } {
  const starts = lineStartsOf(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

const lineStartCache = new Map<string, number[]>();
function lineStartsOf(text: string): number[] {
  let starts = lineStartCache.get(text);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
    }
    lineStartCache.clear();
    lineStartCache.set(text, starts);
  }
  return starts;
}

/** How a file spells one unit character: verbatim, a CSV `""`, a JSON escape, or nothing (a separator). */
function spells(slice: string, ch: string): boolean {
  if (slice === ch || slice === '') return true;
  if (slice === '""' && ch === '"') return true;
  if (slice.startsWith('\\')) {
    try {
      return JSON.parse(`"${slice}"`) === ch;
    } catch {
      return false;
    }
  }
  return false;
}

/** Every unit character maps to the file characters that spell it, and positions agree. */
export function assertUnitsMapExactly(file: string, units: TextUnit[]): void {
  for (const unit of units) {
    for (let u = 0; u < unit.text.length; u++) {
      const from = fileOffsetOf(unit, u);
      const to = fileEndOf(unit, u + 1);
      const slice = file.slice(from, to);
      assert.ok(spells(slice, unit.text[u]), `unit char ${JSON.stringify(unit.text[u])} at ${u} maps to ${JSON.stringify(slice)} [${from}, ${to})`);
      if (slice !== '') {
        const position = positionInUnit(unit, from);
        assert.deepEqual({ line: position.line, character: position.character }, slowPosition(file, from), `position of file offset ${from}`);
      }
    }
  }
}

/** File range of the first occurrence of `needle` in a unit's text. */
export function fileRangeOfNeedle(units: TextUnit[], needle: string): { start: number; end: number } {
  for (const unit of units) {
    const at = unit.text.indexOf(needle);
    if (at >= 0) return { start: fileOffsetOf(unit, at), end: fileEndOf(unit, at + needle.length) };
  }
  throw new Error(`${needle} is in no unit`);
}
