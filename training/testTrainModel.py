"""Tests of trainModel.py's helpers: /usr/bin/python3 -m unittest training/testTrainModel.py"""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import trainModel  # noqa: E402


class ProgressTest(unittest.TestCase):
    def test_reads_the_latest_step_or_phase(self):
        with tempfile.TemporaryDirectory() as work:
            self.assertEqual(trainModel.progress(work), 'starting')

            def after(*lines):
                with open(os.path.join(work, 'train.log'), 'a') as f:
                    f.write(''.join(line + '\n' for line in lines))
                return trainModel.progress(work)

            self.assertEqual(after('05:24:50 args: {}', '05:24:50 name lexicon: 20854 words'), 'preparing data')
            self.assertEqual(after('05:28:56 epoch 0.07 step 300 loss 0.0947 lr 4.81e-04 98s',
                                   '05:29:28 epoch 0.10 step 400 loss 0.0911 lr 4.75e-04 129s'),
                             'epoch 0.10 step 400 loss 0.0911')
            self.assertEqual(after('06:09:30 trained 8050 steps (2.00 epochs) in 2502s CPU, 2534s wall'), 'evaluating')
            # resumed: the old run's lines are history
            self.assertEqual(after('07:50:00 malloc: MALLOC_MMAP_THRESHOLD_=4294967296', '07:50:00 args: {}'),
                             'preparing data')
            self.assertEqual(after('07:52:00 resumed from ckpt.pt at step 8000 (2480s trained)',
                                   '07:52:30 epoch 2.00 step 8050 loss 0.0230 lr 0.00e+00 2500s'),
                             'epoch 2.00 step 8050 loss 0.0230')

    def test_the_runs_share_the_recipe_and_differ_in_seed_and_folder(self):
        a = trainModel.run_command(20240608, 'w/a', 'w', False)
        b = trainModel.run_command(20240609, 'w/b', 'w', True)
        self.assertEqual(a[a.index('--seed') + 1], '20240608')
        self.assertEqual(b[b.index('--seed') + 1], '20240609')
        self.assertNotIn('--resume', a)
        self.assertIn('--resume', b)
        strip = lambda c: [x for x in c if x not in ('w/a', 'w/b', '20240608', '20240609', '--resume')]  # noqa: E731
        self.assertEqual(strip(a), strip(b))
        self.assertEqual(a[a.index('--faker-work') + 1], 'w')


if __name__ == '__main__':
    unittest.main()
