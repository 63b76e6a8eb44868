/**
 * Scoring of the real-text development benchmark (bench/realTextBench.ts), pure: no I/O.
 *
 *  - A finding matches a gold span when both have the same type and they share at least half of
 *    the characters of their union (|a ∩ b| / |a ∪ b| >= 0.5). Matching is one-to-one, best
 *    overlap first; a matched pair is a true positive, an unmatched finding a false positive, an
 *    unmatched gold span a false negative.
 *  - A gold ORGANIZATION/LOCATION/PRODUCT span is "reported as PERSON" when a PERSON finding
 *    shares at least one character with it (stricter than the match rule: `Francisco` found in
 *    `San Francisco`, `Goblet` in `Harry Potter and the Goblet of Fire` both count).
 *  - Sentences without personal data: the lines of a record (a CoNLL sentence is one line, a
 *    MEDDOCAN report has one per paragraph) that hold some non-space text and no character of a
 *    gold span whose corpus label is personal data (labelMap.json `personalData`). Every finding
 *    that overlaps such a line is a false finding, counted once.
 */
import { Counts, scores } from './piiEvaluation';

export interface ScoredSpan {
  start: number;
  end: number;
  type: string;
}

export interface GoldSpan extends ScoredSpan {
  /** The corpus's own label (PER, CALLE, ...). */
  label: string;
}

/** |a ∩ b| / |a ∪ b| in characters; 0 for disjoint or empty spans. */
export function unionOverlap(a: ScoredSpan, b: ScoredSpan): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** True/false positives and false negatives of one type, one-to-one, best overlap first. */
export function matchType(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[], type: string, minOverlap = 0.5): Counts {
  const g = gold.filter((s) => s.type === type);
  const p = predicted.filter((s) => s.type === type);
  const pairs: Array<[number, number, number]> = [];
  g.forEach((gs, i) =>
    p.forEach((ps, j) => {
      const r = unionOverlap(gs, ps);
      if (r >= minOverlap) pairs.push([r, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedGold.has(i) || usedPredicted.has(j)) continue;
    usedGold.add(i);
    usedPredicted.add(j);
  }
  return { tp: usedGold.size, fp: p.length - usedPredicted.size, fn: g.length - usedGold.size };
}

/** Gold spans of `goldType`, and how many of them a finding of `reportedType` touches. */
export function reportedAs(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[], goldType: string, reportedType = 'PERSON'): { total: number; reported: number } {
  const g = gold.filter((s) => s.type === goldType);
  const p = predicted.filter((s) => s.type === reportedType);
  const reported = g.filter((gs) => p.some((ps) => ps.start < gs.end && ps.end > gs.start)).length;
  return { total: g.length, reported };
}

/** Lines of `text` with some non-space character and no character of a personal-data gold span. */
export function linesWithoutPersonalData(text: string, gold: readonly GoldSpan[], personalLabels: ReadonlySet<string>): ScoredSpan[] {
  const personal = gold.filter((s) => personalLabels.has(s.label));
  const out: ScoredSpan[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = { start, end, type: 'line' };
    if (/\S/.test(text.slice(start, end)) && !personal.some((s) => s.start < end && s.end > start)) out.push(line);
    start = end + 1;
  }
  return out;
}

/** Findings that overlap one of `lines`, each counted once. */
export function findingsOn(lines: readonly ScoredSpan[], predicted: readonly ScoredSpan[]): ScoredSpan[] {
  return predicted.filter((p) => lines.some((l) => p.start < l.end && p.end > l.start));
}

/** Everything counted on one split. */
export interface SplitScore {
  records: number;
  /** Counts per scored type (PERSON, STREET_ADDRESS, ...). */
  byType: Map<string, Counts>;
  /** Contrast type -> gold spans and how many were reported as PERSON. */
  asPerson: Map<string, { total: number; reported: number }>;
  cleanLines: number;
  falseFindings: number;
  falseByType: Map<string, number>;
}

export interface ScoringOptions {
  /** Types scored with precision/recall/F1. */
  scoredTypes: readonly string[];
  /** Gold types whose spans must not be reported as PERSON. */
  contrastTypes: readonly string[];
  personalLabels: ReadonlySet<string>;
}

export function emptySplitScore(): SplitScore {
  return { records: 0, byType: new Map(), asPerson: new Map(), cleanLines: 0, falseFindings: 0, falseByType: new Map() };
}

/** Adds one record's gold spans and findings to `into`. */
export function scoreRecord(into: SplitScore, text: string, gold: readonly GoldSpan[], predicted: readonly ScoredSpan[], options: ScoringOptions): void {
  into.records++;
  for (const type of options.scoredTypes) {
    const c = matchType(gold, predicted, type);
    const total = into.byType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    into.byType.set(type, total);
  }
  for (const type of options.contrastTypes) {
    const r = reportedAs(gold, predicted, type);
    const total = into.asPerson.get(type) ?? { total: 0, reported: 0 };
    total.total += r.total;
    total.reported += r.reported;
    into.asPerson.set(type, total);
  }
  const lines = linesWithoutPersonalData(text, gold, options.personalLabels);
  into.cleanLines += lines.length;
  for (const f of findingsOn(lines, predicted)) {
    into.falseFindings++;
    into.falseByType.set(f.type, (into.falseByType.get(f.type) ?? 0) + 1);
  }
}

const num = (x: number) => x.toFixed(2);

/** P/R/F1 as `0.41 0.62 0.49 (312)`, or `-` where the split has no gold span of the type. */
export function formatScores(c: Counts | undefined): string {
  if (!c || c.tp + c.fn === 0) return '-';
  const s = scores(c);
  return `${num(s.precision)} ${num(s.recall)} ${num(s.f1)} (${s.support})`;
}

/** `12/121 9.9%`, or `-` without gold spans. */
export function formatShare(r: { total: number; reported: number } | undefined): string {
  if (!r || r.total === 0) return '-';
  return `${r.reported}/${r.total} ${((100 * r.reported) / r.total).toFixed(1)}%`;
}

export function falsePerThousand(s: SplitScore): number {
  return s.cleanLines === 0 ? 0 : (1000 * s.falseFindings) / s.cleanLines;
}

/** The real-text table: one row per split, then the MEDDOCAN-style types where a split has them. */
export function formatRealTextTable(rows: ReadonlyArray<readonly [string, SplitScore]>, options: ScoringOptions): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const otherTypes = options.scoredTypes.filter((t) => t !== 'PERSON');
  const lines: string[] = [];
  lines.push(`${pad('split', 14)} ${pad('records', 8)} ${pad('PERSON P R F1 (gold)', 24)} ${options.contrastTypes.map((t) => pad(`${t} as PERSON`, 24)).join(' ')}`);
  for (const [name, s] of rows) {
    lines.push(`${pad(name, 14)} ${pad(String(s.records), 8)} ${pad(formatScores(s.byType.get('PERSON')), 24)} ${options.contrastTypes.map((t) => pad(formatShare(s.asPerson.get(t)), 24)).join(' ')}`);
  }
  const withOthers = rows.filter(([, s]) => otherTypes.some((t) => (s.byType.get(t)?.tp ?? 0) + (s.byType.get(t)?.fn ?? 0) > 0));
  if (withOthers.length > 0) {
    lines.push('');
    lines.push(`${pad('split', 14)} ${otherTypes.map((t) => pad(`${t} P R F1 (gold)`, 30)).join(' ')}`);
    for (const [name, s] of withOthers) lines.push(`${pad(name, 14)} ${otherTypes.map((t) => pad(formatScores(s.byType.get(t)), 30)).join(' ')}`);
  }
  lines.push('');
  lines.push(`${pad('split', 14)} ${pad('lines without personal data', 28)} false findings per 1,000 (by type)`);
  for (const [name, s] of rows) {
    const byType = [...s.falseByType.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ');
    lines.push(`${pad(name, 14)} ${pad(String(s.cleanLines), 28)} ${falsePerThousand(s).toFixed(1)}${byType ? ` (${byType})` : ''}`);
  }
  return lines.join('\n');
}
