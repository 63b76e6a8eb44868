/**
 * Property tests (fast-check, seeded and bounded) for the sample readers and what surrounds them:
 * for any text (random Unicode, lone surrogates, NUL, BOM, CR/LF/CRLF mixes, quotes, escapes,
 * brackets, mutated JSON and CSV) cut into chunks of any size, every reader terminates without
 * throwing, and every unit character and every finding maps to file offsets inside the file whose
 * text spells it, at the LSP line/character an editor shows. The decoders give back the text of
 * UTF-8 and UTF-16 files whatever the byte boundaries of the reads; binary detection and the
 * Parquet reader never throw anything but a worded Error; scanFiles never throws on any bytes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { recognizeAll } from '../../../core/pii/recognizeAll';
import { createCsvReader } from '../../../core/pii/readers/csvReader';
import { createJsonReader } from '../../../core/pii/readers/jsonReader';
import { createPlainTextReader } from '../../../core/pii/readers/plainTextReader';
import { detectBinary } from '../../../core/pii/readers/sampleFormat';
import { decodeSampleBytes, SampleEncoding, sampleDecoder } from '../../../core/pii/readers/textEncoding';
import { fileEndOf, fileOffsetOf, fileRangeOf, positionInUnit, TextUnit, withinOneRun } from '../../../core/pii/readers/textUnit';
import { UnitReader } from '../../../core/pii/readers/unitReader';
import { parquetUnits } from '../../../engine/pii/parquetUnits';
import { scanFiles } from '../../../engine/pii/scanFiles';
import { readAll, slowPosition } from './readerHarness';
import { writeTinyParquet } from './tinyParquet';

const SEED = 1313;

const READERS: Array<[string, () => UnitReader]> = [
  ['csv', () => createCsvReader({ delimiter: ',' })],
  ['csv;', () => createCsvReader({ delimiter: ';', maxUnitChars: 40 })],
  ['tsv', () => createCsvReader({ delimiter: '\t' })],
  ['json', () => createJsonReader()],
  ['json small units', () => createJsonReader({ maxUnitChars: 50, softUnitChars: 20 })],
  ['jsonl', () => createJsonReader({ lineDelimited: true })],
  ['text', () => createPlainTextReader()],
  ['text small units', () => createPlainTextReader({ maxUnitChars: 30, softUnitChars: 10 })],
];

/** Pieces that matter to some reader, personal data the recognizers find, and anything at all. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 6 }) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '"', '""', ',', ';', '\t', '\n', '\r', '\r\n', ' ', '\\', '\\"', '\\n', '\\u00e9', '\\ud83d', '\\ude00', '\\u12G4', '\\q',
      '{', '}', '[', ']', ':', '{"a": ', '"key": "', '\uFEFF', '\u0000', '\u2028', '😀', 'true', 'nul', '-12.5e3',
      'ana.ruiz@example.com', '+1 415 555 2671', '536-22-1234', 'DE44 5001 0517 5407 3249 31', 'password=S3cr3tPw1', 'name,email\n',
    ),
  },
);
const anyText = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** Valid JSON (records of a JSON Lines file) with characters replaced, inserted or deleted. */
const mutatedJson = fc
  .tuple(fc.array(fc.json({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), piece), { maxLength: 4 }))
  .map(([records, edits]) => mutate(records.join('\n'), edits));

/** A CSV table with quoted cells (quotes, delimiters and line breaks inside), then mutated. */
const mutatedCsv = fc
  .tuple(fc.array(fc.array(fc.oneof(fc.string({ maxLength: 8 }), piece), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), piece), { maxLength: 3 }))
  .map(([rows, edits]) => mutate(rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n'), edits));

function mutate(text: string, edits: Array<[number, number, string]>): string {
  let out = text;
  for (const [at, remove, insert] of edits) {
    const start = out.length === 0 ? 0 : at % (out.length + 1);
    out = out.slice(0, start) + insert + out.slice(start + remove);
  }
  return out;
}

const input = fc.oneof(anyText, mutatedJson, mutatedCsv);
const chunkSize = fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 8, max: 200 }), fc.constant(1 << 16));

/** A unit character maps to the file text that spells it: itself, an escape, a CSV `""`, or nothing (text the reader inserted). */
function spelledBy(slice: string, ch: string): boolean {
  return slice === '' || slice === ch || slice.startsWith('\\') || (slice === '""' && ch === '"');
}

function checkUnits(file: string, units: TextUnit[]): void {
  for (const unit of units) {
    for (let k = 1; k < unit.unitBreaks.length; k++) assert.ok(unit.unitBreaks[k] > unit.unitBreaks[k - 1], 'unit breaks ascend');
    for (let u = 0; u < unit.text.length; u++) {
      const from = fileOffsetOf(unit, u);
      const to = fileEndOf(unit, u + 1);
      assert.ok(from >= 0 && from <= to && to <= file.length, `unit char ${u} maps to [${from}, ${to}) in a file of ${file.length}`);
      const slice = file.slice(from, to);
      assert.ok(spelledBy(slice, unit.text[u]), `unit char ${JSON.stringify(unit.text[u])} spelled by ${JSON.stringify(slice)}`);
      if (slice !== '') {
        const position = positionInUnit(unit, from);
        assert.deepEqual({ line: position.line, character: position.character }, slowPosition(file, from));
      }
    }
    for (const field of unit.fields ?? []) assert.ok(field.start >= 0 && field.start < field.end && field.end <= unit.text.length, 'field inside the unit');
  }
}

/** Findings (recognizers on each unit, and any span at all) land inside the file, ordered, at the editor's line/character. */
function checkRanges(file: string, unit: TextUnit, spans: Array<{ start: number; end: number }>): void {
  for (const span of spans) {
    const part = withinOneRun(unit, span.start, span.end);
    assert.ok(part.start >= span.start && part.end <= span.end && part.start <= part.end);
    const range = fileRangeOf(unit, part.start, part.end);
    if (!range) continue;
    assert.ok(range.start.offset >= 0 && range.start.offset < range.end.offset && range.end.offset <= file.length, `range [${range.start.offset}, ${range.end.offset}) in ${file.length}`);
    assert.deepEqual({ line: range.start.line, character: range.start.character }, slowPosition(file, range.start.offset));
    assert.deepEqual({ line: range.end.line, character: range.end.character }, slowPosition(file, range.end.offset));
  }
}

describe('pii readers: properties (fast-check)', function () {
  this.timeout(60000);

  for (const [name, make] of READERS) {
    it(`${name}: any text in any chunks gives units mapped exactly to the file, and findings inside it`, () => {
      fc.assert(
        fc.property(input, chunkSize, fc.array(fc.tuple(fc.nat(), fc.nat(40)), { maxLength: 4 }), (file, size, randomSpans) => {
          const units = readAll(make(), file, size);
          checkUnits(file, units);
          for (const unit of units) {
            const found = recognizeAll({ text: unit.text, fields: unit.fields });
            for (const f of found) assert.ok(f.start >= 0 && f.start < f.end && f.end <= unit.text.length, `finding [${f.start}, ${f.end}) in a unit of ${unit.text.length}`);
            const arbitrary = randomSpans.map(([at, length]) => {
              const start = unit.text.length === 0 ? 0 : at % unit.text.length;
              return { start, end: Math.min(unit.text.length, start + length + 1) };
            });
            checkRanges(file, unit, [...found, ...arbitrary]);
          }
        }),
        { seed: SEED, numRuns: 400 },
      );
    });
  }

  it('the same text whatever the chunk sizes (units concatenated; whitespace-only units are dropped, so whitespace is not compared)', () => {
    fc.assert(
      fc.property(input, chunkSize, (file, size) => {
        for (const [, make] of READERS) {
          const whole = readAll(make(), file).map((u) => u.text).join('');
          const chunked = readAll(make(), file, size).map((u) => u.text).join('');
          assert.equal(chunked.replace(/\s/g, ''), whole.replace(/\s/g, ''));
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('UTF-8 and UTF-16 files decode to their text (without the byte order mark) whatever the read boundaries', () => {
    const encodings: SampleEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...encodings), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }), (text, encoding, cuts) => {
        const body = encoding.startsWith('utf-8') ? Buffer.from(text, 'utf8') : Buffer.from(text, 'utf16le');
        if (encoding === 'utf-16be') body.swap16();
        const bom = { 'utf-8': [], 'utf-8-bom': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] }[encoding];
        const bytes = Buffer.concat([Buffer.from(bom), body]);
        const verdict = detectBinary(bytes.subarray(0, 8192));
        // A text holding NUL is binary, and UTF-8 without a byte order mark cannot announce UTF-16.
        if (!text.includes('\u0000') && !(encoding === 'utf-8' && /^\uFEFF/.test(text))) assert.equal(verdict.encoding, encoding === 'utf-8' && text.startsWith('\uFEFF') ? 'utf-8-bom' : encoding);
        const decoder = sampleDecoder(encoding);
        let decoded = '';
        for (let at = 0, k = 0; at < bytes.length; k++) {
          const next = Math.min(bytes.length, at + cuts[k % cuts.length]);
          decoded += decoder.decode(bytes.subarray(at, next), { stream: true });
          at = next;
        }
        decoded += decoder.decode();
        assert.equal(decoded, text);
        if (encoding !== 'utf-8') assert.equal(decodeSampleBytes(bytes), text);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('binary detection takes any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const verdict = detectBinary(bytes);
        assert.equal(typeof verdict.binary, 'boolean');
        if (verdict.binary) assert.ok(verdict.reason && verdict.reason.length > 0);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  describe('on files', () => {
    let dir: string;
    let parquet: Buffer;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-props-'));
      writeTinyParquet(path.join(dir, 'seed.parquet'), { name: ['Ada Lovelace', 'Grace Hopper'], contact: ['ada@analytical.co.uk', '+1 415 555 2671'] });
      parquet = fs.readFileSync(path.join(dir, 'seed.parquet'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('a damaged Parquet file ends the read with a worded Error, never another throw or a hang', async () => {
      const file = path.join(dir, 'damaged.parquet');
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.option(fc.nat()), async (flips, cut) => {
          const bytes = Buffer.from(parquet);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          fs.writeFileSync(file, cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)));
          let rows = 0;
          try {
            for await (const unit of parquetUnits(file)) {
              rows++;
              assert.ok(unit.fields.every((f) => f.start >= 0 && f.start <= f.end && f.end <= unit.text.length));
            }
          } catch (error) {
            assert.ok(error instanceof Error);
            assert.match(error.message, /^(the file is|not a Parquet file|truncated or damaged Parquet file|damaged Parquet file)/);
          }
          assert.ok(rows <= 2);
        }),
        { seed: SEED, numRuns: 150 },
      );
    });

    it('scanFiles takes any bytes under any sample name: skipped with a reason, or findings inside the decoded text', async () => {
      const names = ['s.csv', 's.tsv', 's.json', 's.jsonl', 's.txt', 's.parquet', 's'];
      const encodings = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), fc.constantFrom(...encodings), fc.oneof(input.map((t) => ({ text: t })), fc.uint8Array({ maxLength: 200 }).map((b) => ({ bytes: b }))), async (name, bom, content) => {
          const file = path.join(dir, name);
          let bytes: Buffer;
          if ('bytes' in content) bytes = Buffer.from(content.bytes);
          else if (bom[0] === 0xff) bytes = Buffer.concat([Buffer.from(bom), Buffer.from(content.text, 'utf16le')]);
          else if (bom[0] === 0xfe) bytes = Buffer.concat([Buffer.from(bom), Buffer.from(content.text, 'utf16le').swap16()]);
          else bytes = Buffer.concat([Buffer.from(bom), Buffer.from(content.text, 'utf8')]);
          fs.writeFileSync(file, bytes);
          const result = await scanFiles([file], { model: null, workers: 0 });
          const scan = result.files[0];
          if (scan.skipped) {
            assert.ok(scan.skipped.length > 0);
            return;
          }
          if (scan.format === 'parquet') return;
          const text = decodeSampleBytes(bytes);
          for (const f of scan.findings) {
            assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length, `[${f.start}, ${f.end}) in ${text.length}`);
            assert.deepEqual([f.line, f.character], Object.values(slowPosition(text, f.start)));
            assert.deepEqual([f.endLine, f.endCharacter], Object.values(slowPosition(text, f.end)));
          }
        }),
        { seed: SEED, numRuns: 300 },
      );
    });
  });
});
