"""The human-annotated corpora in training/data/ner/: readers, the one label mapping, the
WikiGold hold-out, and the development benchmark files the TypeScript bench reads.

The mapping itself is data (training/data/ner/labelMap.json, also read by bench/realTextBench.ts);
this module is the only code that applies it, so the trainer and the benchmark agree.

  /usr/bin/python3 training/realCorpora.py --stats           # records and spans per corpus and split
  /usr/bin/python3 training/realCorpora.py --write-bench     # rewrite training/data/ner/bench/
  /usr/bin/python3 training/realCorpora.py --check-bench     # exit 1 when bench/ is stale
  /usr/bin/python3 training/realCorpora.py --convert-meddocan DIR OUT.jsonl   # brat folder -> JSONL

Readers:
  * CoNLL: one token per line, the tag in the last column (space- or tab-separated; WNUT-17 and
    BTC use tabs, WikiGold 2 columns, SEC filings 4), sentences separated by blank or
    whitespace-only lines, `-DOCSTART-` lines separate documents. IOB1 and BIO are read by one
    rule: a span starts at `B-X`, or at `I-X` when the previous token is not inside an X span.
    A sentence's text is its tokens joined by single spaces; BTC writes a handle as two tokens
    (`@`, `NikoWavy`), which are glued back into one (`@NikoWavy`) taking the tag of the `@` when
    it has one, else the tag of the name (`glueAt` in labelMap.json).
  * spans JSONL (MEDDOCAN, converted from brat by `convert_meddocan`): one document a line,
    {id, text, spans: [{start, end, type, text}]}, `type` the corpus's own label, offsets in
    code points (Python string indices). The converter refuses text with characters outside the
    Basic Multilingual Plane, so these offsets are also JavaScript UTF-16 offsets (the current
    data holds none).

Every record: {id, corpus, text, spans: [{start, end, label, type, text}]}, `label` the corpus's
label, `type` the mapped one (a Cardwright type or 'O'). Offsets are Python string indices;
`--write-bench` writes UTF-16 offsets (equal unless a text holds non-BMP characters, e.g. emoji
in tweets).
"""
import argparse
import glob
import hashlib
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data', 'ner')
BENCH = os.path.join(DATA, 'bench')
LABEL_MAP_FILE = os.path.join(DATA, 'labelMap.json')


def load_label_map(path=LABEL_MAP_FILE):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


# ---------------------------------------------------------------- CoNLL

def read_conll(path, columns='space', glue_at=False):
    """Documents -> sentences -> (tokens, tags). `columns`: 'tab' or 'space'."""
    docs, sentences, tokens, tags = [], [], [], []

    def end_sentence():
        nonlocal tokens, tags
        if tokens:
            sentences.append(glue_handles(tokens, tags) if glue_at else (tokens, tags))
        tokens, tags = [], []

    def end_document():
        nonlocal sentences
        end_sentence()
        if sentences:
            docs.append(sentences)
        sentences = []

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip():
                end_sentence()
                continue
            cells = line.split('\t') if columns == 'tab' else line.split()
            if cells[0] == '-DOCSTART-':
                end_document()
                continue
            if len(cells) < 2:
                raise ValueError(f'{path}: no tag on line {line!r}')
            tokens.append(cells[0])
            tags.append(cells[-1].strip())
    end_document()
    return docs


def glue_handles(tokens, tags):
    """BTC writes `@name` as the tokens `@` and `name`: glue them, keeping the tag of `@` when it
    has one (it opens the span), else the tag of the name."""
    out_tokens, out_tags = [], []
    i = 0
    while i < len(tokens):
        if tokens[i] == '@' and i + 1 < len(tokens):
            out_tokens.append('@' + tokens[i + 1])
            out_tags.append(tags[i] if tags[i] != 'O' else tags[i + 1])
            i += 2
        else:
            out_tokens.append(tokens[i])
            out_tags.append(tags[i])
            i += 1
    return out_tokens, out_tags


def tag_spans(tags):
    """(first token, end token exclusive, label) for IOB1 and BIO tags alike."""
    spans = []
    current = None  # [start, label]
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition('-')
        if tag == 'O' or prefix not in ('B', 'I') or not label:
            if current:
                spans.append((current[0], i, current[1]))
            current = None
            continue
        if prefix == 'B' or current is None or current[1] != label:
            if current:
                spans.append((current[0], i, current[1]))
            current = [i, label]
    if current:
        spans.append((current[0], len(tags), current[1]))
    return spans


def sentence_record(tokens, tags):
    """Text (tokens joined by spaces), token character offsets and raw-label spans."""
    offsets, pos = [], 0
    for token in tokens:
        offsets.append((pos, pos + len(token)))
        pos += len(token) + 1
    text = ' '.join(tokens)
    spans = [{'start': offsets[a][0], 'end': offsets[b - 1][1], 'label': label} for a, b, label in tag_spans(tags)]
    return text, offsets, spans


# ---------------------------------------------------------------- MEDDOCAN (brat)

def read_brat(txt_path, ann_path):
    with open(txt_path, encoding='utf-8', newline='') as f:
        text = f.read()
    spans = []
    with open(ann_path, encoding='utf-8') as f:
        for line in f:
            if not line.startswith('T'):
                continue  # relations, notes: none in MEDDOCAN
            _, middle, surface = line.rstrip('\n').split('\t')
            label, start, end = middle.split(' ')  # a discontinuous span ("a b;c d") fails here
            start, end = int(start), int(end)
            if text[start:end] != surface:
                raise ValueError(f'{ann_path}: {label} {start} {end} is {text[start:end]!r}, not {surface!r}')
            spans.append({'start': start, 'end': end, 'type': label, 'text': surface})
    spans.sort(key=lambda s: (s['start'], s['end']))
    return text, spans


def convert_meddocan(folder, out_path):
    """Every `.txt` + `.ann` pair of a brat folder into one JSONL file, sorted by id."""
    rows = 0
    with open(out_path, 'w', encoding='utf-8', newline='\n') as out:
        for txt in sorted(glob.glob(os.path.join(folder, '*.txt'))):
            doc_id = os.path.splitext(os.path.basename(txt))[0]
            text, spans = read_brat(txt, txt[:-4] + '.ann')
            if any(ord(c) > 0xFFFF for c in text):
                raise ValueError(f'{txt}: characters outside the BMP; write UTF-16 offsets before using this file from JavaScript')
            out.write(json.dumps({'id': doc_id, 'text': text, 'spans': spans}, ensure_ascii=False, separators=(',', ':')) + '\n')
            rows += 1
    return rows


def read_spans_jsonl(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


# ---------------------------------------------------------------- mapping

def is_separator(gap):
    """Only whitespace (line breaks included) and punctuation between two address parts."""
    return all(c.isspace() or unicodedata.category(c).startswith('P') for c in gap)


def map_spans(text, spans, label_map):
    """Raw-label spans -> spans with `type` too, MEDDOCAN address parts merged into
    STREET_ADDRESS (labelMap.json `addressMerge`). Unknown labels raise."""
    labels = label_map['labels']
    heads = set(label_map['addressMerge']['heads'])
    parts = set(label_map['addressMerge']['parts'])
    spans = sorted(spans, key=lambda s: (s['start'], s['end']))
    for s in spans:
        if s['label'] not in labels:
            raise KeyError(f'label {s["label"]!r} is not in labelMap.json')
    out = []
    i = 0
    while i < len(spans):
        s = spans[i]
        if s['label'] not in heads and s['label'] not in parts:
            out.append(dict(s, type=labels[s['label']]))
            i += 1
            continue
        # a chain of address-like spans separated only by whitespace/punctuation
        j = i + 1
        while (j < len(spans) and (spans[j]['label'] in heads or spans[j]['label'] in parts)
               and spans[j]['start'] >= spans[j - 1]['end'] and is_separator(text[spans[j - 1]['end']:spans[j]['start']])):
            j += 1
        chain = spans[i:j]
        # parts before the first street stay places of their own ("Hospital X. Badalona. Ctra. ...")
        first = next((k for k, c in enumerate(chain) if c['label'] in heads), len(chain))
        out.extend(dict(c, type=labels[c['label']]) for c in chain[:first])
        if first < len(chain):
            head = chain[first]
            out.append({'start': head['start'], 'end': chain[-1]['end'], 'label': head['label'], 'type': labels[head['label']],
                        'parts': [c['label'] for c in chain[first:]]})
        i = j
    for s in out:
        s['text'] = text[s['start']:s['end']]
    return out


# ---------------------------------------------------------------- corpora and splits

def corpus_records(name, label_map=None):
    """Every record of one corpus entry of labelMap.json, mapped; WikiGold records carry `doc`."""
    label_map = label_map or load_label_map()
    entry = label_map['corpora'][name]
    path = os.path.join(DATA, entry['file'])
    if entry['format'] == 'conll':
        docs = read_conll(path, entry['columns'], entry.get('glueAt', False))
        for d, sentences in enumerate(docs):
            for k, (tokens, tags) in enumerate(sentences):
                text, offsets, spans = sentence_record(tokens, tags)
                yield {'id': f'{name}:{d}:{k}', 'corpus': name, 'doc': d, 'text': text, 'tokens': offsets,
                       'spans': map_spans(text, spans, label_map)}
    elif entry['format'] == 'spans':
        for row in read_spans_jsonl(path):
            spans = [{'start': s['start'], 'end': s['end'], 'label': s['type']} for s in row['spans']]
            yield {'id': f'{name}:{row["id"]}', 'corpus': name, 'text': row['text'], 'spans': map_spans(row['text'], spans, label_map)}
    else:
        raise ValueError(f'unknown format {entry["format"]!r}')


def is_wikigold_dev(doc, label_map):
    rule = label_map['wikigoldHoldout']
    return doc % rule['every'] == rule['remainder']


def split_records(split, label_map=None):
    """(split name, record) for the 'train' or the 'dev' side. Dev split names are those of the
    benchmark (labelMap.json `benchSplits`); WikiGold's hold-out is `wikigold-dev`."""
    label_map = label_map or load_label_map()
    for name, entry in label_map['corpora'].items():
        if entry['split'] == 'wikigold-holdout':
            for r in corpus_records(name, label_map):
                dev = is_wikigold_dev(r['doc'], label_map)
                if dev == (split == 'dev'):
                    yield (f'{name}-dev' if dev else name), r
        elif entry['split'] == split:
            for r in corpus_records(name, label_map):
                yield name, r


def training_records(label_map=None):
    """What the trainer reads: every record of the train side (never a dev split)."""
    for _, r in split_records('train', label_map):
        yield r


def pieces(text, spans, max_chars=600):
    """Cut a long text (a MEDDOCAN report: ~3,000 characters, far beyond the model's 128 tokens)
    into consecutive pieces of at most `max_chars` where possible: after a line break, else after
    a sentence end ('. '), else after a space, never inside a span. Yields (start, piece text,
    spans as (start, end, type) relative to the piece); the pieces put together are the text."""
    def safe(c):
        return all(not (a < c < b) for a, b, _ in spans)

    start = 0
    while start < len(text):
        if len(text) - start <= max_chars:
            end = len(text)
        else:
            limit = start + max_chars
            end = None
            for sep in ('\n', '. ', ' '):
                c = text.rfind(sep, start + 1, limit)
                while c >= 0 and not safe(c + len(sep)):
                    c = text.rfind(sep, start + 1, c)
                if c >= 0:
                    end = c + len(sep)
                    break
            if end is None:  # no safe cut before the limit: the first one after it
                end = next((c for c in range(limit, len(text)) if text[c - 1] in ' \n' and safe(c)), len(text))
        inside = [(a - start, b - start, t) for a, b, t in spans if a >= start and b <= end]
        yield start, text[start:end], inside
        start = end


def training_examples(types, max_chars=600, label_map=None):
    """(corpus, text, [(start, end, type)]) for the trainer: every training record, long ones cut
    into pieces, spans restricted to the model's `types` (others are O). Pieces holding only
    whitespace are skipped."""
    types = set(types)
    for r in training_records(label_map):
        spans = [(s['start'], s['end'], s['type']) for s in r['spans'] if s['type'] in types]
        for _, piece, inside in pieces(r['text'], spans, max_chars):
            if piece.strip():
                yield r['corpus'], piece, inside


# ---------------------------------------------------------------- benchmark files

def utf16_offsets(text):
    """Python index -> UTF-16 offset, for every index 0..len(text)."""
    table, pos = [], 0
    for c in text:
        table.append(pos)
        pos += 2 if ord(c) > 0xFFFF else 1
    table.append(pos)
    return table


def bench_row(r):
    u = utf16_offsets(r['text'])
    spans = [{'start': u[s['start']], 'end': u[s['end']], 'type': s['type'], 'label': s['label'], 'text': s['text']} for s in r['spans']]
    return {'id': r['id'], 'text': r['text'], 'spans': spans}


def sha256_of(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def bench_inputs(label_map):
    files = ['labelMap.json'] + sorted({e['file'] for e in label_map['corpora'].values()})
    return {f: sha256_of(os.path.join(DATA, f)) for f in files}


def bench_files(label_map=None):
    """{split name: JSONL text} for every benchmark split, plus manifest.json."""
    label_map = label_map or load_label_map()
    rows = {name: [] for name in label_map['benchSplits']}
    for name, r in split_records('dev', label_map):
        rows[name].append(json.dumps(bench_row(r), ensure_ascii=False, separators=(',', ':')))
    files = {f'{name}.jsonl': '\n'.join(lines) + '\n' for name, lines in rows.items()}
    manifest = {
        'about': 'Written by `python3 training/realCorpora.py --write-bench` from the files named here (sha256); do not edit.',
        'inputs': bench_inputs(label_map),
        'splits': {name: len(lines) for name, lines in rows.items()},
        'outputs': {f: hashlib.sha256(t.encode('utf-8')).hexdigest() for f, t in files.items()},
    }
    files['manifest.json'] = json.dumps(manifest, indent=2) + '\n'
    return files


def write_bench(folder=BENCH):
    os.makedirs(folder, exist_ok=True)
    files = bench_files()
    for name, text in files.items():
        with open(os.path.join(folder, name), 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)
    return files


def stale_bench_files(folder=BENCH):
    stale = []
    for name, text in bench_files().items():
        path = os.path.join(folder, name)
        if not os.path.exists(path) or open(path, encoding='utf-8', newline='').read() != text:
            stale.append(name)
    return stale


def stats(label_map=None):
    label_map = label_map or load_label_map()
    lines = []
    for split in ('train', 'dev'):
        per = {}
        for name, r in split_records(split, label_map):
            c = per.setdefault(name, {'records': 0, 'chars': 0})
            c['records'] += 1
            c['chars'] += len(r['text'])
            for s in r['spans']:
                c[s['type']] = c.get(s['type'], 0) + 1
        for name, c in per.items():
            lines.append(f'{split:5} {name:16} ' + ' '.join(f'{k}={v}' for k, v in c.items()))
    return '\n'.join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--write-bench', action='store_true')
    ap.add_argument('--check-bench', action='store_true')
    ap.add_argument('--convert-meddocan', nargs=2, metavar=('BRAT_DIR', 'OUT_JSONL'))
    args = ap.parse_args()
    if args.convert_meddocan:
        print(f'{convert_meddocan(*args.convert_meddocan)} documents -> {args.convert_meddocan[1]}')
    if args.write_bench:
        files = write_bench()
        print('wrote ' + ', '.join(f'{n} ({len(t.encode("utf-8"))} bytes)' for n, t in files.items()))
    if args.check_bench:
        stale = stale_bench_files()
        if stale:
            print('stale: ' + ', '.join(stale) + ' (run: python3 training/realCorpora.py --write-bench)')
            sys.exit(1)
        print('bench files are up to date')
    if args.stats:
        print(stats())


if __name__ == '__main__':
    main()
