/** Every quick fix as before → after text; each result parses and no longer has the finding it fixes. */
import * as assert from 'node:assert/strict';
import { canFixAll, FIXES, quickFixes } from '../../../core/codeActions';
import { testAnalyzer } from '../../support/analyzer';
import { checkFix, checkFixAll } from './featureFixture';

describe('quick fixes', function () {
  this.timeout(20_000);
  it('renames a misspelled key (did you mean), at the top level and inside sections', () => {
    checkFix('license: mit\nlicen$0ce_name: x', 'license: mit\nlicense_name: x', { code: 'hub/unknown-key' });
    checkFix(
      `
      privacy:
        personal_data: false
        anonymi$0sation: none
      `,
      `
      privacy:
        personal_data: false
        anonymization: none
      `,
      { code: 'schema/unknown-key', title: 'Rename `anonymisation` to `anonymization`' },
    );
  });

  it('does not rename onto a key that is already there', () => {
    const text = 'privacy:\n  anonymization: none\n  anonymisation: none\n';
    const finding = testAnalyzer().analyze({ text, fileName: 'model-card.yaml' }).findings.find((f) => f.code === 'schema/unknown-key');
    assert.ok(finding);
    assert.deepEqual(quickFixes(text, finding, 'model-card.yaml'), []);
  });

  it('replaces a misspelled enum value with the suggestion', () => {
    checkFix('compliance:\n  gdpr:\n    lawful_basis: legitimate_interest$0', 'compliance:\n  gdpr:\n    lawful_basis: legitimate_interests', { code: 'schema/invalid-value' });
    checkFix('pipeline_tag: text-generaton$0', 'pipeline_tag: text-generation', { code: 'schema/invalid-value' });
  });

  it('normalizes license spellings to the Hub id, in the card and upstream', () => {
    checkFix('license: Apache 2.0$0', 'license: apache-2.0', { code: 'license/unknown-id' });
    checkFix('license: "MIT License$0"', 'license: mit', { code: 'license/unknown-id' });
    checkFix('license: gpl-2.0-or-later$0', 'license: gpl-2.0', { code: 'license/unknown-id' });
    checkFix(
      'datasets: [a/b]\nupstream:\n  datasets:\n    - id: a/b\n      license: CC BY-NC 4.0$0',
      'datasets: [a/b]\nupstream:\n  datasets:\n    - id: a/b\n      license: cc-by-nc-4.0',
      { code: 'license/unknown-id' },
    );
  });

  it('turns an unrecognizable license into `other` with a name and link', () => {
    checkFix('license: Acme Research License v2$0\nlanguage: en', 'license: other\nlicense_name: acme-research-license-v2\nlicense_link: LICENSE\nlanguage: en', {
      code: 'license/unknown-id',
      title: 'Use `license: other`',
    });
  });

  it('adds license_name and license_link for `license: other`, or removes them when ignored', () => {
    checkFix('license: other$0\nlanguage: en', 'license: other\nlicense_name: my-license\nlicense_link: LICENSE\nlanguage: en', { code: 'license/other-incomplete' });
    checkFix('license: other$0\nlicense_name: acme', 'license: other\nlicense_link: LICENSE\nlicense_name: acme', { code: 'license/other-incomplete' });
    checkFix('license: mit\nlicense_na$0me: acme\nlanguage: en', 'license: mit\nlanguage: en', { code: 'license/name-without-other' });
  });

  it('inserts a missing required key with a placeholder at the right indentation', () => {
    checkFix(
      `
      model-index:
        - name: m
          results:
            - task$0:
                type: text-generation
              metrics:
                - type: wer
                  value: 0.1
      `,
      `
      model-index:
        - name: m
          results:
            - task:
                type: text-generation
              metrics:
                - type: wer
                  value: 0.1
              dataset:
                type: owner/dataset
                name: Dataset name
      `,
      { code: 'schema/missing-key' },
    );
    checkFix('upstream:\n  base_models:\n    - license: mit$0', 'upstream:\n  base_models:\n    - license: mit\n      id: owner/name', { code: 'schema/missing-key', othersRemain: true });
  });

  it('adds what a privacy or AI Act rule requires, creating the section when needed', () => {
    checkFix(
      'privacy:\n  personal_data: true$0\n  pii_categories: [PERSON]\n  anonymization: none\n',
      'privacy:\n  personal_data: true\n  pii_categories: [PERSON]\n  anonymization: none\ncompliance:\n  gdpr:\n    lawful_basis: TODO\n',
      { code: 'privacy/missing-lawful-basis' },
    );
    checkFix(
      'privacy:\n  personal_data: true$0\n  anonymization: none\ncompliance:\n  gdpr:\n    lawful_basis: consent\n',
      'privacy:\n  personal_data: true\n  anonymization: none\n  pii_categories: [PERSON]\ncompliance:\n  gdpr:\n    lawful_basis: consent\n',
      { code: 'privacy/missing-pii-categories' },
    );
    checkFix(
      'compliance:\n  eu_ai_act:\n    risk_category: high$0\n    training_content_summary: null\n',
      'compliance:\n  eu_ai_act:\n    risk_category: high\n    training_content_summary: null\n    technical_documentation: TODO-path/to/technical-documentation.md\n',
      { code: 'compliance/high-risk-needs-documentation' },
    );
    checkFix(
      'compliance:\n  eu_ai_act:\n    gpai: true$0\n    training_content_summary: null # to do\n',
      'compliance:\n  eu_ai_act:\n    gpai: true\n    training_content_summary: TODO-link-to-the-training-content-summary # to do\n',
      { code: 'compliance/gpai-needs-training-summary' },
    );
  });

  it('records a completed DPIA for special categories, and fixes the personal_data contradiction', () => {
    checkFix(
      'privacy:\n  personal_data: true\n  pii_categories: [PERSON]\n  anonymization: none\n  special_$0categories: [health_data]\ncompliance:\n  gdpr:\n    lawful_basis: consent\n    dpia:\n      completed: false\n',
      'privacy:\n  personal_data: true\n  pii_categories: [PERSON]\n  anonymization: none\n  special_categories: [health_data]\ncompliance:\n  gdpr:\n    lawful_basis: consent\n    dpia:\n      completed: true\n      reference: TODO-DPIA-reference\n',
      { code: 'privacy/special-categories-need-dpia' },
    );
    checkFix(
      'privacy:\n  personal_data: fal$0se\n  special_categories: [health_data]\n',
      'privacy:\n  personal_data: true\n  special_categories: [health_data]\n',
      { code: 'privacy/special-categories-contradiction' },
    );
  });

  it('strips region suffixes from language codes, or drops a code already listed', () => {
    checkFix('language:\n  - en\n  - es-E$0S\n', 'language:\n  - en\n  - es\n', { code: 'hub/language-code' });
    checkFix('language: pt_B$0R', 'language: pt', { code: 'hub/language-code' });
    checkFix('language: [en, en-U$0S, fr]', 'language: [en, fr]', { code: 'hub/language-code' });
    checkFix('language:\n  - en\n  - en-G$0B\n  - de\n', 'language:\n  - en\n  - de\n', { code: 'hub/language-code' });
  });

  it('moves a misplaced key into its section, creating the section when needed', () => {
    checkFix(
      'license: mit\npersonal_d$0ata: false\nprivacy:\n  anonymization: none\n',
      'license: mit\nprivacy:\n  anonymization: none\n  personal_data: false\n',
      { code: 'card/misplaced-key' },
    );
    checkFix(
      'license: mit\nbase_m$0odels:\n  - id: org/a # the base\n    license: mit\n',
      'license: mit\nupstream:\n  base_models:\n    - id: org/a # the base\n      license: mit\n',
      { code: 'card/misplaced-key', title: 'Move `base_models` into `upstream`' },
    );
    checkFix(
      'pii_cat$0egories:\n- PERSON\n- EMAIL_ADDRESS\nlicense: mit\n',
      'license: mit\nprivacy:\n  pii_categories:\n    - PERSON\n    - EMAIL_ADDRESS\n',
      { code: 'card/misplaced-key' },
    );
  });

  it('fills upstream from base_model and datasets, one entry or all', () => {
    checkFix(
      'base_model: meta-llama/Llama-3.1-8B$0\ndatasets: [acme/tickets]\nupstream:\n  datasets:\n    - id: acme/tickets\n      license: mit\n',
      'base_model: meta-llama/Llama-3.1-8B\ndatasets: [acme/tickets]\nupstream:\n  datasets:\n    - id: acme/tickets\n      license: mit\n  base_models:\n    - id: meta-llama/Llama-3.1-8B\n',
      { code: 'upstream/missing-base-model' },
    );
    checkFix(
      'base_model: org/base\ndatasets:\n  - acme/a$0\n  - acme/b\nupstream:\n  base_models: []\n',
      'base_model: org/base\ndatasets:\n  - acme/a\n  - acme/b\nupstream:\n  base_models: [{id: org/base}]\n  datasets:\n    - id: acme/a\n    - id: acme/b\n',
      { code: 'upstream/missing-dataset', title: 'Fill `upstream`' },
    );
  });

  it('lists an upstream id in base_model or datasets', () => {
    checkFix(
      'base_model: org/a\nupstream:\n  base_models:\n    - id: org/a\n    - id: org/b$0\n',
      'base_model: [org/a, org/b]\nupstream:\n  base_models:\n    - id: org/a\n    - id: org/b\n',
      { code: 'upstream/unlisted-base-model' },
    );
    checkFix('datasets:\n  - x/a\nupstream:\n  datasets:\n    - id: x/a\n    - id: x/b$0\n', 'datasets:\n  - x/a\n  - x/b\nupstream:\n  datasets:\n    - id: x/a\n    - id: x/b\n', {
      code: 'upstream/unlisted-dataset',
    });
  });

  it('offers to create a missing sample file or to drop it from samples', () => {
    const before = 'datasets: [a/b]\nupstream:\n  datasets:\n    - id: a/b\n      samples:\n        - data/one.csv\n        - data/missing.csv$0\n';
    const created = checkFix(before, before.replace('$0', ''), { code: 'upstream/sample-not-found', files: ['data/one.csv'], filesAfter: ['data/one.csv', 'data/missing.csv'], title: 'Create' });
    assert.deepEqual(created.createFiles, ['data/missing.csv']);
    checkFix(before, 'datasets: [a/b]\nupstream:\n  datasets:\n    - id: a/b\n      samples:\n        - data/one.csv\n', { code: 'upstream/sample-not-found', files: ['data/one.csv'], title: 'Remove' });
    checkFix('datasets: [a/b]\nupstream:\n  datasets:\n    - id: a/b\n      samples: [gone.csv$0]\n', 'datasets: [a/b]\nupstream:\n  datasets:\n    - id: a/b\n      samples: []\n', { code: 'upstream/sample-not-found', title: 'Remove' });
  });

  it('works inside README front matter, leaving the body alone', () => {
    checkFix('---\nlicense: Apache 2.0$0\nlanguage: es-ES\n---\n# license: Apache 2.0\n', '---\nlicense: apache-2.0\nlanguage: es-ES\n---\n# license: Apache 2.0\n', { code: 'license/unknown-id', fileName: 'README.md' });
    checkFix('---\nlicense: other$0\n---\nBody\n', '---\nlicense: other\nlicense_name: my-license\nlicense_link: LICENSE\n---\nBody\n', { code: 'license/other-incomplete', fileName: 'README.md' });
  });

  it('keeps CRLF line breaks', () => {
    checkFix('license: other$0\r\nlanguage: en\r\n', 'license: other\r\nlicense_name: my-license\r\nlicense_link: LICENSE\r\nlanguage: en\r\n', { code: 'license/other-incomplete' });
  });

  it('fixes all of one kind at once where each fix only touches its own range', () => {
    checkFixAll('language:\n  - es-ES\n  - pt_BR\n  - zh-CN\n', 'language:\n  - es\n  - pt\n  - zh\n', { code: 'hub/language-code' });
    checkFixAll('licence: mit\npipline_tag: text-generation\n', 'license: mit\npipeline_tag: text-generation\n', { code: 'hub/unknown-key' });
    assert.equal(canFixAll('card/misplaced-key'), false, 'moves are not applied in bulk');
  });

  it('offers nothing when the text no longer matches the finding, and never throws', () => {
    const text = 'license: Apache 2.0\n';
    const finding = testAnalyzer().analyze({ text, fileName: 'model-card.yaml' }).findings[0];
    assert.deepEqual(quickFixes('license: mit\n', finding, 'model-card.yaml'), [], 'stale finding');
    for (const code of Object.keys(FIXES)) {
      for (const data of [undefined, {}, { path: 'x', key: 3, missing: 'no', section: [{}] }]) {
        assert.doesNotThrow(() => quickFixes('a: [\n', { code, severity: 'error', message: '', start: 0, end: 2, data }, 'model-card.yaml'));
      }
    }
  });
});
