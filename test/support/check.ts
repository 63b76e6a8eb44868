/** `check`: run the analyzer on an annotated fixture and compare every finding with the annotations. */
import * as assert from 'node:assert/strict';
import { Finding } from '../../core/finding';
import type { CardModelFacts } from '../../core/rules/cardModel';
import type { PiiScanSummary } from '../../core/rules/scanResults';
import { parseFixture } from './annotatedFixture';
import { testAnalyzer } from './analyzer';

export interface CheckOptions {
  fileName?: string;
  crlf?: boolean;
  /** Relative paths that exist next to the card (others do not). */
  files?: string[];
  /** A PII scan summary of the card's samples. */
  piiScan?: PiiScanSummary;
  /** What the server found out about the card's own model. */
  cardModel?: CardModelFacts;
}

export function check(fixture: string, options: CheckOptions = {}): Finding[] {
  const { text, expectations } = parseFixture(fixture, { crlf: options.crlf });
  const files = new Set(options.files ?? []);
  const analysis = testAnalyzer().analyze({
    text,
    fileName: options.fileName ?? 'model-card.yaml',
    fileExists: (relative) => files.has(relative),
    piiScan: options.piiScan,
    cardModel: options.cardModel,
  });
  const render = (f: { severity: string; code: string; start: number; end: number }) =>
    `${f.severity}[${f.code}] ${JSON.stringify(text.slice(f.start, f.end))} @${f.start}-${f.end}`;
  const actual = analysis.findings.map(render).sort();
  const expected = expectations.map(render).sort();
  assert.deepEqual(actual, expected, `findings differ.\n${analysis.findings.map((f) => `  ${render(f)}: ${f.message}`).join('\n')}`);
  for (const expectation of expectations) {
    if (!expectation.contains) continue;
    const finding = analysis.findings.find((f) => f.code === expectation.code && f.start === expectation.start);
    assert.ok(finding?.message.includes(expectation.contains), `message of ${expectation.code} should contain "${expectation.contains}", got: ${finding?.message}`);
  }
  return analysis.findings;
}
