/**
 * One helper style for the editor features: a fixture with a `$0` cursor (and optional
 * annotations), run through the real analyzer and schemas, compared with expected items or text.
 */
import * as assert from 'node:assert/strict';
import { complete, CompletionItem } from '../../../core/completion';
import { Finding, TextEdit } from '../../../core/finding';
import { hover, HoverResult } from '../../../core/hover';
import { fixAll, quickFixes, QuickFix } from '../../../core/codeActions';
import { dedent, parseFixture } from '../../support/annotatedFixture';
import { testAnalyzer } from '../../support/analyzer';

export interface FeatureOptions {
  fileName?: string;
  /** Relative paths that exist next to the card. */
  files?: string[];
}

function withCursor(fixture: string): { text: string; cursor: number } {
  const { text, cursor } = parseFixture(fixture);
  assert.ok(cursor !== undefined, 'the fixture needs a $0 cursor');
  return { text, cursor };
}

export function completionsAt(fixture: string, options: FeatureOptions = {}): { items: CompletionItem[]; text: string; cursor: number } {
  const { text, cursor } = withCursor(fixture);
  const items = complete(testAnalyzer(), { text, fileName: options.fileName ?? 'model-card.yaml', offset: cursor });
  for (const item of items) {
    assert.ok(item.start <= cursor && cursor <= item.end, `item ${item.label} replaces ${item.start}-${item.end}, which does not hold the cursor ${cursor}`);
    assert.ok(!text.slice(item.start, item.end).includes('\n'), `item ${item.label} spans lines`);
  }
  return { items, text, cursor };
}

export function labels(fixture: string, options: FeatureOptions = {}): string[] {
  return completionsAt(fixture, options).items.map((item) => item.label);
}

/** The text after accepting the completion `label` (snippet tab stops replaced by their defaults, `$0` by nothing). */
export function accept(fixture: string, label: string, options: FeatureOptions = {}): string {
  const { items, text } = completionsAt(fixture, options);
  const item = items.find((candidate) => candidate.label === label);
  assert.ok(item, `no completion ${label}; got ${items.map((i) => i.label).join(', ')}`);
  const insert = item.isSnippet ? plainSnippet(item.insertText) : item.insertText;
  return text.slice(0, item.start) + insert + text.slice(item.end);
}

function plainSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

export function hoverAt(fixture: string, options: FeatureOptions = {}): HoverResult | undefined {
  const { text, cursor } = withCursor(fixture);
  const fileName = options.fileName ?? 'model-card.yaml';
  const files = new Set(options.files ?? []);
  const analysis = testAnalyzer().analyze({ text, fileName, fileExists: (p) => files.has(p) });
  const result = hover(testAnalyzer(), { text, fileName, offset: cursor, findings: analysis.findings });
  if (result) assert.ok(result.start <= cursor && cursor <= result.end, `hover range ${result.start}-${result.end} does not hold the cursor ${cursor}`);
  return result;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].end <= sorted[i - 1].start, 'edits overlap');
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function analyze(text: string, options: FeatureOptions) {
  const files = new Set(options.files ?? []);
  return testAnalyzer().analyze({ text, fileName: options.fileName ?? 'model-card.yaml', fileExists: (p) => files.has(p) });
}

export interface FixExpectation extends FeatureOptions {
  /** The finding to fix: the one with this code whose range holds the `$0` cursor (or the first one). */
  code: string;
  /** Text the chosen fix's title must contain; the first fix otherwise. */
  title?: string;
  /** Files that exist after the fix (when it creates files); `files` otherwise. */
  filesAfter?: string[];
  /** Other findings of the same code may remain (a fix for one of several). */
  othersRemain?: boolean;
}

/**
 * before → after for one quick fix: applies it, compares the text, and checks that the result
 * parses and no longer has that finding.
 */
export function checkFix(before: string, after: string, expectation: FixExpectation): QuickFix {
  const { text, cursor } = parseFixture(before);
  const fileName = expectation.fileName ?? 'model-card.yaml';
  const findings = analyze(text, expectation).findings;
  const finding = findings.find((f) => f.code === expectation.code && (cursor === undefined || (f.start <= cursor && cursor <= f.end)));
  assert.ok(finding, `no ${expectation.code} finding at the cursor; findings: ${findings.map((f) => `${f.code}@${f.start}`).join(', ')}`);
  const fixes = quickFixes(text, finding, fileName);
  const fix = expectation.title ? fixes.find((f) => f.title.includes(expectation.title!)) : fixes[0];
  assert.ok(fix, `no fix${expectation.title ? ` titled "${expectation.title}"` : ''}; got: ${fixes.map((f) => f.title).join(' | ')}`);
  const result = applyEdits(text, fix.edits);
  assert.equal(result, dedent(after));
  assertFixed(result, finding, expectation);
  return fix;
}

/** Applies "fix all" of a code and compares the result. */
export function checkFixAll(before: string, after: string, expectation: FixExpectation): void {
  const { text } = parseFixture(before);
  const findings = analyze(text, expectation).findings;
  const fix = fixAll(text, findings, expectation.code, expectation.fileName ?? 'model-card.yaml');
  assert.ok(fix, `no fix-all for ${expectation.code}`);
  const result = applyEdits(text, fix.edits);
  assert.equal(result, dedent(after));
  const remaining = analyze(result, expectation).findings.filter((f) => f.code === expectation.code);
  assert.deepEqual(remaining, [], 'fix all left findings of that code');
}

function assertFixed(result: string, finding: Finding, expectation: FixExpectation): void {
  const again = analyze(result, { ...expectation, files: expectation.filesAfter ?? expectation.files }).findings;
  const syntax = again.filter((f) => f.code.startsWith('yaml/'));
  assert.deepEqual(syntax, [], `the fixed text does not parse:\n${result}`);
  const same = again.filter((f) => f.code === finding.code && JSON.stringify(f.data ?? {}) === JSON.stringify(finding.data ?? {}));
  assert.deepEqual(same, [], `the finding is still there:\n${result}`);
  if (!expectation.othersRemain) {
    const before = (finding.code);
    assert.ok(!again.some((f) => f.code === before && f.start === finding.start && f.message === finding.message), 'the finding is still there');
  }
}
