/** The card against its own model (core/rules/cardModel): pure rules over the facts the server passes in. */
import * as assert from 'node:assert/strict';
import { quickFixes } from '../../../core/codeActions';
import type { CardModelFacts } from '../../../core/rules/cardModel';
import { testAnalyzer } from '../../support/analyzer';
import { check } from '../../support/check';

const SENTIMENT = { name: 'tiny', folder: '/m', foundBy: 'card-folder' as const, architectures: ['BertForSequenceClassification'], labels: ['NEGATIVE', 'POSITIVE'] };

describe('card rules: the card\'s own model', () => {
  it('reports a pipeline_tag the model\'s head cannot serve', () => {
    check(
      `
      pipeline_tag: token-classification
      #             ^^^^^^^^^^^^^^^^^^^^ warning[widget/task-mismatch] serves text-classification
      `,
      { cardModel: { model: SENTIMENT } },
    );
    check('pipeline_tag: text-classification\n', { cardModel: { model: SENTIMENT } });
    // An NLI head also serves zero-shot classification.
    check('pipeline_tag: zero-shot-classification\n', { cardModel: { model: { ...SENTIMENT, labels: ['entailment', 'neutral', 'contradiction'] } } });
    check(
      `
      pipeline_tag: zero-shot-classification
      #             ^^^^^^^^^^^^^^^^^^^^^^^^ warning[widget/task-mismatch]
      `,
      { cardModel: { model: SENTIMENT } },
    );
    // An architecture the table does not know: nothing is claimed.
    check('pipeline_tag: text-classification\n', { cardModel: { model: { ...SENTIMENT, architectures: ['MysteryNet'] } } });
    // No model, no facts: nothing.
    check('pipeline_tag: token-classification\n', { cardModel: {} });
    check('pipeline_tag: token-classification\n');
  });

  it('reports widget output labels the model does not have (entity labels without B-/I-)', () => {
    check(
      `
      pipeline_tag: text-classification
      widget:
        - text: fine
          output:
            - label: POSITIVE
            - label: NEUTRAL
      #              ^^^^^^^ warning[widget/unknown-label] NEGATIVE, POSITIVE
      `,
      { cardModel: { model: SENTIMENT } },
    );
    check(
      `
      pipeline_tag: token-classification
      widget:
        - text: Ada lives in Paris
          output:
            - label: PER
            - label: LOC
      `,
      { cardModel: { model: { ...SENTIMENT, architectures: ['BertForTokenClassification'], labels: ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'] } } },
    );
  });

  it('compares the expected output with the model\'s answer for the same example text', () => {
    const outputs = new Map([['fine', [{ label: 'NEGATIVE', score: 0.8 }, { label: 'POSITIVE', score: 0.2 }]]]);
    check(
      `
      widget:
        - text: fine
          output:
      #   ^^^^^^ warning[widget/output-mismatch] expects \`POSITIVE\`
            - label: POSITIVE
              score: 0.9
        - text: other
          output:
            - label: POSITIVE
      `,
      { cardModel: { model: SENTIMENT, outputs } },
    );
    check(
      `
      widget:
        - text: fine
          output:
      #   ^^^^^^ warning[widget/output-mismatch] a score of 0.5
            - label: NEGATIVE
              score: 0.5
      `,
      { cardModel: { model: SENTIMENT, outputs } },
    );
    check('widget:\n  - text: fine\n    output:\n      - label: NEGATIVE\n        score: 0.75\n', { cardModel: { model: SENTIMENT, outputs } });
  });

  it('warns about personal data in a widget example at its exact place, however the YAML quotes it', () => {
    const facts = (text: string, needle: string): CardModelFacts => ({
      pii: new Map([[text, [{ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length, type: 'EMAIL_ADDRESS', score: 0.97 }]]]),
    });
    const value = 'Write to ann@mail.org now';
    check(
      `
      widget:
        - text: Write to ann@mail.org now
      #                  ^^^^^^^^^^^^ warning[privacy/pii-in-widget-example] EMAIL_ADDRESS
      `,
      { cardModel: facts(value, 'ann@mail.org') },
    );
    check(
      `
      widget:
        - text: 'It''s ann@mail.org'
      #                ^^^^^^^^^^^^ warning[privacy/pii-in-widget-example]
      `,
      { cardModel: facts("It's ann@mail.org", 'ann@mail.org') },
    );
    // An escape inside the span: the whole scalar.
    check(
      `
      widget:
        - text: "mail \\x61nn@mail.org"
      #         ^^^^^^^^^^^^^^^^^^^^^^ warning[privacy/pii-in-widget-example]
      `,
      { cardModel: facts('mail ann@mail.org', 'ann@mail.org') },
    );
    check(
      `
      widget:
        - text: |
            Dear team,
            write to ann@mail.org
      #              ^^^^^^^^^^^^ warning[privacy/pii-in-widget-example]
      `,
      { cardModel: facts('Dear team,\nwrite to ann@mail.org\n', 'ann@mail.org') },
    );
    // Facts for another text (an edit since) do not land here.
    check('widget:\n  - text: Write to bob@mail.org now\n', { cardModel: facts(value, 'ann@mail.org') });
  });

  it('warns when cardwright.model_path names no model', () => {
    check(
      `
      cardwright:
        model_path: ../gone
      #             ^^^^^^^ warning[widget/model-not-found] gone is not a folder
      `,
      { cardModel: { modelPathProblem: '/x/gone is not a folder' } },
    );
  });

  it('cardwright.model_path is in the schema; other keys under cardwright are not', () => {
    check('cardwright:\n  model_path: ./model\n');
    const findings = testAnalyzer().analyze({ text: 'cardwright:\n  model_dir: x\n', fileName: 'model-card.yaml' }).findings;
    assert.ok(findings.some((f) => f.code === 'schema/unknown-key'), JSON.stringify(findings));
  });

  it('the Hub\'s widget output form (a list of labels with scores) and candidate_labels are valid', () => {
    check('widget:\n  - text: x\n    candidate_labels: a, b\n    output:\n      - label: a\n        score: 0.7\n  - text: y\n    output:\n      text: z\n');
  });

  it('redacts personal data in a widget example: placeholder (preferred) or pseudonym, the card still reads the new text', () => {
    const cases: Array<[string, string, string]> = [
      ['widget:\n  - text: Write to ann@mail.org now\n', 'Write to ann@mail.org now', 'widget:\n  - text: Write to [EMAIL_ADDRESS] now\n'],
      // A plain scalar starting with `[` would be a list: the example is quoted instead.
      ['widget:\n  - text: ann@mail.org wrote\n', 'ann@mail.org wrote', 'widget:\n  - text: "[EMAIL_ADDRESS] wrote"\n'],
      ['widget:\n  - text: "mail \\x61nn@mail.org"\n', 'mail ann@mail.org', 'widget:\n  - text: "mail [EMAIL_ADDRESS]"\n'],
      ['widget:\n  - text: |\n      Hi,\n      ann@mail.org\n', 'Hi,\nann@mail.org\n', 'widget:\n  - text: |\n      Hi,\n      [EMAIL_ADDRESS]\n'],
    ];
    for (const [text, value, expected] of cases) {
      const start = value.indexOf('ann@mail.org');
      const pii = new Map([[value, [{ start, end: start + 12, type: 'EMAIL_ADDRESS', score: 0.9 }]]]);
      const finding = testAnalyzer().analyze({ text, fileName: 'model-card.yaml', cardModel: { pii } }).findings.find((f) => f.code === 'privacy/pii-in-widget-example');
      assert.ok(finding, text);
      const fixes = quickFixes(text, finding, 'model-card.yaml');
      const preferred = fixes.find((f) => f.isPreferred)!;
      const [edit] = preferred.edits;
      assert.equal(text.slice(0, edit.start) + edit.text + text.slice(edit.end), expected);
      const pseudonym = fixes.find((f) => !f.isPreferred)!;
      const [p] = pseudonym.edits;
      assert.match(text.slice(0, p.start) + p.text + text.slice(p.end), /person1@example\.com/);
    }
  });

  it('offers no redaction when the example changed since the finding', () => {
    const text = 'widget:\n  - text: Write to ann@mail.org now\n';
    const finding = { code: 'privacy/pii-in-widget-example', severity: 'warning' as const, message: '', start: 26, end: 38, data: { type: 'EMAIL_ADDRESS', example: 0, valueStart: 9, valueEnd: 21, exact: true } };
    assert.equal(quickFixes(text, finding, 'model-card.yaml').length, 2);
    assert.deepEqual(quickFixes('widget:\n  - text: short\n', finding, 'model-card.yaml'), []);
    assert.deepEqual(quickFixes('widget: []\n', finding, 'model-card.yaml'), []);
  });
});
