import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findPackageRoot } from '../../../engine/packageRoot';

interface Row {
  locale: string;
  kind: string;
  value: string;
}
type FakerValues = (options: { perKind: number; seed: number; locales: string[] }) => Row[];

describe('training/fakerValues.mjs', function () {
  // Importing faker with all its locales takes a second or more on a busy machine.
  this.timeout(30000);
  const script = path.join(findPackageRoot(__dirname)!, 'training', 'fakerValues.mjs');
  const load = async (): Promise<FakerValues> => ((await import(script)) as { fakerValues: FakerValues }).fakerValues;

  it('is deterministic for a seed and differs for another', async () => {
    const fakerValues = await load();
    const a = fakerValues({ perKind: 5, seed: 7, locales: ['de_AT', 'ja'] });
    assert.deepEqual(fakerValues({ perKind: 5, seed: 7, locales: ['de_AT', 'ja'] }), a);
    assert.notDeepEqual(fakerValues({ perKind: 5, seed: 8, locales: ['de_AT', 'ja'] }), a);
  });

  it("writes addresses in the country's own layout, multi-line and on one line", async () => {
    const rows = (await load())({ perKind: 20, seed: 1, locales: ['de_AT', 'en_US', 'ja', 'pt_BR'] });
    const values = (locale: string, kind: string) => rows.filter((r) => r.locale === locale && r.kind === kind).map((r) => r.value);
    // Austria: street line, then "1234 City"
    assert.ok(values('de_AT', 'address').every((a) => /\n\d{4} \S/.test(a)), values('de_AT', 'address')[0]);
    // US: "City, ST 12345"
    assert.ok(values('en_US', 'address').every((a) => /, [A-Z]{2} \d{5}(-\d{4})?$/.test(a)), values('en_US', 'address')[0]);
    // Japan: postcode mark first
    assert.ok(values('ja', 'address').every((a) => a.startsWith('〒')));
    // Brazil has no street-address pattern in faker: street name and number instead, never a missing slot
    assert.equal(values('pt_BR', 'address').length, 20);
    assert.ok(values('pt_BR', 'addressOneLine').every((a) => !a.includes('\n') && !a.includes('{{')));
  });

  it('has common words for brand-like handles in English, without a slot left unfilled', async () => {
    const rows = (await load())({ perKind: 30, seed: 1, locales: ['en_US'] });
    const words = rows.filter((r) => r.kind === 'brandWord').map((r) => r.value);
    assert.equal(words.length, 30);
    assert.ok(words.every((w) => /^[\p{L}][\p{L} '&-]*$/u.test(w)), words.join(' | '));
  });

  it("leaves out what a locale has no data for instead of filling it with English", async () => {
    const rows = (await load())({ perKind: 5, seed: 1, locales: ['ar'] });
    const kinds = new Set(rows.map((r) => r.kind));
    assert.ok(kinds.has('person') && kinds.has('city'));
    assert.ok(!kinds.has('company') && !kinds.has('email'), [...kinds].join(' ')); // faker's ar has neither
  });
});
