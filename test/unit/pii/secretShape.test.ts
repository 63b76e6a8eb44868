/**
 * SECRET false positives: a secret that only the model finds must have the shape of a credential.
 * The shipped model calls words of lorem ipsum and `x123`-style table values secrets; a rule on
 * the value's shape (recognizers/secret.ts hasSecretShape, applied in fusion) drops them while the
 * evaluation set's secrets and the recognizers' findings stay.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fuseSpans } from '../../../core/pii/fusion';
import { PiiSpan } from '../../../core/pii/piiTypes';
import { recognizeAll } from '../../../core/pii/recognizeAll';
import { createCsvReader } from '../../../core/pii/readers/csvReader';
import { hasSecretShape } from '../../../core/pii/recognizers/secret';
import { detectBatch } from '../../../engine/pii/detectBatch';
import { loadTokenClassifier, TokenClassifier } from '../../../engine/pii/modelRuntime';
import { defaultModelFolder, packageRoot } from '../../../engine/packageRoot';
import { readAll } from './readerHarness';

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ' +
  'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. ' +
  'Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. ';

/** The SECRET values labelled in the evaluation set (handwritten and generated). */
function labelledSecrets(): string[] {
  const values: string[] = [];
  for (const name of ['eval.jsonl', 'handwritten.jsonl']) {
    const file = path.join(packageRoot(__dirname), 'test', 'fixtures', 'pii-eval', name);
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { text: string; spans: Array<{ start: number; end: number; type: string }> };
      for (const span of record.spans) if (span.type === 'SECRET') values.push(record.text.slice(span.start, span.end));
    }
  }
  return values;
}

/** A model that calls every word (run of non-space, non-comma characters) a secret. */
function everyWordASecret(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(/[^\s,.]+/g)) spans.push({ type: 'SECRET', start: match.index, end: match.index + match[0].length, score: 0.8, detector: 'model' });
  return spans;
}

describe('pii secret shape', () => {
  it('ordinary words, numbers and identifiers are not shaped like secrets', () => {
    for (const value of ['lorem', 'Lorem', 'incididunt', 'Consectetur', 'NASA', 'x123', 'x99999', 'id_20931', 'AB1234567', '12345678', 'state-of-the-art', 'example.com', 'aaaaaaa1']) {
      assert.equal(hasSecretShape(value), false, value);
    }
  });

  it('every secret of the evaluation set is shaped like one', () => {
    const secrets = labelledSecrets();
    assert.ok(secrets.length > 100);
    assert.deepEqual(secrets.filter((value) => !hasSecretShape(value)), []);
  });

  it('a 100,000-column CSV of x123 values and lorem ipsum give no SECRET even when the model calls every word one', function () {
    this.timeout(30000);
    const header = Array.from({ length: 100000 }, (_, i) => `x${i}`).join(',');
    const row = Array.from({ length: 100000 }, (_, i) => `x${(i * 7919) % 100000}`).join(',');
    const csv = `${header}\n${row}\n"${LOREM.repeat(50)}"\n`;
    const units = readAll(createCsvReader({ delimiter: ',' }), csv, 65536);
    assert.ok(units.length > 2);
    let secrets = 0;
    for (const unit of units) {
      const findings = fuseSpans([...recognizeAll(unit), ...everyWordASecret(unit.text)], { threshold: 0.5, text: unit.text });
      secrets += findings.filter((f) => f.type === 'SECRET').length;
    }
    assert.equal(secrets, 0);
  });

  it('secrets the model alone finds, and those the recognizers find, are still reported', () => {
    for (const value of labelledSecrets()) {
      const text = `the login for the staging box is ${value} until Friday`;
      const start = text.indexOf(value);
      const model: PiiSpan = { type: 'SECRET', start, end: start + value.length, score: 0.8, detector: 'model' };
      const findings = fuseSpans([...recognizeAll({ text }), model], { threshold: 0.5, text });
      assert.ok(findings.some((f) => f.type === 'SECRET' && f.start <= start && f.end >= start + value.length), value);
    }
    const text = 'DATABASE_URL=postgres://admin:S3cr3tPw1@db.internal/app password=lorem_ipsum_42';
    const found = fuseSpans(recognizeAll({ text }), { threshold: 0.5, text }).filter((f) => f.type === 'SECRET').map((f) => text.slice(f.start, f.end));
    assert.deepEqual(found, ['S3cr3tPw1', 'lorem_ipsum_42']);
  });

  describe('with the shipped model', function () {
    this.timeout(120000);
    let classifier: TokenClassifier;
    before(async () => {
      classifier = await loadTokenClassifier({ model: defaultModelFolder(__dirname)! });
    });
    after(async () => {
      await classifier?.dispose();
    });

    it('finds no SECRET in lorem ipsum or in a table of x123 values', async () => {
      const header = Array.from({ length: 2000 }, (_, i) => `x${100 + i}`).join(',');
      const row = Array.from({ length: 2000 }, (_, i) => `x${(i * 7) % 1000}`).join(',');
      const units = [...readAll(createCsvReader({ delimiter: ',' }), `${header}\n${row}\n`), { text: LOREM.repeat(8) }];
      const findings = await detectBatch(units, classifier, { threshold: 0.5 });
      const secrets = findings.flatMap((list, k) => list.filter((f) => f.type === 'SECRET').map((f) => units[k].text.slice(f.start, f.end)));
      assert.deepEqual(secrets, []);
    });
  });
});
