import * as assert from 'node:assert/strict';
import { groupBioLabels, labelMappingFor, TokenLabel } from '../../../core/pii/bioGrouping';
import { fuseSpans } from '../../../core/pii/fusion';
import { PiiSpan } from '../../../core/pii/piiTypes';
import { batchByLength, tokenWindows } from '../../../core/pii/tokenWindows';
import { Tokens } from '../../../core/pii/wordPieceTokenizer';

const CARDWRIGHT = labelMappingFor(['O', 'B-PERSON', 'I-PERSON', 'B-STREET_ADDRESS', 'I-STREET_ADDRESS', 'B-EMAIL_ADDRESS', 'I-EMAIL_ADDRESS']);

/** Token labels for whitespace-separated words of `text`; `##x` words continue the previous one. */
function labelled(text: string, labels: string[]): TokenLabel[] {
  const out: TokenLabel[] = [];
  let cursor = 0;
  const words = text.split(' ');
  words.forEach((word, i) => {
    out.push({ label: labels[i], probability: 0.9, start: cursor, end: cursor + word.length, continuation: false });
    cursor += word.length + 1;
  });
  return out;
}

describe('pii BIO grouping', () => {
  it('groups B and I tokens and closes on O', () => {
    const text = 'Ada Lovelace met Grace at 12 Elm Road';
    const spans = groupBioLabels(labelled(text, ['B-PERSON', 'I-PERSON', 'O', 'B-PERSON', 'O', 'B-STREET_ADDRESS', 'I-STREET_ADDRESS', 'I-STREET_ADDRESS']), CARDWRIGHT);
    assert.deepEqual(spans.map((s) => [s.type, text.slice(s.start, s.end)]), [
      ['PERSON', 'Ada Lovelace'],
      ['PERSON', 'Grace'],
      ['STREET_ADDRESS', '12 Elm Road'],
    ]);
  });

  it('does not merge across an O gap or a type change, and opens on a stray I', () => {
    const text = 'Ada x Bob 12 Elm';
    const spans = groupBioLabels(labelled(text, ['B-PERSON', 'O', 'I-PERSON', 'I-STREET_ADDRESS', 'I-STREET_ADDRESS']), CARDWRIGHT);
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['Ada', 'Bob', '12 Elm']);
  });

  it('with the text, continues a name the model restarted after a single space, but not across punctuation or lines', () => {
    const text = 'Dana Whitfield, Tom\nAnn Lee';
    const labels = ['B-PERSON', 'B-PERSON', 'O', 'B-PERSON', 'B-PERSON', 'B-PERSON'];
    const tokens: TokenLabel[] = [...text.matchAll(/\w+|[^\w\s]/g)].map((m, i) => ({ label: labels[i], probability: 0.9, start: m.index!, end: m.index! + m[0].length, continuation: false }));
    const withText = groupBioLabels(tokens, CARDWRIGHT, 'model', text);
    assert.deepEqual(withText.map((s) => text.slice(s.start, s.end)), ['Dana Whitfield', 'Tom', 'Ann Lee']);
    const withoutText = groupBioLabels(tokens, CARDWRIGHT);
    assert.deepEqual(withoutText.map((s) => text.slice(s.start, s.end)), ['Dana', 'Whitfield', 'Tom', 'Ann', 'Lee']);
  });

  it('lets ## pieces follow their word', () => {
    const tokens: TokenLabel[] = [
      { label: 'B-PERSON', probability: 0.8, start: 0, end: 3, continuation: false },
      { label: 'O', probability: 0.6, start: 3, end: 7, continuation: true },
      { label: 'O', probability: 0.9, start: 8, end: 10, continuation: false },
      { label: 'B-PERSON', probability: 0.9, start: 10, end: 12, continuation: true },
    ];
    const spans = groupBioLabels(tokens, CARDWRIGHT);
    assert.deepEqual(spans.map((s) => [s.start, s.end, s.score]), [[0, 7, 0.7]]);
  });

  it('maps other models\' labels through aliases and overrides', () => {
    const mapping = labelMappingFor(['O', 'B-PER', 'I-PER', 'B-LOC', 'B-ORG', 'B-STREET'], { LOC: 'STREET_ADDRESS', ORG: null });
    assert.deepEqual(mapping, { PER: 'PERSON', LOC: 'STREET_ADDRESS', ORG: null, STREET: 'STREET_ADDRESS' });
  });
});

describe('pii token windows', () => {
  function tokens(count: number, continuationEvery = 0): Tokens {
    const ids = Array.from({ length: count }, (_, i) => i);
    return { ids, starts: ids, ends: ids.map((i) => i + 1), continuation: ids.map((i) => continuationEvery > 0 && i % continuationEvery !== 0) };
  }

  it('keeps short texts whole', () => {
    assert.deepEqual(tokenWindows(tokens(50), 128), [{ start: 0, end: 50, ownStart: 0, ownEnd: 50 }]);
  });

  it('covers long texts with overlapping windows whose owned ranges partition the tokens', () => {
    const t = tokens(1000, 3);
    const windows = tokenWindows(t, 128, 16);
    assert.ok(windows.length >= 8);
    let expected = 0;
    for (const w of windows) {
      assert.ok(w.end - w.start <= 126);
      assert.equal(w.ownStart, expected);
      assert.ok(w.ownStart >= w.start && w.ownEnd <= w.end);
      assert.ok(!t.continuation[w.start], 'a window starts at a word');
      expected = w.ownEnd;
    }
    assert.equal(expected, 1000);
  });

  it('batches by length within limits', () => {
    const lengths = [5, 100, 7, 98, 6, 99];
    const batches = batchByLength(lengths, 3, 1000);
    assert.deepEqual(batches, [[0, 4, 2], [3, 5, 1]]);
    assert.ok(batchByLength(lengths, 32, 200).every((b) => b.length * Math.max(...b.map((i) => lengths[i])) <= 200 || b.length === 1));
  });
});

describe('pii fusion', () => {
  const span = (type: PiiSpan['type'], start: number, end: number, score: number, detector: string, validated = detector !== 'model'): PiiSpan => ({
    type,
    start,
    end,
    score,
    detector,
    validated,
  });

  it('merges same-type spans, with recognizer bounds and a noisy-or score', () => {
    const findings = fuseSpans([span('EMAIL_ADDRESS', 10, 30, 0.9, 'email-address'), span('EMAIL_ADDRESS', 10, 24, 0.6, 'model')]);
    assert.equal(findings.length, 1);
    assert.deepEqual([findings[0].start, findings[0].end], [10, 30]);
    assert.equal(findings[0].score, 0.96);
    assert.deepEqual(findings[0].detectors, ['email-address', 'model']);
  });

  it('lets the model decide PERSON bounds and a validated recognizer win its types', () => {
    const text = 'Contact Ada Lovelace ada@lovelace.org now';
    const findings = fuseSpans(
      [
        span('PERSON', 8, 37, 0.7, 'model'), // the model ran over the address
        span('EMAIL_ADDRESS', 21, 37, 0.9, 'email-address'),
        span('PERSON', 8, 20, 0.5, 'model'),
      ],
      { text },
    );
    assert.deepEqual(findings.map((f) => [f.type, text.slice(f.start, f.end)]), [
      ['PERSON', 'Ada Lovelace'],
      ['EMAIL_ADDRESS', 'ada@lovelace.org'],
    ]);
  });

  it('drops a model span inside a validated span of another type', () => {
    const findings = fuseSpans([span('CREDIT_CARD', 0, 19, 0.9, 'credit-card'), span('PHONE_NUMBER', 5, 14, 0.8, 'model')]);
    assert.deepEqual(findings.map((f) => f.type), ['CREDIT_CARD']);
  });

  it('keeps the model\'s PERSON over a weak recognizer span', () => {
    const findings = fuseSpans([span('PERSON', 0, 10, 0.8, 'model'), span('DATE_OF_BIRTH', 0, 10, 0.3, 'date-of-birth', false)]);
    assert.deepEqual(findings.map((f) => f.type), ['PERSON']);
  });

  it('drops model-only spans of validator types and spans without letters or digits', () => {
    const text = 'card 4111-x and - call 555 0100';
    const findings = fuseSpans(
      [span('CREDIT_CARD', 5, 11, 0.9, 'model'), span('PERSON', 16, 17, 0.9, 'model'), span('PHONE_NUMBER', 23, 31, 0.9, 'model')],
      { text },
    );
    assert.deepEqual(findings.map((f) => f.type), ['PHONE_NUMBER']);
  });

  it('trusts a model-only span of a recognizer type a little less, and applies the threshold', () => {
    const findings = fuseSpans([span('PHONE_NUMBER', 0, 12, 0.6, 'model')], { threshold: 0.5 });
    assert.equal(findings.length, 1);
    assert.ok(findings[0].score < 0.6);
    assert.equal(fuseSpans([span('PHONE_NUMBER', 0, 12, 0.55, 'model')], { threshold: 0.5 }).length, 0);
  });

  it('keeps test values flagged with their low score', () => {
    const test: PiiSpan = { ...span('CREDIT_CARD', 0, 19, 0.25, 'credit-card'), testValue: true };
    const [finding] = fuseSpans([test, span('CREDIT_CARD', 0, 19, 0.9, 'model')]);
    assert.equal(finding.testValue, true);
    assert.equal(finding.score, 0.25);
  });

  it('filters by entity type', () => {
    const findings = fuseSpans([span('PERSON', 0, 5, 0.9, 'model'), span('US_SSN', 10, 21, 0.9, 'us-ssn')], { entities: new Set(['US_SSN']) });
    assert.deepEqual(findings.map((f) => f.type), ['US_SSN']);
  });
});

describe('pii PERSON span checks', () => {
  const { plausiblePersonSpans } = require('../../../core/pii/personSpanCheck') as typeof import('../../../core/pii/personSpanCheck');
  const person = (text: string, value: string): PiiSpan => {
    const start = text.indexOf(value);
    return { type: 'PERSON', start, end: start + value.length, score: 0.8, detector: 'model' };
  };

  it('drops field labels and bare titles in cased text, and leaves words without capitals to the model', () => {
    const text = 'So proud of my sister. Prescriber: Dr. Ada Lovelace, mg once daily. Grace and ana ruiz';
    const spans = [person(text, 'Prescriber'), person(text, 'Dr.'), person(text, 'Ada Lovelace'), person(text, 'Grace'), person(text, 'ana ruiz')];
    const kept = plausiblePersonSpans(text, spans).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(kept, ['Ada Lovelace', 'Grace', 'ana ruiz']);
  });

  it('leaves all-lowercase text alone', () => {
    const text = 'hey its john smith here';
    assert.equal(plausiblePersonSpans(text, [person(text, 'john smith')]).length, 1);
  });
});
