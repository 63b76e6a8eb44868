import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findPackageRoot } from '../../../engine/packageRoot';
import { readBenchSplit, readLabelMap, staleBenchFiles } from '../../../bench/realTextData';
import {
  emptySplitScore,
  falsePerThousand,
  findingsOn,
  GoldSpan,
  linesWithoutPersonalData,
  matchType,
  reportedAs,
  ScoredSpan,
  scoreRecord,
  unionOverlap,
} from '../../../bench/realTextScoring';

const span = (type: string, start: number, end: number): ScoredSpan => ({ type, start, end });
const gold = (type: string, label: string, start: number, end: number): GoldSpan => ({ type, label, start, end });

describe('real-text scoring', () => {
  it('overlap is shared characters over the union', () => {
    assert.equal(unionOverlap(span('PERSON', 0, 10), span('PERSON', 0, 10)), 1);
    assert.equal(unionOverlap(span('PERSON', 0, 10), span('PERSON', 5, 15)), 5 / 15);
    assert.equal(unionOverlap(span('PERSON', 0, 4), span('PERSON', 4, 8)), 0);
    // "Francisco" (9) inside "San Francisco" (13)
    assert.equal(unionOverlap(span('LOCATION', 0, 13), span('PERSON', 4, 13)), 9 / 13);
  });

  it('a match needs the same type and half of the union', () => {
    const g = [span('PERSON', 0, 10)]; // "Mark Weber"
    assert.deepEqual(matchType(g, [span('PERSON', 0, 4)], 'PERSON'), { tp: 0, fp: 1, fn: 1 }); // "Mark": 0.4
    assert.deepEqual(matchType(g, [span('PERSON', 0, 5)], 'PERSON'), { tp: 1, fp: 0, fn: 0 }); // exactly 0.5
    assert.deepEqual(matchType(g, [span('STREET_ADDRESS', 0, 10)], 'PERSON'), { tp: 0, fp: 0, fn: 1 });
  });

  it('matching is one-to-one, best overlap first', () => {
    // two findings over one name: one true positive, one false positive
    assert.deepEqual(matchType([span('PERSON', 0, 10)], [span('PERSON', 0, 6), span('PERSON', 0, 10)], 'PERSON'), { tp: 1, fp: 1, fn: 0 });
    // one finding over two adjacent names: it matches the one it covers most
    assert.deepEqual(matchType([span('PERSON', 0, 4), span('PERSON', 5, 12)], [span('PERSON', 3, 12)], 'PERSON'), { tp: 1, fp: 0, fn: 1 });
    // a finding that is exactly half of each of two names counts for one of them only
    assert.deepEqual(matchType([span('PERSON', 0, 5), span('PERSON', 5, 10)], [span('PERSON', 0, 10)], 'PERSON'), { tp: 1, fp: 0, fn: 1 });
  });

  it('a contrast span touched by a PERSON finding is reported as PERSON', () => {
    const g = [span('PRODUCT', 0, 35), span('LOCATION', 40, 53), span('ORGANIZATION', 60, 65)];
    const p = [span('PERSON', 21, 27), span('EMAIL_ADDRESS', 60, 65)]; // "Goblet" in the title; an email over the ORG is not PERSON
    assert.deepEqual(reportedAs(g, p, 'PRODUCT'), { total: 1, reported: 1 });
    assert.deepEqual(reportedAs(g, p, 'LOCATION'), { total: 1, reported: 0 });
    assert.deepEqual(reportedAs(g, p, 'ORGANIZATION'), { total: 1, reported: 0 });
  });

  it('lines without personal data skip blank lines and lines touching a personal label', () => {
    const text = 'Datos del paciente.\nNombre: Pedro.\n\nHospital Sur.\nFecha: 10/10/1963.';
    const g = [gold('PERSON', 'NOMBRE_SUJETO_ASISTENCIA', 28, 33), gold('ORGANIZATION', 'HOSPITAL', 36, 48), gold('O', 'FECHAS', 57, 67)];
    const lines = linesWithoutPersonalData(text, g, new Set(['NOMBRE_SUJETO_ASISTENCIA', 'FECHAS']));
    assert.deepEqual(
      lines.map((l) => text.slice(l.start, l.end)),
      ['Datos del paciente.', 'Hospital Sur.'],
    );
    assert.deepEqual(findingsOn(lines, [span('PERSON', 0, 5), span('PERSON', 28, 33), span('PERSON', 36, 44)]).length, 2);
  });

  it('scoreRecord adds up a split and counts false findings per 1,000 clean lines', () => {
    const options = { scoredTypes: ['PERSON'], contrastTypes: ['ORGANIZATION'], personalLabels: new Set(['PER']) };
    const s = emptySplitScore();
    // "Mark Weber works at Hertz": the name found, Hertz also called a person
    scoreRecord(s, 'Mark Weber works at Hertz', [gold('PERSON', 'PER', 0, 10), gold('ORGANIZATION', 'ORG', 20, 25)], [span('PERSON', 0, 10), span('PERSON', 20, 25)], options);
    // "Hulu is cheaper": no personal data, one false finding
    scoreRecord(s, 'Hulu is cheaper', [gold('ORGANIZATION', 'ORG', 0, 4)], [span('PERSON', 0, 4)], options);
    scoreRecord(s, 'Nothing here', [], [], options);
    assert.equal(s.records, 3);
    assert.deepEqual(s.byType.get('PERSON'), { tp: 1, fp: 2, fn: 0 });
    assert.deepEqual(s.asPerson.get('ORGANIZATION'), { total: 2, reported: 2 });
    assert.equal(s.cleanLines, 2);
    assert.equal(s.falseFindings, 1);
    assert.equal(falsePerThousand(s), 500);
  });
});

describe('real-text bench files', () => {
  const root = findPackageRoot(path.join(__dirname))!;

  it('are up to date with labelMap.json and the corpora (python3 training/realCorpora.py --write-bench)', () => {
    assert.deepEqual(staleBenchFiles(root), []);
  });

  it('hold every dev split with UTF-16 offsets that cut out each span text', () => {
    const labelMap = readLabelMap(root);
    assert.deepEqual(labelMap.benchSplits, ['wikigold-dev', 'wnut17-dev', 'btc-dev', 'meddocan-dev']);
    let astral = 0;
    for (const split of labelMap.benchSplits) {
      const records = readBenchSplit(root, split);
      assert.ok(records.length > 200, split);
      for (const r of records) {
        if (/[\u{10000}-\u{10FFFF}]/u.test(r.text)) astral++;
        for (const s of r.spans) {
          assert.equal(r.text.slice(s.start, s.end), s.text, `${r.id} ${s.label}`);
          assert.ok(s.type === 'O' || labelMap.types.includes(s.type), s.type);
          assert.equal(labelMap.labels[s.label], s.type, `${r.id} ${s.label}`);
        }
      }
    }
    assert.ok(astral > 0, 'tweets with emoji: the offsets above were checked across astral characters');
  });
});
