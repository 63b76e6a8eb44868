/**
 * Scoring helpers for the PII quality bench: per-entity precision, recall, F1 and F2 under two
 * matchings. Exact: a prediction counts when type, start and end equal a gold span. Token:
 * every word token (a run of letters/digits) gets the gold type and the predicted type of the
 * spans covering it, and tokens are counted per type (the way presidio-research scores).
 */
export interface LabelledSpan {
  type: string;
  start: number;
  end: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type CountsByType = Map<string, Counts>;

function counts(map: CountsByType, type: string): Counts {
  let c = map.get(type);
  if (!c) {
    c = { tp: 0, fp: 0, fn: 0 };
    map.set(type, c);
  }
  return c;
}

export function countExact(gold: readonly LabelledSpan[], predicted: readonly LabelledSpan[], into: CountsByType): void {
  const key = (s: LabelledSpan) => `${s.type}:${s.start}:${s.end}`;
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  for (const s of predicted) counts(into, s.type)[goldKeys.has(key(s)) ? 'tp' : 'fp']++;
  for (const s of gold) if (!predictedKeys.has(key(s))) counts(into, s.type).fn++;
}

export function countTokens(text: string, gold: readonly LabelledSpan[], predicted: readonly LabelledSpan[], into: CountsByType): void {
  const typeAt = (spans: readonly LabelledSpan[], start: number, end: number) => spans.find((s) => s.start < end && s.end > start)?.type;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const g = typeAt(gold, start, end);
    const p = typeAt(predicted, start, end);
    if (g && p === g) counts(into, g).tp++;
    else {
      if (p) counts(into, p).fp++;
      if (g) counts(into, g).fn++;
    }
  }
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  f2: number;
  support: number;
}

export function scores(c: Counts): Scores {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const fBeta = (beta: number) => (precision + recall === 0 ? 0 : ((1 + beta * beta) * precision * recall) / (beta * beta * precision + recall));
  return { precision, recall, f1: fBeta(1), f2: fBeta(2), support: c.tp + c.fn };
}

export function micro(map: CountsByType): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of map.values()) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}

export function formatTable(title: string, map: CountsByType): string {
  const rows = [...map.keys()].sort().map((type) => [type, scores(map.get(type)!)] as const);
  rows.push(['micro', scores(micro(map))]);
  const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
  const lines = [`${title}`, `  ${'entity'.padEnd(16)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'F2'.padStart(6)} ${'support'.padStart(8)}`];
  for (const [type, s] of rows) lines.push(`  ${type.padEnd(16)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${pct(s.f2)} ${String(s.support).padStart(8)}`);
  return lines.join('\n');
}
