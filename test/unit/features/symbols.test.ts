/** Outline and folding of a card: named entries, exact ranges, README offsets, broken YAML. */
import * as assert from 'node:assert/strict';
import { CardSymbol, documentSymbols, foldingRanges } from '../../../core/symbols';

const CARD = [
  'license: mit',
  'datasets:',
  '  - acme/tickets',
  'upstream:',
  '  datasets:',
  '    - id: acme/tickets',
  '      license: cc-by-4.0',
  'model-index:',
  '  - name: support-bot',
  '    results: []',
  'intended_use: |',
  '  Replies.',
  '  Reviewed by people.',
].join('\n');

function outline(symbols: CardSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...outline(s.children, depth + 1)]);
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

describe('document symbols and folding', function () {
  this.timeout(20_000);
  it('outlines keys and names list entries by their id or name', () => {
    assert.deepEqual(outline(documentSymbols(CARD, 'model-card.yaml')), [
      'license (mit)',
      'datasets (1 entry)',
      '  acme/tickets',
      'upstream',
      '  datasets (1 entry)',
      '    acme/tickets',
      '      id (acme/tickets)',
      '      license (cc-by-4.0)',
      'model-index (1 entry)',
      '  support-bot',
      '    name (support-bot)',
      '    results (0 entries)',
      'intended_use (Replies.)',
    ]);
  });

  it('gives each symbol its whole entry as range and its key as selection', () => {
    const upstream = documentSymbols(CARD, 'model-card.yaml').find((s) => s.name === 'upstream')!;
    assert.equal(CARD.slice(upstream.selectionStart, upstream.selectionEnd), 'upstream');
    assert.equal(CARD.slice(upstream.start, upstream.end), 'upstream:\n  datasets:\n    - id: acme/tickets\n      license: cc-by-4.0');
    const entry = upstream.children[0].children[0];
    assert.equal(CARD.slice(entry.selectionStart, entry.selectionEnd), 'acme/tickets');
  });

  it('folds multi-line mappings, lists, entries and block text', () => {
    const folds = foldingRanges(CARD, 'model-card.yaml').map((r) => [lineOf(CARD, r.start), lineOf(CARD, r.end)]);
    assert.deepEqual(folds.sort((a, b) => a[0] - b[0] || a[1] - b[1]), [[1, 2], [3, 6], [4, 6], [5, 6], [7, 9], [8, 9], [10, 12]]);
  });

  it('works on README front matter in file offsets, and folds the front matter block', () => {
    const readme = `---\n${CARD}\n---\n# Title\n`;
    const license = documentSymbols(readme, 'README.md')[0];
    assert.equal(readme.slice(license.selectionStart, license.selectionEnd), 'license');
    const folds = foldingRanges(readme, 'README.md').map((r) => [lineOf(readme, r.start), lineOf(readme, r.end)]);
    assert.deepEqual(folds[0], [0, 14]);
    assert.deepEqual(documentSymbols('# Title\n', 'README.md'), []);
  });

  it('outlines what it can of broken YAML and never throws', () => {
    const names = documentSymbols('license: mit\nprivacy:\n  personal_data: [true\n', 'model-card.yaml').map((s) => s.name);
    assert.ok(names.includes('license'));
    for (const text of ['', '- a\n- b: c', ':', '[', 'a: *nope', '\u0000']) {
      assert.doesNotThrow(() => documentSymbols(text, 'model-card.yaml'));
      assert.doesNotThrow(() => foldingRanges(text, 'model-card.yaml'));
    }
  });
});
