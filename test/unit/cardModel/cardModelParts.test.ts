/** Pure parts of running a card's own model: tasks from config.json, output comparison, token spans, example offsets. */
import * as assert from 'node:assert/strict';
import { taskToRun, tasksServedBy } from '../../../core/cardModel/modelTasks';
import { compareOutputs } from '../../../core/cardModel/outputComparison';
import { groupTokenLabels } from '../../../core/cardModel/tokenSpans';
import { fileSpanOf, widgetExamplesOf } from '../../../core/cardModel/widgetExamples';
import { cardOf } from '../../../core/codeActions/yamlEdits';
import { seededRandom } from '../pii/seededRandom';

const model = (architectures: string[], labels: string[] = []) => ({ name: 'm', architectures, labels });

describe('card model: tasks from config.json', () => {
  it('maps heads to the tasks they serve', () => {
    assert.deepEqual([...tasksServedBy(model(['BertForSequenceClassification']))!], ['text-classification']);
    assert.deepEqual([...tasksServedBy(model(['BertForSequenceClassification'], ['contradiction', 'entailment', 'neutral']))!].sort(), ['text-classification', 'zero-shot-classification']);
    assert.deepEqual([...tasksServedBy(model(['DistilBertForTokenClassification']))!], ['token-classification']);
    assert.deepEqual([...tasksServedBy(model(['BertForMaskedLM']))!], ['fill-mask']);
    assert.equal(tasksServedBy(model([])), undefined);
    assert.equal(tasksServedBy(model(['SomethingElse'])), undefined);
  });

  it('chooses the task to run, or says why not', () => {
    assert.deepEqual(taskToRun('text-classification', model(['BertForSequenceClassification'])), { task: 'text-classification' });
    assert.deepEqual(taskToRun(undefined, model(['BertForMaskedLM'])), { task: 'fill-mask' });
    assert.match((taskToRun('translation', model(['BertForSequenceClassification'])) as { unsupported: string }).unsupported, /`translation` is not supported here/);
    assert.match((taskToRun('token-classification', model(['BertForSequenceClassification'])) as { unsupported: string }).unsupported, /cannot serve `token-classification`/);
    assert.match((taskToRun(undefined, model([])) as { unsupported: string }).unsupported, /no `pipeline_tag`/);
  });
});

describe('card model: expected and actual outputs', () => {
  const actual = [{ label: 'POSITIVE', score: 0.93 }, { label: 'NEGATIVE', score: 0.07 }];
  it('agrees on the same top label and close scores', () => {
    assert.equal(compareOutputs([{ label: 'POSITIVE' }], actual), undefined);
    assert.equal(compareOutputs([{ label: 'NEGATIVE', score: 0.1 }, { label: 'POSITIVE', score: 0.9 }], actual), undefined);
    assert.equal(compareOutputs([], actual), undefined);
    // A label the model lacks is widget/unknown-label's business.
    assert.equal(compareOutputs([{ label: 'POSITIVE', score: 0.95 }, { label: 'NEUTRAL', score: 0.05 }], actual), undefined);
  });
  it('disagrees on another top label, or a score off by more than 0.1', () => {
    assert.deepEqual(compareOutputs([{ label: 'NEGATIVE', score: 0.6 }, { label: 'POSITIVE', score: 0.4 }], actual), { reason: 'top-label', expected: 'NEGATIVE', actual: 'POSITIVE', actualScore: 0.93 });
    assert.deepEqual(compareOutputs([{ label: 'POSITIVE', score: 0.7 }], actual), { reason: 'score', label: 'POSITIVE', expected: 0.7, actual: 0.93 });
  });
});

describe('card model: token labels to spans', () => {
  it('joins B-/I- runs, starts anew at B-, skips O, averages scores', () => {
    const spans = groupTokenLabels([
      { start: 0, end: 3, label: 'B-PER', score: 0.9 },
      { start: 4, end: 9, label: 'I-PER', score: 0.7 },
      { start: 10, end: 15, label: 'O', score: 0.99 },
      { start: 16, end: 21, label: 'B-LOC', score: 0.8 },
      { start: 22, end: 25, label: 'B-LOC', score: 0.6 },
      { start: 26, end: 30, label: 'MISC', score: 0.5 },
      { start: 31, end: 33, label: 'MISC', score: 0.7 },
    ]);
    assert.deepEqual(spans.map((s) => [s.start, s.end, s.label, Number(s.score.toFixed(2))]), [
      [0, 9, 'PER', 0.8],
      [16, 21, 'LOC', 0.8],
      [22, 25, 'LOC', 0.6],
      [26, 33, 'MISC', 0.6],
    ]);
    assert.deepEqual(groupTokenLabels([]), []);
    // Every piece of a word labelled B- (as Cardwright's PII model was trained): one span per word run.
    assert.deepEqual(
      groupTokenLabels([
        { start: 0, end: 4, label: 'B-EMAIL', score: 1 },
        { start: 4, end: 5, label: 'B-EMAIL', score: 1 },
        { start: 6, end: 9, label: 'B-EMAIL', score: 1 },
      ]).map((s) => [s.start, s.end]),
      [[0, 5], [6, 9]],
    );
  });
});

describe('card model: widget examples in the file', () => {
  it('reads text, title, expected labels and candidate labels', () => {
    const card = cardOf('widget:\n  - text: hi\n    example_title: Greeting\n    candidate_labels: a, b\n    output:\n      - label: a\n        score: 0.5\n  - src: x.png\n  - text: "  "\n')!;
    const [example, ...rest] = widgetExamplesOf(card);
    assert.deepEqual(rest, []);
    assert.equal(example.title, 'Greeting');
    assert.deepEqual(example.expected, [{ label: 'a', score: 0.5 }]);
    assert.deepEqual(example.candidateLabels, ['a', 'b']);
    assert.deepEqual(widgetExamplesOf(cardOf('widget: nope\n')!), []);
    assert.deepEqual(widgetExamplesOf(cardOf('- a\n')!), []);
  });

  it('every exact span is the same characters in the file as in the value, for any quoting (seeded, 300 cases)', () => {
    const random = seededRandom(16);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const alphabet = ['a', 'b', ' ', "'", '"', '\\', ':', '#', 'é', '@', '.', '-'];
    let exact = 0;
    for (let n = 0; n < 300; n++) {
      const value = `x${Array.from({ length: 1 + Math.floor(random() * 20) }, () => pick(alphabet)).join('')}y`;
      const written = pick([JSON.stringify(value), `'${value.replace(/'/g, "''")}'`, `|-\n      ${value}`]);
      const text = `license: mit\nwidget:\n  - text: ${written}\n`;
      const card = cardOf(text)!;
      const [example] = widgetExamplesOf(card);
      if (!example) continue; // the random value was not YAML for this quoting
      assert.equal(example.text, value);
      const start = Math.floor(random() * value.length);
      const end = start + 1 + Math.floor(random() * (value.length - start));
      const span = fileSpanOf(card, example, start, end);
      if (span.exact) {
        exact++;
        assert.equal(text.slice(span.start, span.end), value.slice(start, end));
      } else {
        assert.deepEqual([span.start, span.end], [example.span.start, example.span.end]);
      }
    }
    assert.ok(exact > 150, `${exact} exact spans`);
  });
});
