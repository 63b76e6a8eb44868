"""Ordinary words for filler text, taken from the WordPiece vocabulary itself (whole-word
entries of letters only), minus every name in lexicon/people.py.

Why: the model is trained from scratch, so a word that never occurs in the corpus keeps a
random embedding, and random embeddings look like the rare and invented names the corpus
teaches as PERSON. Filler sentences of vocabulary words labelled O give most of the
vocabulary a trained, non-PII embedding; context still decides for names."""
import re
import unicodedata

from bertVocab import load_vocab
from lexicon import people


def _fold(s):
    s = unicodedata.normalize('NFD', s.lower())
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn')


def filler_words():
    names = set()
    for firsts, lasts in people.NAMES.values():
        for w in re.split(r"[\s\-']+", firsts + ' ' + lasts):
            if w:
                names.add(_fold(w))
    out = []
    for piece in load_vocab()[1996:]:
        if piece.startswith('##') or not re.fullmatch(r'[a-z]{2,}', piece):
            continue
        if piece in names:
            continue
        out.append(piece)
    return out


FUNCTION_WORDS = ('the a an of to in on for with and or but at by from as is was are were be has had '
                  'this that these those it its their our your we they he she i you not no very more '
                  'most some any each every all also only then than so because if when while').split()


def filler_sentence(rng, words):
    n = rng.randint(4, 18)
    toks = []
    for _ in range(n):
        toks.append(rng.choice(FUNCTION_WORDS) if rng.random() < 0.35 else rng.choice(words))
    s = ' '.join(toks)
    s = s[0].upper() + s[1:]
    return s + rng.choice(['.', '.', '.', '!', '?', '', ';', ','])
