/** CycloneDX 1.6 ML-BOM export: valid against the official schema for every card, and the card's facts survive. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newCardLicenseChoices, newCardSkeleton } from '../../../core/cardTemplates';
import { cycloneDx, CycloneDxExport, CycloneDxOptions, cycloneDxFromText } from '../../../core/export/cycloneDx';
import { allLicenseFacts } from '../../../core/licenses';
import { packageRoot } from '../../../engine/packageRoot';
import { dedent } from '../../support/annotatedFixture';
import { cycloneDx16Draft, cycloneDxSpdxIds, validateCycloneDx16 } from '../../support/cycloneDxSchema';
import { seededRandom } from '../pii/seededRandom';

const root = packageRoot(__dirname);
const OPTIONS: CycloneDxOptions = {
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  timestamp: '2026-12-01T12:00:00.000Z',
  toolVersion: '0.1.0',
  fallbackName: 'folder-name',
};

type Json = Record<string, any>;

function exportText(text: string, fileName = 'model-card.yaml', options: Partial<CycloneDxOptions> = {}): CycloneDxExport {
  const result = cycloneDxFromText(text, fileName, { ...OPTIONS, ...options });
  if ('error' in result) assert.fail(result.error);
  return result;
}

function assertValid(bom: unknown, what: string): void {
  const errors = validateCycloneDx16(bom);
  assert.deepEqual(errors, [], `${what} is not a valid CycloneDX 1.6 BOM:\n${errors.join('\n')}`);
}

const components = (bom: Json): Json[] => bom.components;
const byName = (bom: Json, name: string): Json => {
  const found = components(bom).find((c) => c.name === name);
  assert.ok(found, `no component ${name}`);
  return found;
};
const prop = (owner: Json, name: string): string[] => (owner.properties ?? []).filter((p: Json) => p.name === name).map((p: Json) => p.value);

/** Cards in the repository: the example project and the test fixtures. */
function repositoryCards(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^(model-card\.ya?ml|readme\.md)$/i.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(root, 'examples'));
  walk(path.join(root, 'test', 'fixtures'));
  return out.sort();
}

describe('CycloneDX export', function () {
  // The first validation compiles the 1.6 schema (with its SPDX and JSF parts): a second or more
  // on a loaded machine.
  this.timeout(30_000);

  it('the schema shipped by @cyclonedx/cyclonedx-library is draft-07, which ajv compiles by default', () => {
    assert.equal(cycloneDx16Draft(), 'http://json-schema.org/draft-07/schema#');
  });

  it('the validator rejects a BOM that breaks the schema (so passing means something)', () => {
    const { bom } = exportText('license: mit\nmodel_name: m\n');
    assertValid(bom, 'the minimal card');
    assert.notDeepEqual(validateCycloneDx16({ ...bom, specVersion: 1.6 }), []);
    assert.notDeepEqual(validateCycloneDx16({ ...bom, serialNumber: 'not-a-urn' }), []);
    const badLicense = structuredClone(bom) as Json;
    badLicense.metadata.component.licenses = [{ license: { id: 'not-an-spdx-id' } }];
    assert.notDeepEqual(validateCycloneDx16(badLicense), []);
  });

  it('every card in examples/ and test/fixtures/ exports to a valid BOM', () => {
    const cards = repositoryCards();
    assert.ok(cards.some((card) => card.endsWith(path.join('examples', 'model-card.yaml'))));
    let exported = 0;
    for (const file of cards) {
      const result = cycloneDxFromText(fs.readFileSync(file, 'utf8'), file, { ...OPTIONS, fallbackName: path.basename(path.dirname(file)) });
      if ('error' in result) {
        // Only a README without front matter may have nothing to export.
        assert.match(result.error, /no YAML front matter/, file);
        continue;
      }
      exported++;
      assertValid(result.bom, path.relative(root, file));
    }
    assert.ok(exported >= 2);
  });

  it('a new card for every Hub license exports to a valid BOM (every SPDX id is one CycloneDX knows)', () => {
    const choices = newCardLicenseChoices();
    assert.ok(choices.length > 50);
    for (const { id } of [...choices, { id: 'other' }, { id: 'unknown' }]) {
      const { bom } = exportText(newCardSkeleton(id, { modelName: 'm' }));
      assertValid(bom, `the new card for ${id}`);
    }
    const spdx = cycloneDxSpdxIds();
    for (const fact of allLicenseFacts()) if (fact.spdx && !fact.isFamily) assert.ok(spdx.has(fact.spdx), `${fact.id}: ${fact.spdx} is not in CycloneDX's SPDX list`);
  });

  it('maps the example card: model, licenses, base model, datasets, dependencies, metrics, considerations', () => {
    const text = fs.readFileSync(path.join(root, 'examples', 'model-card.yaml'), 'utf8');
    const { bom, leftOut } = exportText(text, 'model-card.yaml', { fallbackName: 'examples' });
    const model: Json = (bom as Json).metadata.component;
    assert.equal(model.type, 'machine-learning-model');
    assert.equal(model.name, 'examples');
    assert.deepEqual(model.licenses, [{ license: { id: 'Apache-2.0', properties: [{ name: 'cardwright:hub_license', value: 'apache-2.0' }] } }]);
    assert.equal(model.modelCard.modelParameters.task, 'text-generation');
    assert.deepEqual(model.modelCard.modelParameters.datasets, [{ ref: 'dataset:acme/support-tickets' }, { ref: 'dataset:acme/faq-pairs' }]);
    assert.deepEqual(model.modelCard.considerations.useCases, ['Drafting first replies to customer support tickets for human review.']);
    assert.deepEqual(model.modelCard.considerations.technicalLimitations, [
      'English and Spanish only; trained on tickets from 2021-2024.',
      'Out of scope: Automated decisions about customers without human review.',
    ]);
    assert.deepEqual(prop(model.modelCard, 'cardwright:compliance.eu_ai_act.risk_category'), ['high']);
    assert.deepEqual(prop(model, 'cardwright:language'), ['en', 'es-ES']);

    const base = byName(bom, 'meta-llama/Llama-3.1-8B');
    assert.equal(base.type, 'machine-learning-model');
    assert.equal(base.purl, 'pkg:huggingface/meta-llama/Llama-3.1-8B');
    assert.equal(base.licenses[0].license.id, undefined, 'the Llama license has no SPDX id');
    assert.match(base.licenses[0].license.name, /Llama 3\.1/);
    assert.deepEqual(base.licenses[0].license.properties, [{ name: 'cardwright:hub_license', value: 'llama3.1' }]);
    assert.deepEqual(prop(base, 'cardwright:relation'), ['finetune']);

    const tickets = byName(bom, 'acme/support-tickets');
    assert.equal(tickets.type, 'data');
    assert.equal(tickets.licenses[0].license.id, 'CC-BY-NC-4.0');
    assert.equal(byName(bom, 'acme/faq-pairs').licenses[0].license.id, 'CC-BY-SA-4.0');

    assert.deepEqual((bom as Json).dependencies, [
      { ref: model['bom-ref'], dependsOn: [base['bom-ref'], tickets['bom-ref'], byName(bom, 'acme/faq-pairs')['bom-ref']] },
      { ref: base['bom-ref'] },
      { ref: tickets['bom-ref'] },
      { ref: byName(bom, 'acme/faq-pairs')['bom-ref'] },
    ]);
    // The example's widget has no place in a BOM; the missing name is reported too.
    assert.deepEqual(leftOut.map((l) => l.path).sort(), ['model_name', 'widget']);
  });

  it('carries the privacy section into each dataset: personal data, categories, special categories', () => {
    const { bom } = exportText(dedent(`
      model_name: acme/bot
      license: mit
      datasets: [acme/tickets]
      privacy:
        personal_data: true
        pii_categories: [PERSON, EMAIL_ADDRESS]
        special_categories: [health_data]
    `));
    assertValid(bom, 'the privacy card');
    const data = byName(bom, 'acme/tickets').data[0];
    assert.equal(data.type, 'dataset');
    assert.match(data.classification, /^personal data, including special categories/);
    assert.deepEqual(data.sensitiveData, ['PERSON', 'EMAIL_ADDRESS', 'health_data']);
    assert.deepEqual(prop(byName(bom, 'acme/tickets'), 'cardwright:personal_data'), ['true']);

    const none = exportText('license: mit\ndatasets: [a/b]\nprivacy:\n  personal_data: false\n').bom;
    assert.equal(byName(none, 'a/b').data[0].classification, 'no personal data');
    assert.equal(byName(none, 'a/b').data[0].sensitiveData, undefined);
    const unsaid = exportText('license: mit\ndatasets: [a/b]\n').bom;
    assert.equal(byName(unsaid, 'a/b').data[0].classification, undefined);
  });

  it('adds a scan\'s results to the datasets whose samples were scanned (an injected scan, else privacy.pii_scan)', () => {
    const card = dedent(`
      license: mit
      upstream:
        datasets:
          - id: a/scanned
            license: cc-by-4.0
            samples: [data/a.csv]
          - id: b/unscanned
            license: cc-by-4.0
      privacy:
        personal_data: false
        pii_scan:
          date: 2026-11-30
          tool: cardwright
          counts: { EMAIL_ADDRESS: 2 }
          files: [data/a.csv]
    `);
    const recorded = exportText(card).bom;
    assertValid(recorded, 'the card with a recorded scan');
    const scanned = byName(recorded, 'a/scanned');
    assert.deepEqual(scanned.data[0].sensitiveData, ['EMAIL_ADDRESS']);
    assert.match(scanned.data[0].classification, /found by a scan \(the card declares none\)/);
    assert.deepEqual(prop(scanned, 'cardwright:pii_scan.found.EMAIL_ADDRESS'), ['2']);
    assert.equal(byName(recorded, 'b/unscanned').data[0].sensitiveData, undefined);
    assert.deepEqual(prop((recorded as Json).metadata.component, 'cardwright:pii_scan.date'), ['2026-11-30']);

    const live = exportText(card, 'model-card.yaml', { scan: { found: { PERSON: 5, PHONE_NUMBER: 0 }, date: '2026-12-01', tool: 'cardwright' } }).bom;
    assertValid(live, 'the card with a live scan');
    assert.deepEqual(byName(live, 'a/scanned').data[0].sensitiveData, ['PERSON']);
    assert.deepEqual(prop(byName(live, 'a/scanned'), 'cardwright:pii_scan.found.PERSON'), ['5']);
    assert.deepEqual(prop((live as Json).metadata.component, 'cardwright:pii_scan.date'), ['2026-12-01']);

    // Per-file results: each dataset gets the counts of its own samples.
    const perFile = exportText(card.replace(/(id: b\/unscanned\n( +)license: cc-by-4.0\n)/, '$1$2samples: [data/b.csv]\n'), 'model-card.yaml', {
      scan: { found: { PERSON: 3, IBAN_CODE: 1 }, byFile: { 'data/a.csv': { PERSON: 3 }, './data/b.csv': { IBAN_CODE: 1, PERSON: 0 } } },
    }).bom;
    assertValid(perFile, 'the card with a per-file scan');
    assert.deepEqual(byName(perFile, 'a/scanned').data[0].sensitiveData, ['PERSON']);
    assert.deepEqual(byName(perFile, 'b/unscanned').data[0].sensitiveData, ['IBAN_CODE']);
    assert.deepEqual(prop(byName(perFile, 'b/unscanned'), 'cardwright:pii_scan.found.PERSON'), ['0']);

    // Organizations and places (optional scan types) are not personal data by themselves; an
    // organization has no personal-data category.
    const context = exportText(card, 'model-card.yaml', { scan: { found: { ORGANIZATION: 4, LOCATION: 2 }, date: '2026-12-02', tool: 'cardwright' } }).bom;
    assertValid(context, 'the card with a scan that found organizations and places');
    assert.equal(byName(context, 'a/scanned').data[0].classification, 'no personal data');
    assert.equal(byName(context, 'a/scanned').data[0].sensitiveData, undefined);
    const mixed = exportText(card, 'model-card.yaml', { scan: { found: { ORGANIZATION: 4, LOCATION: 2, PERSON: 1 }, date: '2026-12-02', tool: 'cardwright' } }).bom;
    assert.match(byName(mixed, 'a/scanned').data[0].classification, /found by a scan/);
    assert.deepEqual(byName(mixed, 'a/scanned').data[0].sensitiveData, ['LOCATION', 'PERSON']);
  });

  it('maps model-index metrics to performance metrics, with the dataset and split as the slice', () => {
    const { bom, leftOut } = exportText(dedent(`
      license: apache-2.0
      model-index:
        - name: acme/whisper-small-de
          results:
            - task: { type: automatic-speech-recognition }
              dataset: { type: mozilla-foundation/common_voice_11_0, name: Common Voice 11, config: de, split: test }
              metrics:
                - { type: wer, value: 12.5 }
                - { type: cer, value: { a: 1 } }
                - { name: Accuracy, value: "0.91" }
    `));
    assertValid(bom, 'the model-index card');
    const model = (bom as Json).metadata.component;
    assert.equal(model.name, 'acme/whisper-small-de');
    assert.equal(model.modelCard.modelParameters.task, 'automatic-speech-recognition');
    assert.deepEqual(model.modelCard.quantitativeAnalysis.performanceMetrics, [
      { type: 'wer', value: '12.5', slice: 'Common Voice 11 (de, test)' },
      { type: 'Accuracy', value: '0.91', slice: 'Common Voice 11 (de, test)' },
    ]);
    assert.deepEqual(leftOut, [{ path: 'model-index[0].results[0].metrics[1]', reason: 'the metric value is not a number or text' }]);
  });

  it('licenses: other with a name, unknown, ids that are not Hub ids, and base models listed only in base_model', () => {
    const { bom, leftOut } = exportText(dedent(`
      model_name: m
      license: other
      license_name: acme-model-license
      license_link: https://example.com/license
      base_model: [org/a, org/b]
      upstream:
        base_models:
          - id: org/a
            license: unknown
        datasets:
          - id: d/one
            license: Apache 2.0
    `));
    assertValid(bom, 'the license card');
    const model = (bom as Json).metadata.component;
    assert.deepEqual(model.licenses, [{ license: { name: 'acme-model-license', url: 'https://example.com/license', properties: [{ name: 'cardwright:hub_license', value: 'other' }] } }]);
    assert.equal(byName(bom, 'org/a').licenses, undefined);
    assert.equal(byName(bom, 'org/b').licenses, undefined);
    assert.equal(byName(bom, 'd/one').licenses[0].license.name, 'Apache 2.0');
    const reasons = Object.fromEntries(leftOut.map((l) => [l.path, l.reason]));
    assert.match(reasons['upstream.base_models[0].license'], /unknown/);
    assert.match(reasons.base_model, /no license given for base model org\/b/);
    assert.match(reasons['upstream.datasets[0].license'], /not a Hub license id/);
    assert.deepEqual((bom as Json).dependencies[0].dependsOn, ['base-model:org/a', 'base-model:org/b', 'dataset:d/one']);
  });

  it('is deterministic: the same card and options give the same BOM', () => {
    const text = fs.readFileSync(path.join(root, 'examples', 'model-card.yaml'), 'utf8');
    assert.equal(JSON.stringify(exportText(text).bom), JSON.stringify(exportText(text).bom));
    assert.equal((exportText(text).bom as Json).serialNumber, OPTIONS.serialNumber);
    assert.equal((exportText(text).bom as Json).metadata.timestamp, OPTIONS.timestamp);
  });

  it('refuses what is not a card, with a reason', () => {
    assert.match((cycloneDxFromText('license: [mit\n', 'model-card.yaml', OPTIONS) as { error: string }).error, /cannot be read/);
    assert.match((cycloneDxFromText('- a\n- b\n', 'model-card.yaml', OPTIONS) as { error: string }).error, /not a mapping/);
    assert.match((cycloneDxFromText('# Just a README\n', 'README.md', OPTIONS) as { error: string }).error, /no YAML front matter/);
  });

  it('never throws and always gives a valid BOM for odd cards (seeded random cards)', () => {
    const random = seededRandom(1515);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const values = (): unknown =>
      pick<unknown>([
        'mit', 'cc-by-nc-4.0', 'llama3.1', 'other', 'unknown', 'Apache 2.0', '', ' ', 'org/model', 'a/b/c', 42, -1.5, true, null,
        [], ['org/x', 'org/x'], [1, null, 'y'], {}, { id: 'org/z', license: 'mit' }, { nested: { deeper: [{ x: 1 }] } }, 'ünïcødé/名前',
      ]);
    const keys = ['license', 'license_name', 'license_link', 'base_model', 'datasets', 'language', 'tags', 'pipeline_tag', 'model_name', 'metrics', 'intended_use', 'limitations', 'widget', 'base_model_relation'];
    for (let i = 0; i < 300; i++) {
      const card: Record<string, unknown> = {};
      for (const key of keys) if (random() < 0.5) card[key] = values();
      if (random() < 0.5) card.upstream = { base_models: [values(), { id: values(), license: values(), relation: values() }], datasets: [{ id: values(), license: values(), samples: values() }, values()] };
      if (random() < 0.5) card.privacy = { personal_data: pick([true, false, 'yes']), pii_categories: values(), special_categories: values(), pii_scan: pick([undefined, { counts: { PERSON: pick([1, -1, 'x']) }, files: values() }]) };
      if (random() < 0.5) card.compliance = { gdpr: { lawful_basis: values(), dpia: { completed: values() } }, eu_ai_act: values() };
      if (random() < 0.5) card['model-index'] = [{ name: values(), results: [{ task: { type: values() }, dataset: values(), metrics: [{ type: values(), value: values() }, values()] }] }, values()];
      const { bom } = cycloneDx(card, OPTIONS);
      assertValid(bom, `random card ${i}: ${JSON.stringify(card)}`);
    }
  });
});
