import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ParquetRowUnit, parquetUnits, rowUnit } from '../../../engine/pii/parquetUnits';
import { scanFiles } from '../../../engine/pii/scanFiles';
import { writeTinyParquet } from './tinyParquet';

describe('pii Parquet samples', function () {
  this.timeout(30000);
  let dir: string;
  let file: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-parquet-'));
    file = path.join(dir, 'people.parquet');
    writeTinyParquet(file, {
      name: ['Ada Lovelace', 'Grace Hopper', 'Nobody'],
      contact: ['ada.lovelace@analytical.co.uk', 'call (415) 555-2671', 'none'],
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads rows as `column: value` units with one field per cell', async () => {
    const units: ParquetRowUnit[] = [];
    for await (const unit of parquetUnits(file)) units.push(unit);
    assert.equal(units.length, 3);
    assert.equal(units[0].text, 'name: Ada Lovelace\ncontact: ada.lovelace@analytical.co.uk');
    assert.deepEqual(units[0].fields.map((f) => [f.name, units[0].text.slice(f.start, f.end)]), [
      ['name', 'Ada Lovelace'],
      ['contact', 'ada.lovelace@analytical.co.uk'],
    ]);
    assert.equal(units[2].row, 2);
  });

  it('reports findings by row and column, with offsets inside the cell', async () => {
    const result = await scanFiles([file], { model: null });
    const findings = result.files[0].findings;
    const email = findings.find((f) => f.type === 'EMAIL_ADDRESS')!;
    assert.deepEqual([email.row, email.column, email.start, email.end], [0, 'contact', 0, 29]);
    const phone = findings.find((f) => f.type === 'PHONE_NUMBER')!;
    assert.deepEqual([phone.row, phone.column, phone.start, phone.end], [1, 'contact', 5, 19]);
  });

  it('turns cells of any type into text', () => {
    const unit = rowUnit({ n: 12n, d: new Date(Date.UTC(1984, 2, 7)), nested: { a: [1, 'x'] }, empty: null, bytes: new Uint8Array([1]) }, 5)!;
    assert.equal(unit.text, 'n: 12\nd: 1984-03-07T00:00:00.000Z\nnested: {"a":[1,"x"]}');
  });

  it('skips a broken Parquet file with a reason', async () => {
    const broken = path.join(dir, 'broken.parquet');
    fs.writeFileSync(broken, 'PAR1 not really');
    const result = await scanFiles([broken], { model: null });
    assert.match(result.files[0].skipped ?? '', /Parquet/);
  });

  it('says in words why an empty, truncated or damaged Parquet file cannot be read', async () => {
    const whole = fs.readFileSync(file);
    const damaged = Buffer.from(whole);
    // Damage the footer's metadata (just before the length and the closing PAR1).
    for (let i = damaged.length - 40; i < damaged.length - 8; i++) damaged[i] = 0xee;
    const cases: Record<string, [Buffer, RegExp]> = {
      'empty.parquet': [Buffer.alloc(0), /^cannot read Parquet: the file is empty/],
      'short.parquet': [Buffer.from('PAR1'), /too short to be Parquet \(4 bytes\)/],
      'truncated.parquet': [whole.subarray(0, whole.length >> 1), /truncated or damaged Parquet file/],
      'headless.parquet': [whole.subarray(7), /not a Parquet file/],
      'damaged.parquet': [damaged, /damaged Parquet file/],
    };
    for (const [name, [bytes]] of Object.entries(cases)) fs.writeFileSync(path.join(dir, name), bytes);
    const result = await scanFiles(Object.keys(cases).map((name) => path.join(dir, name)), { model: null });
    Object.values(cases).forEach(([, reason], i) => {
      assert.match(result.files[i].skipped ?? '', reason);
      assert.doesNotMatch(result.files[i].skipped ?? '', /^cannot read Parquet: (Offset|thrift|parquet)/);
    });
  });
});
