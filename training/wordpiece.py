"""A BERT (uncased) tokenizer that reproduces, token for token, what transformers.js builds
from our tokenizer.json: BertNormalizer(clean_text, handle_chinese_chars, lowercase,
strip_accents) -> BertPreTokenizer -> WordPiece("##", max 100 chars, [UNK]).

It follows the JavaScript implementation (@huggingface/tokenizers) where it differs from
the Python one, because the runtime is JavaScript:
  * whitespace is JavaScript's `\\s`; control characters are Cc/Cf/Co/Cs except \\t \\n \\r;
  * CJK padding looks at UTF-16 code units, so only BMP ideographs are split;
  * punctuation is Unicode category P* plus the ASCII symbol ranges.

Every token carries the [start, end) offsets of the original characters it came from
(Python str indices), which is how character spans become token labels.
"""
import unicodedata

from bertVocab import load_vocab

_JS_WHITESPACE = set('\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') | {
    chr(c) for c in range(0x2000, 0x200B)}


def _is_control(ch):
    if ch in '\t\n\r':
        return False
    return unicodedata.category(ch) in ('Cc', 'Cf', 'Co', 'Cs')


def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF)


def _is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith('P')


def normalize_char(ch):
    """What BertNormalizer turns one original character into ('' when dropped)."""
    cp = ord(ch)
    if cp == 0 or cp == 0xFFFD or _is_control(ch):
        return ''
    if ch in _JS_WHITESPACE:
        return ' '
    if _is_cjk(cp):
        return ' ' + ch + ' '
    s = ch.lower()
    s = unicodedata.normalize('NFD', s)
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn')


def _final_sigma(text, i):
    """JavaScript's toLowerCase() writes a word-final capital sigma as 'ς'."""
    before = i > 0 and text[i - 1].isalpha()
    after = i + 1 < len(text) and text[i + 1].isalpha()
    return '\u03c2' if before and not after else '\u03c3'


class WordPieceTokenizer:
    # Whole words appended to bert-base-uncased's vocabulary (ids 30522 on), or empty: set by
    # trainReal.py --extra-vocab, so that every tokenizer of the run uses the same vocabulary.
    extra_vocab = ()

    @classmethod
    def use_extra_vocab(cls, path):
        """Every tokenizer made after this appends the words of `path` (one a line; words the base
        vocabulary has are skipped) to bert-base-uncased's vocabulary. Returns the vocabulary size."""
        base = load_vocab()
        have = set(base)
        with open(path, encoding='utf-8') as f:
            cls.extra_vocab = tuple(w for w in (line.strip() for line in f) if w and w not in have)
        return len(base) + len(cls.extra_vocab)

    def __init__(self, vocab=None, max_chars=100):
        self.vocab = vocab or (load_vocab() + list(self.extra_vocab))
        self.ids = {t: i for i, t in enumerate(self.vocab)}
        self.unk_id = self.ids['[UNK]']
        self.cls_id = self.ids['[CLS]']
        self.sep_id = self.ids['[SEP]']
        self.pad_id = self.ids['[PAD]']
        self.max_chars = max_chars
        self._cache = {}

    def words(self, text):
        """Pre-tokenized words as (normalized word, start, end) in original offsets."""
        out = []
        cur = []  # list of (char, origin index)
        for i, ch in enumerate(text):
            norm = _final_sigma(text, i) if ch == '\u03a3' else normalize_char(ch)
            for c in norm:
                if c == ' ' or c in _JS_WHITESPACE:
                    if cur:
                        out.append(cur)
                        cur = []
                elif _is_punct(c):
                    if cur:
                        out.append(cur)
                        cur = []
                    out.append([(c, i)])
                else:
                    cur.append((c, i))
        if cur:
            out.append(cur)
        return [(''.join(c for c, _ in w), w[0][1], w[-1][1] + 1) for w in out]

    def _wordpiece(self, word):
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        chars = list(word)
        if len(chars) > self.max_chars:
            res = [(self.unk_id, 0, len(chars))]
        else:
            res = []
            start = 0
            while start < len(chars):
                end = len(chars)
                found = None
                while start < end:
                    sub = ''.join(chars[start:end])
                    if start > 0:
                        sub = '##' + sub
                    tid = self.ids.get(sub)
                    if tid is not None:
                        found = tid
                        break
                    end -= 1
                if found is None:
                    res = [(self.unk_id, 0, len(chars))]
                    break
                res.append((found, start, end))
                start = end
        if len(self._cache) < 500000:
            self._cache[word] = res
        return res

    def tokenize(self, text):
        """Token ids (no specials) with original [start, end) character offsets."""
        ids, starts, ends = [], [], []
        for word, ws, we in self.words(text):
            pieces = self._wordpiece(word)
            if len(pieces) == 1:
                ids.append(pieces[0][0]); starts.append(ws); ends.append(we)
                continue
            # Offsets of pieces inside a word: map piece char positions back through the
            # word's characters. Normalization may expand one char into several, so keep
            # it conservative: pieces share the word's span proportionally by origin.
            origins = self._origins(text, ws, we)
            for tid, ps, pe in pieces:
                ids.append(tid)
                starts.append(origins[ps] if ps < len(origins) else ws)
                ends.append((origins[pe - 1] + 1) if pe - 1 < len(origins) else we)
        return ids, starts, ends

    def _origins(self, text, ws, we):
        orig = []
        for i in range(ws, we):
            for c in (_final_sigma(text, i) if text[i] == '\u03a3' else normalize_char(text[i])):
                if c != ' ':
                    orig.append(i)
        return orig

    # Words of the first-name lexicon (nameLexicon.mjs), or None: set by trainReal.py --name-lexicon
    # for every tokenizer of the process (the evaluations make their own).
    lexicon = None

    def case_types(self, text, case=True, drop=None):
        """Token type id per token (no specials): 1 when the token's word starts with an
        uppercase letter (Unicode category Lu), else 0. The model reads capitalization through
        BERT's token_type_ids, since its lowercasing vocabulary cannot see it; Cardwright's
        runtime (core/pii/modelSpans.ts) computes the same ids. With a lexicon, + 2 when the
        normalized word is a known first name (types 0-3). `case=False` leaves capitalization out
        (as if the text were lowercase); `drop()` true hides a lexicon word (training only)."""
        types = []
        lexicon = self.lexicon
        for word, ws, we in self.words(text):
            t = 1 if case and unicodedata.category(text[ws]) == 'Lu' else 0
            if lexicon is not None and word in lexicon and not (drop and drop()):
                t += 2
            types.extend([t] * len(self._wordpiece(word)))
        return types

    def encode(self, text, max_len=None):
        ids, starts, ends = self.tokenize(text)
        if max_len is not None:
            ids, starts, ends = ids[:max_len - 2], starts[:max_len - 2], ends[:max_len - 2]
        return [self.cls_id] + ids + [self.sep_id], [-1] + starts + [-1], [-1] + ends + [-1]
