/**
 * One analysis (one parse) per document version, shared by diagnostics, hovers, quick fixes, the
 * outline and folding; a bounded number of documents is kept (least recently used go first), and
 * closing a document drops its entry. An analysis slower than the request budget is logged with
 * the document's size, so that a slow card is never a silent stall.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Analyzer } from '../core/analyzer';
import type { CardModelFacts } from '../core/rules/cardModel';
import type { PiiScanSummary } from '../core/rules/scanResults';
import { fileNameOf, folderOf } from './documentUris';

/** A request (or an analysis) that takes longer than this is cut off or at least reported. */
export const REQUEST_BUDGET_MS = 1000;
/** Documents whose analysis is kept; each holds its text and parse tree. */
const CAPACITY = 16;

export interface DocumentAnalyses {
  /** The analysis of the document's current version (and current scan summary). */
  get(document: TextDocument): Analysis;
  forget(uri: string): void;
  readonly size: number;
}

export function createDocumentAnalyses(analyzer: Analyzer, options: {
    piiScan?: (uri: string) => PiiScanSummary | undefined;
    /** What the card's own model says (read when a version is analysed; `forget` when it changes). */
    cardModel?: (uri: string, text: string) => CardModelFacts | undefined;
    log: (line: string) => void;
  },): DocumentAnalyses {
  const entries = new Map<string, { version: number; scan: PiiScanSummary | undefined; analysis: Analysis }>();
  return {
    get(document) {
      const scan = options.piiScan?.(document.uri);
      const cached = entries.get(document.uri);
      if (cached && cached.version === document.version && cached.scan === scan) {
        entries.delete(document.uri);
        entries.set(document.uri, cached);
        return cached.analysis;
      }
      const folder = folderOf(document.uri);
      const started = performance.now();
      const text = document.getText();
      const analysis = analyzer.analyze({
        text,
        fileName: fileNameOf(document.uri),
        fileExists: folder ? (relative) => fs.existsSync(path.resolve(folder, relative)) : undefined,
        piiScan: scan,
        cardModel: options.cardModel?.(document.uri, text),
      });
      const took = performance.now() - started;
      if (took > REQUEST_BUDGET_MS) options.log(`Cardwright: analysing ${document.uri} (${sizeOf(text)}) took ${Math.round(took)} ms.`);
      entries.delete(document.uri);
      entries.set(document.uri, { version: document.version, scan, analysis });
      while (entries.size > CAPACITY) entries.delete(entries.keys().next().value as string);
      return analysis;
    },
    forget(uri) {
      entries.delete(uri);
    },
    get size() {
      return entries.size;
    },
  };
}

export function sizeOf(text: string): string {
  return `${text.length.toLocaleString('en-US')} characters, ${(text.match(/\n/g)?.length ?? 0) + 1} lines`;
}
