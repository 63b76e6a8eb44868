"""trainReal.py --resume continues a stopped run to the same weights, byte for byte.
Slow-ish (six tiny trainings, ~2 min): /usr/bin/python3 -m unittest training/testTrainRealResume.py"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from testRealMix import FK  # noqa: E402


class ResumeTest(unittest.TestCase):
    def test_resume_gives_the_same_weights(self):
        self._resume([])

    def test_resume_with_glove_and_extra_words(self):
        import torch
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, 'extra.txt'), 'w', encoding='utf-8') as f:
                f.write('netanyahu\npyongyang\n')
            torch.manual_seed(3)
            torch.save(torch.randn(30522, 8).half(), os.path.join(tmp, 'g-base.pt'))
            torch.save(torch.randn(2, 8).half(), os.path.join(tmp, 'g-extra.pt'))
            state = self._resume(['--extra-vocab', os.path.join(tmp, 'extra.txt'), '--glove',
                                  os.path.join(tmp, 'g-base.pt') + ',' + os.path.join(tmp, 'g-extra.pt')])
        # Folded back: the plain layout, with the two appended rows.
        self.assertEqual(tuple(state['bert.embeddings.word_embeddings.weight'].shape), (30524, 32))
        self.assertFalse(any('proj' in k or '.emb.' in k for k in state))

    def _resume(self, flags):
        import torch
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, 'fakerValues.jsonl'), 'w', encoding='utf-8') as f:
                for kind, locs in FK.items():
                    for loc, vals in locs.items():
                        for v in vals:
                            f.write(json.dumps({'locale': loc, 'kind': kind, 'value': v}, ensure_ascii=False) + '\n')
            common = ['--faker-work', tmp, '--hidden', '32', '--layers', '1', '--no-real', '--syn-docs', '60',
                      '--faker-docs', '60', '--prose-docs', '60', '--epochs', '2', '--eval-limit', '2',
                      '--checkpoint-every', '3', '--batch-tokens', '512']
            # Without glibc's malloc settings: trainReal.py sets them itself (checked below).
            env = dict({k: v for k, v in os.environ.items() if not k.startswith('MALLOC_')}, OPENBLAS_NUM_THREADS='1')

            def run(work, *extra):
                subprocess.run([sys.executable, os.path.join(HERE, 'trainReal.py'), '--work', os.path.join(tmp, work)]
                               + common + list(flags) + list(extra), check=True, capture_output=True, env=env)

            run('a')
            run('b', '--stop-after', '7')
            self.assertFalse(os.path.exists(os.path.join(tmp, 'b', 'model.pt')))
            run('b', '--resume')
            with open(os.path.join(tmp, 'a', 'model.pt'), 'rb') as fa, open(os.path.join(tmp, 'b', 'model.pt'), 'rb') as fb:
                self.assertEqual(fa.read(), fb.read())
            with open(os.path.join(tmp, 'b', 'train.log')) as f:
                logged = f.read()
            self.assertIn('resumed from', logged)
            # Started without them, the script ran itself again with glibc's malloc settings.
            self.assertIn('malloc: MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=68719476736 '
                          'MALLOC_TOP_PAD_=1073741824', logged)
            return torch.load(os.path.join(tmp, 'b', 'model.pt'))


if __name__ == '__main__':
    unittest.main()
