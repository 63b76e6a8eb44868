/** What kind of text the analyzer is given: front matter, line endings, odd YAML, hostile input, Hub-style cards. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../support/check';
import { testAnalyzer } from '../../support/analyzer';

import { packageRoot } from '../../../engine/packageRoot';

/** Cardwright's own cards for the Hub behaviours (test/fixtures/hub-cards/README.txt). */
const FIXTURES = path.join(packageRoot(__dirname), 'test', 'fixtures', 'hub-cards');

function analyzeFile(file: string, text = fs.readFileSync(file, 'utf8')) {
  return testAnalyzer().analyze({ text, fileName: file });
}

describe('card documents', () => {
  it('README front matter findings are mapped into the Markdown file', () => {
    check(
      `
      ---
      license: apache 2.0
      #        ^^^^^^^^^^ error[license/unknown-id]
      language: en
      ---

      # My model
      licence: this is body text, not metadata
    `,
      { fileName: 'README.md' },
    );
  });

  it('a README without front matter, or with an unterminated block, is left alone', () => {
    check('# Title\n\nlicense: nonsense\n', { fileName: 'README.md' });
    check('---\nlicense: nonsense\n\n# never closed\n', { fileName: 'README.md' });
  });

  it('a dataset card front matter is judged as a dataset card, not a model card', () => {
    check(
      `
      ---
      license: cc-by-4.0
      task_categories: [text-classification]
      size_categories: [1K<n<10K]
      pretty_name: Support tickets
      ---
    `,
      { fileName: 'README.md' },
    );
    const analysis = testAnalyzer().analyze({ text: '---\npretty_name: X\ntask_categories: [text-classification]\n---\n', fileName: 'README.md' });
    assert.equal(analysis.kind, 'dataset-card');
  });

  it('CRLF line endings keep exact offsets', () => {
    check(
      `
      license: mit
      language: en-US
      #         ^^^^^ error[hub/language-code]
      licence: mit
      #^^^^^^ warning[hub/unknown-key]
    `,
      { crlf: true },
    );
  });

  it('an empty card, a comment-only card and `{}` are one card/empty finding on the first line', () => {
    const only = (text: string, fileName = 'model-card.yaml') => testAnalyzer().analyze({ text, fileName }).findings.map((f) => [f.code, f.severity, f.start, f.end]);
    assert.deepEqual(only(''), [['card/empty', 'error', 0, 0]]);
    check(`
      # nothing yet
      #^^^^^^^^^^^^ error[card/empty]
    `);
    check(`
      {}
      #^ error[card/empty]
    `);
    check(
      `
      ---
      #^^ warning[card/empty] The front matter is empty
      ---
      # Model
    `,
      { fileName: 'README.md' },
    );
    // A README without front matter is not a card: nothing to report.
    check('# Model\n', { fileName: 'README.md' });
  });

  it('a key indented under a value is one syntax finding, not two', () => {
    const findings = testAnalyzer().analyze({ text: 'license: mit\n  language: en\n', fileName: 'model-card.yaml' }).findings;
    assert.deepEqual(findings.map((f) => f.code), ['yaml/syntax']);
    assert.match(findings[0].message, /indent/);
    assert.equal(findings[0].start, 9);
  });

  it('a card that is a list or a scalar is one clear finding', () => {
    check(`
      - license: mit
      #^^^^^^^^^^^^^ error[card/not-a-mapping] not a list
    `);
    check(`
      just a sentence
      #^^^^^^^^^^^^^^ error[card/not-a-mapping]
    `);
  });

  it('duplicate keys are flagged on the repeated key', () => {
    check(`
      license: mit
      license: apache-2.0
      #^^^^^^ error[yaml/duplicate-key]
    `);
  });

  it('tabs used for indentation are a syntax error at the tab', () => {
    const findings = testAnalyzer().analyze({ text: 'privacy:\n\tpersonal_data: true\n', fileName: 'model-card.yaml' }).findings;
    assert.ok(findings.length > 0 && findings.every((f) => f.code.startsWith('yaml/')), JSON.stringify(findings));
    assert.equal(findings[0].start, 9);
  });

  it('anchors and aliases are resolved before validation', () => {
    check(`
      license: mit
      datasets: &data [org/a]
      upstream:
        datasets:
          - id: org/a
            license: mit
      tags: *data
    `);
    check(`
      license: &l mit-ish
      #           ^^^^^^^ error[license/unknown-id]
    `);
  });

  it('an alias bomb is refused with one finding instead of expanding', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const findings = testAnalyzer().analyze({ text: levels.join('\n'), fileName: 'model-card.yaml' }).findings;
    assert.deepEqual(findings.map((f) => f.code), ['yaml/alias-limit']);
  });

  it('deep nesting, binary and huge files are one clear finding each', () => {
    const analyze = (text: string) => testAnalyzer().analyze({ text, fileName: 'model-card.yaml' }).findings.map((f) => f.code);
    assert.deepEqual(analyze('['.repeat(100_000)), ['yaml/too-deep']);
    assert.deepEqual(analyze(`a:\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}`), ['yaml/too-deep']);
    assert.deepEqual(analyze('license: mit\n\u0000\u0001\u0002'), ['card/binary']);
    assert.deepEqual(analyze(`license: mit\n${'# padding\n'.repeat(1_100_000)}`), ['card/too-large']);
  });

  it('many syntax errors are capped', () => {
    const findings = testAnalyzer().analyze({ text: Array(200).fill('a: [\n- ]: }').join('\n'), fileName: 'model-card.yaml' }).findings;
    assert.ok(findings.length <= 30, `got ${findings.length}`);
  });

  describe("Hub-style cards get the Hub's verdicts", () => {
    for (const name of ['model-simple.md', 'model-index.md', 'no-metadata.md', 'windows-line-breaks.md', 'dataset-card.md']) {
      it(`${name} is valid`, () => {
        const findings = analyzeFile(path.join(FIXTURES, name)).findings;
        assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
      });
    }
    it('dataset-card.md is judged as a dataset card, model-simple.md as a model card', () => {
      assert.equal(analyzeFile(path.join(FIXTURES, 'dataset-card.md')).kind, 'dataset-card');
      assert.equal(analyzeFile(path.join(FIXTURES, 'model-simple.md')).kind, 'model-card');
    });
    it('windows-line-breaks.md keeps exact offsets through CRLF', () => {
      const file = path.join(FIXTURES, 'windows-line-breaks.md');
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text), 'the fixture has CRLF line breaks only');
      const broken = text.replace('license: cc-by-4.0', 'license: cc-by-4');
      const [finding] = analyzeFile(file, broken).findings;
      assert.equal(finding.code, 'license/unknown-id');
      assert.equal(broken.slice(finding.start, finding.end), 'cc-by-4');
    });
    it('no-metadata.md has no front matter, so its body is not read as metadata', () => {
      assert.deepEqual(analyzeFile(path.join(FIXTURES, 'no-metadata.md')).findings, []);
    });
    it('card-data-is-a-list.md (a list) is rejected on the list', () => {
      const file = path.join(FIXTURES, 'card-data-is-a-list.md');
      const text = fs.readFileSync(file, 'utf8');
      const findings = analyzeFile(file, text).findings;
      assert.deepEqual(findings.map((f) => f.code), ['card/not-a-mapping']);
      assert.equal(text.slice(findings[0].start, findings[0].end), '[]');
    });
    it('model-index-without-dataset.md is rejected on the result', () => {
      const file = path.join(FIXTURES, 'model-index-without-dataset.md');
      const text = fs.readFileSync(file, 'utf8');
      const findings = analyzeFile(file, text).findings;
      assert.deepEqual(findings.map((f) => [f.code, f.data?.key]), [['schema/missing-key', 'dataset']]);
      assert.match(text.slice(findings[0].start, findings[0].end), /^- task:|^task/);
    });
    it('an unrendered template is reported as a placeholder, not a crash', () => {
      const findings = analyzeFile(path.join(FIXTURES, 'unrendered-template.md')).findings;
      assert.deepEqual(findings.map((f) => f.code), ['yaml/complex-key']);
    });
  });
});
