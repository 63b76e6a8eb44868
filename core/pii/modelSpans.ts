/**
 * Runs a token classifier over many texts: tokenizes each (exact offsets), cuts long ones into
 * overlapping windows, batches windows by length, and groups each text's BIO labels into spans.
 * Pure: the classifier is injected (engine/pii/modelRuntime provides the real one).
 */
import { joinAddressParts } from './addressSpans';
import { groupBioTokens, LabelInfo, labelInfos, LabelMapping } from './bioGrouping';
import { dropLoneOpeners, nameWordsOfTokens, PersonRefinement, plausiblePersonSpans, refinePersonSpans, separateHandles } from './personSpanCheck';
import { PiiSpan } from './piiTypes';
import { batchByLength, TokenWindow, tokenWindows } from './tokenWindows';
import { caseTypes, Tokens, WordPieceTokenizer } from './wordPieceTokenizer';

export interface ClassifierLike {
  tokenizer: WordPieceTokenizer;
  labels: readonly string[];
  mapping: LabelMapping;
  maxTokens: number;
  /** The model reads capitalization as token type ids (see caseTypes). */
  caseTypes?: boolean;
  /** With caseTypes: the first-name lexicon whose words get types 2/3 (see caseTypes). */
  nameLexicon?: ReadonlySet<string>;
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

interface Sequence {
  text: number;
  start: number;
  end: number;
  ownStart: number;
  ownEnd: number;
  ids: number[];
  types?: Uint8Array;
}

interface BestLabels {
  label: Int16Array;
  probability: Float32Array;
  person: Float32Array;
}

/** What decoding a batch's output needs besides the output itself (fixed for one call). */
interface Decoding {
  sequences: readonly Sequence[];
  best: readonly BestLabels[];
  tokenized: readonly Tokens[];
  labelCount: number;
  personLabels: readonly number[];
  infos: readonly LabelInfo[];
  threshold: number;
  fromLogits: boolean;
  /** The tokenizer's [UNK] id and the longest word it reads (longer ones become one [UNK]). */
  unkId: number;
  longestWord: number;
}

// The steps below are loops and module-level functions, not callbacks or closures made per call:
// V8 optimizes a closure created on every call again and again (in a scan, seconds of CPU spent
// compiling the same callbacks), while a function declared once is compiled once.
export async function modelSpans(
  texts: readonly string[],
  classifier: ClassifierLike,
  options: ModelRunOptions = {},
  stats?: ModelRunStats,
): Promise<PiiSpan[][]> {
  const tokenized: Tokens[] = [];
  for (const text of texts) tokenized.push(classifier.tokenizer.tokenize(text));
  const sequences: Sequence[] = [];
  // Typed arrays are allocated once per call and handed out as views: a few per record, each
  // with its own off-heap buffer, are more work for V8 than one large one.
  let totalTokens = 0;
  for (const tokens of tokenized) totalTokens += tokens.ids.length;
  const windows: TokenWindow[][] = [];
  for (const tokens of tokenized) windows.push(tokens.ids.length === 0 ? [] : tokenWindows(tokens, classifier.maxTokens, options.overlap ?? 16));
  let typeSlots = 0;
  if (classifier.caseTypes) for (const list of windows) for (const window of list) typeSlots += window.end - window.start + 2;
  const typePool = classifier.caseTypes ? new Uint8Array(typeSlots) : undefined;
  const textTypes = classifier.caseTypes ? new Uint8Array(totalTokens) : undefined;
  let typeOffset = 0;
  let tokenOffset = 0;
  for (let text = 0; text < tokenized.length; text++) {
    const tokens = tokenized[text];
    if (tokens.ids.length === 0) continue;
    const types = textTypes ? caseTypes(texts[text], tokens, textTypes.subarray(tokenOffset, tokenOffset + tokens.ids.length), classifier.nameLexicon) : undefined;
    tokenOffset += tokens.ids.length;
    for (const window of windows[text]) {
      const ids = [classifier.tokenizer.clsId];
      for (let i = window.start; i < window.end; i++) ids.push(tokens.ids[i]);
      ids.push(classifier.tokenizer.sepId);
      let windowTypes: Uint8Array | undefined;
      if (types && typePool) {
        // [CLS] and [SEP] keep type 0.
        windowTypes = typePool.subarray(typeOffset, typeOffset + ids.length);
        windowTypes.set(types.subarray(window.start, window.end), 1);
        typeOffset += ids.length;
      }
      sequences.push({ text, start: window.start, end: window.end, ownStart: window.ownStart, ownEnd: window.ownEnd, ids, types: windowTypes });
    }
  }
  // Best label and its probability per token of each text.
  const labelPool = new Int16Array(totalTokens);
  const probabilityPool = new Float32Array(totalTokens);
  const personPool = new Float32Array(totalTokens);
  const best: BestLabels[] = [];
  let bestOffset = 0;
  for (const tokens of tokenized) {
    const from = bestOffset;
    bestOffset += tokens.ids.length;
    best.push({ label: labelPool.subarray(from, bestOffset), probability: probabilityPool.subarray(from, bestOffset), person: personPool.subarray(from, bestOffset) });
  }
  const decoding: Decoding = {
    sequences,
    best,
    tokenized,
    labelCount: classifier.labels.length,
    personLabels: personLabelsOf(classifier),
    infos: labelInfosOf(classifier),
    // A word's PERSON probability under the lower of the two thresholds counts as none.
    threshold: Math.min(options.person?.extend ?? 0.1, options.person?.open ?? 0.35),
    fromLogits: typeof classifier.classifyLogits === 'function',
    unkId: classifier.tokenizer.unkId,
    longestWord: classifier.tokenizer.config.maxInputCharsPerWord,
  };
  const lengths: number[] = [];
  for (const sequence of sequences) lengths.push(sequence.ids.length);
  const batches = batchByLength(lengths, options.maxBatch ?? 32, options.maxBatchTokens ?? 8192);
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 1, batches.length));
  if (concurrency === 1) {
    for (const batch of batches) await runBatch(batch, classifier, decoding, stats);
  } else {
    // A few batches in flight: each lane takes the next batch when its previous one is done.
    let next = 0;
    const lane = async () => {
      while (next < batches.length) await runBatch(batches[next++], classifier, decoding, stats);
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }
  const out: PiiSpan[][] = [];
  for (let text = 0; text < tokenized.length; text++) out.push(spansOfText(texts[text], tokenized[text], best[text], decoding, options.person));
  return out;
}

/** Runs the classifier on one batch of sequences and keeps each token's best label. */
async function runBatch(batch: readonly number[], classifier: ClassifierLike, decoding: Decoding, stats: ModelRunStats | undefined): Promise<void> {
  const { sequences } = decoding;
  // One microtask first: the caller's synchronous work after it started the model (detectBatch runs
  // the recognizers there) then happens before the clock starts, not inside the first batch's time.
  // onnxruntime-node runs a session on the next turn of the event loop, so that work used to be
  // counted as model time (the speed bench's "inside the model" read 85-89% where the model had about 81%).
  await Promise.resolve();
  const started = performance.now();
  const ids: number[][] = [];
  for (const i of batch) ids.push(sequences[i].ids);
  let types: Uint8Array[] | undefined;
  if (classifier.caseTypes) {
    types = [];
    for (const i of batch) types.push(sequences[i].types!);
  }
  const scores = decoding.fromLogits ? await classifier.classifyLogits!(ids, types) : await classifier.classify(ids, types);
  if (stats) {
    stats.milliseconds = (stats.milliseconds ?? 0) + (performance.now() - started);
    stats.batches++;
    stats.sequences += batch.length;
    for (const i of batch) stats.tokens += sequences[i].ids.length;
  }
  for (let row = 0; row < batch.length; row++) decodeSequence(sequences[batch[row]], scores[row], decoding);
}

/** The best label (and what grouping reads of its probabilities) of each token a sequence owns. */
function decodeSequence(sequence: Sequence, rows: Float32Array, decoding: Decoding): void {
  const { labelCount, personLabels, infos, threshold } = decoding;
  const target = decoding.best[sequence.text];
  const continuation = decoding.tokenized[sequence.text].continuation;
  // Whether the current word's first piece has an entity label: grouping reads a `##` piece's
  // probability only then. Unknown (true) for pieces whose first piece is in another window.
  let wordTyped = true;
  for (let t = sequence.ownStart; t < sequence.ownEnd; t++) {
    const position = t - sequence.start + 1; // +1 for [CLS]
    if (decoding.fromLogits) {
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
    const partner = decoding.infos[arg]?.partner ?? -1;
    target.probability[t] = partner < 0 ? rows[position * labelCount + arg] : rows[position * labelCount + arg] + rows[position * labelCount + partner];
    let person = 0;
    for (const c of personLabels) person += rows[position * labelCount + c];
    target.person[t] = person;
  }
}

/** One text's spans from its tokens' best labels: BIO grouping, addresses, then the PERSON steps. */
function spansOfText(text: string, tokens: Tokens, scores: BestLabels, decoding: Decoding, person: PersonRefinement | undefined): PiiSpan[] {
  return withoutUnreadWords(labelledSpans(text, tokens, scores, decoding, person), tokens, decoding);
}

/**
 * A word longer than the tokenizer reads (a run of 500 x's, a blob) reaches the model as one
 * [UNK]: it saw nothing of it, yet often calls it a name. A span holding such a word is dropped.
 */
function withoutUnreadWords(spans: PiiSpan[], tokens: Tokens, decoding: Decoding): PiiSpan[] {
  let unread: number[] | undefined; // start, end, start, end, ...
  for (let t = 0; t < tokens.ids.length; t++) {
    if (tokens.ids[t] === decoding.unkId && tokens.ends[t] - tokens.starts[t] > decoding.longestWord) (unread ??= []).push(tokens.starts[t], tokens.ends[t]);
  }
  if (!unread || spans.length === 0) return spans;
  const kept: PiiSpan[] = [];
  for (const span of spans) {
    let overlaps = false;
    for (let i = 0; i < unread.length && !overlaps; i += 2) overlaps = span.start < unread[i + 1] && unread[i] < span.end;
    if (!overlaps) kept.push(span);
  }
  return kept;
}

function labelledSpans(text: string, tokens: Tokens, scores: BestLabels, decoding: Decoding, person: PersonRefinement | undefined): PiiSpan[] {
  const grouped = plausiblePersonSpans(
    text,
    joinAddressParts(
      text,
      groupBioTokens(
        { count: tokens.ids.length, label: scores.label, probability: scores.probability, starts: tokens.starts, ends: tokens.ends, continuation: tokens.continuation },
        decoding.infos,
        'model',
        text,
      ),
    ),
  );
  if (decoding.personLabels.length === 0) return separateHandles(text, grouped);
  let likely = false;
  for (let t = 0; t < tokens.ids.length && !likely; t++) likely = !tokens.continuation[t] && scores.person[t] >= decoding.threshold;
  if (!likely) {
    let anyPerson = false;
    for (const span of grouped) if (span.type === 'PERSON') anyPerson = true;
    if (!anyPerson) return separateHandles(text, grouped);
  }
  const words = nameWordsOfTokens(text, tokens.ids.length, tokens.starts, tokens.ends, tokens.continuation, scores.person);
  return separateHandles(text, dropLoneOpeners(text, refinePersonSpans(text, grouped, words, person)));
}

/** Indexes of the labels that map to PERSON, per classifier (computed once). */
const PERSON_LABELS = new WeakMap<ClassifierLike, number[]>();

function personLabelsOf(classifier: ClassifierLike): number[] {
  let labels = PERSON_LABELS.get(classifier);
  if (!labels) {
    labels = [];
    for (let i = 0; i < classifier.labels.length; i++) {
      if (classifier.mapping[classifier.labels[i].replace(/^[BIES][-_]/, '')] === 'PERSON') labels.push(i);
    }
    PERSON_LABELS.set(classifier, labels);
  }
  return labels;
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
  // As softmaxRows in engine/pii/modelRuntime: a label 30 nats below the best counts as zero.
  // The PERSON labels' terms are kept from the sum, in label order, for the mass below.
  let sum = 0;
  let person0 = 0;
  let person1 = 0;
  const partner = infos[arg]?.partner ?? -1;
  let partnerTerm = 0;
  for (let c = 0; c < labelCount; c++) {
    const d = logits[base + c] - max;
    if (d >= -30) {
      const e = Math.exp(d);
      sum += e;
      if (c === personLabels[0]) person0 = e;
      else if (c === personLabels[1]) person1 = e;
      if (c === partner) partnerTerm = e;
    }
  }
  // The type's probability: the best label's and its B/I partner's (as the probabilities path adds them).
  target.probability[t] = partner < 0 ? 1 / sum : Math.fround(1 / sum) + Math.fround(Math.fround(partnerTerm) / sum);
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

