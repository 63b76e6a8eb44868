/** Tolerant recognition of license spellings, case by case. */
import assert from 'node:assert/strict';
import { hubLicenseIds, normalizeLicense, NormalizeConfidence } from '../../../core/licenses';
import { ALIAS_COLLISIONS } from '../../../core/licenses/normalizeLicense';

/** [what a person wrote, expected Hub id (undefined: not recognized), confidence, a word the note must contain] */
const CASES: Array<[unknown, string | undefined, NormalizeConfidence?, string?]> = [
  ['apache-2.0', 'apache-2.0', 'exact'],
  ['Apache 2.0', 'apache-2.0', 'high'],
  ['Apache-2.0', 'apache-2.0', 'high', 'lower case'],
  ['apache license 2.0', 'apache-2.0', 'high'],
  ['Apache License, Version 2.0', 'apache-2.0', 'high'],
  ['apache2', 'apache-2.0', 'high'],
  ['MIT License', 'mit', 'high'],
  ['MIT', 'mit', 'high'],
  ['  "mit"  ', 'mit', 'exact'],
  ['CC BY-NC 4.0', 'cc-by-nc-4.0', 'high'],
  ['cc-by-nc-4.0', 'cc-by-nc-4.0', 'exact'],
  ['CC-BY-NC-4.0', 'cc-by-nc-4.0', 'high'],
  ['Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International', 'cc-by-nc-sa-4.0', 'high'],
  ['CC BY-SA 3.0 Unported', 'cc-by-sa-3.0', 'high'],
  ['CC BY 4.0', 'cc-by-4.0', 'high'],
  ['cc by-sa', 'cc-by-sa-4.0', 'low', 'version'],
  ['CC0', 'cc0-1.0', 'high'],
  ['CC0 1.0 Universal', 'cc0-1.0', 'high'],
  ['gpl-2.0-or-later', 'gpl-2.0', 'high', 'or later'],
  ['GPL-2.0+', 'gpl-2.0', 'high', 'or later'],
  ['GPLv3+', 'gpl-3.0', 'high', 'or later'],
  ['GPL v3 or later', 'gpl-3.0', 'high', 'or later'],
  ['GPL-3.0-only', 'gpl-3.0', 'high'],
  ['GNU General Public License v3.0', 'gpl-3.0', 'high'],
  ['LGPL-2.1-or-later', 'lgpl-2.1', 'high', 'or later'],
  ['LGPLv3', 'lgpl-3.0', 'high'],
  ['GNU Affero General Public License v3', 'agpl-3.0', 'high'],
  ['llama 3', 'llama3', 'high'],
  ['Llama3.1', 'llama3.1', 'high'],
  ['llama-3.2', 'llama3.2', 'high'],
  ['Llama 3.3 Community License Agreement', 'llama3.3', 'high'],
  ['Meta Llama 3 Community License Agreement', 'llama3', 'high'],
  ['llama-2', 'llama2', 'high'],
  ['Llama 4', 'llama4', 'high'],
  ['Gemma Terms of Use', 'gemma', 'high'],
  ['BSD 3-Clause', 'bsd-3-clause', 'high'],
  ['New BSD', 'bsd-3-clause', 'high'],
  ['Simplified BSD', 'bsd-2-clause', 'high'],
  ['BSD-3-Clause-Clear', 'bsd-3-clause-clear', 'high'],
  ['OpenRAIL-M', 'openrail', 'high'],
  ['OpenRAIL++-M', 'openrail++', 'high'],
  ['CreativeML Open RAIL-M', 'creativeml-openrail-m', 'high'],
  ['BigScience BLOOM RAIL 1.0', 'bigscience-bloom-rail-1.0', 'high'],
  ['Mozilla Public License 2.0', 'mpl-2.0', 'high'],
  ['EUPL 1.2', 'eupl-1.2', 'high'],
  ['ODbL-1.0', 'odbl', 'high'],
  ['Open Data Commons Public Domain Dedication and License', 'pddl', 'high'],
  ['The Unlicense', 'unlicense', 'high'],
  ['Boost Software License 1.0', 'bsl-1.0', 'high'],
  ['MIT OR Apache-2.0', 'mit', 'low', 'choice'],
  ['MIT/Apache-2.0', 'mit', 'low', 'choice'],
  ['Apache-2.0 AND MIT', 'other', 'low', 'other'],
  ['GPL-2.0 WITH Classpath-exception-2.0', 'gpl-2.0', 'low', 'exception'],
  ['apahce 2.0', 'apache-2.0', 'low', 'closest'],
  ['Public Domain', 'cc0-1.0', 'low', 'CC0'],
  ['Proprietary', 'other', 'low', 'license_name'],
  ['foo bar', undefined],
  ['', undefined],
  ['   ', undefined],
  [null, undefined],
  [42, undefined],
  ['x'.repeat(5000), undefined],
];

describe('normalizeLicense', () => {
  for (const [input, id, confidence, noteWord] of CASES) {
    it(`${JSON.stringify(input)?.slice(0, 60)} → ${id ?? 'nothing'}`, () => {
      const result = normalizeLicense(input);
      if (id === undefined) return assert.equal(result, undefined);
      assert.ok(result, 'recognized');
      assert.equal(result.id, id);
      if (confidence) assert.equal(result.confidence, confidence);
      if (noteWord) assert.match(result.note ?? '', new RegExp(noteWord, 'i'));
    });
  }

  it('recognizes every Hub id exactly, and its upper-case spelling with high confidence', () => {
    for (const id of hubLicenseIds()) {
      assert.deepEqual(normalizeLicense(id), { id, confidence: 'exact' });
      assert.equal(normalizeLicense(id.toUpperCase())?.id, id);
    }
  });

  it('has no spelling that maps to two licenses', () => assert.deepEqual(ALIAS_COLLISIONS, []));
});
