/**
 * Inputs that hung, slowed or misdrew the language service (issue 13, found by fuzzing the server):
 * a blank first line, many keys, escaped quotes before deep nesting, and ranges editors reject.
 */
import * as assert from 'node:assert/strict';
import { parseCard } from '../../../core/cardDocument';
import { complete } from '../../../core/completion';
import { hover } from '../../../core/hover';
import { documentSymbols, CardSymbol } from '../../../core/symbols';
import { nextLine, previousLine } from '../../../core/yamlCursor';
import { duplicateKeyErrors, parseYamlDocument } from '../../../core/yamlParse';
import { testAnalyzer } from '../../support/analyzer';

const analyze = (text: string, fileName = 'model-card.yaml') => testAnalyzer().analyze({ text, fileName });
const codes = (text: string, fileName?: string) => analyze(text, fileName).findings.map((f) => f.code);

describe('reliability: inputs found by fuzzing', function () {
  this.timeout(30_000);

  it('walks up from the line after a blank first line (it returned its own input and looped forever)', () => {
    assert.equal(previousLine('\nlicense: mit\n', 1), 0);
    assert.equal(previousLine('\n\nx', 2), 1);
    assert.equal(previousLine('a\nb', 0), -1);
    for (const text of ['\n\n\nx\n', '\r\n\r\nx', 'a\n\nb\n']) {
      for (let start = 0; start >= 0; start = nextLine(text, start)) {
        const before = previousLine(text, start);
        assert.ok(before < start, `previousLine(${JSON.stringify(text)}, ${start}) = ${before}`);
      }
    }
  });

  it('completes and hovers on a card or front matter whose first line is blank', () => {
    const card = '\nlicense: mit\n';
    assert.ok(complete(testAnalyzer(), { text: card, fileName: 'model-card.yaml', offset: 1 }).length > 0);
    assert.ok(hover(testAnalyzer(), { text: card, fileName: 'model-card.yaml', offset: 3 }));
    const readme = '---\n\nlicense: mit\n---\n';
    assert.ok(complete(testAnalyzer(), { text: readme, fileName: 'README.md', offset: 5 }).length > 0);
  });

  it('finds duplicate keys with one map per mapping, in linear time', () => {
    const { doc } = parseYamlDocument('a: 1\nb: 2\na: 3\nc:\n  x: 1\n  x: 2\n"1": a\n1: b\n', 64);
    assert.deepEqual(doc.errors.map((e) => [e.code, e.pos[0]]), [['DUPLICATE_KEY', 10], ['DUPLICATE_KEY', 27]]);
    assert.deepEqual(codes('license: mit\nlicense: apache-2.0\n'), ['yaml/duplicate-key']);
    // 60,000 keys: the parser's pairwise check took minutes here; one map per mapping takes a parse.
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: v`).join('\n');
    const big = parseCard(`${keys}\nk7: again\n`, { yaml: `${keys}\nk7: again\n`, offset: 0 });
    assert.deepEqual(big.findings.map((f) => f.code), ['yaml/duplicate-key']);
    assert.equal(duplicateKeyErrors(big.doc).length, 1);
  });

  it('sees nesting through escaped quotes (`"\\\\"` hid 30,000 brackets from the depth guard)', () => {
    const bypass = `bypass: ["\\\\", ${'['.repeat(30_000)}`;
    assert.ok(codes(bypass).includes('yaml/too-deep'));
    assert.ok(codes(`a: ["x\\"", ${'{b: '.repeat(5_000)}`).includes('yaml/too-deep'));
    assert.ok(codes(`a: [[[[[ "x ]]]]]", 'y ]]]]]', ${'['.repeat(100)}`).includes('yaml/too-deep'), 'closing brackets inside strings');
    assert.ok(codes(`${'- '.repeat(200)}x`).includes('yaml/too-deep'));
    assert.deepEqual(documentSymbols(bypass, 'model-card.yaml'), []);
    assert.ok(!codes(`a: ${'['.repeat(40)}${']'.repeat(40)}\n`).includes('yaml/too-deep'), '40 levels are read');
  });

  it('keeps the completion edit around the cursor right after a dash', () => {
    const text = 'upstream:\n  datasets:\n    - id: x\n';
    for (let offset = 0; offset <= text.length; offset++) {
      for (const item of complete(testAnalyzer(), { text, fileName: 'model-card.yaml', offset })) {
        assert.ok(item.start <= offset && offset <= item.end, `offset ${offset}: ${item.label} [${item.start}, ${item.end}]`);
      }
    }
    const flow = 'language: [en,  fr]\n';
    const at = flow.indexOf(',') + 1;
    for (const item of complete(testAnalyzer(), { text: flow, fileName: 'model-card.yaml', offset: at })) {
      assert.ok(item.start <= at && at <= item.end, `${item.label} [${item.start}, ${item.end}]`);
    }
  });

  it('reads a bare CR as a line break, like LSP and YAML 1.2 (a CR-only card passed with no finding)', () => {
    const lf = 'license: mit\nlicence: mit\nlanguage: [en-US]\n';
    const cr = lf.replace(/\n/g, '\r');
    assert.deepEqual(codes(cr), codes(lf));
    assert.ok(codes(cr).length > 0);
    const names = (symbols: CardSymbol[]) => symbols.map((s) => s.name);
    assert.deepEqual(names(documentSymbols(cr, 'model-card.yaml')), ['license', 'licence', 'language']);
    const items = complete(testAnalyzer(), { text: 'license: mit\rlic', fileName: 'model-card.yaml', offset: 16 });
    assert.ok(items.every((item) => item.start >= 13), 'the completion word starts on the cursor line');
    assert.ok(items.some((item) => item.label === 'license_name'));
  });

  it('keeps yaml/syntax findings inside the file', () => {
    for (const text of ['a: [\n', 'a: [', 'a: {b', 'a: "x']) {
      for (const finding of analyze(text).findings) assert.ok(finding.start <= finding.end && finding.end <= text.length, `${JSON.stringify(text)}: ${finding.code} [${finding.start}, ${finding.end}]`);
    }
  });

  it('hover ranges hold the hovered position, also on the quotes of a value', () => {
    const text = 'license: "mit"   \nlanguage: en\n';
    for (let offset = 0; offset <= text.length; offset++) {
      const result = hover(testAnalyzer(), { text, fileName: 'model-card.yaml', offset });
      if (result) assert.ok(result.start <= offset && offset <= result.end, `offset ${offset}: [${result.start}, ${result.end}]`);
    }
    assert.ok(hover(testAnalyzer(), { text, fileName: 'model-card.yaml', offset: text.indexOf('"') }), 'the opening quote hovers the license');
  });

  it('keeps outline children inside their parents', () => {
    const inside = (symbols: CardSymbol[], parent: { start: number; end: number }): void => {
      for (const s of symbols) {
        assert.ok(s.start >= parent.start && s.end <= parent.end, `${s.name} [${s.start}, ${s.end}] in [${parent.start}, ${parent.end}]`);
        inside(s.children, s);
      }
    };
    for (const text of ['a:\n  - \n', 'a:\n  -\nb: 1', 'x:\n  - [\n', 'a: [b, ]\n']) inside(documentSymbols(text, 'model-card.yaml'), { start: 0, end: text.length });
  });
});
