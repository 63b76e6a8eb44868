import * as assert from 'node:assert/strict';
import { cardSamplePaths, randomRecord, sampleRecords, widgetExamples } from '../../../core/classifierInputs';

describe('Test Classifier inputs', () => {
  it("reads a card's widget examples and sample paths, tolerating anything", () => {
    const card = [
      'license: mit',
      'upstream:',
      '  datasets:',
      '    - id: a/b',
      '      samples: [data/a.jsonl, 3]',
      '    - id: c/d',
      'widget:',
      '  - text: "Hi, I\'m Dana, call +1 415 555 0132"',
      '  - example_title: no text',
      '  - text: ""',
      '  - text: Second one',
    ].join('\n');
    assert.deepEqual(widgetExamples(card), ["Hi, I'm Dana, call +1 415 555 0132", 'Second one']);
    assert.deepEqual(cardSamplePaths(card), ['data/a.jsonl']);
    for (const bad of ['', '- a\n- b', 'widget: 3', 'a: [', 'a: &x [*x]', '\u0000\u0001']) {
      assert.deepEqual(widgetExamples(bad), []);
      assert.deepEqual(cardSamplePaths(bad), []);
    }
  });

  it('turns records into readable text for each sample format', () => {
    const jsonl = '{"id": 1, "body": "Call me at +1 415 555 0132", "tags": ["a"]}\n\n{"id": 2, "body": "Mail eve@example.com"}\nnot json\n';
    assert.deepEqual(sampleRecords(jsonl, 'x.jsonl'), ['id: 1\nbody: Call me at +1 415 555 0132\ntags: a', 'id: 2\nbody: Mail eve@example.com', 'not json']);
    const csv = 'name;email\r\n"Whitfield; Dana";dana@example.com\r\n;\r\n';
    assert.deepEqual(sampleRecords(csv, 'x.csv'), ['name: Whitfield; Dana\nemail: dana@example.com']);
    const csvQuoted = 'name,notes\nDana,"line one\nline ""two"""\n';
    assert.deepEqual(sampleRecords(csvQuoted, 'x.csv'), ['name: Dana\nnotes: line one\nline "two"']);
    assert.deepEqual(sampleRecords('first para\nstill\n\n\nsecond', 'x.txt'), ['first para\nstill', 'second']);
    assert.deepEqual(sampleRecords('[{"a": "x"}, {"b": "y"}]', 'x.json'), ['a: x', 'b: y']);
  });

  it('picks a record by the random number it is given', () => {
    const text = '{"t": "one"}\n{"t": "two"}\n{"t": "three"}\n';
    assert.equal(randomRecord(text, 'a.jsonl', () => 0), 't: one');
    assert.equal(randomRecord(text, 'a.jsonl', () => 0.99), 't: three');
    assert.equal(randomRecord('', 'a.jsonl', () => 0.5), undefined);
  });
});
