"""Quick Python-side development benchmark for a torch model: raw model output (strict BIO
grouping, no clean-ups, no recognizers, no fusion) on the held-out dev files in
training/data/ner/bench/, scored like bench/realTextScoring.ts: same type and at least half of
the union's characters shared, one-to-one; "as PERSON": a PERSON prediction shares a character
with a gold ORGANIZATION/LOCATION/PRODUCT span. MEDDOCAN reports are cut into pieces of at most
300 characters at line breaks/sentence ends/spaces (realCorpora.pieces, without looking at the
gold spans), like a reader would cut a long text.

  /usr/bin/python3 training/evalReal.py training/work/real/model.pt  (config from stats.json beside it)
"""
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import realCorpora  # noqa: E402

SPLITS = ['wikigold-dev', 'wnut17-dev', 'btc-dev', 'meddocan-dev']
CONTRAST = ('ORGANIZATION', 'LOCATION', 'PRODUCT')


def load_split(name, limit=None):
    """Bench rows with offsets converted from UTF-16 back to Python string indices."""
    rows = []
    with open(os.path.join(realCorpora.BENCH, name + '.jsonl'), encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            u = realCorpora.utf16_offsets(r['text'])
            back = {v: i for i, v in enumerate(u)}
            r['spans'] = [(back[s['start']], back[s['end']], s['type']) for s in r['spans']]
            rows.append(r)
            if limit and len(rows) >= limit:
                break
    return rows


def tags_to_spans(tags, starts, ends):
    spans, cur = [], None
    for t, s, e in zip(tags, starts, ends):
        if s < 0 or t == 'O':
            cur = None
            continue
        p, typ = t.split('-', 1)
        if p == 'I' and cur is not None and spans[cur][2] == typ:
            spans[cur][1] = e
        else:
            spans.append([s, e, typ])
            cur = len(spans) - 1
    return [tuple(x) for x in spans]


def predict(model, tok, labels, texts, max_len=256, batch=32):
    enc = [tok.encode(t, max_len=max_len) for t in texts]
    kinds = [[0] + tok.case_types(t)[:len(e[0]) - 2] + [0] for t, e in zip(texts, enc)]
    order = sorted(range(len(texts)), key=lambda i: len(enc[i][0]))
    out = [None] * len(texts)
    with torch.no_grad():
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            L = max(len(enc[i][0]) for i in idx)
            ids = torch.zeros(len(idx), L, dtype=torch.long)
            mask = torch.zeros(len(idx), L, dtype=torch.long)
            types = torch.zeros(len(idx), L, dtype=torch.long)
            for r, i in enumerate(idx):
                x = enc[i][0]
                ids[r, :len(x)] = torch.tensor(x)
                mask[r, :len(x)] = 1
                types[r, :len(x)] = torch.tensor(kinds[i])
            pred = model(ids, mask, types).argmax(-1)
            for r, i in enumerate(idx):
                x, s, e = enc[i]
                out[i] = tags_to_spans([labels[j] for j in pred[r, :len(x)].tolist()], s, e)
    return out


def match(gold, pred):
    """One-to-one matches with overlap >= 0.5 of the union (greedy by overlap)."""
    cands = []
    for gi, (a, b, _) in enumerate(gold):
        for pi, (c, d, _) in enumerate(pred):
            inter = min(b, d) - max(a, c)
            if inter > 0 and inter >= 0.5 * (max(b, d) - min(a, c)):
                cands.append((-inter, gi, pi))
    used_g, used_p, n = set(), set(), 0
    for _, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            n += 1
    return n


def evaluate(model, tok, labels, splits=SPLITS, limit=None):
    model.eval()
    report = {}
    for split in splits:
        rows = load_split(split, limit)
        texts, owner = [], []
        for ri, r in enumerate(rows):
            if len(r['text']) > 300:
                for start, piece, _ in realCorpora.pieces(r['text'], [], 300):
                    texts.append(piece)
                    owner.append((ri, start))
            else:
                texts.append(r['text'])
                owner.append((ri, 0))
        preds = [[] for _ in rows]
        for (ri, start), sp in zip(owner, predict(model, tok, labels, texts)):
            preds[ri].extend((s + start, e + start, t) for s, e, t in sp)
        rep = {}
        for typ in ('PERSON', 'ORGANIZATION', 'LOCATION', 'STREET_ADDRESS', 'PHONE_NUMBER', 'EMAIL_ADDRESS'):
            tp = ng = npred = 0
            for r, p in zip(rows, preds):
                g = [s for s in r['spans'] if s[2] == typ]
                q = [s for s in p if s[2] == typ]
                tp += match(g, q)
                ng += len(g)
                npred += len(q)
            if ng == 0:
                continue
            P = tp / npred if npred else 0.0
            Rc = tp / ng
            rep[typ] = {'p': round(P, 3), 'r': round(Rc, 3), 'f1': round(2 * P * Rc / (P + Rc), 3) if P + Rc else 0.0,
                        'gold': ng, 'pred': npred}
        hit = tot = 0
        for r, p in zip(rows, preds):
            per = [s for s in p if s[2] == 'PERSON']
            for a, b, t in r['spans']:
                if t in CONTRAST:
                    tot += 1
                    hit += any(min(b, d) > max(a, c) for c, d, _ in per)
        rep['contrast_as_person'] = round(hit / tot, 3) if tot else None
        report[split] = rep
    return report


def summary(report):
    parts = []
    for split, rep in report.items():
        per = rep.get('PERSON')
        s = '%s PER %s' % (split.replace('-dev', ''), '%.2f/%.2f/%.2f' % (per['p'], per['r'], per['f1']) if per else '-')
        if rep.get('contrast_as_person') is not None:
            s += ' c->P %.0f%%' % (100 * rep['contrast_as_person'])
        if 'STREET_ADDRESS' in rep:
            s += ' ADDR %.2f' % rep['STREET_ADDRESS']['f1']
        parts.append(s)
    return ' | '.join(parts)


def main():
    from model import BertForTokenClassification
    from wordpiece import WordPieceTokenizer
    path = sys.argv[1]
    with open(os.path.join(os.path.dirname(path), 'stats.json')) as f:
        st = json.load(f)
    torch.set_num_threads(1)
    model = BertForTokenClassification(st['config'], len(st['labels']))
    model.load_state_dict(torch.load(path))
    rep = evaluate(model, WordPieceTokenizer(), st['labels'])
    print(json.dumps(rep, indent=1))
    print(summary(rep))


if __name__ == '__main__':
    main()
