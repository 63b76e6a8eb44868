"""Masked-language-model pre-training of the encoder (issue 12, optional step before trainReal.py).

  OPENBLAS_NUM_THREADS=1 nice -n 10 /usr/bin/python3 training/pretrainMlm.py \
      --out training/work/mlm/encoder.pt --hidden 256 --layers 4 --minutes 30 [--text FILE ...] [--resume]
  /usr/bin/python3 training/trainReal.py --init training/work/mlm/encoder.pt --hidden 256 --layers 4 ...

Text: the train side of the human-annotated corpora (realCorpora.training_records: never a dev
split, never WikiGold's held-out 20%; their labels are not used here), cut into pieces of at most
400 characters, plus any `--text` files (UTF-8, one paragraph a line; only text whose license
allows training a shipped model). BERT masking: 15% of the tokens, of which 80% become [MASK],
10% a random token and 10% stay; the output layer is tied to the word embeddings. Seeded; a
checkpoint (`<out>.ckpt`) every --checkpoint-every steps, `--resume` continues from it. Writes the
encoder's weights (`bert.*`, the same names as model.BertForTokenClassification) to --out.
"""
import argparse
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402
from torch import nn  # noqa: E402

import realCorpora  # noqa: E402
from model import Bert, BertForTokenClassification  # noqa: E402
from train import batches  # noqa: E402
from runHelpers import apply_step, lr_factor, run_logger  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402

MASK_ID, CLS_ID, SEP_ID, PAD_ID, FIRST_WORD_ID = 103, 101, 102, 0, 999


class MaskedLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.bert = Bert(cfg)
        self.dense = nn.Linear(cfg['hidden'], cfg['hidden'])
        self.norm = nn.LayerNorm(cfg['hidden'], eps=1e-12)
        self.bias = nn.Parameter(torch.zeros(cfg['vocab_size']))
        self.apply(BertForTokenClassification._init)

    def forward(self, ids, mask, types, labels):
        """Logits at the masked positions only (the 30k-word output layer would otherwise cost more
        than the encoder), with their target ids."""
        h = self.bert(ids, mask, types)
        sel = labels >= 0
        h = self.norm(nn.functional.gelu(self.dense(h[sel])))
        return h @ self.bert.embeddings.word_embeddings.weight.T + self.bias, labels[sel]


def texts(extra):
    out = []
    for r in realCorpora.training_records():
        for _, piece, _ in realCorpora.pieces(r['text'], [], 400):
            if piece.strip():
                out.append(piece)
    for path in extra:
        with open(path, encoding='utf-8') as f:
            out.extend(line.strip() for line in f if line.strip())
    return out


def mask_batch(data, idx, rng, vocab_size):
    L = max(len(data[i][0]) for i in idx)
    ids = torch.zeros(len(idx), L, dtype=torch.long)
    att = torch.zeros(len(idx), L, dtype=torch.long)
    types = torch.zeros(len(idx), L, dtype=torch.long)
    labels = torch.full((len(idx), L), -100, dtype=torch.long)
    for r, i in enumerate(idx):
        x, k = data[i]
        x = list(x)
        for j in range(1, len(x) - 1):
            if rng.random() < 0.15:
                labels[r, j] = x[j]
                u = rng.random()
                if u < 0.8:
                    x[j] = MASK_ID
                elif u < 0.9:
                    x[j] = rng.randrange(FIRST_WORD_ID, vocab_size)
        ids[r, :len(x)] = torch.tensor(x)
        att[r, :len(x)] = 1
        types[r, :len(k)] = torch.tensor(k)
    return ids, att, types, labels


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', default=os.path.join(HERE, 'work', 'mlm', 'encoder.pt'))
    ap.add_argument('--text', action='append', default=[], help='extra UTF-8 text, one paragraph a line')
    ap.add_argument('--seed', type=int, default=20240607)
    ap.add_argument('--hidden', type=int, default=256)
    ap.add_argument('--layers', type=int, default=4)
    ap.add_argument('--heads', type=int, default=0)
    ap.add_argument('--ffn', type=int, default=0)
    ap.add_argument('--epochs', type=int, default=5)
    ap.add_argument('--minutes', type=float, default=0, help='train for this many minutes of process CPU time instead (experiments)')
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--batch-tokens', type=int, default=4096)
    ap.add_argument('--max-len', type=int, default=128)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--checkpoint-every', type=int, default=200)
    ap.add_argument('--resume', action='store_true')
    args = ap.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    cfg = dict(vocab_size=30522, hidden=args.hidden, layers=args.layers, heads=args.heads or max(2, args.hidden // 64),
               ffn=args.ffn or 4 * args.hidden, max_pos=512, dropout=0.1)
    tok = WordPieceTokenizer()
    t0 = time.time()
    data = []
    for t in texts(args.text):
        ids, _, _ = tok.encode(t, max_len=args.max_len)
        data.append((ids, [0] + tok.case_types(t)[:len(ids) - 2] + [0]))
    ntok = sum(len(x) for x, _ in data)
    print('%d texts, %d tokens in %.0fs' % (len(data), ntok, time.time() - t0), flush=True)
    model = MaskedLM(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.98), eps=1e-6, weight_decay=0.01)
    groups = batches([(x, None, None) for x, _ in data], args.batch_tokens, random.Random(args.seed))
    per_epoch = len(groups)
    total = per_epoch * (args.epochs if not args.minutes else 10 ** 6)
    warm = min(300, max(1, per_epoch // 10))
    state = {'elapsed': 0.0}

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor(warm, total, args.minutes, state))
    step, ckpt = 0, args.out + '.ckpt'
    if args.resume and os.path.exists(ckpt):
        c = torch.load(ckpt, weights_only=False)
        model.load_state_dict(c['model'])
        opt.load_state_dict(c['opt'])
        sched.load_state_dict(c['sched'])
        torch.set_rng_state(c['torch_rng'])
        step, state['elapsed'] = c['step'], c['elapsed']
        print('resumed at step %d' % step, flush=True)

    def checkpoint():
        tmp = ckpt + '.tmp'
        torch.save({'model': model.state_dict(), 'opt': opt.state_dict(), 'sched': sched.state_dict(),
                    'torch_rng': torch.get_rng_state(), 'step': step, 'elapsed': state['elapsed']}, tmp)
        os.replace(tmp, ckpt)

    model.train()
    t1, run = time.process_time() - state['elapsed'], 0.0
    while step < total:
        ep = step // per_epoch
        order = list(range(per_epoch))
        random.Random(args.seed * 1000 + ep).shuffle(order)
        # masks: one seeded generator per step, so a resumed run masks like an uninterrupted one
        ids, att, types, labels = mask_batch(data, groups[order[step % per_epoch]], random.Random(args.seed + 7 * step),
                                             cfg['vocab_size'])
        logits, target = model(ids, att, types, labels)
        loss = nn.functional.cross_entropy(logits, target)
        apply_step(model, opt, loss)
        step += 1
        state['elapsed'] = time.process_time() - t1
        sched.step()
        run = 0.98 * run + 0.02 * loss.item() if run else loss.item()
        if step % 100 == 0:
            print('%s epoch %.2f step %d mlm loss %.3f %.0fs' % (time.strftime('%H:%M:%S'), step / per_epoch, step, run,
                                                               state['elapsed']), flush=True)
        if step % args.checkpoint_every == 0:
            checkpoint()
        if args.minutes and state['elapsed'] >= 60 * args.minutes:
            break
    checkpoint()
    torch.save({'bert.' + k: v for k, v in model.bert.state_dict().items()}, args.out)
    print('pre-trained %d steps (%.2f epochs) in %.0fs, loss %.3f -> %s' % (step, step / per_epoch, state['elapsed'], run,
                                                                          args.out), flush=True)


if __name__ == '__main__':
    main()
