import * as assert from 'node:assert/strict';
import { createCsvReader, sniffDelimiter } from '../../../core/pii/readers/csvReader';
import { createJsonReader } from '../../../core/pii/readers/jsonReader';
import { createPlainTextReader } from '../../../core/pii/readers/plainTextReader';
import { detectBinary, formatOfContent, formatOfPath } from '../../../core/pii/readers/sampleFormat';
import { withinOneRun } from '../../../core/pii/readers/textUnit';
import { assertUnitsMapExactly, fileRangeOfNeedle, readAll } from './readerHarness';

const CHUNK_SIZES = [1, 2, 3, 7, 64, 100000];

describe('pii readers: CSV', () => {
  const csv =
    'name,email,note\r\n' +
    '"Smith, John",john@example.org,"He said ""call 415-555-2671""\r\nthen left"\r\n' +
    'Zoë Ångström,zoe@exämple.se,"emoji 😀 here"\n' +
    'plain,,last\r' +
    'x,"",""""\n';

  for (const size of CHUNK_SIZES) {
    it(`maps every character back to the file (chunks of ${size})`, () => {
      const units = readAll(createCsvReader(), csv, size);
      assert.equal(units.length, 5);
      assertUnitsMapExactly(csv, units);
      assert.equal(units[1].text, 'Smith, John,john@example.org,He said "call 415-555-2671"\r\nthen left');
    });
  }

  it('finds values at their exact file offsets through quotes and "" escapes', () => {
    const units = readAll(createCsvReader(), csv, 5);
    for (const needle of ['john@example.org', '415-555-2671', 'Smith, John', 'then left', 'zoe@exämple.se', '😀']) {
      const range = fileRangeOfNeedle(units, needle);
      assert.equal(csv.slice(range.start, range.end), needle);
    }
    const quoted = fileRangeOfNeedle(units, '"call');
    assert.equal(csv.slice(quoted.start, quoted.end), '""call');
  });

  it('uses a header row as field names', () => {
    const units = readAll(createCsvReader(), csv);
    const fields = units[1].fields ?? [];
    assert.deepEqual(fields.map((f) => f.name), ['name', 'email', 'note']);
    assert.equal(units[1].text.slice(fields[1].start, fields[1].end), 'john@example.org');
    assert.equal(units[1].record, 1);
  });

  it('reads semicolons and tabs', () => {
    const semi = 'a;b\n"1;2";3\n';
    assert.equal(sniffDelimiter(semi), ';');
    const units = readAll(createCsvReader({ delimiter: ';' }), semi, 2);
    assert.equal(units[1].text, '1;2;3');
    assertUnitsMapExactly(semi, units);
    const tsv = 'name\tphone\nAda\t+44 20 7946 0958\n';
    assert.equal(sniffDelimiter(tsv), '\t');
    const tabUnits = readAll(createCsvReader({ delimiter: '\t' }), tsv, 3);
    assert.equal(tabUnits[1].fields?.[1].name, 'phone');
    assertUnitsMapExactly(tsv, tabUnits);
  });

  it('splits a huge field into bounded units without losing offsets', () => {
    const big = 'note\n"' + 'word '.repeat(5000) + 'end@example.org"\n';
    const units = readAll(createCsvReader({ maxUnitChars: 1000 }), big, 333);
    // A unit may overshoot the limit by at most one chunk's worth of text.
    assert.ok(units.length >= 15, `${units.length} units`);
    assert.ok(units.every((u) => u.text.length <= 1000 + 333));
    assertUnitsMapExactly(big, units);
  });
});

describe('pii readers: JSON and JSON Lines', () => {
  const json =
    '[\n  {"name": "Zo\\u00eb \\"Z\\" Smith", "bio": "line1\\nline2 \\ud83d\\ude00 ok", "age": 41,\r\n' +
    '   "contact": {"phone": "+1 415 555 2671", "tags": ["a\\/b", "c"]}},\n' +
    '  {"name": "Ada", "ok": true, "n": null, "ssn": "536-22-1234"}\n]';

  for (const size of CHUNK_SIZES) {
    it(`maps decoded strings back through escapes (chunks of ${size})`, () => {
      const units = readAll(createJsonReader(), json, size);
      assert.equal(units.length, 2);
      assertUnitsMapExactly(json, units);
      assert.match(units[0].text, /name: Zoë "Z" Smith/);
      assert.match(units[0].text, /line1\nline2 😀 ok/);
      assert.match(units[0].text, /age: 41/);
      assert.match(units[0].text, /phone: \+1 415 555 2671/);
    });
  }

  it('maps escaped characters onto their escape sequences', () => {
    const units = readAll(createJsonReader(), json, 4);
    const zoe = fileRangeOfNeedle(units, 'Zoë "Z" Smith');
    assert.equal(json.slice(zoe.start, zoe.end), 'Zo\\u00eb \\"Z\\" Smith');
    const emoji = fileRangeOfNeedle(units, '😀');
    assert.equal(json.slice(emoji.start, emoji.end), '\\ud83d\\ude00');
    const phone = fileRangeOfNeedle(units, '+1 415 555 2671');
    assert.equal(json.slice(phone.start, phone.end), '+1 415 555 2671');
  });

  it('names fields by their key, nested values by the nearest key', () => {
    const units = readAll(createJsonReader(), json);
    const names = (units[0].fields ?? []).map((f) => f.name);
    assert.deepEqual(names, ['name', 'bio', 'age', 'phone', 'tags', 'tags']);
    assert.deepEqual((units[1].fields ?? []).map((f) => f.name), ['name', 'ssn']);
  });

  it('maps keys too, so a key that is personal data can be reported', () => {
    const keyed =
      '{"patients": {"ana.ruiz@example.com": {"visits": 3, "Dr. M\\u00fcller": "ok"},\n' +
      '  "536-22-1234": [1, "x"]}, "by \\"name\\"": "Ada"}';
    for (const size of CHUNK_SIZES) {
      const units = readAll(createJsonReader(), keyed, size);
      assertUnitsMapExactly(keyed, units);
      const text = units.map((u) => u.text).join('\n');
      // Keys of object and array values stand on their own line; keys of scalars prefix them.
      assert.match(text, /^patients:\nana\.ruiz@example\.com:\nvisits: 3\nDr\. Müller: ok\n536-22-1234:\n1\nx\nby "name": Ada$/);
      const email = fileRangeOfNeedle(units, 'ana.ruiz@example.com');
      assert.equal(keyed.slice(email.start, email.end), 'ana.ruiz@example.com');
      const escaped = fileRangeOfNeedle(units, 'Dr. Müller');
      assert.equal(keyed.slice(escaped.start, escaped.end), 'Dr. M\\u00fcller');
      // Values keep their field names.
      assert.deepEqual(units.flatMap((u) => (u.fields ?? []).map((f) => [f.name, u.text.slice(f.start, f.end)])), [
        ['visits', '3'],
        ['Dr. Müller', 'ok'],
        ['536-22-1234', '1'],
        ['536-22-1234', 'x'],
        ['by "name"', 'Ada'],
      ]);
    }
  });

  it('cuts a range at text the reader inserted, keeping its longest part', () => {
    const doc = '{"Ana Ruiz": "Maria Lopez Garcia", "n": 1}';
    const [unit] = readAll(createJsonReader(), doc);
    assert.equal(unit.text, 'Ana Ruiz: Maria Lopez Garcia\nn: 1');
    // Across `: ` (inserted): the value is the longer part.
    const across = withinOneRun(unit, 0, unit.text.indexOf('Lopez') + 5);
    assert.equal(unit.text.slice(across.start, across.end), 'Maria Lopez');
    // Across the line break between two values (inserted) and the key `n`, which the file spells.
    const tail = withinOneRun(unit, unit.text.indexOf('Garcia'), unit.text.length);
    assert.equal(unit.text.slice(tail.start, tail.end), 'Garcia');
    // Inside one value: unchanged.
    assert.deepEqual(withinOneRun(unit, 10, 15), { start: 10, end: 15 });
  });

  it('reads JSON Lines and survives a broken line', () => {
    const jsonl = '{"a": "x@example.org"}\n{"b": "broken\n{"c": "536-22-1234"}\r\n';
    const reader = createJsonReader({ lineDelimited: true });
    const units = readAll(reader, jsonl, 3);
    assertUnitsMapExactly(jsonl, units);
    assert.ok(units.some((u) => u.text.includes('536-22-1234')));
    assert.ok(units.some((u) => u.text.includes('x@example.org')));
  });

  it('splits many small records nested under one key into bounded units', () => {
    const records = Array.from({ length: 500 }, (_, i) => `{"id": "${i}", "email": "user${i}@example.org"}`);
    const doc = `{"data": [${records.join(',')}]}`;
    const units = readAll(createJsonReader({ softUnitChars: 500 }), doc, 97);
    assert.ok(units.length > 10);
    assertUnitsMapExactly(doc, units);
    const all = units.map((u) => u.text).join('\n');
    assert.ok(all.includes('user499@example.org'));
  });

  it('splits a number too long for one unit, and keeps only the start of a long unknown literal', () => {
    const digits = '4'.repeat(40000);
    const doc = `{"n": ${digits}, "junk": ${'z'.repeat(40000)}, "e": "ana.ruiz@example.com"}\n`;
    const units = readAll(createJsonReader({ lineDelimited: true }), doc, 5000);
    assert.ok(units.every((u) => u.text.length <= 16384 + 64));
    assertUnitsMapExactly(doc, units);
    assert.equal(units.map((u) => u.text).join('').split('4').length - 1, 40000);
    assert.ok(units.some((u) => u.text.includes('e: ana.ruiz@example.com')));
  });

  it('reads a key too long to be a name as a value: in file order, in bounded units, mapped exactly', function () {
    this.timeout(20000);
    const hugeKey = `${'lorem ipsum \\"dolor\\" '.repeat(1200)}ana.ruiz@example.com`;
    const doc = `{"short": "x", "${hugeKey}": {"phone": "+1 415 555 2671"}, "after": "bob@example.org"}\n{"k": "v"}\n`;
    for (const chunkSize of [doc.length, 8191, 4093]) {
      const units = readAll(createJsonReader({ lineDelimited: true }), doc, chunkSize);
      assert.ok(units.every((u) => u.text.length <= 16384 + 64), `a unit of ${Math.max(...units.map((u) => u.text.length))} characters`);
      assert.ok(units.every((u) => (u.fields ?? []).every((f) => f.name.length <= 4096)));
      assertUnitsMapExactly(doc, units);
      const all = units.map((u) => u.text).join('\n');
      for (const value of ['ana.ruiz@example.com', '+1 415 555 2671', 'bob@example.org', 'after: bob@example.org', 'k: v']) assert.ok(all.includes(value), value);
    }
  });
});

describe('pii readers: plain text', () => {
  const text = 'Dear Zoë,\r\n\r\nplease call\t+44 20 7946 0958.\r\nThanks 😀\n\n\nBye\rCR line';

  for (const size of CHUNK_SIZES) {
    it(`keeps text verbatim with exact lines (chunks of ${size})`, () => {
      const units = readAll(createPlainTextReader(), text, size);
      assertUnitsMapExactly(text, units);
      const visible = (t: string) => t.replace(/\s/g, '');
      assert.equal(visible(units.map((u) => u.text).join('')), visible(text));
      assert.ok(units.length >= 3);
    });
  }

  it('splits long text without blank lines into bounded units', () => {
    const long = 'word '.repeat(20000);
    const units = readAll(createPlainTextReader({ softUnitChars: 500, maxUnitChars: 1000 }), long, 4096);
    assert.ok(units.length >= 50);
    assert.ok(units.every((u) => u.text.length <= 2000));
    assertUnitsMapExactly(long, units);
  });
});

describe('pii readers: formats and binary files', () => {
  it('chooses a format by extension, then by content', () => {
    assert.equal(formatOfPath('data/x.CSV'), 'csv');
    assert.equal(formatOfPath('x.tsv'), 'tsv');
    assert.equal(formatOfPath('x.ndjson'), 'jsonl');
    assert.equal(formatOfPath('x.parquet'), 'parquet');
    assert.equal(formatOfPath('README'), undefined);
    assert.equal(formatOfContent('[{"a":1}]'), 'json');
    assert.equal(formatOfContent('{"a":1}\n{"a":2}'), 'jsonl');
    assert.equal(formatOfContent('hello'), 'text');
  });

  it('detects NUL bytes, UTF-16 and UTF-32 byte order marks and invalid UTF-8', () => {
    assert.deepEqual(detectBinary(new TextEncoder().encode('plain text é 😀')), { binary: false, encoding: 'utf-8' });
    assert.equal(detectBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1])).binary, true);
    assert.deepEqual(detectBinary(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x3d, 0xd8, 0x00, 0xde])), { binary: false, encoding: 'utf-16le' });
    assert.deepEqual(detectBinary(new Uint8Array([0xfe, 0xff, 0, 0x41])), { binary: false, encoding: 'utf-16be' });
    assert.deepEqual(detectBinary(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), { binary: false, encoding: 'utf-8-bom' });
    assert.match(detectBinary(new Uint8Array([0xff, 0xfe, 0x41, 0, 0, 0, 0x42, 0])).reason ?? '', /NUL characters/);
    assert.match(detectBinary(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])).reason ?? '', /UTF-32/);
    assert.match(detectBinary(new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x41])).reason ?? '', /UTF-32/);
    const latin1 = new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0xe9 : 0x61)));
    assert.match(detectBinary(latin1).reason ?? '', /not UTF-8/);
    // A multi-byte sequence cut by the end of the sample is not an error.
    assert.equal(detectBinary(new Uint8Array([0x61, 0xe2, 0x82])).binary, false);
  });
});
