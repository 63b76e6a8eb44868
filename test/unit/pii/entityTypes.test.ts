/**
 * ORGANIZATION and LOCATION: context types a model may label, reported only when asked for, and
 * used by fusion to keep a recognizer's PERSON off what the model called an organization or a place.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { groupBioLabels, labelMappingFor, TokenLabel } from '../../../core/pii/bioGrouping';
import { cardCategoryOf, isPersonalDataType } from '../../../core/pii/cardCategories';
import { fuseSpans, fuseWithContext } from '../../../core/pii/fusion';
import { DEFAULT_PII_ENTITY_TYPES, effectiveEntityTypes, OPTIONAL_PII_ENTITY_TYPES, PII_ENTITY_TYPES, PiiSpan } from '../../../core/pii/piiTypes';
import { recognizeAll } from '../../../core/pii/recognizeAll';
import { findingCodeInfo, piiCode } from '../../../core/findingCodes';
import { parseScanArgs, SCAN_USAGE } from '../../../cli/scan';
import { findPackageRoot } from '../../../engine/packageRoot';

const root = findPackageRoot(__dirname)!;

function span(type: PiiSpan['type'], start: number, end: number, score: number, detector: string): PiiSpan {
  return { type, start, end, score, detector, ...(detector === 'model' ? {} : { validated: true }) };
}

describe('pii entity types: the optional context types', () => {
  it('are entity types of their own, apart from the default ones', () => {
    assert.deepEqual([...OPTIONAL_PII_ENTITY_TYPES], ['ORGANIZATION', 'LOCATION']);
    assert.equal(DEFAULT_PII_ENTITY_TYPES.length, 11);
    assert.deepEqual([...PII_ENTITY_TYPES], [...DEFAULT_PII_ENTITY_TYPES, ...OPTIONAL_PII_ENTITY_TYPES]);
    for (const type of OPTIONAL_PII_ENTITY_TYPES) assert.ok(!(DEFAULT_PII_ENTITY_TYPES as readonly string[]).includes(type), type);
  });

  it('are off unless asked for: no option, an empty one, or only unknown names mean the default types', () => {
    const defaults = [...DEFAULT_PII_ENTITY_TYPES].sort();
    assert.deepEqual([...effectiveEntityTypes()].sort(), defaults);
    assert.deepEqual([...effectiveEntityTypes([])].sort(), defaults);
    assert.deepEqual([...effectiveEntityTypes(['NOT_A_TYPE'])].sort(), defaults);
    assert.deepEqual([...effectiveEntityTypes(['ORGANIZATION'])], ['ORGANIZATION']);
    assert.deepEqual([...effectiveEntityTypes(['LOCATION', 'NOT_A_TYPE', 'PERSON'])].sort(), ['LOCATION', 'PERSON']);
    // A setting from a hand-edited settings.json may hold anything.
    assert.deepEqual([...effectiveEntityTypes([42, null, 'LOCATION'] as unknown as string[])], ['LOCATION']);
  });

  it('come from other models\' label names through the common aliases', () => {
    // dslim/bert-base-NER (CoNLL: PER, ORG, LOC, MISC) and OntoNotes-style labels (GPE).
    const mapping = labelMappingFor(['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'B-GPE', 'B-CORPORATION', 'B-ORGANIZATION', 'B-LOCATION']);
    assert.deepEqual(mapping, {
      PER: 'PERSON',
      ORG: 'ORGANIZATION',
      LOC: 'LOCATION',
      MISC: null,
      GPE: 'LOCATION',
      CORPORATION: 'ORGANIZATION',
      ORGANIZATION: 'ORGANIZATION',
      LOCATION: 'LOCATION',
    });
    const text = 'Hertz at Heathrow';
    const tokens: TokenLabel[] = [
      { label: 'B-ORG', probability: 0.9, start: 0, end: 5, continuation: false },
      { label: 'O', probability: 0.9, start: 6, end: 8, continuation: false },
      { label: 'B-LOC', probability: 0.8, start: 9, end: 17, continuation: false },
    ];
    assert.deepEqual(groupBioLabels(tokens, mapping, 'model', text).map((s) => [s.type, text.slice(s.start, s.end)]), [
      ['ORGANIZATION', 'Hertz'],
      ['LOCATION', 'Heathrow'],
    ]);
  });
});

describe('pii fusion with context spans', () => {
  const text = 'customer_name: Hertz';
  const hertz = [15, 20] as const;

  it('reports model ORGANIZATION/LOCATION spans only when asked for', () => {
    const spans = [span('ORGANIZATION', 0, 5, 0.9, 'model'), span('LOCATION', 9, 17, 0.9, 'model'), span('EMAIL_ADDRESS', 20, 30, 0.9, 'email-address')];
    assert.deepEqual(fuseSpans(spans).map((f) => f.type), ['EMAIL_ADDRESS']);
    assert.deepEqual(fuseSpans(spans, { entities: effectiveEntityTypes([]) }).map((f) => f.type), ['EMAIL_ADDRESS']);
    assert.deepEqual(fuseSpans(spans, { entities: effectiveEntityTypes(['ORGANIZATION']) }).map((f) => f.type), ['ORGANIZATION']);
    assert.deepEqual(fuseSpans(spans, { entities: effectiveEntityTypes(PII_ENTITY_TYPES) }).map((f) => f.type), ['ORGANIZATION', 'LOCATION', 'EMAIL_ADDRESS']);
  });

  it('drops a recognizer PERSON inside a higher-scoring model ORGANIZATION, reported or not', () => {
    const [structure] = recognizeAll({ text, fields: [{ start: 15, end: 20, name: 'customer_name' }] });
    assert.deepEqual([structure.type, structure.start, structure.end, structure.detector], ['PERSON', ...hertz, 'name-field'], 'the recognizer takes Hertz for a name');
    const organization = span('ORGANIZATION', ...hertz, 0.95, 'model');
    assert.deepEqual(fuseSpans([structure], { text }).map((f) => f.type), ['PERSON'], 'without the model, the name field stands');
    assert.deepEqual(fuseSpans([structure, organization], { text }), [], 'the model said organization: no PERSON, and no ORGANIZATION either (not asked for)');
    assert.deepEqual(
      fuseSpans([structure, organization], { text, entities: effectiveEntityTypes(['PERSON', 'ORGANIZATION']) }).map((f) => [f.type, text.slice(f.start, f.end), f.detectors]),
      [['ORGANIZATION', 'Hertz', ['model']]],
    );
    const place = span('LOCATION', 15, 20, 0.95, 'model');
    assert.deepEqual(fuseSpans([structure, place], { text }), [], 'a place the same');
  });

  it('keeps a recognizer PERSON that scores higher than the context span, or reaches outside it', () => {
    const structure = span('PERSON', ...hertz, 0.85, 'name-field');
    assert.deepEqual(fuseSpans([structure, span('LOCATION', ...hertz, 0.6, 'model')], { text }).map((f) => f.type), ['PERSON'], 'a weak LOCATION does not win');
    assert.deepEqual(fuseSpans([structure, span('ORGANIZATION', 15, 18, 0.95, 'model')], { text }).map((f) => f.type), ['PERSON'], 'a context span that covers part of the name');
    // A context span from a recognizer (none exist today) is not the model's statement.
    assert.deepEqual(fuseSpans([structure, span('ORGANIZATION', ...hertz, 0.95, 'org-list')], { text }).map((f) => f.type), ['PERSON']);
  });

  it('leaves the model\'s own PERSON spans to the usual conflict rules', () => {
    const person = span('PERSON', 0, 14, 0.9, 'model');
    assert.deepEqual(fuseSpans([person, span('ORGANIZATION', 0, 14, 0.95, 'model')]).map((f) => f.type), ['PERSON'], 'not asked for: the ORGANIZATION is not reported and pushes nothing aside');
    assert.deepEqual(fuseSpans([person, span('ORGANIZATION', 0, 14, 0.95, 'model')], { entities: effectiveEntityTypes(PII_ENTITY_TYPES) }).map((f) => f.type), ['ORGANIZATION'], 'asked for: the higher score wins');
  });
});

describe('pii fusion for the Test Classifier (fuseWithContext)', () => {
  const text = 'Dana Whitfield Motors drove to Heathrow';
  const person = span('PERSON', 0, 14, 0.8, 'model');
  const company = span('ORGANIZATION', 5, 21, 0.95, 'model');
  const place = span('LOCATION', 31, 39, 0.9, 'model');

  it('gives exactly what the scan reports, plus the context spans that overlap none of it', () => {
    const shown = fuseWithContext([person, company, place], { text });
    assert.deepEqual(shown.map((f) => [f.type, text.slice(f.start, f.end)]), [
      ['PERSON', 'Dana Whitfield'],
      ['LOCATION', 'Heathrow'],
    ]);
    assert.deepEqual(fuseSpans([person, company, place], { text }).map((f) => f.type), ['PERSON'], 'the scan');
    // Reporting the organization as well would have cut the scan's name short.
    const all = fuseSpans([person, company, place], { text, entities: effectiveEntityTypes(PII_ENTITY_TYPES) });
    assert.deepEqual(all.map((f) => [f.type, text.slice(f.start, f.end)]), [
      ['PERSON', 'Dana'],
      ['ORGANIZATION', 'Whitfield Motors'],
      ['LOCATION', 'Heathrow'],
    ]);
  });

  it('is the scan\'s fusion when the setting lists the context types, and keeps its threshold', () => {
    const entities = effectiveEntityTypes(['PERSON', 'ORGANIZATION', 'LOCATION']);
    assert.deepEqual(fuseWithContext([person, company, place], { text, entities }), fuseSpans([person, company, place], { text, entities }));
    assert.deepEqual(fuseWithContext([place], { text, threshold: 0.95 }), []);
    assert.deepEqual(fuseWithContext([], { text }), []);
  });
});

describe('pii context types on the card and in reports', () => {
  it('map to card categories the schema has: ORGANIZATION to none, LOCATION to LOCATION, others to themselves', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'privacy.schema.json'), 'utf8'));
    const categories = new Set<string>(schema.$defs.piiCategory.enum);
    for (const type of PII_ENTITY_TYPES) {
      const category = cardCategoryOf(type);
      if (type === 'ORGANIZATION') assert.equal(category, undefined);
      else assert.ok(category !== undefined && categories.has(category), `${type} -> ${category}: not a privacy.pii_categories value`);
    }
    assert.equal(cardCategoryOf('LOCATION'), 'LOCATION');
    assert.equal(isPersonalDataType('PERSON'), true);
    assert.equal(isPersonalDataType('ORGANIZATION'), false);
    assert.equal(isPersonalDataType('LOCATION'), false);
    assert.equal(isPersonalDataType('US_PASSPORT'), true, 'a type recorded by another tool counts as personal data');
  });

  it('have finding codes that say they are optional and off by default', () => {
    for (const type of OPTIONAL_PII_ENTITY_TYPES) {
      const info = findingCodeInfo(piiCode(type));
      assert.ok(info, piiCode(type));
      assert.match(info.summary, /optional, off by default/i);
      assert.equal(info.severity, 'information');
    }
    assert.equal(piiCode('ORGANIZATION'), 'pii/organization');
    assert.equal(piiCode('LOCATION'), 'pii/location');
    assert.doesNotMatch(findingCodeInfo('pii/person')!.summary, /optional/i);
  });

  it('are accepted by `scan --entities` (any case), listed apart from the default types in the help', () => {
    const parsed = parseScanArgs(['--entities', 'organization, LOCATION', 'data']);
    assert.ok(typeof parsed === 'object' && !('error' in parsed));
    assert.deepEqual([...parsed.entities!], ['ORGANIZATION', 'LOCATION']);
    const equals = parseScanArgs(['--entities=PERSON,Organization', 'data']);
    assert.ok(typeof equals === 'object' && !('error' in equals));
    assert.deepEqual([...equals.entities!], ['PERSON', 'ORGANIZATION']);
    const wrong = parseScanArgs(['--entities', 'ORG', 'data']);
    assert.ok(typeof wrong === 'object' && 'error' in wrong);
    assert.match(wrong.error, /unknown entity type ORG; known: .*MAC_ADDRESS, ORGANIZATION, LOCATION/);
    const usage = SCAN_USAGE.replace(/\s+/g, ' ');
    assert.match(usage, /default types: PERSON, EMAIL_ADDRESS, .*MAC_ADDRESS optional, off by default: ORGANIZATION, LOCATION/);
    for (const line of SCAN_USAGE.split('\n')) assert.ok(line.length <= 100, `help line too long: ${line}`);
  });
});
