// The Test Classifier's page script (media/classifier.js): its pure parts run here in plain Node
// with a minimal fake DOM that refuses HTML parsing, so dataset text can only ever become text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../../../engine/packageRoot';

const scriptPath = path.join(packageRoot(__dirname), 'media', 'classifier.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require(scriptPath) as {
  segmentText(text: string, spans: unknown[]): Array<{ text: string; span?: { type: string } }>;
  renderResult(doc: FakeDocument, item: unknown, labels: Record<string, string>): FakeElement;
  describeModel(model: unknown, inferenceMs: number | undefined, labels: Record<string, string>): string;
  renderCardResult(doc: FakeDocument, item: unknown, labels: Record<string, string>): FakeElement;
  describeCardModel(result: unknown, labels: Record<string, string>): string;
  formatBytes(bytes: number): string;
};

interface FakeText {
  text: string;
}

class FakeElement {
  readonly children: Array<FakeElement | FakeText> = [];
  readonly attributes = new Map<string, string>();
  className = '';
  constructor(readonly tagName: string) {}
  set textContent(value: string) {
    this.children.length = 0;
    this.children.push({ text: value });
  }
  get textContent(): string {
    return this.children.map((c) => (c instanceof FakeElement ? c.textContent : c.text)).join('');
  }
  set innerHTML(_value: string) {
    throw new Error('innerHTML used');
  }
  insertAdjacentHTML(): never {
    throw new Error('insertAdjacentHTML used');
  }
  appendChild<T extends FakeElement | FakeText>(child: T): T {
    this.children.push(child);
    return child;
  }
  setAttribute(name: string, value: string): void {
    assert.doesNotMatch(name, /^on/i, 'event handler attribute set');
    this.attributes.set(name, value);
  }
  /** Every element below, depth first. */
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => (c instanceof FakeElement ? c.all() : []))];
  }
}

class FakeDocument {
  createElement(tag: string): FakeElement {
    return new FakeElement(tag);
  }
  createTextNode(text: string): FakeText {
    return { text };
  }
}

const HOSTILE = 'Hi <img src=x onerror=alert(1)> </script><script>alert(2)</script> mail eve@example.com';

describe('Test Classifier page script', () => {
  it('uses no HTML-parsing or code-evaluating DOM APIs', () => {
    const source = fs.readFileSync(scriptPath, 'utf8');
    for (const api of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'setTimeout(\'', 'srcdoc']) {
      assert.ok(!source.includes(api), `media/classifier.js uses ${api}`);
    }
  });

  it('segments text so the pieces add back up to the text, entities where the spans are', () => {
    const text = 'Dana Whitfield, dana@example.com';
    const segments = script.segmentText(text, [
      { start: 16, end: 32, type: 'EMAIL_ADDRESS', score: 0.9 },
      { start: 0, end: 14, type: 'PERSON', score: 0.8 },
      { start: 5, end: 20, type: 'OVERLAP', score: 0.1 },
      { start: 40, end: 50, type: 'OUTSIDE', score: 1 },
      { start: 3, end: 3, type: 'EMPTY', score: 1 },
    ]);
    assert.equal(segments.map((s) => s.text).join(''), text);
    assert.deepEqual(
      segments.filter((s) => s.span).map((s) => [s.span!.type, s.text]),
      [
        ['PERSON', 'Dana Whitfield'],
        ['EMAIL_ADDRESS', 'dana@example.com'],
      ],
    );
  });

  it('renders hostile dataset text and labels as text nodes only', () => {
    const doc = new FakeDocument();
    const start = HOSTILE.indexOf('<img');
    const card = script.renderResult(
      doc,
      {
        text: HOSTILE,
        result: {
          spans: [
            { start, end: start + 29, type: '<b onclick=x>PERSON', score: 0.5, detectors: ['<i>model</i>'] },
            { start: HOSTILE.indexOf('eve@'), end: HOSTILE.length, type: 'EMAIL_ADDRESS', score: 0.99, detectors: ['email'] },
          ],
          tokens: [{ start: 0, end: 2, token: '<svg onload=1>', label: 'O', score: 0.1 }],
          inferenceMs: 12.4,
        },
      },
      { entities: 'entities', token: 'Token', label: 'Label', score: 'Score' },
    );
    const tagNames = new Set(card.all().map((e) => e.tagName));
    for (const tag of tagNames) assert.ok(['div', 'mark', 'span', 'table', 'tr', 'th', 'td'].includes(tag), `unexpected <${tag}>`);
    const text = card.all().find((e) => e.className === 'cw-text')!;
    const marks = text.all().filter((e) => e.tagName === 'mark');
    assert.equal(marks.length, 2);
    assert.equal(marks[0].attributes.get('data-type'), '<b onclick=x>PERSON');
    assert.ok(marks[0].textContent.startsWith('<img src=x onerror=alert(1)>'));
    assert.ok(card.textContent.includes('</script><script>alert(2)</script>'));
    assert.ok(card.textContent.includes('<svg onload=1>'));
    assert.ok(card.textContent.includes('2 entities'));
  });

  it('marks context spans (organizations, places) apart from personal data, counts them apart, and explains them in a legend', () => {
    const doc = new FakeDocument();
    const text = 'Dana rented from Hertz at Heathrow';
    const labels = { entity: 'entity', entities: 'entities', contextCount: 'context', contextLegend: 'context: not personal data by itself' };
    const card = script.renderResult(
      doc,
      {
        text,
        result: {
          spans: [
            { start: 0, end: 4, type: 'PERSON', score: 0.9, detectors: ['model'] },
            { start: 17, end: 22, type: 'ORGANIZATION', score: 0.95, detectors: ['model'], context: true },
            { start: 26, end: 34, type: 'LOCATION', score: 0.8, detectors: ['model'], context: true },
          ],
        },
      },
      labels,
    );
    const marks = card.all().find((e) => e.className === 'cw-text')!.all().filter((e) => e.tagName === 'mark');
    assert.deepEqual(
      marks.map((m) => [m.attributes.get('data-type'), m.className, m.attributes.get('data-context')]),
      [
        ['PERSON', 'cw-entity', undefined],
        ['ORGANIZATION', 'cw-entity cw-context', 'true'],
        ['LOCATION', 'cw-entity cw-context', 'true'],
      ],
    );
    assert.match(marks[1].attributes.get('title')!, /not personal data by itself/);
    assert.ok(card.textContent.startsWith('1 entity · 2 context'), card.textContent);
    const legend = card.all().find((e) => e.className === 'cw-legend');
    assert.ok(legend, 'a legend under the text');
    assert.equal(legend.textContent, 'ORGANIZATION LOCATION context: not personal data by itself');
    assert.deepEqual(legend.all().filter((e) => e.tagName === 'mark').map((m) => m.className), ['cw-entity cw-context', 'cw-entity cw-context']);

    const plain = script.renderResult(doc, { text, result: { spans: [{ start: 0, end: 4, type: 'PERSON', score: 0.9, detectors: ['model'] }] } }, labels);
    assert.equal(plain.all().find((e) => e.className === 'cw-legend'), undefined, 'no legend without context spans');
    assert.ok(plain.textContent.startsWith('1 entity'));
  });

  it('describes the model with size, quantization and timings', () => {
    const line = script.describeModel({ name: 'cardwright-pii-small', sizeBytes: 17.5 * 1024 * 1024, quantization: 'int8', loadMs: 812.3 }, 14.2, {});
    assert.equal(line, 'cardwright-pii-small · 17.5 MB · int8 · load 812 ms · inference 14 ms');
    assert.equal(script.describeModel(undefined, undefined, { noModel: 'none' }), 'none');
    assert.equal(script.formatBytes(512), '512 B');
  });

  it('renders the card model\'s labels as bars (every label, top first), its title, expected output and mismatch, as text only', () => {
    const doc = new FakeDocument();
    const card = script.renderCardResult(
      doc,
      {
        text: HOSTILE,
        title: '<b>Happy</b>',
        output: { kind: 'labels', labels: [{ label: '<i>POSITIVE</i>', score: 0.91 }, { label: 'NEGATIVE', score: 0.09 }] },
        expected: [{ label: 'NEGATIVE', score: 1 }],
        mismatch: 'The card expects NEGATIVE; the model answers POSITIVE.',
      },
      { expected: 'card expects' },
    );
    const rows = card.all().filter((e) => e.className.startsWith('cw-bar-row'));
    assert.deepEqual(rows.map((r) => [r.attributes.get('data-label'), r.attributes.get('data-score')]), [['<i>POSITIVE</i>', '0.910'], ['NEGATIVE', '0.090']]);
    assert.equal(rows[0].className, 'cw-bar-row cw-top');
    assert.ok(card.textContent.startsWith('<b>Happy</b>'));
    assert.ok(card.textContent.includes('card expects: NEGATIVE 1.00'));
    assert.ok(card.textContent.includes('the model answers POSITIVE'));
    for (const tag of new Set(card.all().map((e) => e.tagName))) assert.ok(['div', 'span', 'mark'].includes(tag), `unexpected <${tag}>`);

    const spans = script.renderCardResult(doc, { text: 'Ada in Paris', output: { kind: 'spans', spans: [{ start: 7, end: 12, label: 'LOC', score: 0.8 }] } }, {});
    const mark = spans.all().find((e) => e.tagName === 'mark')!;
    assert.equal(mark.attributes.get('data-type'), 'LOC');
    assert.ok(mark.textContent.startsWith('Paris'));
    const fills = script.renderCardResult(doc, { text: 'a [MASK] day', output: { kind: 'fills', fills: [{ token: 'nice', sequence: 'a nice day', score: 0.5 }] } }, {});
    assert.equal(fills.all().filter((e) => e.className.startsWith('cw-bar-row')).length, 1);
    const failed = script.renderCardResult(doc, { text: 'x', error: 'could not load onnx/model.onnx' }, {});
    assert.ok(failed.textContent.includes('could not load onnx/model.onnx'));
  });

  it('describes the card\'s model, or says why there is none', () => {
    const line = script.describeCardModel(
      { model: { name: 'tiny', sizeBytes: 132251, quantization: 'int8', task: 'text-classification', foundBy: 'card-folder', folder: '/w/card-model' } },
      { foundInFolder: 'next to the card' },
    );
    assert.equal(line, 'tiny · 129.2 KB · int8 · text-classification · next to the card: /w/card-model');
    assert.equal(script.describeCardModel({ message: 'No model next to the card.' }, {}), 'No model next to the card.');
  });
});
