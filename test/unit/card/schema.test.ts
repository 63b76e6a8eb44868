/** Schema findings: one per real problem, on the exact node, with codes users and quick fixes rely on. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../support/check';
import { testAnalyzer } from '../../support/analyzer';

describe('schema findings', () => {
  it('the full example card from the issue is valid against the schema; only its license mix is flagged', () => {
    check(`
      license: llama3.1
      base_model: meta-llama/Llama-3.1-8B
      datasets: [acme/support-tickets]
      upstream:
        base_models:
          - id: meta-llama/Llama-3.1-8B
            license: llama3.1
      #              ^^^^^^^^ information[license/naming-required]
      #              ^^^^^^^^ information[license/upstream-condition] 700 million
        datasets:
          - id: acme/support-tickets
            license: cc-by-nc-4.0
      #              ^^^^^^^^^^^^ error[license/non-commercial-upstream] non-commercial
            samples: [data/tickets-sample.jsonl]
      privacy:
        personal_data: true
        pii_categories: [PERSON, EMAIL_ADDRESS, PHONE_NUMBER]
        special_categories: []
        anonymization: pseudonymization
        data_subjects: [customers]
        retention: P2Y
      compliance:
        gdpr: {lawful_basis: legitimate_interests, controller: Acme GmbH, dpia: {completed: true, reference: DPIA-2026-04}}
        ccpa: {sells_or_shares: false, categories: [identifiers]}
        eu_ai_act: {role: provider, risk_category: limited, gpai: false, technical_documentation: docs/annex-iv.md, training_content_summary: null}
      intended_use: Drafting replies.
      out_of_scope_use: Decisions about people.
      limitations: English only.
    `, { files: ['data/tickets-sample.jsonl'] });
  });

  it('an unknown license id is flagged on the value with a suggestion', () => {
    const [finding] = check(`
      license: apache-2.1
      #        ^^^^^^^^^^ error[license/unknown-id]
    `);
    assert.equal(finding.data?.suggestion, 'apache-2.0');
  });

  it('common license spellings and SPDX expressions get the Hub id as suggestion', () => {
    const [spelled] = check(`
      license: Apache 2.0
      #        ^^^^^^^^^^ error[license/unknown-id] use \`apache-2.0\`
    `);
    assert.equal(spelled.data?.suggestion, 'apache-2.0');
    const [spdx] = check(`
      license: GPL-2.0-or-later
      #        ^^^^^^^^^^^^^^^^ error[license/unknown-id] \`gpl-2.0\`
    `);
    assert.equal(spdx.data?.suggestion, 'gpl-2.0');
  });

  it('region-suffixed language codes are flagged on the offending item only', () => {
    check(`
      language:
        - en
        - es-ES
      #   ^^^^^ error[hub/language-code]
    `);
    check(`
      language: zh-CN
      #         ^^^^^ error[hub/language-code]
    `);
  });

  it('a wrong type inside a union is one finding, not one per branch', () => {
    check(`
      language: 12
      #         ^^ error[schema/wrong-type]
    `);
  });

  it('unknown keys inside Cardwright sections are errors on the key, with did-you-mean', () => {
    check(`
      privacy:
        personal_data: false
        anonymisation: none
      # ^^^^^^^^^^^^^ error[schema/unknown-key] did you mean \`anonymization\`?
    `);
  });

  it('enum values in Cardwright sections get did-you-mean', () => {
    check(`
      compliance:
        gdpr:
          lawful_basis: legitimate_interest
      #                 ^^^^^^^^^^^^^^^^^^^ error[schema/invalid-value] did you mean \`legitimate_interests\`?
    `);
  });

  it('a missing required key points at the parent key', () => {
    check(`
      model-index:
        - name: my-model
          results:
            - task:
      #       ^^^^^ error[schema/missing-key] \`dataset\`
                type: text-classification
              metrics:
                - type: accuracy
                  value: 0.9
    `);
  });

  it('prose dataset names are rejected', () => {
    check(`
      datasets:
        - librispeech 960h
      #   ^^^^^^^^^^^^^^^^ error[hub/dataset-id]
    `);
  });

  it('every schema document compiles and every section is reachable from the model card schema', () => {
    const analyzer = testAnalyzer();
    const navigator = analyzer.schemaFor('model-card');
    for (const key of ['license', 'language', 'base_model', 'datasets', 'model-index', 'upstream', 'privacy', 'compliance', 'intended_use']) {
      assert.ok(navigator.propertiesAt([]).has(key), `model card schema should know ${key}`);
    }
    assert.ok(navigator.propertiesAt(['compliance', 'eu_ai_act']).has('risk_category'));
    assert.ok(navigator.propertiesAt(['upstream', 'datasets', 0]).has('samples'));
    assert.ok(navigator.isClosedAt(['privacy']));
    assert.ok(!navigator.isClosedAt([]));
  });

  it('the example project card is flagged with its deliberate mistakes', () => {
    const file = path.join(__dirname, '..', '..', '..', '..', 'examples', 'model-card.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const codes = testAnalyzer()
      .analyze({ text, fileName: file, fileExists: (p) => fs.existsSync(path.join(path.dirname(file), p)) })
      .findings.map((f) => f.code);
    for (const code of ['hub/language-code', 'schema/unknown-key', 'upstream/sample-not-found', 'privacy/special-categories-need-dpia', 'compliance/high-risk-needs-documentation']) {
      assert.ok(codes.includes(code), `expected ${code} in ${codes.join(', ')}`);
    }
  });
});
