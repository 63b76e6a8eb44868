"""Builds labelled documents (text + character spans) and turns them into WordPiece token
ids with BIO labels."""
import random

import entityValues as E
import recordRender
import templateRender as R
import vocabWords
from lexicon.people import split_names

ENTITY_TYPES = ['PERSON', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'STREET_ADDRESS', 'CREDIT_CARD',
                'IBAN_CODE', 'US_SSN', 'IP_ADDRESS', 'DATE_OF_BIRTH', 'SECRET']
LABELS = ['O'] + [p + '-' + t for t in ENTITY_TYPES for p in ('B', 'I')]
LABEL_ID = {l: i for i, l in enumerate(LABELS)}


def name_pools():
    tf, tl, ef, el = split_names()
    return E.NamePool(tf, tl), E.NamePool(ef + tf, el + tl)


def _noise(rng, text, spans):
    """Light surface noise that keeps spans valid: leading/trailing whitespace, quoting."""
    r = rng.random()
    if r < 0.05:
        pre = rng.choice(['> ', '- ', '* ', '"', '  ', '\t', '1. ', '>> '])
        return pre + text, [(s + len(pre), e + len(pre), t) for s, e, t in spans]
    if r < 0.08:
        return text + rng.choice([' :)', ' !!', '...', ' thanks', ' 🙂', '\n']), spans
    return text, spans


def make_document(rng, families, pool, record_styles, p_record=0.2, p_multi=0.2, wrappers=None, grammar=None,
                  filler=None):
    if filler and rng.random() < 0.08:
        return ' '.join(vocabWords.filler_sentence(rng, filler) for _ in range(rng.randint(1, 3))), []
    if grammar and rng.random() < 0.22:
        families = {'grammar': [grammar(rng) for _ in range(4)]}
    text, spans = _make_document(rng, families, pool, record_styles, p_record, p_multi)
    if filler and rng.random() < 0.2:
        extra = vocabWords.filler_sentence(rng, filler)
        sep = rng.choice([' ', '\n', '  '])
        if rng.random() < 0.5:
            text = text + sep + extra
        else:
            shift = len(extra) + len(sep)
            text = extra + sep + text
            spans = [(s + shift, e + shift, t) for s, e, t in spans]
    if wrappers and rng.random() < 0.25:
        pre, post = rng.choice(wrappers[0]), rng.choice(wrappers[1])
        text = pre + text + post
        spans = [(s + len(pre), e + len(pre), t) for s, e, t in spans]
    return text, spans


def _make_document(rng, families, pool, record_styles, p_record, p_multi):
    ctx = R.Context(rng, pool)
    r = rng.random()
    if r < p_record:
        return rng.choice(record_styles)(rng, ctx)
    fam = rng.choice(sorted(families))
    if r < p_record + p_multi:
        n = rng.randint(2, 4)
        parts, spans, pos = [], [], 0
        for i in range(n):
            if i:
                sep = rng.choice([' ', '\n', '\n\n', ' ', '  '])
                parts.append(sep)
                pos += len(sep)
            f = fam if rng.random() < 0.7 else rng.choice(sorted(families))
            text, sp = R.render(rng.choice(families[f]), rng, ctx)
            parts.append(text)
            spans.extend((s + pos, e + pos, t) for s, e, t in sp)
            pos += len(text)
        return _noise(rng, ''.join(parts), spans)
    text, spans = R.render(rng.choice(families[fam]), rng, ctx)
    return _noise(rng, text, spans)


def token_labels(starts, ends, spans):
    """BIO label ids for tokens given their original offsets (-1 for specials)."""
    labels = []
    spans = sorted(spans)
    prev_span = None
    for s, e in zip(starts, ends):
        if s < 0:
            labels.append(-100)
            continue
        hit = None
        for k, (a, b, t) in enumerate(spans):
            if a <= s < b:
                hit = k
                break
        if hit is None:
            labels.append(0)
            prev_span = None
            continue
        t = spans[hit][2]
        labels.append(LABEL_ID[('I-' if prev_span == hit else 'B-') + t])
        prev_span = hit
    return labels


def encode_document(tok, text, spans, max_len, case=True):
    """Token ids, BIO label ids and token type ids (capitalization, see WordPieceTokenizer.case_types;
    all 0 when `case` is off), each with [CLS]/[SEP]."""
    ids, starts, ends = tok.encode(text, max_len=max_len)
    types = [0] + (tok.case_types(text)[:len(ids) - 2] if case else [0] * (len(ids) - 2)) + [0]
    return ids, token_labels(starts, ends, spans), types


def generate(seed, n, families, pool, record_styles, tok, max_len, p_no_case=0.1, **kw):
    """`p_no_case` of the documents get all-zero token types, so that the model still works when a
    runtime passes none (the plain transformers.js pipeline does)."""
    rng = random.Random(seed)
    case_rng = random.Random(seed + 1)
    out = []
    for _ in range(n):
        text, spans = make_document(rng, families, pool, record_styles, **kw)
        out.append(encode_document(tok, text, spans, max_len, case=case_rng.random() >= p_no_case))
    return out
