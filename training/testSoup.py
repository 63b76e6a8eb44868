"""Tests of soupModels.py's averaging and its checks: /usr/bin/python3 -m unittest training/testSoup.py"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

import soupModels  # noqa: E402


def state(seed):
    g = torch.Generator().manual_seed(seed)
    return {'w': torch.randn(3, 4, generator=g), 'b': torch.randn(4, generator=g),
            'ids': torch.arange(5)}


class SoupTest(unittest.TestCase):
    def test_equal_weights_give_the_mean(self):
        a, b = state(1), state(2)
        out = soupModels.average([a, b])
        self.assertTrue(torch.allclose(out['w'], (a['w'] + b['w']) / 2))
        self.assertTrue(torch.allclose(out['b'], (a['b'] + b['b']) / 2))
        self.assertTrue(torch.equal(out['ids'], a['ids']))
        self.assertEqual(out['w'].dtype, torch.float32)

    def test_a_run_averaged_with_itself_or_alone_is_unchanged(self):
        a = state(3)
        for k, t in soupModels.average([a]).items():
            self.assertTrue(torch.equal(t, a[k]))
        out = soupModels.average([a, a, a])
        for k in a:
            self.assertTrue(torch.allclose(out[k], a[k], atol=1e-7))

    def test_weights(self):
        a, b = state(4), state(5)
        out = soupModels.average([a, b], [0.25, 0.75])
        self.assertTrue(torch.allclose(out['w'], 0.25 * a['w'] + 0.75 * b['w'], atol=1e-6))
        with self.assertRaises(ValueError):
            soupModels.average([a, b], [0.5, 0.6])
        with self.assertRaises(ValueError):
            soupModels.average([a, b], [1.0])

    def test_mismatches_are_refused(self):
        a, b = state(6), state(7)
        with self.assertRaises(ValueError):
            soupModels.average([a, dict(b, extra=torch.zeros(1))])
        with self.assertRaises(ValueError):
            soupModels.average([a, dict(b, w=torch.zeros(4, 3))])
        with self.assertRaises(ValueError):
            soupModels.average([a, dict(b, ids=torch.arange(1, 6))])
        with self.assertRaises(ValueError):
            soupModels.average([])
        base = {'config': {'hidden': 256}, 'labels': ['O'], 'args': {'extra_vocab': 'x'}}
        soupModels.check_compatible([base, dict(base)])
        with self.assertRaises(ValueError):
            soupModels.check_compatible([base, dict(base, config={'hidden': 128})])
        with self.assertRaises(ValueError):
            soupModels.check_compatible([base, dict(base, args={'extra_vocab': 'y'})])


if __name__ == '__main__':
    unittest.main()
