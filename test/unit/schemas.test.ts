/**
 * The JSON Schemas in schemas/: they compile in ajv's strict mode, the example card validates,
 * each Hub rule users trip over is rejected, the Hub's own test cards get the Hub's verdicts, and every
 * property and enum value is documented.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const ROOT = findRoot(__dirname);
const SCHEMA_DIR = path.join(ROOT, 'schemas');
const BASE = 'https://cardwright.dev/schemas/';
/** Annotation keywords that editors read (VS Code, yaml-language-server); not validation keywords. */
const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage', 'defaultSnippets'];

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}`);
    dir = up;
  }
  return dir;
}

type Json = Record<string, unknown>;

function loadSchemas(): Json[] {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')) as Json);
}

const warnings: string[] = [];
function compile(): { modelCard: ValidateFunction; datasetCard: ValidateFunction; ajv: Ajv2020 } {
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    logger: { log: () => undefined, warn: (...args: unknown[]) => warnings.push(args.join(' ')), error: (...args: unknown[]) => warnings.push(args.join(' ')) },
  });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  for (const schema of loadSchemas()) ajv.addSchema(schema);
  const modelCard = ajv.getSchema(`${BASE}model-card.schema.json`);
  const datasetCard = ajv.getSchema(`${BASE}dataset-card.schema.json`);
  assert.ok(modelCard && datasetCard, 'model-card and dataset-card schemas are registered');
  return { modelCard, datasetCard, ajv };
}

const { modelCard, datasetCard } = compile();

function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  // The same error reached through allOf is reported once (as the server's collapse does).
  return validate(value) ? [] : [...new Set((validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword} ${e.message ?? ''}`))];
}

const EXAMPLE_CARD = `
license: llama3.1
base_model: meta-llama/Llama-3.1-8B
datasets: [acme/support-tickets]
upstream:
  base_models:
    - id: meta-llama/Llama-3.1-8B
      license: llama3.1
  datasets:
    - id: acme/support-tickets
      license: cc-by-nc-4.0
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
intended_use: ...
out_of_scope_use: ...
limitations: ...
`;

function card(overrides: Json): Json {
  return { ...(parse(EXAMPLE_CARD) as Json), ...overrides };
}

describe('schemas', () => {
  it('compile in ajv strict mode without warnings, with stable ids', () => {
    assert.deepEqual(warnings, []);
    const ids = loadSchemas().map((s) => s.$id).sort();
    assert.deepEqual(ids, ['compliance', 'dataset-card', 'hub-metadata', 'license', 'model-card', 'privacy', 'upstream'].map((n) => `${BASE}${n}.schema.json`));
    for (const schema of loadSchemas()) assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  });

  it('accept the example card of the foundation issue', () => {
    assert.deepEqual(errorsOf(modelCard, parse(EXAMPLE_CARD)), []);
  });

  it('accept keys the Hub does not know at the top level, but not inside Cardwright sections', () => {
    assert.deepEqual(errorsOf(modelCard, card({ my_custom_key: 1 })), []);
    for (const section of ['upstream', 'privacy', 'compliance']) {
      const value = card({});
      (value[section] as Json).surprise = true;
      const errors = errorsOf(modelCard, value);
      assert.ok(errors.some((e) => e.startsWith(`/${section} additionalProperties`)), `${section}: ${errors.join('; ')}`);
    }
  });

  describe('reject the Hub rules users trip over', () => {
    const rejected: Array<[string, Json, string]> = [
      ['an SPDX expression as license', { license: 'gpl-2.0-or-later' }, '/license enum'],
      ['an SPDX spelling as license', { license: 'Apache-2.0' }, '/license enum'],
      ['a license_name that is not a slug', { license: 'other', license_name: 'My License', license_link: 'LICENSE' }, '/license_name pattern'],
      ['a license_link that is neither LICENSE nor a URL', { license: 'other', license_name: 'acme-1.0', license_link: 'the license file' }, '/license_link pattern'],
      ['a region-suffixed language (es-ES)', { language: 'es-ES' }, '/language pattern'],
      ['a region-suffixed language in a list (zh-CN)', { language: ['en', 'zh-CN'] }, '/language/1 pattern'],
      ['language noinfo', { language: ['noinfo'] }, '/language/0 pattern'],
      ['language en_unnorm', { language: 'en_unnorm' }, '/language pattern'],
      ['an empty language', { language: null }, '/language type'],
      ['a dataset described in prose', { datasets: ['librispeech 960h'] }, '/datasets/0 pattern'],
      ['a null dataset', { datasets: [null] }, '/datasets/0 type'],
      ['a base_model that is not an id', { base_model: 'Llama 3.1 8B' }, '/base_model pattern'],
      ['an unknown base_model_relation', { base_model_relation: 'distilled' }, '/base_model_relation enum'],
      ['an unknown pipeline_tag', { pipeline_tag: 'chatbot' }, '/pipeline_tag enum'],
      ['model-index without task.type', { 'model-index': [{ name: 'm', results: [{ task: {}, dataset: { type: 'd', name: 'D' }, metrics: [{ type: 'acc', value: 1 }] }] }] }, '/model-index/0/results/0/task required'],
      ['model-index without dataset', { 'model-index': [{ name: 'm', results: [{ task: { type: 't' }, metrics: [{ type: 'acc', value: 1 }] }] }] }, '/model-index/0/results/0 required'],
      ['model-index without dataset.type', { 'model-index': [{ name: 'm', results: [{ task: { type: 't' }, dataset: { name: 'D' }, metrics: [{ type: 'acc', value: 1 }] }] }] }, '/model-index/0/results/0/dataset required'],
      ['model-index without dataset.name', { 'model-index': [{ name: 'm', results: [{ task: { type: 't' }, dataset: { type: 'd' }, metrics: [{ type: 'acc', value: 1 }] }] }] }, '/model-index/0/results/0/dataset required'],
      ['model-index without metrics[].type', { 'model-index': [{ name: 'm', results: [{ task: { type: 't' }, dataset: { type: 'd', name: 'D' }, metrics: [{ value: 1 }] }] }] }, '/model-index/0/results/0/metrics/0 required'],
      ['model-index without metrics[].value', { 'model-index': [{ name: 'm', results: [{ task: { type: 't' }, dataset: { type: 'd', name: 'D' }, metrics: [{ type: 'acc' }] }] }] }, '/model-index/0/results/0/metrics/0 required'],
      ['model-index source without url', { 'model-index': [{ name: 'm', results: [{ task: { type: 't' }, dataset: { type: 'd', name: 'D' }, metrics: [{ type: 'acc', value: 1 }], source: { name: 'Leaderboard' } }] }] }, '/model-index/0/results/0/source required'],
      ['an unknown PII category', { privacy: { personal_data: true, pii_categories: ['EMAIL'] } }, '/privacy/pii_categories/0 enum'],
      ['an unknown special category', { privacy: { special_categories: ['health'] } }, '/privacy/special_categories/0 enum'],
      ['a retention that is not an ISO 8601 duration', { privacy: { retention: '2 years' } }, '/privacy/retention pattern'],
      ['an empty ISO 8601 duration', { privacy: { retention: 'P' } }, '/privacy/retention pattern'],
      ['an absolute sample path', { upstream: { datasets: [{ id: 'a/b', license: 'mit', samples: ['/etc/passwd'] }] } }, '/upstream/datasets/0/samples/0 pattern'],
      ['a URL as sample path', { upstream: { datasets: [{ id: 'a/b', license: 'mit', samples: ['https://example.com/x.jsonl'] }] } }, '/upstream/datasets/0/samples/0 pattern'],
      ['an upstream base model without id', { upstream: { base_models: [{ license: 'mit' }] } }, '/upstream/base_models/0 required'],
      ['an upstream license that is not a Hub id', { upstream: { base_models: [{ id: 'a/b', license: 'Apache 2.0' }] } }, '/upstream/base_models/0/license enum'],
      ['an unknown lawful basis', { compliance: { gdpr: { lawful_basis: 'research' } } }, '/compliance/gdpr/lawful_basis enum'],
      ['an unknown AI Act role', { compliance: { eu_ai_act: { role: 'developer' } } }, '/compliance/eu_ai_act/role enum'],
      ['an unknown AI Act risk category', { compliance: { eu_ai_act: { risk_category: 'medium' } } }, '/compliance/eu_ai_act/risk_category enum'],
      ['an unknown CCPA category', { compliance: { ccpa: { categories: ['emails'] } } }, '/compliance/ccpa/categories/0 enum'],
      ['a pii_scan count for an unknown category', { privacy: { pii_scan: { counts: { EMAILS: 3 } } } }, '/privacy/pii_scan/counts propertyNames'],
    ];
    for (const [what, overrides, expected] of rejected) {
      it(what, () => {
        const errors = errorsOf(modelCard, card(overrides));
        assert.ok(errors.some((e) => e.startsWith(expected)), `expected "${expected}", got: ${errors.join('; ') || 'no errors'}`);
      });
    }
  });

  describe('accept what the Hub accepts', () => {
    const accepted: Array<[string, Json]> = [
      ['a single language code and ISO 639-3 codes', { language: ['en', 'yue', 'gsw'] }],
      ['license other with a slug and a link', { license: 'other', license_name: 'acme-model-license-1.0', license_link: 'LICENSE.md' }],
      ['license other with a URL', { license: 'other', license_name: 'acme', license_link: 'https://acme.example/license' }],
      ['a list of base models (merge)', { base_model: ['org/a', 'org/b'], base_model_relation: 'merge' }],
      ['canonical dataset ids without owner', { datasets: ['common_voice', 'librispeech_asr', 'openai/gsm8k'] }],
      ['a full model-index entry', { 'model-index': [{ name: 'm', results: [{ task: { type: 't', name: 'T' }, dataset: { type: 'd', name: 'D', config: 'fr', split: 'test', args: { date: 20220120 } }, metrics: [{ type: 'wer', value: 20.9, name: 'Test WER' }], source: { name: 'Board', url: 'https://example.com' } }] }] }],
      ['co2 emissions as a number and as an object', { co2_eq_emissions: { emissions: 12.5, source: 'codecarbon' } }],
      ['a full pii_scan', { privacy: { personal_data: true, pii_categories: ['PERSON'], anonymization: 'none', pii_scan: { date: '2026-04-01', tool: 'cardwright', tool_version: '0.1.0', model: 'cardwright-pii', counts: { PERSON: 3, EMAIL_ADDRESS: 0 }, files: ['data/a.jsonl'] } } }],
      ['special categories and Art. 9 condition', { privacy: { personal_data: true, special_categories: ['health_data', 'criminal_convictions'] }, compliance: { gdpr: { lawful_basis: 'consent', special_category_condition: 'explicit_consent', dpia: { completed: true, reference: 'X', date: '2026-01-31' } } } }],
      ['upstream with other license and a relation', { upstream: { base_models: [{ id: 'org/m', license: 'other', license_name: 'acme-1.0', license_link: 'https://x.example', relation: 'distillation' }] } }],
    ];
    for (const [what, overrides] of accepted) {
      it(what, () => assert.deepEqual(errorsOf(modelCard, card(overrides)), []));
    }
  });

  describe("give the Hub's verdicts on Hub-style cards (test/fixtures/hub-cards)", () => {
    const dir = path.join(ROOT, 'test', 'fixtures', 'hub-cards');
    const frontMatter = (file: string): unknown => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n/g, '\n');
      const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
      return match ? parse(match[1]) : undefined;
    };
    const verdicts: Array<[string, 'model' | 'dataset', boolean]> = [
      ['model-simple.md', 'model', true],
      ['model-index.md', 'model', true],
      ['windows-line-breaks.md', 'model', true],
      ['card-data-is-a-list.md', 'model', false],
      ['model-index-without-dataset.md', 'model', false],
      ['dataset-card.md', 'dataset', true],
    ];
    for (const [file, kind, valid] of verdicts) {
      it(`${file} is ${valid ? 'valid' : 'invalid'} as a ${kind} card`, () => {
        const value = frontMatter(file);
        assert.notEqual(value, undefined, 'has front matter');
        const errors = errorsOf(kind === 'model' ? modelCard : datasetCard, value);
        assert.equal(errors.length === 0, valid, errors.join('; '));
      });
    }
    it('card-data-is-a-list.md fails because the metadata is a list', () => {
      assert.deepEqual(errorsOf(modelCard, frontMatter('card-data-is-a-list.md')), ['/ type must be object']);
    });
    it('model-index-without-dataset.md fails because model-index lacks dataset', () => {
      assert.deepEqual(errorsOf(modelCard, frontMatter('model-index-without-dataset.md')), ["/model-index/0/results/0 required must have required property 'dataset'"]);
    });
    it('no-metadata.md has no front matter to judge', () => {
      assert.equal(frontMatter('no-metadata.md'), undefined);
    });
  });

  describe('document everything', () => {
    const undocumented: string[] = [];
    const enumsWithoutDescriptions: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}/${i}`));
      if (!node || typeof node !== 'object') return;
      const schema = node as Json;
      if (schema.properties && typeof schema.properties === 'object') {
        for (const [key, sub] of Object.entries(schema.properties as Json)) {
          if (typeof (sub as Json).description !== 'string' || !(sub as Json).description) undocumented.push(`${where}/properties/${key}`);
        }
      }
      if (Array.isArray(schema.enum)) {
        const n = schema.enum.length;
        const plain = schema.enumDescriptions;
        const md = schema.markdownEnumDescriptions;
        if (!Array.isArray(plain) || plain.length !== n || !Array.isArray(md) || md.length !== n || [...plain, ...md].some((d) => typeof d !== 'string' || d === '')) {
          enumsWithoutDescriptions.push(where);
        }
      }
      for (const [key, sub] of Object.entries(schema)) if (key !== 'enum' && key !== 'defaultSnippets' && key !== 'examples') walk(sub, `${where}/${key}`);
    };
    for (const schema of loadSchemas()) walk(schema, String(schema.$id).replace(BASE, ''));

    it('every property has a description', () => assert.deepEqual(undocumented, []));
    it('every enum has plain and Markdown per-value descriptions', () => assert.deepEqual(enumsWithoutDescriptions, []));
    it('every schema has a title and a description', () => {
      for (const schema of loadSchemas()) assert.ok(schema.title && schema.description, String(schema.$id));
    });
  });
});
