"""`npm run train-model`: the shipped model (models/cardwright-pii-mini) from the committed stage-1
weights, as a soup of two stage-2 runs (round 14).

Stage 2 runs once per seed in SEEDS, the runs side by side (one thread each: two cores), each in its
own work folder (training/work/real-<seed>), then soupModels.py averages their weights, evaluates
the average and writes the model folder with its card. The faker values and the name lexicon are
written first, once, so the runs do not race to write them. `--resume` continues interrupted runs
from their checkpoints (a finished run is only evaluated again) and gives the same weights. Every
five minutes it prints where each run is (step and loss, from its train.log).
"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')
SEEDS = (20240608, 20240609)
STAGE2 = ['--init-full', 'training/stage1/cardwright-pii-stage1.fp16.pt',
          '--name-lexicon', 'training/work/name-lexicon.txt',
          '--epochs', '2', '--lr', '5e-4', '--real-repeat', '4', '--real-swap', '4',
          '--real-handles', 'ignore', '--swap-handles', '--code-docs', '12000',
          '--glove', 'training/glove/glove-vocab-base.i8.pt,training/glove/glove-vocab-extra.i8.pt',
          '--extra-vocab', 'training/glove/extra-vocab.txt']


PROGRESS_EVERY_S = 300


def progress(work):
    """The run's latest state from its train.log: `epoch 0.52 step 2100 loss 0.0679`, or what it is doing."""
    try:
        with open(os.path.join(work, 'train.log'), encoding='utf-8') as f:
            lines = f.read().splitlines()
    except OSError:
        return 'starting'
    for line in reversed(lines):
        m = re.search(r'(epoch [0-9.]+ step \d+ loss [0-9.]+)', line)
        if m:
            return m.group(1)
        if line[9:].startswith(('dev:', 'in-house', 'evaluated', 'trained')):
            return 'evaluating'
        if line[9:].startswith(('malloc:', 'args:')):  # where this run (or this resumption) began
            break
    return 'preparing data'


def run_command(seed, work, faker_work, resume):
    return ([sys.executable, os.path.join(HERE, 'trainReal.py'), '--work', work, '--faker-work', faker_work,
             '--seed', str(seed)] + STAGE2
            + (['--resume'] if resume else []))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--resume', action='store_true', help='continue the runs from their checkpoints')
    ap.add_argument('--work', default='training/work', help='the runs go to WORK/real-<seed>, the soup to WORK/real')
    ap.add_argument('--out', default='models/cardwright-pii-mini')
    ap.add_argument('--seeds', default=','.join(str(s) for s in SEEDS), help='an experiment: other seeds')
    args = ap.parse_args()
    os.chdir(ROOT)
    seeds = [int(s) for s in args.seeds.split(',')]
    env = dict(os.environ, OPENBLAS_NUM_THREADS='1')
    # shared inputs first, in this process: two runs writing them at once would race
    lexicon = STAGE2[STAGE2.index('--name-lexicon') + 1]
    if not os.path.exists(lexicon):
        subprocess.run(['node', os.path.join(HERE, 'nameLexicon.mjs'), '--out', lexicon], check=True)
    sys.path.insert(0, HERE)
    import realMix
    realMix.load_faker(args.work)
    procs = []
    t0 = time.time()
    for seed in seeds:
        work = os.path.join(args.work, 'real-%d' % seed)
        os.makedirs(work, exist_ok=True)
        log = open(os.path.join(work, 'stdout.log'), 'a')
        print('stage 2, seed %d: %s (log: %s)' % (seed, work, os.path.join(work, 'train.log')), flush=True)
        procs.append((seed, work, subprocess.Popen(run_command(seed, work, args.work, args.resume), env=env, stdout=log,
                                                   stderr=subprocess.STDOUT)))
    failed = []
    try:
        last_report = time.time()
        while any(p.poll() is None for _, _, p in procs):
            time.sleep(5)
            if time.time() - last_report >= PROGRESS_EVERY_S:
                last_report = time.time()
                print('%3.0f min: %s' % ((last_report - t0) / 60, '; '.join(
                    'seed %d %s' % (seed, progress(work)) for seed, work, _ in procs)), flush=True)
        for seed, work, p in procs:
            if p.returncode != 0:
                failed.append((seed, work, p.returncode))
    except KeyboardInterrupt:
        for _, _, p in procs:
            p.terminate()
        print('stopped; `npm run train-model -- --resume` continues from the checkpoints', file=sys.stderr)
        return 130
    if failed:
        for seed, work, rc in failed:
            print('seed %d failed (exit %d); see %s' % (seed, rc, os.path.join(work, 'stdout.log')), file=sys.stderr)
        print('`npm run train-model -- --resume` continues from the checkpoints', file=sys.stderr)
        return 1
    print('runs done in %.0f min; averaging' % ((time.time() - t0) / 60), flush=True)
    soup = [sys.executable, os.path.join(HERE, 'soupModels.py'), '--out-work', os.path.join(args.work, 'real'),
            '--out', args.out] + [w for _, w, _ in procs]
    return subprocess.run(soup, env=env).returncode


if __name__ == '__main__':
    sys.exit(main())
