"""Entry point: `npm run train-model`.

  OPENBLAS_NUM_THREADS=2 /usr/bin/python3 training/train.py --out models/cardwright-pii-mini

Generates the synthetic corpus, trains the BERT token classifier (seeded, one intra-op
thread), exports ONNX (fp32 into training/work/), quantizes it to int8 into the model
folder, writes config/tokenizer files and evaluates on test/fixtures/pii-eval/eval.jsonl.
"""
import argparse
import json
import math
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import corpus  # noqa: E402
import grammarSentences  # noqa: E402
import vocabWords  # noqa: E402
import recordRender  # noqa: E402
import trainTemplates  # noqa: E402
from model import BertForTokenClassification  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402

CONFIG = dict(vocab_size=30522, hidden=128, layers=3, heads=4, ffn=512, max_pos=512, dropout=0.1)


def batches(data, max_tokens, rng):
    """Length-bucketed batches of about max_tokens padded tokens, in shuffled order."""
    order = sorted(range(len(data)), key=lambda i: (len(data[i][0]), i))
    out, cur, cur_len = [], [], 0
    for i in order:
        L = len(data[i][0])
        if cur and max(cur_len, L) * (len(cur) + 1) > max_tokens:
            out.append(cur)
            cur, cur_len = [], 0
        cur.append(i)
        cur_len = max(cur_len, L)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def collate(data, idx):
    L = max(len(data[i][0]) for i in idx)
    ids = torch.zeros(len(idx), L, dtype=torch.long)
    mask = torch.zeros(len(idx), L, dtype=torch.long)
    types = torch.zeros(len(idx), L, dtype=torch.long)
    labels = torch.full((len(idx), L), -100, dtype=torch.long)
    for r, i in enumerate(idx):
        x, y, k = data[i]
        ids[r, :len(x)] = torch.tensor(x)
        mask[r, :len(x)] = 1
        types[r, :len(k)] = torch.tensor(k)
        labels[r, :len(y)] = torch.tensor(y)
    return ids, mask, types, labels


def train(args, log, stats):
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    tok = WordPieceTokenizer()
    pool, _ = corpus.name_pools()
    t0 = time.time()
    data = corpus.generate(args.seed, args.docs, trainTemplates.FAMILIES, pool, recordRender.TRAIN_STYLES,
                           tok, args.max_len, wrappers=(trainTemplates.OPENERS, trainTemplates.CLOSERS),
                           grammar=grammarSentences.sentence, filler=vocabWords.filler_words())
    ntok = sum(len(x) for x, _, _ in data)
    log('generated %d documents, %d tokens in %.0fs' % (len(data), ntok, time.time() - t0))
    stats.update(docs=len(data), tokens=ntok)
    model = BertForTokenClassification(CONFIG, len(corpus.LABELS))
    no_decay = [p for n, p in model.named_parameters() if n.endswith('bias') or 'LayerNorm' in n]
    decay = [p for n, p in model.named_parameters() if not (n.endswith('bias') or 'LayerNorm' in n)]
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': 0.01}, {'params': no_decay, 'weight_decay': 0.0}],
                            lr=args.lr, betas=(0.9, 0.98), eps=1e-6)
    rng = random.Random(args.seed)
    plan = [batches(data, args.batch_tokens, rng) for _ in range(args.epochs)]
    total = sum(len(p) for p in plan)
    warm = max(1, int(0.04 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.02, 1 - s / total) if s >= warm else (s + 1) / warm)
    step, t1, run_loss = 0, time.time(), 0.0
    model.train()
    for ep, plan_ep in enumerate(plan):
        for idx in plan_ep:
            ids, mask, types, labels = collate(data, idx)
            logits = model(ids, mask, types)
            loss = torch.nn.functional.cross_entropy(logits.view(-1, logits.shape[-1]), labels.view(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            run_loss = 0.98 * run_loss + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 200 == 0 or step == total:
                el = time.time() - t1
                log('epoch %d step %d/%d loss %.4f lr %.2e %.0fs (eta %.0fs)' % (
                    ep, step, total, run_loss, sched.get_last_lr()[0], el, el / step * (total - step)))
    log('trained in %.0fs' % (time.time() - t1))
    stats['train_s'] = time.time() - t1
    model.eval()
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default=os.path.join(HERE, '..', 'models', 'cardwright-pii-mini'))
    ap.add_argument('--work', default=os.path.join(HERE, 'work'))
    ap.add_argument('--seed', type=int, default=20240607)
    ap.add_argument('--docs', type=int, default=180000)
    ap.add_argument('--epochs', type=int, default=1)
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--batch-tokens', type=int, default=4096)
    ap.add_argument('--max-len', type=int, default=128)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--from-weights', help='skip training; export and evaluate these saved weights')
    ap.add_argument('--eval', default=os.path.join(HERE, '..', 'test', 'fixtures', 'pii-eval', 'eval.jsonl'))
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    logf = open(os.path.join(args.work, 'train.log'), 'a')

    def log(msg):
        line = time.strftime('%H:%M:%S ') + msg
        print(line, flush=True)
        logf.write(line + '\n')
        logf.flush()

    log('args: %s' % vars(args))
    t0 = time.time()
    stats = {'lr': args.lr}
    if args.from_weights:
        # Re-run export, quantization, evaluation and the model card for saved weights.
        stats_path = os.path.join(os.path.dirname(args.from_weights), 'stats.json')
        if os.path.exists(stats_path):
            with open(stats_path) as f:
                stats.update(json.load(f))
        torch.set_num_threads(args.threads)
        model = BertForTokenClassification(CONFIG, len(corpus.LABELS))
        model.load_state_dict(torch.load(args.from_weights))
        model.eval()
    else:
        model = train(args, log, stats)
        torch.save(model.state_dict(), os.path.join(args.work, 'model.pt'))
        with open(os.path.join(args.work, 'stats.json'), 'w') as f:
            json.dump(stats, f)
    import exportOnnx
    import modelFolder
    import quantizeInt8
    fp32 = os.path.join(args.work, 'model.onnx')
    exportOnnx.export(model, fp32)
    q8 = os.path.join(args.out, 'onnx', 'model_quantized.onnx')
    modelFolder.write_folder(args.out, WordPieceTokenizer().vocab, CONFIG, corpus.LABELS)
    quantizeInt8.quantize(fp32, q8)
    log('exported %s (%.1f MB) and %s (%.1f MB)' % (fp32, os.path.getsize(fp32) / 1e6, q8, os.path.getsize(q8) / 1e6))
    stats.update(q8_mb=os.path.getsize(q8) / 1e6, params=sum(p.numel() for p in model.parameters()))
    if os.path.exists(args.eval):
        if not runtime_check(args, log, fp32, stats):
            import evaluate
            report = evaluate.evaluate_torch(model, args.eval)
            with open(os.path.join(args.work, 'eval_torch.json'), 'w') as f:
                json.dump(report, f, indent=2)
            log('eval (torch fp32, no Node runtime): ' + evaluate.format_report(report))
    log('total %.0fs' % (time.time() - t0))


def runtime_check(args, log, fp32, stats):
    """Runs verifyRuntime.mjs (transformers.js + onnxruntime-node), scores the int8 model
    and writes the model card. Skipped with a message when Node is not available."""
    import subprocess
    import dumpTokenIds
    import evaluate
    import modelCard
    repo = os.path.abspath(os.path.join(HERE, '..'))
    hand = os.path.join(os.path.dirname(args.eval), 'handwritten.jsonl')
    sources = [args.eval] + ([hand] if os.path.exists(hand) else [])
    ids = os.path.join(args.work, 'ids.jsonl')
    dumpTokenIds.dump(ids, sources)
    out = os.path.abspath(args.out)
    try:
        res = subprocess.run(['node', os.path.join(HERE, 'verifyRuntime.mjs'), os.path.dirname(out), os.path.basename(out),
                              ids, os.path.abspath(fp32)], cwd=repo, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as e:
        log('runtime check skipped: %s' % e)
        return False
    if res.returncode != 0:
        log('runtime check failed: %s' % res.stderr[-2000:])
        return False
    rt = json.loads(res.stdout)
    with open(os.path.join(args.work, 'runtime.json'), 'w') as f:
        json.dump(rt, f, indent=2)
    log('runtime: load %sms, sample %s, long input %s, tokenizer %s/%s same, int8 vs fp32 %s' % (
        rt['loadMs'], rt['sample'], rt['longInput'], rt['tokenizerAgreement']['same'], rt['tokenizerAgreement']['total'],
        rt.get('int8VsFp32')))
    with open(os.path.join(args.work, 'int8_tags.jsonl')) as f:
        tags = [l for l in f if l.strip()]
    recs = evaluate.load(args.eval)
    n = len(recs)
    tmp = os.path.join(args.work, 'int8_tags_eval.jsonl')
    with open(tmp, 'w') as f:
        f.writelines(tags[:n])
    rep = evaluate.score(recs, evaluate.predict_from_tags(recs, tmp))
    with open(os.path.join(args.work, 'eval_int8.json'), 'w') as f:
        json.dump(rep, f, indent=2)
    log('eval (int8 onnx): ' + evaluate.format_report(rep))
    hand_rep = None
    if len(sources) > 1:
        hrecs = evaluate.load(hand)
        with open(tmp, 'w') as f:
            f.writelines(tags[n:n + len(hrecs)])
        hand_rep = evaluate.score(hrecs, evaluate.predict_from_tags(hrecs, tmp))
        log('handwritten (int8 onnx): ' + evaluate.format_report(hand_rep))
    stats['agreement'] = rt.get('int8VsFp32', {}).get('agreement', 0)
    modelCard.write(args.out, CONFIG, corpus.LABELS, stats, rep, hand_rep)
    log('wrote model card %s' % os.path.join(args.out, 'README.md'))
    return True


if __name__ == '__main__':
    main()
