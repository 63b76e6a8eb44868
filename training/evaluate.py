"""Span-level evaluation on test/fixtures/pii-eval/eval.jsonl.

Predicted token tags are grouped into entities (B starts one; I continues the previous
token's entity of the same type, otherwise starts one), mapped to character spans through
the tokenizer offsets, and compared with the gold spans per type:
  exact   -- same type and same [start, end)
  overlap -- same type and overlapping characters (each gold/pred matched at most once)
"""
import json

import torch

import corpus
from wordpiece import WordPieceTokenizer


def load(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]


def tags_to_spans(tags, starts, ends, merge_same_type=False):
    """merge_same_type: a B- right after a token of the same type continues the entity
    (the lenient grouping; strict BIO otherwise)."""
    spans, cur = [], None
    for tag, s, e in zip(tags, starts, ends):
        if s < 0 or tag == 'O':
            if cur:
                spans.append(cur)
            cur = None
            continue
        bio, typ = tag.split('-', 1)
        if (bio == 'I' or merge_same_type) and cur and cur[2] == typ:
            cur = (cur[0], e, typ)
        else:
            if cur:
                spans.append(cur)
            cur = (s, e, typ)
    if cur:
        spans.append(cur)
    return spans


def predict_torch(model, records, max_len=512, batch=32):
    tok = WordPieceTokenizer()
    out = []
    enc = [tok.encode(r['text'], max_len=max_len) for r in records]
    kinds = [[0] + tok.case_types(r['text'])[:len(e[0]) - 2] + [0] for r, e in zip(records, enc)]
    with torch.no_grad():
        for i in range(0, len(enc), batch):
            chunk = enc[i:i + batch]
            L = max(len(c[0]) for c in chunk)
            ids = torch.zeros(len(chunk), L, dtype=torch.long)
            mask = torch.zeros(len(chunk), L, dtype=torch.long)
            types = torch.zeros(len(chunk), L, dtype=torch.long)
            for r, (x, _, _) in enumerate(chunk):
                ids[r, :len(x)] = torch.tensor(x)
                mask[r, :len(x)] = 1
                types[r, :len(x)] = torch.tensor(kinds[i + r])
            pred = model(ids, mask, types).argmax(-1)
            for r, (x, s, e) in enumerate(chunk):
                tags = [corpus.LABELS[j] for j in pred[r, :len(x)].tolist()]
                out.append(tags_to_spans(tags, s, e))
    return out


def score(records, predictions):
    types = corpus.ENTITY_TYPES
    c = {t: {'tp_exact': 0, 'tp_overlap_pred': 0, 'tp_overlap_gold': 0, 'pred': 0, 'gold': 0} for t in types}
    for rec, pred in zip(records, predictions):
        gold = [(g['start'], g['end'], g['type']) for g in rec['spans']]
        for t in types:
            gs = [g for g in gold if g[2] == t]
            ps = [p for p in pred if p[2] == t]
            c[t]['gold'] += len(gs)
            c[t]['pred'] += len(ps)
            c[t]['tp_exact'] += len(set((a, b) for a, b, _ in gs) & set((a, b) for a, b, _ in ps))
            c[t]['tp_overlap_pred'] += sum(1 for p in ps if any(p[0] < g[1] and g[0] < p[1] for g in gs))
            c[t]['tp_overlap_gold'] += sum(1 for g in gs if any(p[0] < g[1] and g[0] < p[1] for p in ps))

    def prf(tp_p, tp_g, np_, ng):
        p = tp_p / np_ if np_ else 0.0
        r = tp_g / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {'precision': round(p, 4), 'recall': round(r, 4), 'f1': round(f, 4)}

    report = {'per_type': {}, 'counts': c}
    for t in types:
        x = c[t]
        report['per_type'][t] = {
            'exact': prf(x['tp_exact'], x['tp_exact'], x['pred'], x['gold']),
            'overlap': prf(x['tp_overlap_pred'], x['tp_overlap_gold'], x['pred'], x['gold']),
            'support': x['gold']}
    tot = {k: sum(c[t][k] for t in types) for k in c[types[0]]}
    report['micro'] = {
        'exact': prf(tot['tp_exact'], tot['tp_exact'], tot['pred'], tot['gold']),
        'overlap': prf(tot['tp_overlap_pred'], tot['tp_overlap_gold'], tot['pred'], tot['gold'])}
    return report


def predict_from_tags(records, tags_path, max_len=512, merge_same_type=False):
    """Predictions from per-token label ids written by verifyRuntime.mjs (int8 ONNX)."""
    tok = WordPieceTokenizer()
    with open(tags_path) as f:
        all_tags = [json.loads(l) for l in f if l.strip()]
    out = []
    for rec, ids in zip(records, all_tags):
        _, s, e = tok.encode(rec['text'], max_len=max_len)
        out.append(tags_to_spans([corpus.LABELS[j] for j in ids], s, e, merge_same_type))
    return out


def evaluate_torch(model, path):
    records = load(path)
    model.eval()
    return score(records, predict_torch(model, records))


def format_report(rep):
    lines = ['micro exact P/R/F1 %.3f/%.3f/%.3f | overlap %.3f/%.3f/%.3f' % (
        rep['micro']['exact']['precision'], rep['micro']['exact']['recall'], rep['micro']['exact']['f1'],
        rep['micro']['overlap']['precision'], rep['micro']['overlap']['recall'], rep['micro']['overlap']['f1'])]
    for t, v in rep['per_type'].items():
        lines.append('  %-15s n=%4d exact %.3f/%.3f/%.3f  overlap %.3f/%.3f/%.3f' % (
            t, v['support'], v['exact']['precision'], v['exact']['recall'], v['exact']['f1'],
            v['overlap']['precision'], v['overlap']['recall'], v['overlap']['f1']))
    return '\n'.join(lines)


if __name__ == '__main__':
    import argparse
    import os
    from model import BertForTokenClassification
    from train import CONFIG
    ap = argparse.ArgumentParser()
    ap.add_argument('--weights', default=os.path.join(os.path.dirname(__file__), 'work', 'model.pt'))
    ap.add_argument('--int8-tags', help='score int8_tags.jsonl from verifyRuntime.mjs instead of torch')
    ap.add_argument('--json', help='also write the report here')
    ap.add_argument('--merge', action='store_true', help='lenient grouping: merge B- into a same-type run')
    ap.add_argument('--eval', default=os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'pii-eval', 'eval.jsonl'))
    a = ap.parse_args()
    torch.set_num_threads(1)
    if a.int8_tags:
        recs = load(a.eval)
        rep = score(recs, predict_from_tags(recs, a.int8_tags, merge_same_type=a.merge))
    else:
        m = BertForTokenClassification(CONFIG, len(corpus.LABELS))
        m.load_state_dict(torch.load(a.weights))
        rep = evaluate_torch(m, a.eval)
    print(format_report(rep))
    if a.json:
        with open(a.json, 'w') as f:
            json.dump(rep, f, indent=2)
