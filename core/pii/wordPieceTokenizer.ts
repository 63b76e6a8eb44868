/**
 * BERT WordPiece tokenization with exact character offsets. It reproduces what transformers.js
 * builds from a `tokenizer.json` with a BertNormalizer, BertPreTokenizer and WordPiece model
 * (the same steps the training code uses), but normalizes one original character at a time so
 * every token knows the UTF-16 range [start, end) of the original text it came from:
 *   clean text (drop NUL, U+FFFD, control and format characters; whitespace becomes a space),
 *   pad BMP CJK ideographs with spaces, lowercase, NFD and drop non-spacing marks,
 *   split on whitespace and punctuation, then greedy longest-match WordPiece with `##` pieces and
 *   [UNK] for a word that cannot be spelled (or has more than 100 characters).
 * The only intended difference from whole-string normalization: a final capital sigma lowercases
 * to σ, as in the Python tokenizer the model was trained with.
 */

export interface WordPieceConfig {
  vocab: ReadonlyMap<string, number>;
  lowercase: boolean;
  stripAccents: boolean;
  cleanText: boolean;
  handleChineseChars: boolean;
  unkToken: string;
  clsToken: string;
  sepToken: string;
  padToken: string;
  continuingSubwordPrefix: string;
  maxInputCharsPerWord: number;
}

export interface Tokens {
  ids: number[];
  /** UTF-16 offsets of each token in the original text. */
  starts: number[];
  ends: number[];
  /** True for `##` pieces that continue the previous token's word. */
  continuation: boolean[];
}

export interface WordPieceTokenizer {
  readonly config: WordPieceConfig;
  readonly clsId: number;
  readonly sepId: number;
  readonly padId: number;
  readonly unkId: number;
  tokenize(text: string): Tokens;
}

/** Reads the parts of a transformers `tokenizer.json` this tokenizer supports. */
export function wordPieceConfigFromJson(tokenizerJson: unknown): WordPieceConfig | { error: string } {
  const json = tokenizerJson as {
    model?: { type?: string; vocab?: Record<string, number>; unk_token?: string; continuing_subword_prefix?: string; max_input_chars_per_word?: number };
    normalizer?: { type?: string; lowercase?: boolean; strip_accents?: boolean | null; clean_text?: boolean; handle_chinese_chars?: boolean };
    pre_tokenizer?: { type?: string };
  };
  if (json?.model?.type !== 'WordPiece' || !json.model.vocab) return { error: 'the tokenizer is not a WordPiece tokenizer' };
  if (json.normalizer?.type !== 'BertNormalizer') return { error: 'the tokenizer has no BertNormalizer' };
  if (json.pre_tokenizer && json.pre_tokenizer.type !== 'BertPreTokenizer') return { error: 'the tokenizer has no BertPreTokenizer' };
  const lowercase = json.normalizer.lowercase ?? true;
  const strip = json.normalizer.strip_accents;
  return {
    vocab: new Map(Object.entries(json.model.vocab)),
    lowercase,
    // transformers: accents are stripped when lowercasing unless strip_accents is false, or when it is true.
    stripAccents: lowercase ? strip !== false : strip === true,
    cleanText: json.normalizer.clean_text ?? true,
    handleChineseChars: json.normalizer.handle_chinese_chars ?? true,
    unkToken: json.model.unk_token ?? '[UNK]',
    clsToken: '[CLS]',
    sepToken: '[SEP]',
    padToken: '[PAD]',
    continuingSubwordPrefix: json.model.continuing_subword_prefix ?? '##',
    maxInputCharsPerWord: json.model.max_input_chars_per_word ?? 100,
  };
}

const PUNCTUATION = /^[\p{P}\u0021-\u002F\u003A-\u0040\u005B-\u005E\u0060\u007B-\u007E_]$/u;
const CONTROL = /^[\p{Cc}\p{Cf}\p{Co}\p{Cs}]$/u;
const WHITESPACE = /^\s$/;
const MARK = /\p{Mn}/gu;

/** Scratch entries kept between calls; more is given back after the call that needed it. */
const SCRATCH_KEPT = 1 << 16;

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

interface Piece {
  id: number;
  /** Index range of the word's characters. */
  from: number;
  to: number;
}

export function createWordPieceTokenizer(config: WordPieceConfig): WordPieceTokenizer {
  const reader = new WordPieceReader(config);
  return {
    config,
    clsId: config.vocab.get(config.clsToken) ?? 101,
    sepId: config.vocab.get(config.sepToken) ?? 102,
    padId: config.vocab.get(config.padToken) ?? 0,
    unkId: reader.unkId,
    tokenize: (text) => reader.tokenize(text),
  };
}

/**
 * The tokenizer's state and steps. Its steps are methods, not closures made per call: V8
 * optimizes a closure created on every call again and again (a scan spent seconds of CPU
 * compiling the same helpers), while a method is compiled once.
 */
class WordPieceReader {
  readonly unkId: number;
  private readonly cache = new Map<string, Piece[]>();
  // Scratch space for the word being read, reused across calls (tokenize is synchronous): the
  // tokenizer runs on every row of a scan, so it allocates little besides its output.
  private capacity = 256;
  private origins = new Int32Array(256); // original start offset of each word character
  private originEnds = new Int32Array(256);
  private sizes = new Uint8Array(256); // UTF-16 length of each normalized character
  // The output is written here first and copied once at its final size: arrays grown by push
  // reallocate a few times on the way (that was half of what tokenizing a record allocated).
  private readonly ids: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly continuation: boolean[] = [];
  private written = 0;
  // The word being read.
  private text = '';
  private word = '';
  private count = 0;
  // A word of ASCII letters and digits read in one run is sliced from the text when it ends,
  // rather than built a character at a time; `simple` says the current word is one.
  private simple = false;
  private wordFrom = 0;

  constructor(private readonly config: WordPieceConfig) {
    this.unkId = config.vocab.get(config.unkToken) ?? 0;
  }

  tokenize(text: string): Tokens {
    const config = this.config;
    this.text = text;
    this.written = 0;
    this.word = '';
    this.count = 0;
    this.simple = false;
    this.wordFrom = 0;
    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      // ASCII fast path.
      if (code < 128) {
        // Tab, LF, CR and space separate words; other C0 controls (VT and FF too) are dropped.
        if (code === 32 || code === 9 || code === 10 || code === 13) this.endWord();
        else if (code < 32 || code === 127) {
          if (!config.cleanText) this.addChar(text[i], i, i + 1);
        } else if (isAsciiPunctuation(code)) this.addPunctuation(text[i], i, i + 1);
        else this.addAscii(i);
        i++;
        continue;
      }
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + width);
      const start = i;
      i += width;
      if (config.cleanText && (cp === 0xfffd || CONTROL.test(ch))) continue;
      if (WHITESPACE.test(ch)) {
        this.endWord();
        continue;
      }
      if (config.handleChineseChars && isCjk(code)) {
        this.addPunctuation(ch, start, i);
        continue;
      }
      let normalized = config.lowercase ? ch.toLowerCase() : ch;
      if (config.stripAccents) normalized = normalized.normalize('NFD').replace(MARK, '');
      for (const n of normalized) {
        if (WHITESPACE.test(n)) this.endWord();
        else if (PUNCTUATION.test(n)) this.addPunctuation(n, start, i);
        else this.addChar(n, start, i);
      }
    }
    this.endWord();
    this.text = '';
    const n = this.written;
    const tokens = { ids: this.ids.slice(0, n), starts: this.starts.slice(0, n), ends: this.ends.slice(0, n), continuation: this.continuation.slice(0, n) };
    // After an unusually long word or text (a huge JSON key, a blob), give the scratch space back.
    if (this.capacity > SCRATCH_KEPT) {
      this.capacity = 256;
      this.origins = new Int32Array(256);
      this.originEnds = new Int32Array(256);
      this.sizes = new Uint8Array(256);
    }
    if (n > SCRATCH_KEPT) for (const list of [this.ids, this.starts, this.ends, this.continuation]) list.length = 0;
    return tokens;
  }

  private lower(value: string): string {
    return this.config.lowercase ? value.toLowerCase() : value;
  }

  private materialize(): void {
    this.word = this.lower(this.text.slice(this.wordFrom, this.originEnds[this.count - 1]));
    this.simple = false;
  }

  private endWord(): void {
    if (this.count === 0) return;
    if (this.simple) this.materialize();
    const pieces = this.wordPieces(this.word, this.count);
    for (let p = 0; p < pieces.length; p++) {
      const w = this.written;
      this.ids[w] = pieces[p].id;
      this.starts[w] = this.origins[pieces[p].from];
      this.ends[w] = this.originEnds[pieces[p].to - 1];
      this.continuation[w] = p > 0;
      this.written = w + 1;
    }
    this.word = '';
    this.count = 0;
  }

  private reserve(): void {
    if (this.count < this.capacity) return;
    this.capacity *= 2;
    const origins = new Int32Array(this.capacity);
    origins.set(this.origins);
    this.origins = origins;
    const originEnds = new Int32Array(this.capacity);
    originEnds.set(this.originEnds);
    this.originEnds = originEnds;
    const sizes = new Uint8Array(this.capacity);
    sizes.set(this.sizes);
    this.sizes = sizes;
  }

  private addAscii(at: number): void {
    this.reserve();
    if (this.count === 0) {
      this.simple = true;
      this.wordFrom = at;
    } else if (this.simple && this.originEnds[this.count - 1] !== at) this.materialize();
    if (!this.simple) this.word += this.lower(this.text[at]);
    const c = this.count;
    this.origins[c] = at;
    this.originEnds[c] = at + 1;
    this.sizes[c] = 1;
    this.count = c + 1;
  }

  private addChar(ch: string, start: number, end: number): void {
    this.reserve();
    if (this.simple && this.count > 0) this.materialize();
    this.simple = false;
    this.word += ch;
    const c = this.count;
    this.origins[c] = start;
    this.originEnds[c] = end;
    this.sizes[c] = ch.length;
    this.count = c + 1;
  }

  private addPunctuation(ch: string, start: number, end: number): void {
    this.endWord();
    this.addChar(ch, start, end);
    this.endWord();
  }

  /** WordPiece of one normalized word of `count` characters (their UTF-16 lengths are in `sizes`). */
  private wordPieces(word: string, count: number): Piece[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const config = this.config;
    // Character c of the word starts at code unit at[c].
    const at = new Int32Array(count + 1);
    for (let c = 0; c < count; c++) at[c + 1] = at[c] + this.sizes[c];
    let pieces: Piece[] = [];
    if (count > config.maxInputCharsPerWord) {
      pieces = [{ id: this.unkId, from: 0, to: count }];
    } else {
      let start = 0;
      while (start < count) {
        let end = count;
        let found: number | undefined;
        while (start < end) {
          const sub = word.slice(at[start], at[end]);
          found = config.vocab.get(start > 0 ? config.continuingSubwordPrefix + sub : sub);
          if (found !== undefined) break;
          end--;
        }
        if (found === undefined) {
          pieces = [{ id: this.unkId, from: 0, to: count }];
          break;
        }
        pieces.push({ id: found, from: start, to: end });
        start = end;
      }
    }
    // An over-long word (a base64 blob, a minified line) is one [UNK] and rarely seen twice, and a
    // word with a digit is mostly an id, a number or a code, rarely seen twice either: not kept.
    // Kept, they filled the cache with entries read once (a CSV of numbered rows adds a few per
    // row), and V8's collector walked them again at every full collection.
    if (count > config.maxInputCharsPerWord || hasDigit(word)) return pieces;
    if (this.cache.size > 200000) this.cache.clear();
    this.cache.set(word, pieces);
    return pieces;
  }
}

/**
 * Capitalization as token type ids, for models trained with it (config.json
 * `cardwright_case_token_types`): 1 for every token of a word whose first character is an
 * uppercase letter (Unicode Lu), else 0. A lowercasing vocabulary cannot see capitals; this gives
 * them back to the model without changing its inputs' shape. Same rule as training/wordpiece.py.
 *
 * With a first-name lexicon (config `cardwright_name_lexicon`, words as the tokenizer normalizes
 * them: lowercase, accents stripped), + 2 for every token of a word in it: types 0-3.
 */
export function caseTypes(text: string, tokens: Tokens, into?: Uint8Array, lexicon?: ReadonlySet<string>): Uint8Array {
  // `into`: where to write them (as many entries as tokens), instead of a new array.
  const types = into ?? new Uint8Array(tokens.ids.length);
  const count = tokens.ids.length;
  for (let t = 0; t < count; t++) {
    if (tokens.continuation[t]) {
      types[t] = t > 0 ? types[t - 1] : 0;
      continue;
    }
    const code = text.codePointAt(tokens.starts[t]);
    let type: number;
    if (code === undefined) type = 0;
    else if (code < 128) type = code >= 65 && code <= 90 ? 1 : 0;
    else type = UPPERCASE.test(String.fromCodePoint(code)) ? 1 : 0;
    // Only words that start with a letter can be names (ASCII digits and punctuation skip the lookup).
    if (lexicon && code !== undefined && (code >= 128 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))) {
      let end = tokens.ends[t];
      for (let u = t + 1; u < count && tokens.continuation[u]; u++) end = tokens.ends[u];
      // Two letters at least; no name is longer than 64 characters (an [UNK] blob can be).
      const length = end - tokens.starts[t];
      if (length >= 2 && length <= 64 && lexicon.has(normalizedWord(text.slice(tokens.starts[t], end)))) type += 2;
    }
    types[t] = type;
  }
  return types;
}

/** A word as BERT's uncased normalizer reads it: lowercase, accents (combining marks) stripped. */
function normalizedWord(word: string): string {
  const lower = word.toLowerCase();
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{Mn}/gu, '');
}

const UPPERCASE = /^\p{Lu}$/u;
