/** A token's score for its type counts both of the type's labels (B- and I-; the scores in contextModel.test.ts show the sum). */
import * as assert from 'node:assert/strict';
import { labelInfos, labelMappingFor } from '../../../core/pii/bioGrouping';

describe('pii label partners', () => {
  it('pairs B- and I- of the same entity, and nothing else', () => {
    const labels = ['O', 'B-PERSON', 'I-PERSON', 'B-LOCATION', 'I-ORGANIZATION', 'B-MISC', 'I-MISC'];
    const infos = labelInfos(labels, labelMappingFor(labels));
    assert.deepEqual(infos.map((i) => i.partner), [-1, 2, 1, -1, -1, -1, -1]);
  });
});
