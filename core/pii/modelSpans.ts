/**
 * Runs a token classifier over many texts: tokenizes each (exact offsets), cuts long ones into
 * overlapping windows, batches windows by length, and groups each text's BIO labels into spans.
 * Pure: the classifier is injected (server/pii/modelRuntime provides the real one).
 */
import { joinAddressParts } from './addressSpans';
import { groupBioTokens, LabelInfo, labelInfos, LabelMapping } from './bioGrouping';
import { nameWords, PersonRefinement, plausiblePersonSpans, refinePersonSpans } from './personSpanCheck';
import { PiiSpan } from './piiTypes';
import { batchByLength, tokenWindows } from './tokenWindows';
import { caseTypes, Tokens, WordPieceTokenizer } from './wordPieceTokenizer';

export interface ClassifierLike {
  tokenizer: WordPieceTokenizer;
  labels: readonly string[];
  mapping: LabelMapping;
  maxTokens: number;
  /** The model reads capitalization as token type ids (see caseTypes). */
  caseTypes?: boolean;
  /** `types`: token type ids per sequence, same lengths as the ids (zeros when absent). */
  classify(sequences: readonly (readonly number[])[], types?: readonly ArrayLike<number>[]): Promise<Float32Array[]>;
  /**
   * The same, but the raw logits (no softmax): lets modelSpans skip the softmax of the many
   * tokens whose probabilities it never reads.
   */
  classifyLogits?(sequences: readonly (readonly number[])[], types?: readonly ArrayLike<number>[]): Promise<Float32Array[]>;
}

export interface ModelRunOptions {
  maxBatch?: number;
  maxBatchTokens?: number;
  overlap?: number;
  /**
   * Batches in flight at once (default 1). onnxruntime-node runs a session synchronously in the
   * calling thread, so more only helps a classifier that computes elsewhere.
   */
  concurrency?: number;
  /** Thresholds for completing PERSON spans from the model's probabilities (personSpanCheck). */
  person?: PersonRefinement;
}

export interface ModelRunStats {
  tokens: number;
  sequences: number;
  batches: number;
  /** Time spent inside the classifier (onnxruntime runs synchronously in its caller's thread). */
  milliseconds?: number;
}

export async function modelSpans(
  texts: readonly string[],
  classifier: ClassifierLike,
  options: ModelRunOptions = {},
  stats?: ModelRunStats,
): Promise<PiiSpan[][]> {
  const tokenized: Tokens[] = texts.map((text) => classifier.tokenizer.tokenize(text));
  const sequences: Array<{ text: number; start: number; end: number; ownStart: number; ownEnd: number; ids: number[]; types?: Uint8Array }> = [];
  tokenized.forEach((tokens, text) => {
    if (tokens.ids.length === 0) return;
    const types = classifier.caseTypes ? caseTypes(texts[text], tokens) : undefined;
    for (const window of tokenWindows(tokens, classifier.maxTokens, options.overlap ?? 16)) {
      const ids = [classifier.tokenizer.clsId];
      for (let i = window.start; i < window.end; i++) ids.push(tokens.ids[i]);
      ids.push(classifier.tokenizer.sepId);
      let windowTypes: Uint8Array | undefined;
      if (types) {
        windowTypes = new Uint8Array(ids.length);
        windowTypes.set(types.subarray(window.start, window.end), 1);
      }
      sequences.push({ text, start: window.start, end: window.end, ownStart: window.ownStart, ownEnd: window.ownEnd, ids, types: windowTypes });
    }
  });
  // Best label and its probability per token of each text.
  const best: Array<{ label: Int16Array; probability: Float32Array; person: Float32Array }> = tokenized.map((tokens) => ({
    label: new Int16Array(tokens.ids.length),
    probability: new Float32Array(tokens.ids.length),
    person: new Float32Array(tokens.ids.length),
  }));
  const labelCount = classifier.labels.length;
  const personLabels = classifier.labels.flatMap((label, i) => (classifier.mapping[label.replace(/^[BIES][-_]/, '')] === 'PERSON' ? [i] : []));
  const infos = labelInfosOf(classifier);
  // A word's PERSON probability under the lower of the two thresholds counts as none.
  const threshold = Math.min(options.person?.extend ?? 0.1, options.person?.open ?? 0.35);
  const fromLogits = typeof classifier.classifyLogits === 'function';
  const batches = batchByLength(sequences.map((s) => s.ids.length), options.maxBatch ?? 32, options.maxBatchTokens ?? 8192);
  const runBatch = async (batch: number[]) => {
    const started = performance.now();
    const ids = batch.map((i) => sequences[i].ids);
    const types = classifier.caseTypes ? batch.map((i) => sequences[i].types!) : undefined;
    const scores = fromLogits ? await classifier.classifyLogits!(ids, types) : await classifier.classify(ids, types);
    if (stats) {
      stats.milliseconds = (stats.milliseconds ?? 0) + (performance.now() - started);
      stats.batches++;
      stats.sequences += batch.length;
      for (const i of batch) stats.tokens += sequences[i].ids.length;
    }
    batch.forEach((sequenceIndex, row) => {
      const sequence = sequences[sequenceIndex];
      const target = best[sequence.text];
      const rows = scores[row];
      const continuation = tokenized[sequence.text].continuation;
      // Whether the current word's first piece has an entity label: grouping reads a `##`
      // piece's probability only then. Unknown (true) for pieces whose first piece is in
      // another window.
      let wordTyped = true;
      for (let t = sequence.ownStart; t < sequence.ownEnd; t++) {
        const position = t - sequence.start + 1; // +1 for [CLS]
        if (fromLogits) {
          const first = !continuation[t];
          // A piece of a word labelled O: nothing of it is ever read (the arrays start at zero).
          if (!first && !wordTyped) continue;
          const typed = fromLogitRow(rows, position * labelCount, labelCount, personLabels, first, infos, threshold, target, t);
          if (first) wordTyped = typed;
          continue;
        }
        let arg = 0;
        for (let c = 1; c < labelCount; c++) if (rows[position * labelCount + c] > rows[position * labelCount + arg]) arg = c;
        target.label[t] = arg;
        target.probability[t] = rows[position * labelCount + arg];
        let person = 0;
        for (const c of personLabels) person += rows[position * labelCount + c];
        target.person[t] = person;
      }
    });
  };
  // A few batches in flight: each worker takes the next batch when its previous one is done.
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await runBatch(batches[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, batches.length)) }, worker));
  return tokenized.map((tokens, text) => {
    const scores = best[text];
    const grouped = plausiblePersonSpans(
      texts[text],
      joinAddressParts(
        texts[text],
        groupBioTokens(
          { count: tokens.ids.length, label: scores.label, probability: scores.probability, starts: tokens.starts, ends: tokens.ends, continuation: tokens.continuation },
          infos,
          'model',
          texts[text],
        ),
      ),
    );
    if (personLabels.length === 0) return grouped;
    let likely = false;
    for (let t = 0; t < tokens.ids.length && !likely; t++) likely = !tokens.continuation[t] && scores.person[t] >= threshold;
    if (!likely && !grouped.some((span) => span.type === 'PERSON')) return grouped;
    const firstPieces: Array<{ start: number; end: number; person: number }> = [];
    for (let t = 0; t < tokens.ids.length; t++) {
      if (!tokens.continuation[t]) firstPieces.push({ start: tokens.starts[t], end: tokens.ends[t], person: scores.person[t] });
      else if (firstPieces.length > 0) firstPieces[firstPieces.length - 1].end = tokens.ends[t];
    }
    return refinePersonSpans(texts[text], grouped, nameWords(texts[text], firstPieces), options.person);
  });
}

/**
 * One token's best label, its probability and the PERSON probability mass, from logits: the
 * numbers a softmax then a scan of the probabilities would give (float32 rounding included), for
 * what grouping and the PERSON steps read. A word's first piece labelled O needs neither its
 * probability (grouping never reads it) nor a PERSON mass under `threshold` (it counts as none):
 * when a bound on that mass from the PERSON logits alone is under the threshold, the softmax is
 * skipped, which is the case for most words. A `##` piece needs only its probability (the PERSON
 * steps read first pieces). Returns whether the best label is an entity.
 */
function fromLogitRow(
  logits: Float32Array,
  base: number,
  labelCount: number,
  personLabels: readonly number[],
  firstPiece: boolean,
  infos: readonly LabelInfo[],
  threshold: number,
  target: { label: Int16Array; probability: Float32Array; person: Float32Array },
  t: number,
): boolean {
  let arg = 0;
  for (let c = 1; c < labelCount; c++) if (logits[base + c] > logits[base + arg]) arg = c;
  const max = logits[base + arg];
  target.label[t] = arg;
  const typed = infos[arg]?.type !== undefined;
  if (firstPiece && !typed) {
    let bound = 0; // >= the PERSON mass, since the softmax's denominator is at least 1
    for (const c of personLabels) {
      const d = logits[base + c] - max;
      if (d >= -30) bound += Math.exp(d);
    }
    if (bound < threshold) {
      target.probability[t] = 0;
      target.person[t] = 0;
      return false;
    }
  }
  // As softmaxRows in server/pii/modelRuntime: a label 30 nats below the best counts as zero.
  // The PERSON labels' terms are kept from the sum, in label order, for the mass below.
  let sum = 0;
  let person0 = 0;
  let person1 = 0;
  for (let c = 0; c < labelCount; c++) {
    const d = logits[base + c] - max;
    if (d >= -30) {
      const e = Math.exp(d);
      sum += e;
      if (c === personLabels[0]) person0 = e;
      else if (c === personLabels[1]) person1 = e;
    }
  }
  target.probability[t] = 1 / sum;
  if (!firstPiece) return typed;
  let person = 0;
  if (personLabels.length <= 2) {
    if (personLabels.length > 0) person += Math.fround(Math.fround(person0) / sum);
    if (personLabels.length > 1) person += Math.fround(Math.fround(person1) / sum);
  } else {
    for (const c of personLabels) {
      const d = logits[base + c] - max;
      if (d >= -30) person += Math.fround(Math.fround(Math.exp(d)) / sum);
    }
  }
  target.person[t] = person;
  return typed;
}

/** Label roles per classifier, computed once (labels and mapping do not change). */
const INFOS = new WeakMap<ClassifierLike, LabelInfo[]>();

function labelInfosOf(classifier: ClassifierLike): LabelInfo[] {
  let infos = INFOS.get(classifier);
  if (!infos) {
    infos = labelInfos(classifier.labels, classifier.mapping);
    INFOS.set(classifier, infos);
  }
  return infos;
}

