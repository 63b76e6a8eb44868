/** The cursor's place in a card read from the lines around it: paths, words, lists, broken YAML. */
import * as assert from 'node:assert/strict';
import { cursorContext, tokenAt } from '../../../core/yamlCursor';
import { parseFixture } from '../../support/annotatedFixture';

function at(fixture: string) {
  const { text, cursor } = parseFixture(fixture);
  const context = cursorContext(text, cursor!);
  return context && { kind: context.kind, path: context.path, word: context.word.text, column: context.column };
}

describe('yaml cursor', function () {
  this.timeout(20_000);
  it('finds the mapping path of a key being typed from the indentation above', () => {
    assert.deepEqual(at('privacy:\n  personal_data: true\n  pii$0'), { kind: 'key', path: ['privacy'], word: 'pii', column: 2 });
    assert.deepEqual(at('compliance:\n  gdpr:\n    dpia:\n      $0'), { kind: 'key', path: ['compliance', 'gdpr', 'dpia'], word: '', column: 6 });
    assert.deepEqual(at('compliance:\n  gdpr:\n    dpia:\n  $0'), { kind: 'key', path: ['compliance'], word: '', column: 2 });
    assert.deepEqual(at('upstream:\n  datasets:\n    - id: a\n      # note\n\n      lic$0'), { kind: 'key', path: ['upstream', 'datasets', 0], word: 'lic', column: 6 });
    assert.deepEqual(at('upstream:\n  datasets:\n  - id: a\n  - i$0'), { kind: 'item', path: ['upstream', 'datasets', 0], word: 'i', column: 4 });
  });

  it('finds values after a colon, in flow lists and after a dash', () => {
    assert.deepEqual(at('compliance:\n  gdpr:\n    lawful_basis: cons$0ent'), { kind: 'value', path: ['compliance', 'gdpr', 'lawful_basis'], word: 'consent', column: 4 });
    assert.deepEqual(at('language: [en, f$0r]'), { kind: 'value', path: ['language', 1], word: 'fr', column: 0 });
    assert.deepEqual(at('language:\n  - e$0'), { kind: 'item', path: ['language', 0], word: 'e', column: 4 });
    assert.equal(at('language:\n  -$0'), undefined, 'a bare dash waits for its space');
    assert.equal(at('license: mit # a comm$0ent'), undefined);
  });

  it('works where the YAML does not parse', () => {
    assert.deepEqual(at('license: [mit\nprivacy:\n  a: {b\n  ret$0'), { kind: 'key', path: ['privacy'], word: 'ret', column: 2 });
  });

  it('names the key or value under the cursor for hovers', () => {
    const text = 'upstream:\n  datasets:\n    - id: acme/a\n      license: "cc-by-4.0" # ok\n';
    assert.deepEqual(tokenAt(text, text.indexOf('license') + 2), { part: 'key', path: ['upstream', 'datasets', 0, 'license'], start: text.indexOf('license'), end: text.indexOf('license') + 7, text: 'license' });
    const value = tokenAt(text, text.indexOf('cc-by') + 3);
    assert.equal(value?.text, 'cc-by-4.0');
    assert.deepEqual(value?.path, ['upstream', 'datasets', 0, 'license']);
    assert.equal(tokenAt(text, text.indexOf('# ok') + 2), undefined);
  });
});
