"""Writes test/fixtures/pii-eval/eval.jsonl: about 1,500 records from the evaluation-only
template families and record styles, with held-out names, and a separate seed.

  /usr/bin/python3 training/makeEvalSet.py
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import corpus  # noqa: E402
import entityValues as E  # noqa: E402
import evalTemplates  # noqa: E402
import recordRender  # noqa: E402
import templateRender as R  # noqa: E402
from lexicon.people import split_names  # noqa: E402

OUT = os.path.join(HERE, '..', 'test', 'fixtures', 'pii-eval', 'eval.jsonl')


def main(n=1500, seed=4242):
    _, _, ef, el = split_names()
    pool = E.NamePool(ef, el)  # names never used in training
    R.check_templates(evalTemplates.all_templates())
    rng = random.Random(seed)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        for _ in range(n):
            text, spans = corpus.make_document(rng, evalTemplates.FAMILIES, pool, recordRender.EVAL_STYLES,
                                               p_record=0.2, p_multi=0.25)
            rec = {'text': text, 'spans': [{'start': s, 'end': e, 'type': t} for s, e, t in sorted(spans)]}
            f.write(json.dumps(rec, ensure_ascii=False) + '\n')
    print('wrote %s (%d bytes)' % (OUT, os.path.getsize(OUT)))


if __name__ == '__main__':
    main()
