/**
 * Long texts are classified in windows of at most `maxTokens` tokens (special tokens included)
 * that overlap by `overlap` tokens and never start inside a word; each token takes its label from
 * the window where it sits farthest from an edge. Windows are then batched by length, so padding
 * stays small.
 */
import { Tokens } from './wordPieceTokenizer';

export interface TokenWindow {
  /** Token range [start, end) of the text's tokens inside this window. */
  start: number;
  end: number;
  /** Tokens of the range this window is responsible for (its labels are the ones kept). */
  ownStart: number;
  ownEnd: number;
}

export function tokenWindows(tokens: Tokens, maxTokens = 128, overlap = 16): TokenWindow[] {
  const count = tokens.ids.length;
  const size = Math.max(8, maxTokens - 2);
  if (count <= size) return [{ start: 0, end: count, ownStart: 0, ownEnd: count }];
  const windows: TokenWindow[] = [];
  let start = 0;
  while (start < count) {
    let end = Math.min(count, start + size);
    // Do not cut a word: end before the word that straddles the limit (if the window keeps enough).
    if (end < count) {
      let cut = end;
      while (cut > start + size / 2 && tokens.continuation[cut]) cut--;
      end = cut;
    }
    windows.push({ start, end, ownStart: start, ownEnd: end });
    if (end >= count) break;
    let next = Math.max(start + 1, end - overlap);
    while (next < end && tokens.continuation[next]) next++;
    start = next;
  }
  // Split each overlap at its middle: the earlier window owns the first half.
  for (let i = 1; i < windows.length; i++) {
    const previous = windows[i - 1];
    const current = windows[i];
    const middle = Math.floor((current.start + previous.end) / 2);
    previous.ownEnd = Math.max(previous.ownStart, middle);
    current.ownStart = previous.ownEnd;
  }
  return windows;
}

/** Groups item indices into batches of similar length: at most `maxBatch` items and `maxTokens` padded tokens each. */
export function batchByLength(lengths: readonly number[], maxBatch = 32, maxTokens = 8192): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a] - lengths[b]);
  const batches: number[][] = [];
  let current: number[] = [];
  for (const index of order) {
    const width = lengths[index];
    if (current.length > 0 && (current.length >= maxBatch || (current.length + 1) * width > maxTokens)) {
      batches.push(current);
      current = [];
    }
    current.push(index);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
