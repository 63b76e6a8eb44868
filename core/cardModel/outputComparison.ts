/** The card's expected widget output against what the model answered. */
import type { LabelScore } from './widgetExamples';

/** How far an expected score may be from the actual one (the Hub shows two decimals; models drift a little). */
export const SCORE_TOLERANCE = 0.1;

export type OutputMismatch =
  | { reason: 'top-label'; expected: string; actual: string; actualScore: number }
  | { reason: 'score'; label: string; expected: number; actual: number };

/**
 * Undefined when the model agrees with the card: same top label, and every stated score within the
 * tolerance. A label the model does not answer with at all is not compared (widget/unknown-label
 * reports it).
 */
export function compareOutputs(expected: readonly LabelScore[], actual: readonly LabelScore[], tolerance = SCORE_TOLERANCE): OutputMismatch | undefined {
  if (expected.length === 0 || actual.length === 0) return undefined;
  const top = (list: readonly LabelScore[]) => list.reduce((best, item) => ((item.score ?? -Infinity) > (best.score ?? -Infinity) ? item : best), list[0]);
  const expectedTop = top(expected);
  const actualTop = top(actual);
  if (expectedTop.label !== actualTop.label) return { reason: 'top-label', expected: expectedTop.label, actual: actualTop.label, actualScore: actualTop.score ?? 0 };
  for (const item of expected) {
    if (item.score === undefined) continue;
    const score = actual.find((a) => a.label === item.label)?.score;
    if (score !== undefined && Math.abs(score - item.score) > tolerance) return { reason: 'score', label: item.label, expected: item.score, actual: score };
  }
  return undefined;
}
