/** The server's analyses: one per document version, bounded, and a slow one reported with the document's size. */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalysisInput, Analyzer } from '../../../core/analyzer';
import { createDocumentAnalyses } from '../../../server/documentAnalyses';

function countingAnalyzer(work: () => void = () => undefined): Analyzer & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    analyze(input: AnalysisInput): Analysis {
      calls.push(input.text);
      work();
      return { findings: [] };
    },
    schemaFor: () => {
      throw new Error('not used');
    },
  };
}

const doc = (uri: string, version: number, text: string) => TextDocument.create(uri, 'yaml', version, text);

describe('document analyses (server)', () => {
  it('analyses each document version once, whatever asks for it', () => {
    const analyzer = countingAnalyzer();
    const analyses = createDocumentAnalyses(analyzer, { log: () => undefined });
    const v1 = doc('file:///a/model-card.yaml', 1, 'license: mit\n');
    assert.equal(analyses.get(v1), analyses.get(v1));
    analyses.get(v1);
    assert.equal(analyzer.calls.length, 1);
    analyses.get(doc('file:///a/model-card.yaml', 2, 'license: apache-2.0\n'));
    assert.equal(analyzer.calls.length, 2);
    analyses.forget('file:///a/model-card.yaml');
    assert.equal(analyses.size, 0);
  });

  it('keeps a bounded number of documents', () => {
    const analyses = createDocumentAnalyses(countingAnalyzer(), { log: () => undefined });
    for (let i = 0; i < 100; i++) analyses.get(doc(`file:///d${i}/model-card.yaml`, 1, 'a: 1\n'));
    assert.ok(analyses.size <= 16, `${analyses.size} kept`);
  });

  it('reports an analysis over the budget with the document and its size', () => {
    const lines: string[] = [];
    const slow = countingAnalyzer(() => {
      const until = performance.now() + 1100;
      while (performance.now() < until);
    });
    createDocumentAnalyses(slow, { log: (line) => lines.push(line) }).get(doc('file:///big/model-card.yaml', 1, 'a: 1\nb: 2\n'));
    assert.equal(lines.length, 1);
    assert.match(lines[0], /file:\/\/\/big\/model-card\.yaml \(10 characters, 3 lines\) took \d+ ms/);
  });
});
