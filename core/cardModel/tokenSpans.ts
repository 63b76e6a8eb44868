/**
 * Labelled spans from per-token labels of any token-classification model (the card's own model,
 * whose labels are its own: `B-PER`, `I-LOC`, `MISC`, ...), for the sidebar.
 */

export interface TokenPrediction {
  start: number;
  end: number;
  label: string;
  score: number;
}

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
  score: number;
}

/** `B-X`/`I-X`/`E-X`/`S-X`/`X` -> X; `O` and empty -> undefined. */
export function entityOf(label: string): { entity: string; begins: boolean } | undefined {
  if (!label || label === 'O') return undefined;
  const match = /^([BIES])[-_](.+)$/.exec(label);
  if (!match) return { entity: label, begins: false };
  return { entity: match[2], begins: match[1] === 'B' || match[1] === 'S' };
}

/**
 * Joins consecutive tokens of the same entity (a `B-` starts a new span, unless it is a later piece
 * of the same word: models trained on word pieces often label every piece `B-`) and averages their
 * scores; the span runs from the first token's start to the last token's end.
 */
export function groupTokenLabels(tokens: readonly TokenPrediction[]): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let current: { start: number; end: number; label: string; sum: number; count: number } | undefined;
  const flush = () => {
    if (current) spans.push({ start: current.start, end: current.end, label: current.label, score: current.sum / current.count });
    current = undefined;
  };
  for (const token of tokens) {
    const info = entityOf(token.label);
    if (!info) {
      flush();
      continue;
    }
    if (current && current.label === info.entity && (!info.begins || token.start === current.end)) {
      current.end = Math.max(current.end, token.end);
      current.sum += token.score;
      current.count++;
      continue;
    }
    flush();
    current = { start: token.start, end: token.end, label: info.entity, sum: token.score, count: 1 };
  }
  flush();
  return spans;
}
