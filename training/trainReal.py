"""The `real` recipe of issue 12: what `npm run train-model` runs (train.py is the earlier
synthetic-only recipe, kept for comparison).

  npm run train-model   (the full command: package.json, explained in training/README.md)

It is stage 2: two epochs (`--epochs 2`) from the committed stage-1 weights (`--init-full`), with
the first-name lexicon, mention replacement (`--real-swap`), the handle options of round 8
(`--real-handles`, `--swap-handles`), code fragments (`--code-docs`), and GloVe word vectors with
more whole words in the vocabulary (`--glove`, `--extra-vocab`; rounds 9-10, training/glove/:
40,000 words shipped). The defaults below are stage 1's
(`npm run train-model:stage1`, EXPERIMENTS.md round 5): 128x3, two epochs of 150k template + 40k
faker + 40k prose documents with the real data 8 times per epoch, labels PII + ORGANIZATION +
LOCATION; one torch thread (two threads were slower per step on this 2-core machine).

Mixes (realMix.build): the human-annotated train splits (realCorpora.training_examples; the dev
splits and WikiGold's held-out 20% are never read), @faker-js/faker values (training/fakerValues.mjs
is run into --work when its output is missing) rendered into records, postal blocks and contacts in
all its locales, the existing templates rendered with contrast labels and faker values, and
natural prose in en/es/de/fr/it/pt/nl (proseTemplates.py), and with --code-docs code fragments
whose @ words are not handles (codeSnippets.py). Labels: O, B-/I- of the ten PII types
in the shipped order, then B-/I- of the `--contrast` types (ORGANIZATION, LOCATION; PRODUCT optional).

Schedule: `--epochs N` (reproducible: the step count is fixed by the data) or `--minutes M`
(experiments only: the learning rate decays with the process's CPU time, so that runs on a
shared, loaded machine get comparable budgets; not bit-reproducible). Checkpoints (`ckpt.pt` in --work, every --checkpoint-every steps and at the end)
hold model, optimizer, scheduler, step and RNG states; `--resume` regenerates the same data and
batch plan from the seed and continues from the checkpoint's step, giving the same weights as an
uninterrupted --epochs run. `--init PATH` starts the encoder from a pretrainMlm.py checkpoint.

At the end: model.pt + stats.json in --work, the dev benchmark (evalReal.py) and the in-house
evaluation (test/fixtures/pii-eval/eval.jsonl; contrast labels count as O there) in eval.json;
with --export DIR a model folder (config, tokenizer, int8 ONNX) the TypeScript bench can load
(`npm run bench:pii-quality -- --real-only --model DIR`); with --out DIR the same folder plus its
model card (model-card.yaml and README.md, training/modelCardReal.py).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import evalReal  # noqa: E402
import realMix  # noqa: E402
import rowInt8  # noqa: E402
from model import BertForTokenClassification  # noqa: E402
from train import batches, collate  # noqa: E402
from runHelpers import apply_step, lr_factor, run_logger  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402

TRAIN_MODEL_COMMAND = 'npm run train-model'
SWAP_TYPES = 'PERSON,ORGANIZATION,LOCATION'


class FoldContrast(torch.nn.Module):
    """Logits over the shipped label list: contrast labels folded into O (max), for evaluate.py."""

    def __init__(self, model, n_shipped):
        super().__init__()
        self.model, self.n = model, n_shipped

    def forward(self, ids, mask, types):
        lg = self.model(ids, mask, types)
        if lg.shape[-1] == self.n:
            return lg
        o = torch.maximum(lg[..., :1], lg[..., self.n:].max(-1, keepdim=True).values)
        return torch.cat([o, lg[..., 1:self.n]], -1)


class GloveEmbedding(torch.nn.Module):
    """Word embeddings plus a learned function of fixed GloVe vectors (gloveVocab.py): a linear
    projection, or with `hidden` a two-layer network (GELU, no biases, so a word without a vector
    still gets nothing). The last layer starts at zero, so the model starts exactly where its
    initial weights were; `folded()` turns it back into one plain embedding table of the same
    shape (the function of each row's vector is computed once)."""

    def __init__(self, emb, table, hidden=0):
        super().__init__()
        self.emb = emb
        self.register_buffer('glove', table, persistent=False)
        dims, width = table.shape[1], emb.weight.shape[1]
        if hidden:
            self.proj = torch.nn.Sequential(torch.nn.Linear(dims, hidden, bias=False), torch.nn.GELU(),
                                            torch.nn.Linear(hidden, width, bias=False))
            torch.nn.init.zeros_(self.proj[2].weight)
        else:
            self.proj = torch.nn.Linear(dims, width, bias=False)
            torch.nn.init.zeros_(self.proj.weight)

    def forward(self, ids):
        return self.emb(ids) + self.proj(self.glove[ids])

    def folded(self):
        out = torch.nn.Embedding(self.emb.num_embeddings, self.emb.embedding_dim, padding_idx=self.emb.padding_idx)
        with torch.no_grad():
            out.weight.copy_(self.emb.weight + self.proj(self.glove))
        return out


def extend_embeddings(weight, base_tok, words):
    """Rows for `words` appended to `weight`: each the mean of the rows of the pieces the base
    tokenizer cut the word into, so a grown vocabulary starts where the model was."""
    weight = weight.float()
    rows = [weight[[tid for tid, _, _ in base_tok._wordpiece(w)]].mean(0) for w in words]
    return torch.cat([weight, torch.stack(rows)]) if rows else weight


def config_of(args):
    return dict(vocab_size=30522, hidden=args.hidden, layers=args.layers, heads=args.heads or max(2, args.hidden // 64),
                ffn=args.ffn or 4 * args.hidden, max_pos=512, dropout=0.1)


def grow_layers(model, state, how):
    """Adds to `state` the encoder layers `model` has beyond it (a deeper second stage), in place;
    returns how many. `zero`: fresh weights whose two output projections are zero, so each new
    layer only re-normalizes its input (its last LayerNorm copies the top layer's); `copy`: the
    top layer again."""
    def layer_keys(i):
        return [k for k in model.state_dict() if k.startswith('bert.encoder.layer.%d.' % i)]
    have = len({k.split('.')[3] for k in state if k.startswith('bert.encoder.layer.')})
    want = len(model.bert.encoder.layer)
    fresh = model.state_dict()
    for i in range(have, want):
        for k in layer_keys(i):
            top = k.replace('layer.%d.' % i, 'layer.%d.' % (have - 1), 1)
            if how == 'copy':
                state[k] = state[top].clone()
            elif k.endswith(('.output.dense.weight', '.output.dense.bias')):  # attention's and the FFN's
                state[k] = torch.zeros_like(fresh[k])
            elif '.output.LayerNorm.' in k and '.attention.' not in k:
                state[k] = state[top].clone()
            else:
                state[k] = fresh[k].clone()
    return max(0, want - have)


def contrast_weights(labels, contrast, weight):
    """The loss weight of each label for --contrast-weight: `weight` for the B-/I- labels of the
    contrast types, 1 for the others; None (plain cross-entropy) when `weight` is 1."""
    if weight == 1.0:
        return None
    return torch.tensor([weight if label[2:] in contrast else 1.0 for label in labels])


def save_atomic(obj, path):
    tmp = path + '.tmp'
    torch.save(obj, tmp)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--work', default=os.path.join(HERE, 'work', 'real'))
    ap.add_argument('--faker-work', default=os.path.join(HERE, 'work'), help='folder of fakerValues.jsonl')
    ap.add_argument('--seed', type=int, default=20240607)
    ap.add_argument('--hidden', type=int, default=128)
    ap.add_argument('--layers', type=int, default=3)
    ap.add_argument('--heads', type=int, default=0, help='default hidden/64')
    ap.add_argument('--ffn', type=int, default=0, help='default 4*hidden')
    ap.add_argument('--contrast', default='ORGANIZATION,LOCATION',
                    help="comma-separated contrast types of ORGANIZATION,LOCATION,PRODUCT; '' for none (their spans become O)")
    ap.add_argument('--no-real', action='store_true', help='leave out the human-annotated corpora')
    ap.add_argument('--real-repeat', type=int, default=8, help='the real examples this many times per epoch')
    ap.add_argument('--real-swap', type=int, default=0,
                    help='copies of the real examples with names/organizations/places replaced by faker values (experiment)')
    ap.add_argument('--swap-types', default=SWAP_TYPES, help='which mentions --real-swap replaces')
    ap.add_argument('--data-cache', help='encoded data is saved here and reused while its arguments match')
    ap.add_argument('--syn-docs', type=int, default=150000, help='existing templates/records/grammar (contrast-labelled)')
    ap.add_argument('--faker-docs', type=int, default=40000, help='faker records, postal blocks, contacts')
    ap.add_argument('--prose-docs', type=int, default=40000, help='multilingual prose with headings')
    ap.add_argument('--code-docs', type=int, default=0, help='code/config fragments whose @words are not handles')
    ap.add_argument('--wordnet-docs', type=int, default=0, help='documents of WordNet definition sentences (wordnetEntities.py)')
    ap.add_argument('--wordnet-swap', type=float, default=0.0, help='share of --real-swap replacements taken from WordNet')
    ap.add_argument('--brand-handles', type=float, default=0.0,
                    help="with --swap-handles: the share of organizations' handles replaced by handles of brand words (realMix.brand_handle)")
    ap.add_argument('--p-faker', type=float, default=0.5, help='share of template slots filled from faker')
    ap.add_argument('--handle-type', default='PERSON', help="type of template @handles: PERSON (as BTC) or O")
    ap.add_argument('--real-handles', default='keep', choices=['keep', 'ignore', 'person', 'ignore-wnut17', 'person-wnut17'],
                    help='unlabelled @handles of the real corpora (WNUT-17 labels none): O, out of the loss, or PERSON')
    ap.add_argument('--swap-handles', action='store_true', help='--real-swap replaces a handle with a handle, not a name')
    ap.add_argument('--lower-names', type=float, default=0.0,
                    help='share of PERSON mentions written in lowercase in mention-replaced and generated documents')
    ap.add_argument('--no-case', type=float, default=0.1, help='share of synthetic documents with zero case types')
    ap.add_argument('--no-case-real', type=float, default=0.1, help='same for the real corpora')
    ap.add_argument('--name-lexicon', help='first-name lexicon file (nameLexicon.mjs; written there when missing): '
                    'token types 0-3 (capital x known first name) instead of 0-1')
    ap.add_argument('--lex-drop', type=float, default=0.3, help='share of lexicon words hidden in generated documents')
    ap.add_argument('--epochs', type=int, default=2)
    ap.add_argument('--minutes', type=float, default=0,
                    help='train for this many minutes of process CPU time instead (experiments; the machine is shared)')
    ap.add_argument('--lr', type=float, default=0)
    ap.add_argument('--batch-tokens', type=int, default=4096)
    ap.add_argument('--max-len', type=int, default=128)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--checkpoint-every', type=int, default=200)
    ap.add_argument('--resume', action='store_true')
    ap.add_argument('--build-only', action='store_true', help='write --data-cache and exit')
    ap.add_argument('--stop-after', type=int, default=0, help='checkpoint and exit after this step (tests --resume)')
    ap.add_argument('--init', help='encoder weights from pretrainMlm.py')
    ap.add_argument('--init-full', help='every weight (encoder and classifier) from a trainReal.py model.pt '
                    'with the same shape and labels: a second stage that continues an earlier run')
    ap.add_argument('--contrast-weight', type=float, default=1.0,
                    help='loss weight of the contrast labels (B-/I-ORGANIZATION, LOCATION) against 1 for the others (experiment)')
    ap.add_argument('--grow-init', default='zero', choices=['zero', 'copy'],
                    help='--init-full from a model with fewer --layers: the new top layers start with their output '
                         'projections zeroed (zero: near the identity) or as copies of the top layer (copy)')
    ap.add_argument('--glove', help='GloVe table of the vocabulary (gloveVocab.py; files separated by commas are '
                    'one table, their rows in order) added through a learned '
                    'projection and folded into the word embeddings at the end')
    ap.add_argument('--glove-hidden', type=int, default=0,
                    help='with --glove: a two-layer network of this width instead of a linear projection (experiment)')
    ap.add_argument('--extra-vocab', help='whole words appended to the vocabulary (gloveVocab.py --extra); new rows '
                    'of a --init-full model start as the mean of the pieces the word had')
    ap.add_argument('--save-fp16', help='also write the trained weights here as float16 (the committed stage-1 file)')
    ap.add_argument('--eval-limit', type=int, default=0, help='first N records of each dev split (0: all)')
    ap.add_argument('--export', help='write a model folder (config, tokenizer, int8 ONNX) here')
    ap.add_argument('--out', help='the shipped model folder: --export plus its model card (model-card.yaml, README.md)')
    args = ap.parse_args()
    if args.brand_handles and not args.swap_handles:
        ap.error('--brand-handles only changes the handles that --swap-handles replaces: give both')
    os.makedirs(args.work, exist_ok=True)
    log = run_logger(args.work)
    log('malloc: %s' % ' '.join('%s=%s' % (k, os.environ.get(k, '-')) for k in MALLOC_ENV))

    log('args: %s' % vars(args))
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    contrast = [t for t in args.contrast.split(',') if t]
    labels, types = realMix.label_list(contrast)
    label_id = {l: i for i, l in enumerate(labels)}
    cfg = config_of(args)
    if args.name_lexicon:
        if not os.path.exists(args.name_lexicon):
            subprocess.run(['node', os.path.join(HERE, 'nameLexicon.mjs'), '--out', args.name_lexicon], check=True,
                           cwd=os.path.join(HERE, '..'))
        with open(args.name_lexicon, encoding='utf-8') as f:
            WordPieceTokenizer.lexicon = frozenset(line.strip() for line in f if line.strip())
        cfg['type_vocab'] = 4
        log('name lexicon: %d words from %s' % (len(WordPieceTokenizer.lexicon), args.name_lexicon))
    lr = args.lr or (1e-3 if cfg['hidden'] <= 128 else 5e-4)
    base_tok = WordPieceTokenizer()
    if args.extra_vocab:
        cfg['vocab_size'] = WordPieceTokenizer.use_extra_vocab(args.extra_vocab)
        log('vocabulary: %d words appended from %s' % (len(WordPieceTokenizer.extra_vocab), args.extra_vocab))
    tok = WordPieceTokenizer()
    t0 = time.time()
    # The data is always encoded with the full label list and every source; --contrast and
    # --no-real select from it, so one cache (--data-cache) serves all of those variants.
    full_labels, full_types = realMix.label_list(realMix.CONTRAST_TYPES)
    key = dict(seed=args.seed, syn=args.syn_docs, faker=args.faker_docs, prose=args.prose_docs, no_case=args.no_case,
               no_case_real=args.no_case_real, max_len=args.max_len, p_faker=args.p_faker, handle=args.handle_type,
               **({'swap': args.real_swap} if args.real_swap else {}),
               **({'swap_types': args.swap_types} if args.swap_types != SWAP_TYPES else {}),
               **({'real_handles': args.real_handles} if args.real_handles != 'keep' else {}),
               **({'swap_handles': True} if args.swap_handles else {}),
               **({'lower_names': args.lower_names} if args.lower_names else {}),
               **({'code': args.code_docs} if args.code_docs else {}),
               **({'wordnet': args.wordnet_docs} if args.wordnet_docs else {}),
               **({'wordnet_swap': args.wordnet_swap} if args.wordnet_swap else {}),
               **({'brand_handles': args.brand_handles} if args.brand_handles else {}),
               **({'extra_vocab': len(WordPieceTokenizer.extra_vocab)} if args.extra_vocab else {}),
               **({'lexicon': len(WordPieceTokenizer.lexicon), 'lex_drop': args.lex_drop} if args.name_lexicon else {}))
    cache = args.data_cache
    c = torch.load(cache, weights_only=False) if cache and os.path.exists(cache) else None
    if c and c['key'] == key:
        data, counts, sources = c['data'], c['counts'], c['sources']
        log('data from cache %s' % cache)
    else:
        data, counts, sources = realMix.build(
            args.seed, tok, {l: i for i, l in enumerate(full_labels)}, full_types, args.faker_work, args.syn_docs,
            args.faker_docs, args.prose_docs, use_real=not (args.no_real and not cache), p_no_case=args.no_case, p_no_case_real=args.no_case_real,
            max_len=args.max_len, p_faker=args.p_faker, handle_type=args.handle_type, real_swap=args.real_swap, swap_types=tuple(args.swap_types.split(',')),
            real_handles=args.real_handles, swap_handles=args.swap_handles,
            lower_names_p=args.lower_names, n_code=args.code_docs, n_wordnet=args.wordnet_docs, wordnet_swap=args.wordnet_swap, brand_handles=args.brand_handles, lex_drop=args.lex_drop if args.name_lexicon else 0.0)
        if cache:
            torch.save({'key': key, 'data': data, 'counts': counts, 'sources': sources}, cache)
    if args.build_only:
        log('data built in %.0fs: %s' % (time.time() - t0, counts))
        return
    remap = [label_id.get(l, 0) for l in full_labels]
    data = [(x, [y if y < 0 else remap[y] for y in ys], k) for (x, ys, k), src in zip(data, sources)
            if not (args.no_real and src in ('real', 'swap'))]
    if args.no_real:
        counts = {k: v for k, v in counts.items() if not k.startswith('real:')}
    elif args.real_repeat > 1:  # the real examples K times per epoch, the synthetic ones once
        real = [d for d, src in zip(data, sources) if src == 'real']
        data = data + real * (args.real_repeat - 1)
    ntok = sum(len(x) for x, _, _ in data)
    log('data: %d examples, %d tokens in %.0fs; %s' % (len(data), ntok, time.time() - t0, counts))
    model = BertForTokenClassification(cfg, len(labels))
    grown = 0
    if args.init:
        state = torch.load(args.init)
        missing, unexpected = model.load_state_dict({k: v for k, v in state.items() if k.startswith('bert.')}, strict=False)
        log('init from %s (%d tensors not in it: %s)' % (args.init, len(missing), missing[:4]))
    if args.init_full:
        state = rowInt8.load_state(args.init_full)  # float16 or int8-row tables -> float32
        key = 'bert.embeddings.token_type_embeddings.weight'
        have, want = state[key].shape[0], cfg.get('type_vocab', 2)
        if have < want:  # a case-only model continued with name types: types 2/3 start as 0/1
            state[key] = torch.cat([state[key]] * (want // have))
        grown = grow_layers(model, state, args.grow_init)
        key = 'bert.embeddings.word_embeddings.weight'
        if state[key].shape[0] < cfg['vocab_size']:
            state[key] = extend_embeddings(state[key], base_tok, tok.vocab[state[key].shape[0]:])
        model.load_state_dict(state)  # strict: same shape and label list
        log('init (all weights) from %s%s' % (args.init_full, ', %d new layer(s) (%s)' % (grown, args.grow_init) if grown else ''))
    if args.glove:
        import gloveVocab
        table = gloveVocab.load_table(args.glove)
        if table.shape[0] != cfg['vocab_size']:
            raise SystemExit('--glove %s has %d rows, the vocabulary %d: build the table for the same --extra-vocab '
                             '(gloveVocab.py)' % (args.glove, table.shape[0], cfg['vocab_size']))
        model.bert.embeddings.word_embeddings = GloveEmbedding(model.bert.embeddings.word_embeddings, table, args.glove_hidden)
        log('GloVe vectors from %s: %d of %d vocabulary rows' % (args.glove, int((table.abs().sum(1) > 0).sum()),
                                                                  table.shape[0]))
    nparams = sum(p.numel() for p in model.parameters())
    log('config %s, %d labels, %.1fM parameters, lr %g' % (cfg, len(labels), nparams / 1e6, lr))
    no_decay = [p for n, p in model.named_parameters() if n.endswith('bias') or 'LayerNorm' in n]
    decay = [p for n, p in model.named_parameters() if not (n.endswith('bias') or 'LayerNorm' in n)]
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': 0.01}, {'params': no_decay, 'weight_decay': 0.0}],
                            lr=lr, betas=(0.9, 0.98), eps=1e-6)
    # Length-bucketed batches are the same groups every epoch; each epoch shuffles their order
    # with its own seeded generator, so step -> batch is a pure function (what --resume relies on).
    groups = batches(data, args.batch_tokens, random.Random(args.seed))
    per_epoch = len(groups)
    orders = {}

    def batch_at(s):
        ep = s // per_epoch
        if ep not in orders:
            orders.clear()
            orders[ep] = list(range(per_epoch))
            random.Random(args.seed * 1000 + ep).shuffle(orders[ep])
        return groups[orders[ep][s % per_epoch]]

    total = per_epoch * (args.epochs if not args.minutes else 10 ** 6)
    warm = max(1, min(300, int(0.04 * (per_epoch * args.epochs))))
    state = {'elapsed': 0.0}

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor(warm, total, args.minutes, state))
    step = 0
    ckpt = os.path.join(args.work, 'ckpt.pt')
    if args.resume and os.path.exists(ckpt):
        c = torch.load(ckpt, weights_only=False)
        model.load_state_dict(c['model'])
        opt.load_state_dict(c['opt'])
        sched.load_state_dict(c['sched'])
        torch.set_rng_state(c['torch_rng'])
        step, state['elapsed'] = c['step'], c['elapsed']
        log('resumed from %s at step %d (%.0fs trained)' % (ckpt, step, state['elapsed']))

    def checkpoint():
        save_atomic({'model': model.state_dict(), 'opt': opt.state_dict(), 'sched': sched.state_dict(),
                     'torch_rng': torch.get_rng_state(), 'step': step, 'elapsed': state['elapsed']}, ckpt)

    class_weight = contrast_weights(labels, contrast, args.contrast_weight)
    model.train()
    run_loss, t1, w1 = 0.0, time.process_time() - state['elapsed'], time.time()
    while step < total:
        ids, mask, ttypes, lab = collate(data, batch_at(step))
        logits = model(ids, mask, ttypes)
        loss = torch.nn.functional.cross_entropy(logits.view(-1, logits.shape[-1]), lab.view(-1), ignore_index=-100,
                                                 weight=class_weight)
        apply_step(model, opt, loss)
        step += 1
        state['elapsed'] = time.process_time() - t1
        sched.step()
        run_loss = 0.98 * run_loss + 0.02 * loss.item() if run_loss else loss.item()
        if step % 100 == 0:
            log('epoch %.2f step %d loss %.4f lr %.2e %.0fs' % (step / per_epoch, step, run_loss, sched.get_last_lr()[0],
                                                                 state['elapsed']))
        if step % args.checkpoint_every == 0:
            checkpoint()
        if args.minutes and state['elapsed'] >= 60 * args.minutes:
            break
        if args.stop_after and step == args.stop_after:
            checkpoint()
            log('stopped after step %d (--stop-after)' % step)
            return
    checkpoint()
    train_s = state['elapsed']
    log('trained %d steps (%.2f epochs, %d tokens/step) in %.0fs CPU, %.0fs wall' % (
        step, step / per_epoch, args.batch_tokens, train_s, time.time() - w1))
    model.eval()
    if args.glove:  # back to the plain shape: the GloVe part becomes part of the embedding table
        model.bert.embeddings.word_embeddings = model.bert.embeddings.word_embeddings.folded()
    torch.save(model.state_dict(), os.path.join(args.work, 'model.pt'))
    if args.save_fp16:
        os.makedirs(os.path.dirname(os.path.abspath(args.save_fp16)), exist_ok=True)
        save_atomic({k: (v.half() if v.is_floating_point() else v) for k, v in model.state_dict().items()}, args.save_fp16)
        log('float16 weights -> %s' % args.save_fp16)
    stats = {'config': cfg, 'labels': labels, 'counts': counts, 'tokens': ntok, 'steps': step, 'epochs': step / per_epoch,
             'train_s': train_s, 'params': nparams, 'args': vars(args), 'grown_layers': grown}
    finish_run(model, tok, labels, cfg, stats, args.work, log, export=args.export, out=args.out,
               max_len=args.max_len, eval_limit=args.eval_limit)


def finish_run(model, tok, labels, cfg, stats, work, log, export=None, out=None, max_len=128, eval_limit=0):
    """What ends a run (and a soup, soupModels.py): stats.json, the dev benchmark and the in-house
    evaluation into eval.json, then optionally the model folder (`export`) or the shipped folder
    with its model card (`out`)."""
    with open(os.path.join(work, 'stats.json'), 'w') as f:
        json.dump(stats, f, indent=1)
    t2 = time.time()
    rep = evalReal.evaluate(model, tok, labels, limit=eval_limit or None)
    log('dev: ' + evalReal.summary(rep))
    evalp = os.path.join(HERE, '..', 'test', 'fixtures', 'pii-eval', 'eval.jsonl')
    inhouse = None
    if os.path.exists(evalp):
        import corpus
        import evaluate
        inhouse = evaluate.evaluate_torch(FoldContrast(model, len(corpus.LABELS)), evalp)
        log('in-house (torch fp32, raw model): ' + evaluate.format_report(inhouse).replace('\n', ' | ')[:600])
    with open(os.path.join(work, 'eval.json'), 'w') as f:
        json.dump({'dev': rep, 'inhouse': inhouse}, f, indent=1)
    log('evaluated in %.0fs' % (time.time() - t2))
    export = out or export
    if export:
        import exportOnnx
        import modelFolder
        import quantizeInt8
        fp32 = os.path.join(work, 'model.onnx')
        exportOnnx.export(model, fp32)
        modelFolder.write_folder(export, tok.vocab, dict(cfg, train_max_tokens=max_len), labels,
                                 lexicon=WordPieceTokenizer.lexicon)
        q8 = os.path.join(export, 'onnx', 'model_quantized.onnx')
        quantizeInt8.quantize(fp32, q8)
        log('exported %s (%.1f MB int8)' % (export, os.path.getsize(q8) / 1e6))
        if out:
            import modelCardReal
            stats['q8_mb'] = os.path.getsize(q8) / 1e6
            with open(os.path.join(work, 'stats.json'), 'w') as f:
                json.dump(stats, f, indent=1)
            modelCardReal.write(out, cfg, labels, stats, {'dev': rep, 'inhouse': inhouse}, TRAIN_MODEL_COMMAND)
            log('wrote the model card: %s' % os.path.join(out, 'model-card.yaml'))


# glibc's malloc settings for a training process. With the defaults, memory that a step frees at
# the top of the heap goes back to the kernel and the next step faults it in again: on session 15's
# host a quarter of the CPU went to the kernel and a step of the shipped recipe took 0.7-0.9 s;
# with these it took 0.33-0.40 s, with the same losses at every logged step (the arithmetic does
# not change, only where memory comes from). A value already in the environment is kept.
MALLOC_ENV = {'MALLOC_MMAP_THRESHOLD_': '4294967296', 'MALLOC_TRIM_THRESHOLD_': '68719476736',
              'MALLOC_TOP_PAD_': '1073741824'}


def with_malloc_env():
    """Run this script again with MALLOC_ENV when any of it is missing (glibc reads it only at start)."""
    missing = {k: v for k, v in MALLOC_ENV.items() if k not in os.environ}
    if missing:
        sys.stdout.flush()
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], {**os.environ, **missing})


if __name__ == '__main__':
    with_malloc_env()
    main()
