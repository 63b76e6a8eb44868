/**
 * The ML runtime: the only module that imports `@huggingface/transformers` (lazily, so that
 * nothing loads onnxruntime until a scan needs the model). It loads a transformers.js token
 * classification model from a local folder (remote models off) and runs it on token ids from
 * Cardwright's own WordPiece tokenizer (core/pii/wordPieceTokenizer), which knows every token's
 * exact offsets in the original text. Results are plain arrays; no tensor leaves this module.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LabelMapping, labelMappingFor } from '../../core/pii/bioGrouping';
import { caseTypes, createWordPieceTokenizer, wordPieceConfigFromJson, WordPieceTokenizer } from '../../core/pii/wordPieceTokenizer';

export interface ModelOptions {
  /** A model folder (config.json, tokenizer.json, onnx/...), or a Hub id when `allowRemote` is set. */
  model: string;
  /** `q8` reads onnx/model_quantized.onnx, `fp32` onnx/model.onnx. */
  dtype?: 'q8' | 'fp32';
  /** Model label (after B-/I-) to Cardwright type, for models not trained on Cardwright's names. */
  labelMapping?: Readonly<Record<string, string | null>>;
  /** Threads onnxruntime may use inside one inference (default: 1). */
  intraOpThreads?: number;
  /** Allow downloading a Hub id (off by default: scans are offline). */
  allowRemote?: boolean;
  /** Where Hub ids are fetched from (default: `$HF_ENDPOINT`, else the Hugging Face Hub): a mirror. */
  remoteHost?: string;
  /** Where downloaded Hub files are cached (default: `$XDG_CACHE_HOME/cardwright/hub` or `~/.cache/cardwright/hub`). */
  cacheDir?: string;
}

export interface TokenClassifier {
  readonly tokenizer: WordPieceTokenizer;
  /** id2label, by id. */
  readonly labels: readonly string[];
  readonly mapping: LabelMapping;
  /** Tokens per sequence including [CLS] and [SEP]. */
  readonly maxTokens: number;
  readonly name: string;
  /** What it was loaded from: detection workers load their own copy with the same options. */
  readonly source: ModelOptions;
  /** The model was trained with capitalization as token type ids (config `cardwright_case_token_types`). */
  readonly caseTypes: boolean;
  /** Its first-name lexicon (config `cardwright_name_lexicon`, a file in the model folder): token types 2/3. */
  readonly nameLexicon?: ReadonlySet<string>;
  /**
   * Label probabilities per token: for each sequence, `length x labels` numbers, row-major.
   * `types`: token type ids per sequence (zeros when absent).
   */
  classify(sequences: readonly (readonly number[])[], types?: readonly ArrayLike<number>[]): Promise<Float32Array[]>;
  /** The same layout with the raw logits (modelSpans computes only the probabilities it reads). */
  classifyLogits(sequences: readonly (readonly number[])[], types?: readonly ArrayLike<number>[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

export class ModelLoadError extends Error {}

/** A Hugging Face Hub model id: `org/name`. */
export const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/** The few parts of transformers.js this module uses (its types are ESM-only, this is CommonJS). */
interface Transformers {
  env: { localModelPath: string; allowRemoteModels: boolean; allowLocalModels: boolean; remoteHost: string; cacheDir: string | null };
  AutoModelForTokenClassification: { from_pretrained(id: string, options: object): Promise<unknown> };
  AutoTokenizer: { from_pretrained(id: string, options?: object): Promise<unknown> };
  Tensor: new (type: 'int64', data: BigInt64Array, dims: number[]) => unknown;
}
let runtime: Promise<Transformers> | undefined;

function loadRuntime(): Promise<Transformers> {
  runtime ??= import('@huggingface/transformers').then((module) => module as unknown as Transformers);
  return runtime;
}

/** A transformers.js task pipeline: called with a text (or a list) and options, answers plain data. */
export type TaskPipeline = ((input: string | string[], options?: Record<string, unknown>) => Promise<unknown>) & { dispose?: () => Promise<unknown> };

/**
 * A transformers.js pipeline on a local model folder, offline (engine/cardModel runs the card's own
 * model through it). The runtime is imported here, on first use, like the PII model's.
 */
export function loadLocalPipeline(task: string, folder: string, dtype: 'q8' | 'fp32', intraOpThreads = 1): Promise<TaskPipeline> {
  return oneLoadAtATime(() => loadLocalPipelineNow(task, folder, dtype, intraOpThreads));
}

async function loadLocalPipelineNow(task: string, folder: string, dtype: 'q8' | 'fp32', intraOpThreads: number): Promise<TaskPipeline> {
  const transformers = (await loadRuntime()) as Transformers & { pipeline(task: string, model: string, options: object): Promise<TaskPipeline> };
  const { env } = transformers;
  env.localModelPath = path.dirname(path.resolve(folder)) + path.sep;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  return transformers.pipeline(task, path.basename(path.resolve(folder)), {
    dtype,
    local_files_only: true,
    session_options: { intraOpNumThreads: intraOpThreads, interOpNumThreads: 1 },
  });
}

/** A model's first-name lexicon: one normalized word a line, in the model folder. */
function readNameLexicon(folder: string, file: string): Set<string> {
  if (!SAFE_FILE.test(file)) throw new ModelLoadError(`${folder}: cardwright_name_lexicon must name a file inside the model folder, not ${JSON.stringify(file)}`);
  let text: string;
  try {
    text = fs.readFileSync(path.join(folder, file), 'utf8');
  } catch (error) {
    throw new ModelLoadError(`${folder}: cannot read its name lexicon ${file} (${(error as Error).message})`);
  }
  return lexiconWords(text);
}

/** A relative file name without `..`, `\\` or a leading `/`. */
const SAFE_FILE = /^(?!.*(?:^|\/)\.\.(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/;

/** The lexicon of a Hub model: next to its config in the cache, else downloaded like its other files. */
async function hubNameLexicon(env: { remoteHost: string; cacheDir: string | null }, modelId: string, file: string): Promise<Set<string>> {
  if (!SAFE_FILE.test(file)) throw new ModelLoadError(`${modelId}: cardwright_name_lexicon must name a file of the model, not ${JSON.stringify(file)}`);
  const cached = env.cacheDir ? path.join(env.cacheDir, ...modelId.split('/'), ...file.split('/')) : undefined;
  if (cached && fs.existsSync(cached)) return lexiconWords(fs.readFileSync(cached, 'utf8'));
  const url = `${env.remoteHost}${modelId}/resolve/main/${file}`;
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    throw new ModelLoadError(`${modelId}: its name lexicon could not be downloaded from ${url} (${(error as Error).message})`);
  }
  if (cached) {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(cached, text);
  }
  return lexiconWords(text);
}

function lexiconWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (word) words.add(word);
  }
  return words;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ModelLoadError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * transformers.js reads its global `env` (local model path, remote switch) while it loads: loads
 * in this thread run one at a time, so that the PII model and a card's own model never mix paths.
 */
let loadQueue: Promise<unknown> = Promise.resolve();
function oneLoadAtATime<T>(load: () => Promise<T>): Promise<T> {
  const next = loadQueue.then(load, load);
  loadQueue = next.catch(() => undefined);
  return next;
}

export function loadTokenClassifier(options: ModelOptions): Promise<TokenClassifier> {
  return oneLoadAtATime(() => loadTokenClassifierNow(options));
}

async function loadTokenClassifierNow(options: ModelOptions): Promise<TokenClassifier> {
  const dtype = options.dtype ?? 'q8';
  const isFolder = fs.existsSync(options.model) && fs.statSync(options.model).isDirectory();
  if (!isFolder && !options.allowRemote) {
    throw new ModelLoadError(`model folder not found: ${options.model}`);
  }
  const transformers = await loadRuntime();
  const { env, AutoModelForTokenClassification, AutoTokenizer } = transformers;
  let modelId = options.model;
  if (isFolder) {
    const folder = path.resolve(options.model);
    const onnxFile = path.join(folder, 'onnx', dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx');
    if (!fs.existsSync(onnxFile)) throw new ModelLoadError(`the model has no ${path.relative(folder, onnxFile)}`);
    env.localModelPath = path.dirname(folder) + path.sep;
    modelId = path.basename(folder);
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
  } else {
    env.allowRemoteModels = true;
    const host = options.remoteHost ?? process.env.HF_ENDPOINT;
    if (host) env.remoteHost = host.endsWith('/') ? host : `${host}/`;
    // Not transformers.js's default (next to the bundle, inside the installed extension or CLI,
    // which may be read-only and is replaced on update): the user's cache folder.
    env.cacheDir = options.cacheDir ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cardwright', 'hub');
  }

  let tokenizerJson: unknown;
  let config: {
    id2label?: Record<string, string>;
    max_position_embeddings?: number;
    cardwright_case_token_types?: boolean;
    cardwright_max_tokens?: number;
    cardwright_name_lexicon?: string;
  };
  if (isFolder) {
    tokenizerJson = readJson(path.join(options.model, 'tokenizer.json'));
    config = readJson(path.join(options.model, 'config.json')) as typeof config;
  } else {
    // A Hub model: let transformers fetch the files, then read them from its tokenizer/config.
    let hubTokenizer: { _tokenizerJSON?: unknown; tokenizer_json?: unknown };
    try {
      hubTokenizer = (await AutoTokenizer.from_pretrained(modelId)) as unknown as typeof hubTokenizer;
    } catch (error) {
      throw new ModelLoadError(`${modelId} is not a local folder, and it could not be downloaded from ${env.remoteHost} (${(error as Error).message})`);
    }
    tokenizerJson = hubTokenizer._tokenizerJSON ?? hubTokenizer.tokenizer_json;
    config = {};
  }
  const wordPiece = wordPieceConfigFromJson(tokenizerJson);
  if ('error' in wordPiece) throw new ModelLoadError(`${options.model}: ${wordPiece.error} (only BERT WordPiece tokenizers are supported)`);

  const model = await AutoModelForTokenClassification.from_pretrained(modelId, {
    dtype,
    local_files_only: isFolder,
    session_options: { intraOpNumThreads: options.intraOpThreads ?? 1, interOpNumThreads: 1 },
  });
  const modelConfig = (model as unknown as { config: typeof config }).config ?? config;
  const id2label = modelConfig.id2label ?? config.id2label ?? {};
  const usesCaseTypes = modelConfig.cardwright_case_token_types === true || config.cardwright_case_token_types === true;
  const lexiconFile = modelConfig.cardwright_name_lexicon ?? config.cardwright_name_lexicon;
  let nameLexicon: Set<string> | undefined;
  if (usesCaseTypes && typeof lexiconFile === 'string') {
    nameLexicon = isFolder ? readNameLexicon(options.model, lexiconFile) : await hubNameLexicon(env, modelId, lexiconFile);
  }
  const labels: string[] = [];
  for (const [id, label] of Object.entries(id2label)) labels[Number(id)] = label;
  if (labels.length === 0) throw new ModelLoadError(`${options.model}: config.json has no id2label`);
  const maxPositions = modelConfig.max_position_embeddings ?? config.max_position_embeddings ?? 512;
  // The longest sequence the model was trained on (Cardwright's models: 128 tokens). Positions
  // beyond it were never trained: a name at token 200 of a 256-token window was missed.
  const trained = modelConfig.cardwright_max_tokens ?? config.cardwright_max_tokens;
  const trainedTokens = typeof trained === 'number' && Number.isInteger(trained) && trained >= 16 ? trained : 256;
  const tokenizer = createWordPieceTokenizer(wordPiece);
  const { Tensor } = transformers;
  const direct = directSession(model);

  /** Logits for a batch: the model's output buffer, `width` tokens per sequence. */
  const run = async (sequences: readonly (readonly number[])[], typeIds?: readonly ArrayLike<number>[]): Promise<{ data: Float32Array; width: number; labelCount: number }> => {
    const width = Math.max(...sequences.map((s) => s.length));
    const batch = sequences.length;
    const ids = new BigInt64Array(batch * width);
    const mask = new BigInt64Array(batch * width);
    const types = new BigInt64Array(batch * width);
    // Written through 32-bit views (the low word of each int64; values are small and non-negative):
    // a BigInt per element costs more than the model's own input handling.
    const ids32 = new Int32Array(ids.buffer);
    const mask32 = new Int32Array(mask.buffer);
    const types32 = new Int32Array(types.buffer);
    const low = LITTLE_ENDIAN ? 0 : 1;
    sequences.forEach((sequence, row) => {
      const base = row * width * 2 + low;
      for (let i = 0; i < width; i++) {
        ids32[base + 2 * i] = i < sequence.length ? sequence[i] : tokenizer.padId;
        if (i < sequence.length) mask32[base + 2 * i] = 1;
      }
      const rowTypes = typeIds?.[row];
      if (rowTypes) for (let i = 0; i < Math.min(rowTypes.length, sequence.length); i++) types32[base + 2 * i] = rowTypes[i];
    });
    const inputs = {
      input_ids: new Tensor('int64', ids, [batch, width]),
      attention_mask: new Tensor('int64', mask, [batch, width]),
      token_type_ids: new Tensor('int64', types, [batch, width]),
    };
    let output: { data: Float32Array; dims: readonly number[] };
    if (direct) {
      // Straight to the onnxruntime session transformers.js created: its per-call input checks
      // and output wrapping cost about 5% of a small model's run.
      const feeds: Record<string, unknown> = {};
      for (const name of direct.inputNames) feeds[name] = (inputs[name as keyof typeof inputs] as unknown as { ort_tensor: unknown }).ort_tensor;
      output = (await direct.run(feeds))[direct.outputName] as typeof output;
    } else {
      output = (await (model as unknown as (inputs: Record<string, unknown>) => Promise<{ logits: typeof output }>)(inputs)).logits;
    }
    return { data: output.data, width, labelCount: output.dims[2] };
  };
  const classifyLogits = async (sequences: readonly (readonly number[])[], typeIds?: readonly ArrayLike<number>[]): Promise<Float32Array[]> => {
    if (sequences.length === 0) return [];
    const { data, width, labelCount } = await run(sequences, typeIds);
    return sequences.map((sequence, row) => data.subarray(row * width * labelCount, (row * width + sequence.length) * labelCount));
  };
  const classify = async (sequences: readonly (readonly number[])[], typeIds?: readonly ArrayLike<number>[]): Promise<Float32Array[]> => {
    if (sequences.length === 0) return [];
    const { data, width, labelCount } = await run(sequences, typeIds);
    // In place: the logits are this call's own buffer; each sequence gets a view of its rows.
    return sequences.map((sequence, row) => softmaxRows(data, row * width * labelCount, sequence.length, labelCount));
  };

  return {
    tokenizer,
    labels,
    mapping: labelMappingFor(labels, options.labelMapping),
    maxTokens: Math.min(256, maxPositions, trainedTokens),
    name: isFolder ? path.basename(path.resolve(options.model)) : options.model,
    source: { ...options, model: isFolder ? path.resolve(options.model) : options.model },
    caseTypes: usesCaseTypes,
    nameLexicon,
    classify,
    classifyLogits,
    async dispose() {
      await (model as unknown as { dispose?: () => Promise<unknown> }).dispose?.();
    },
  };
}

interface DirectSession {
  inputNames: readonly string[];
  outputName: string;
  run(feeds: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/**
 * The model's onnxruntime session, when it takes only the three BERT inputs (the usual case) and
 * its tensors expose the onnxruntime tensor (transformers.js 3 and 4): classify then calls it
 * directly. Anything else goes through the model's forward().
 */
function directSession(model: unknown): DirectSession | undefined {
  const session = (model as { sessions?: { model?: { inputNames?: string[]; outputNames?: string[]; run?: unknown } } }).sessions?.model;
  if (!session || typeof session.run !== 'function' || !Array.isArray(session.inputNames) || !Array.isArray(session.outputNames)) return undefined;
  const known = new Set(['input_ids', 'attention_mask', 'token_type_ids']);
  if (!session.inputNames.every((name) => known.has(name)) || !session.outputNames.includes('logits')) return undefined;
  return {
    inputNames: session.inputNames,
    outputName: 'logits',
    run: (feeds) => (session.run as (feeds: Record<string, unknown>) => Promise<Record<string, unknown>>).call(session, feeds),
  };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function softmaxRows(logits: Float32Array, offset: number, rows: number, columns: number): Float32Array {
  const out = logits.subarray(offset, offset + rows * columns);
  for (let r = 0; r < rows; r++) {
    const base = r * columns;
    let max = -Infinity;
    for (let c = 0; c < columns; c++) if (out[base + c] > max) max = out[base + c];
    let sum = 0;
    for (let c = 0; c < columns; c++) {
      // A label 30 nats below the best has a probability under 1e-13: zero, without the exp.
      const d = out[base + c] - max;
      const e = d < -30 ? 0 : Math.exp(d);
      out[base + c] = e;
      sum += e;
    }
    for (let c = 0; c < columns; c++) out[base + c] /= sum;
  }
  return out;
}

/** transformers.js's own tokenizer for a model folder: used by tests to check ours against it. */
export async function loadReferenceTokenizer(folder: string): Promise<(text: string) => number[]> {
  const { env, AutoTokenizer } = await loadRuntime();
  env.allowRemoteModels = false;
  env.localModelPath = path.dirname(path.resolve(folder)) + path.sep;
  const tokenizer = await AutoTokenizer.from_pretrained(path.basename(path.resolve(folder)));
  return (text: string) => {
    const encoded = (tokenizer as unknown as (t: string, o: object) => { input_ids: { data: ArrayLike<bigint | number> } })(text, { add_special_tokens: false });
    return Array.from(encoded.input_ids.data, Number);
  };
}

/** A bare onnxruntime session on a model file, for the speed bench (no transformers.js in between). */
export interface RawSession {
  run(sequences: readonly (readonly number[])[]): Promise<number>;
  release(): Promise<void>;
}

interface OrtModule {
  InferenceSession: { create(path: string, options: object): Promise<{ run(feeds: Record<string, unknown>): Promise<Record<string, unknown>>; release(): Promise<void> }> };
  Tensor: new (type: 'int64', data: BigInt64Array, dims: number[]) => unknown;
}

export async function createRawSession(onnxFile: string, intraOpThreads = 1): Promise<RawSession> {
  const ort = (await import('onnxruntime-node')) as unknown as OrtModule;
  const session = await ort.InferenceSession.create(onnxFile, { intraOpNumThreads: intraOpThreads, interOpNumThreads: 1 });
  return {
    async run(sequences) {
      const width = Math.max(...sequences.map((s) => s.length));
      const batch = sequences.length;
      const ids = new BigInt64Array(batch * width);
      const mask = new BigInt64Array(batch * width);
      sequences.forEach((sequence, row) => {
        for (let i = 0; i < sequence.length; i++) {
          ids[row * width + i] = BigInt(sequence[i]);
          mask[row * width + i] = 1n;
        }
      });
      await session.run({
        input_ids: new ort.Tensor('int64', ids, [batch, width]),
        attention_mask: new ort.Tensor('int64', mask, [batch, width]),
        token_type_ids: new ort.Tensor('int64', new BigInt64Array(batch * width), [batch, width]),
      });
      return batch * width;
    },
    release: () => session.release(),
  };
}

/** The best label of each token in the first window of `text`, with its probability and offsets. */
export async function firstWindowTokenLabels(model: TokenClassifier, text: string): Promise<Array<{ start: number; end: number; label: string; score: number }>> {
  const tokens = model.tokenizer.tokenize(text);
  const count = Math.min(tokens.ids.length, model.maxTokens - 2);
  if (count === 0) return [];
  // A model trained with capitalization as token types (Cardwright's PII model) gets them here too.
  const types = model.caseTypes ? [[0, ...caseTypes(text, tokens, undefined, model.nameLexicon).subarray(0, count), 0]] : undefined;
  const [rows] = await model.classify([[model.tokenizer.clsId, ...tokens.ids.slice(0, count), model.tokenizer.sepId]], types);
  const labels = model.labels.length;
  const out: Array<{ start: number; end: number; label: string; score: number }> = [];
  for (let t = 0; t < count; t++) {
    const row = (t + 1) * labels;
    let best = 0;
    for (let c = 1; c < labels; c++) if (rows[row + c] > rows[row + best]) best = c;
    out.push({ start: tokens.starts[t], end: tokens.ends[t], label: model.labels[best], score: rows[row + best] });
  }
  return out;
}
