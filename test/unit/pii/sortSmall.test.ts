import * as assert from 'node:assert/strict';
import { byCodeUnits, sortSmall } from '../../../core/pii/sortSmall';
import { seededRandom } from './seededRandom';

describe('pii sortSmall', () => {
  it('orders as Array.prototype.sort, ties kept in input order, at every length', () => {
    const next = seededRandom(11);
    for (let length = 0; length <= 40; length++) {
      for (let round = 0; round < 20; round++) {
        // Few distinct keys, so ties are common and stability shows.
        const items = Array.from({ length }, (_, id) => ({ key: Math.floor(next() * 4), end: Math.floor(next() * 3), id }));
        const compare = (a: (typeof items)[number], b: (typeof items)[number]) => a.key - b.key || b.end - a.end;
        const expected = [...items].sort(compare);
        const input = [...items];
        assert.equal(sortSmall(input, compare), input, 'sorts in place');
        assert.deepEqual(input, expected, `length ${length}`);
      }
    }
  });

  it('orders strings by code units, as sort() without a comparator', () => {
    const words = ['model', 'phone-number', 'Model', 'email', 'é', 'z', 'model/other', ''];
    assert.deepEqual(sortSmall([...words], byCodeUnits), [...words].sort());
  });
});
