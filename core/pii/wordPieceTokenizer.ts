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
  const idOf = (token: string) => config.vocab.get(token);
  const unkId = idOf(config.unkToken) ?? 0;
  const cache = new Map<string, Piece[]>();

  /** WordPiece of one normalized word; `sizes` holds the UTF-16 length of each of its `count` characters. */
  const wordPieces = (word: string, count: number, sizes: Uint8Array): Piece[] => {
    const cached = cache.get(word);
    if (cached) return cached;
    // Character c of the word starts at code unit at[c].
    const at = new Int32Array(count + 1);
    for (let c = 0; c < count; c++) at[c + 1] = at[c] + sizes[c];
    let pieces: Piece[] = [];
    if (count > config.maxInputCharsPerWord) {
      pieces = [{ id: unkId, from: 0, to: count }];
    } else {
      let start = 0;
      while (start < count) {
        let end = count;
        let found: number | undefined;
        while (start < end) {
          const sub = word.slice(at[start], at[end]);
          found = idOf(start > 0 ? config.continuingSubwordPrefix + sub : sub);
          if (found !== undefined) break;
          end--;
        }
        if (found === undefined) {
          pieces = [{ id: unkId, from: 0, to: count }];
          break;
        }
        pieces.push({ id: found, from: start, to: end });
        start = end;
      }
    }
    // An over-long word (a base64 blob, a minified line) is one [UNK] and rarely seen twice: not kept.
    if (count > config.maxInputCharsPerWord) return pieces;
    if (cache.size > 200000) cache.clear();
    cache.set(word, pieces);
    return pieces;
  };

  // Scratch space for the word being read, reused across calls (tokenize is synchronous): the
  // tokenizer runs on every row of a scan, so it allocates little besides its output.
  let capacity = 256;
  let origins = new Int32Array(capacity); // original start offset of each word character
  let originEnds = new Int32Array(capacity);
  let sizes = new Uint8Array(capacity); // UTF-16 length of each normalized character

  const tokenize = (text: string): Tokens => {
    const out: Tokens = { ids: [], starts: [], ends: [], continuation: [] };
    let word = '';
    let count = 0;
    // A word of ASCII letters and digits read in one run is sliced from the text when it ends,
    // rather than built a character at a time; `simple` says the current word is one.
    let simple = false;
    let wordFrom = 0;
    const lower = (value: string) => (config.lowercase ? value.toLowerCase() : value);
    const materialize = () => {
      word = lower(text.slice(wordFrom, originEnds[count - 1]));
      simple = false;
    };
    const endWord = () => {
      if (count === 0) return;
      if (simple) materialize();
      const pieces = wordPieces(word, count, sizes);
      for (let p = 0; p < pieces.length; p++) {
        out.ids.push(pieces[p].id);
        out.starts.push(origins[pieces[p].from]);
        out.ends.push(originEnds[pieces[p].to - 1]);
        out.continuation.push(p > 0);
      }
      word = '';
      count = 0;
    };
    const reserve = () => {
      if (count === capacity) {
        capacity *= 2;
        const grow = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
          to.set(from);
          return to;
        };
        origins = grow(origins, new Int32Array(capacity));
        originEnds = grow(originEnds, new Int32Array(capacity));
        sizes = grow(sizes, new Uint8Array(capacity));
      }
    };
    const addAscii = (at: number) => {
      reserve();
      if (count === 0) {
        simple = true;
        wordFrom = at;
      } else if (simple && originEnds[count - 1] !== at) materialize();
      if (!simple) word += lower(text[at]);
      origins[count] = at;
      originEnds[count] = at + 1;
      sizes[count] = 1;
      count++;
    };
    const addChar = (ch: string, start: number, end: number) => {
      reserve();
      if (simple && count > 0) materialize();
      simple = false;
      word += ch;
      origins[count] = start;
      originEnds[count] = end;
      sizes[count] = ch.length;
      count++;
    };
    const addPunctuation = (ch: string, start: number, end: number) => {
      endWord();
      addChar(ch, start, end);
      endWord();
    };

    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      // ASCII fast path.
      if (code < 128) {
        // Tab, LF, CR and space separate words; other C0 controls (VT and FF too) are dropped.
        if (code === 32 || code === 9 || code === 10 || code === 13) endWord();
        else if (code < 32 || code === 127) {
          if (!config.cleanText) addChar(text[i], i, i + 1);
        } else if (isAsciiPunctuation(code)) addPunctuation(text[i], i, i + 1);
        else addAscii(i);
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
        endWord();
        continue;
      }
      if (config.handleChineseChars && isCjk(code)) {
        addPunctuation(ch, start, i);
        continue;
      }
      let normalized = config.lowercase ? ch.toLowerCase() : ch;
      if (config.stripAccents) normalized = normalized.normalize('NFD').replace(MARK, '');
      for (const n of normalized) {
        if (WHITESPACE.test(n)) endWord();
        else if (PUNCTUATION.test(n)) addPunctuation(n, start, i);
        else addChar(n, start, i);
      }
    }
    endWord();
    return out;
  };

  return {
    config,
    clsId: idOf(config.clsToken) ?? 101,
    sepId: idOf(config.sepToken) ?? 102,
    padId: idOf(config.padToken) ?? 0,
    unkId,
    tokenize,
  };
}

/**
 * Capitalization as token type ids, for models trained with it (config.json
 * `cardwright_case_token_types`): 1 for every token of a word whose first character is an
 * uppercase letter (Unicode Lu), else 0. A lowercasing vocabulary cannot see capitals; this gives
 * them back to the model without changing its inputs' shape. Same rule as training/wordpiece.py.
 */
export function caseTypes(text: string, tokens: Tokens): Uint8Array {
  const types = new Uint8Array(tokens.ids.length);
  for (let t = 0; t < types.length; t++) {
    if (tokens.continuation[t]) {
      types[t] = t > 0 ? types[t - 1] : 0;
      continue;
    }
    const code = text.codePointAt(tokens.starts[t]);
    if (code === undefined) types[t] = 0;
    else if (code < 128) types[t] = code >= 65 && code <= 90 ? 1 : 0;
    else types[t] = UPPERCASE.test(String.fromCodePoint(code)) ? 1 : 0;
  }
  return types;
}

const UPPERCASE = /^\p{Lu}$/u;
