/** Rule findings on annotated cards: every rule JSON Schema cannot express. */
import { check } from '../../support/check';

describe('card rules', () => {
  it('license: other needs license_name and license_link', () => {
    check(`
      license: other
      #        ^^^^^ error[license/other-incomplete] \`license_name\` and \`license_link\`
    `);
    check(`
      license: other
      #        ^^^^^ error[license/other-incomplete] \`license_link\`
      license_name: acme-research
    `);
    check(`
      license: other
      license_name: acme-research
      license_link: LICENSE.md
    `);
  });

  it('license_name without license: other is ignored by the Hub', () => {
    check(`
      license: mit
      license_name: my-mit
      #^^^^^^^^^^^ warning[license/name-without-other]
    `);
  });

  it('personal data needs categories, anonymization and a lawful basis', () => {
    check(`
      privacy:
        personal_data: true
      #                ^^^^ error[privacy/missing-pii-categories]
      #                ^^^^ error[privacy/missing-anonymization]
      #                ^^^^ error[privacy/missing-lawful-basis]
    `);
    check(`
      privacy:
        personal_data: true
        pii_categories: [PERSON]
        anonymization: pseudonymization
      compliance:
        gdpr:
          lawful_basis: consent
    `);
    check(`
      privacy:
        personal_data: false
    `);
  });

  it('special categories need a completed DPIA and contradict personal_data: false', () => {
    check(`
      privacy:
        personal_data: false
      #                ^^^^^ error[privacy/special-categories-contradiction]
        special_categories: [health_data]
      # ^^^^^^^^^^^^^^^^^^ error[privacy/special-categories-need-dpia]
    `);
    check(`
      privacy:
        personal_data: true
        pii_categories: [PERSON]
        anonymization: pseudonymization
        special_categories: [health_data]
      compliance:
        gdpr:
          lawful_basis: consent
          dpia: {completed: true, reference: DPIA-1}
    `);
  });

  it('EU AI Act: high risk needs documentation, GPAI needs a training content summary', () => {
    check(`
      compliance:
        eu_ai_act:
          role: provider
          risk_category: high
      #                  ^^^^ error[compliance/high-risk-needs-documentation]
          gpai: true
      #         ^^^^ error[compliance/gpai-needs-training-summary]
          training_content_summary: null
    `);
    check(`
      compliance:
        eu_ai_act:
          role: provider
          risk_category: high
          technical_documentation: docs/annex-iv.md
          gpai: true
          training_content_summary: docs/training-summary.md
    `);
  });

  it('upstream ids must match base_model and datasets', () => {
    check(`
      license: apache-2.0
      base_model: org/base
      #           ^^^^^^^^ warning[upstream/missing-base-model]
      datasets:
        - org/data-a
        - org/data-b
      #   ^^^^^^^^^^ warning[upstream/missing-dataset]
      upstream:
        base_models:
          - id: org/other-base
      #         ^^^^^^^^^^^^^^ warning[upstream/unlisted-base-model]
            license: apache-2.0
        datasets:
          - id: org/data-a
            license: apache-2.0
    `);
  });

  it('sample paths must exist and stay inside the card folder', () => {
    check(
      `
      license: mit
      datasets: [org/data]
      upstream:
        datasets:
          - id: org/data
            license: mit
            samples:
              - data/present.csv
              - data/absent.csv
      #         ^^^^^^^^^^^^^^^ error[upstream/sample-not-found]
              - ../outside.csv
      #         ^^^^^^^^^^^^^^ warning[upstream/sample-outside-card]
    `,
      { files: ['data/present.csv'] },
    );
  });

  it('unknown top-level keys are warnings with did-you-mean, misplaced section keys say where they belong', () => {
    check(`
      licence: mit
      #^^^^^^ warning[hub/unknown-key] did you mean \`license\`?
      pii_categories: [PERSON]
      #^^^^^^^^^^^^^ warning[card/misplaced-key] belongs under \`privacy\`
      my_custom_key: 1
      #^^^^^^^^^^^^ warning[hub/unknown-key]
    `);
  });

  it('a PII scan that found personal data makes an undeclared card a finding', () => {
    const piiScan = { found: { EMAIL_ADDRESS: 3, PERSON: 5, IBAN_CODE: 0 }, files: 2, date: '2026-11-29', tool: 'cardwright 0.1.0' };
    check(
      `
      license: mit
      privacy:
      #^^^^^^ error[privacy/scan-found-personal-data] EMAIL_ADDRESS (3), PERSON (5)
        data_subjects: [customers]
    `,
      { piiScan },
    );
    check(
      `
      privacy:
        personal_data: false
      #                ^^^^^ error[privacy/scan-found-personal-data]
    `,
      { piiScan },
    );
    check(
      `
      privacy:
        personal_data: true
        pii_categories: [PERSON]
      # ^^^^^^^^^^^^^^ warning[privacy/undeclared-pii-category] EMAIL_ADDRESS (3)
        anonymization: none
      compliance:
        gdpr: {lawful_basis: consent}
    `,
      { piiScan },
    );
    check('privacy:\n  personal_data: false\n', { piiScan: { ...piiScan, found: {} } });
  });

  it('a scan that found organizations and places (optional types) found no personal data; a place is a category, an organization none', () => {
    const contextOnly = { found: { ORGANIZATION: 4, LOCATION: 2 }, files: 1, date: '2026-12-02', tool: 'cardwright 0.1.0' };
    check('privacy:\n  personal_data: false\n', { piiScan: contextOnly });
    check(
      `
      privacy:
        personal_data: true
        pii_categories: [PERSON]
      # ^^^^^^^^^^^^^^ warning[privacy/undeclared-pii-category] found LOCATION (2) in the samples
        anonymization: none
      compliance:
        gdpr: {lawful_basis: consent}
    `,
      { piiScan: contextOnly },
    );
    check(
      `
      privacy:
        personal_data: false
      #                ^^^^^ error[privacy/scan-found-personal-data] personal data: PERSON (1).
    `,
      { piiScan: { ...contextOnly, found: { ...contextOnly.found, PERSON: 1 } } },
    );
    check('privacy:\n  personal_data: true\n  pii_categories: [PERSON, LOCATION]\n  anonymization: none\ncompliance:\n  gdpr: {lawful_basis: consent}\n', { piiScan: contextOnly });
  });
});
