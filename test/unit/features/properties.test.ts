/**
 * Property tests of the language service over any text (generated YAML, mutated example cards, raw
 * odd characters) and any cursor: every feature terminates without throwing and returns ranges that
 * are ordered, inside the text, on line boundaries that LSP and the YAML parser agree on, with hover
 * ranges holding the cursor, completion edits on the cursor's line and outline children inside their
 * parents; every quick fix leaves a card that parsed cleanly parsing cleanly. Seeded and bounded.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Analysis } from '../../../core/analyzer';
import { fixAll, quickFixes } from '../../../core/codeActions';
import { complete } from '../../../core/completion';
import { TextEdit } from '../../../core/finding';
import { hover } from '../../../core/hover';
import { createLineIndex, withLfBreaks } from '../../../core/lineIndex';
import { CardSymbol, documentSymbols, foldingRanges } from '../../../core/symbols';
import { testAnalyzer } from '../../support/analyzer';
import { anyCardText, exampleCards, textWithOffset } from '../../support/cardArbitraries';

const SEED = 13;
const RUNS = 2000;
const FILE_NAMES = ['model-card.yaml', 'README.md'];
const fileName = fc.constantFrom(...FILE_NAMES);

/** Asserts that [start, end] is an ordered range inside `text` whose ends are places LSP can name. */
function assertRange(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: [${start}, ${end}] inside 0..${text.length}`);
  for (const offset of [start, end]) {
    assert.ok(!(text[offset - 1] === '\r' && text[offset] === '\n'), `${what}: ${offset} splits a CRLF`);
  }
}

/** The line of an offset by LSP's rule equals its line in the text the YAML parser reads. */
function assertSameLine(text: string, offset: number): void {
  const lsp = createLineIndex(text).positionAt(offset).line;
  const yaml = withLfBreaks(text).slice(0, offset).split('\n').length - 1;
  assert.equal(lsp, yaml, `offset ${offset}: LSP line ${lsp}, YAML line ${yaml}`);
}

/** A cursor LSP can express: never between the CR and LF of one line break. */
function cursor(text: string, offset: number): number {
  return text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

function analyze(text: string, name: string): Analysis {
  return testAnalyzer().analyze({ text, fileName: name });
}

function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  let floor = Infinity;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    assertRange(text, edit.start, edit.end, 'edit');
    assert.ok(edit.end <= floor, 'edits do not overlap');
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    floor = edit.start;
  }
  return out;
}

function walkSymbols(text: string, symbols: CardSymbol[], parent: { start: number; end: number }): void {
  let previous = -1;
  for (const symbol of symbols) {
    assertRange(text, symbol.start, symbol.end, `symbol ${JSON.stringify(symbol.name)}`);
    assert.ok(symbol.start >= parent.start && symbol.end <= parent.end, `symbol ${JSON.stringify(symbol.name)} [${symbol.start}, ${symbol.end}] inside its parent [${parent.start}, ${parent.end}]`);
    assert.ok(symbol.selectionStart >= symbol.start && symbol.selectionEnd <= symbol.end && symbol.selectionStart <= symbol.selectionEnd, 'selection inside the symbol');
    assert.ok(symbol.name.trim().length > 0, 'a symbol has a name');
    assert.ok(symbol.start >= previous, 'siblings in order');
    previous = symbol.start;
    walkSymbols(text, symbol.children, symbol);
  }
}

describe('language service properties (fast-check)', function () {
  this.timeout(60_000);
  const cards = exampleCards();
  const texts = anyCardText(cards);

  it('has example cards to mutate', () => assert.ok(cards.length >= 2));

  it('analyze: findings ordered, inside the text, on lines LSP and YAML agree on', () => {
    fc.assert(
      fc.property(texts, fileName, (text, name) => {
        const { findings } = analyze(text, name);
        let previous = 0;
        for (const finding of findings) {
          assertRange(text, finding.start, finding.end, finding.code);
          assertSameLine(text, finding.start);
          assertSameLine(text, finding.end);
          assert.ok(finding.start >= previous, 'findings sorted');
          previous = finding.start;
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('completion: every edit on the cursor line and around the cursor', () => {
    fc.assert(
      fc.property(textWithOffset(texts), fileName, ({ text, offset }, name) => {
        const at = cursor(text, offset);
        const lines = createLineIndex(text);
        for (const item of complete(testAnalyzer(), { text, fileName: name, offset: at })) {
          assertRange(text, item.start, item.end, `completion ${item.label}`);
          assert.ok(item.start <= at && at <= item.end, `completion ${item.label} [${item.start}, ${item.end}] holds the cursor ${at}`);
          assert.equal(lines.positionAt(item.start).line, lines.positionAt(item.end).line, 'a completion edit stays on one line');
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('hover: the range holds the cursor', () => {
    fc.assert(
      fc.property(textWithOffset(texts), fileName, ({ text, offset }, name) => {
        const at = cursor(text, offset);
        const result = hover(testAnalyzer(), { text, fileName: name, offset: at, findings: analyze(text, name).findings });
        if (!result) return;
        assertRange(text, result.start, result.end, 'hover');
        assert.ok(result.start <= at && at <= result.end, `hover [${result.start}, ${result.end}] holds ${at}`);
        assert.ok(result.markdown.length > 0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('symbols and folding: children inside parents, ranges inside the text', () => {
    fc.assert(
      fc.property(texts, fileName, (text, name) => {
        walkSymbols(text, documentSymbols(text, name), { start: 0, end: text.length });
        for (const range of foldingRanges(text, name)) {
          assertRange(text, range.start, range.end, 'folding');
          assertSameLine(text, range.start);
          assertSameLine(text, range.end);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('quick fixes: edits inside the text; a card that parsed cleanly still does after any fix', () => {
    fc.assert(
      fc.property(texts, fileName, (text, name) => {
        const analysis = analyze(text, name);
        const clean = analysis.card !== undefined && analysis.card.doc.errors.length === 0;
        const fixes = analysis.findings.flatMap((finding) => quickFixes(text, finding, name));
        for (const code of new Set(analysis.findings.map((f) => f.code))) {
          const all = fixAll(text, analysis.findings, code, name);
          if (all) fixes.push(all);
        }
        for (const fix of fixes) {
          const after = applyEdits(text, fix.edits);
          const reparsed = analyze(after, name);
          if (clean) {
            const syntax = reparsed.findings.filter((f) => f.code.startsWith('yaml/'));
            assert.deepEqual(syntax.map((f) => f.code), [], `"${fix.title}" leaves ${JSON.stringify(after)} parsing`);
          }
        }
      }),
      { seed: SEED, numRuns: 600 },
    );
  });
});
