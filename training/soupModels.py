"""Average the weights of trainReal.py runs that share a shape and a starting point (a "model soup":
the runs differ only in --seed, so they started from the same stage-1 weights), evaluate the
average as trainReal.py evaluates a run (trainReal.finish_run), and export it. `npm run train-model`
(trainModel.py) ends with `--out models/cardwright-pii-mini`, which also writes the model card
(round 14). By hand, e.g. for the real-text bench:

  /usr/bin/python3 training/soupModels.py --out-work training/work/soup \
      --export training/work/soup/candidate training/work/a training/work/b
  npm run bench:pii-quality -- --model training/work/soup/candidate

Every input folder needs model.pt and stats.json; the runs must have the same config, labels,
start, extra vocabulary and name lexicon (checked). One run is allowed (its weights unchanged, for
`trainModel.py --seeds` with one seed). The output folder gets model.pt, stats.json (the first
run's, with "soup_of" and "soup_seeds" naming the inputs and "train_s" their training time
together), eval.json and train.log like a run.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import trainReal  # noqa: E402
from model import BertForTokenClassification  # noqa: E402
from runHelpers import run_logger  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402

SAME = ('config', 'labels')
SAME_ARGS = ('extra_vocab', 'name_lexicon', 'init_full', 'max_len')


def average(states, weights=None):
    """The weighted mean of state dicts with the same keys and shapes; integer tensors must agree."""
    if not states:
        raise ValueError('no weights to average')
    weights = weights or [1.0 / len(states)] * len(states)
    if len(weights) != len(states) or abs(sum(weights) - 1.0) > 1e-6:
        raise ValueError('weights must be one per input and sum to 1')
    keys = list(states[0].keys())
    for s in states[1:]:
        if list(s.keys()) != keys:
            raise ValueError('the runs do not have the same weights')
    out = {}
    for k in keys:
        ts = [s[k] for s in states]
        if any(t.shape != ts[0].shape for t in ts):
            raise ValueError('%s: shapes differ' % k)
        if ts[0].is_floating_point():
            out[k] = sum(w * t.double() for w, t in zip(weights, ts)).to(ts[0].dtype)
        else:
            if any(not torch.equal(t, ts[0]) for t in ts):
                raise ValueError('%s: integer tensors differ' % k)
            out[k] = ts[0].clone()
    return out


def check_compatible(stats):
    for key in SAME:
        if any(s[key] != stats[0][key] for s in stats[1:]):
            raise ValueError('the runs differ in %s' % key)
    for key in SAME_ARGS:
        vals = {str(s.get('args', {}).get(key)) for s in stats}
        if len(vals) > 1:
            raise ValueError('the runs differ in --%s: %s' % (key.replace('_', '-'), sorted(vals)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('runs', nargs='+', help='trainReal.py --work folders')
    ap.add_argument('--out-work', required=True)
    ap.add_argument('--export', help='write a model folder (config, tokenizer, int8 ONNX) here')
    ap.add_argument('--out', help='the shipped model folder: --export plus its model card (model-card.yaml, README.md)')
    ap.add_argument('--weights', help='one weight per run, separated by commas (default: equal)')
    ap.add_argument('--eval-limit', type=int, default=0)
    args = ap.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)
    os.makedirs(args.out_work, exist_ok=True)
    log = run_logger(args.out_work)

    stats = []
    for r in args.runs:
        with open(os.path.join(r, 'stats.json')) as f:
            stats.append(json.load(f))
    check_compatible(stats)
    st = stats[0]
    weights = [float(w) for w in args.weights.split(',')] if args.weights else None
    avg = average([torch.load(os.path.join(r, 'model.pt')) for r in args.runs], weights)
    model = BertForTokenClassification(st['config'], len(st['labels']))
    model.load_state_dict(avg)
    model.eval()
    log('soup of %s (weights %s)' % (', '.join(args.runs), weights or 'equal'))
    torch.save(model.state_dict(), os.path.join(args.out_work, 'model.pt'))
    out_stats = dict(st, soup_of=[os.path.relpath(os.path.abspath(r), os.path.join(HERE, '..')) for r in args.runs],
                     soup_weights=weights, soup_seeds=[s.get('args', {}).get('seed') for s in stats],
                     train_s=sum(s.get('train_s', 0) for s in stats))
    a = st.get('args', {})
    if a.get('name_lexicon'):
        with open(a['name_lexicon'], encoding='utf-8') as f:
            WordPieceTokenizer.lexicon = frozenset(line.strip() for line in f if line.strip())
    if a.get('extra_vocab'):
        WordPieceTokenizer.use_extra_vocab(a['extra_vocab'])
    trainReal.finish_run(model, WordPieceTokenizer(), st['labels'], st['config'], out_stats, args.out_work, log,
                         export=args.export, out=args.out, max_len=a.get('max_len', 128), eval_limit=args.eval_limit)


if __name__ == '__main__':
    main()
