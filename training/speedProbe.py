"""Raw int8 throughput of candidate encoder shapes, before training any of them (speed does not
depend on the weights): exports a randomly initialised model of each shape to int8 ONNX
(exportOnnx + quantizeInt8, as shipped) into --work and times it with onnxruntime-node
(speedProbe.mjs: one session, one intra-op thread, batch 32 x 128 tokens). On a shared machine
compare the shapes with each other (ratios), not with absolute numbers.

  /usr/bin/python3 training/speedProbe.py 128x3 256x4 256x4f512 192x4 256x3
A shape is HIDDENxLAYERS with an optional fFFN (default 4 x hidden).
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import exportOnnx  # noqa: E402
import quantizeInt8  # noqa: E402
from model import BertForTokenClassification  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('shapes', nargs='+')
    ap.add_argument('--work', default=os.path.join(HERE, 'work', 'speed'))
    ap.add_argument('--labels', type=int, default=27)
    ap.add_argument('--seconds', type=float, default=5)
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    torch.manual_seed(1)
    files = []
    for shape in args.shapes:
        m = re.fullmatch(r'(\d+)x(\d+)(?:f(\d+))?', shape)
        h, l, f = int(m.group(1)), int(m.group(2)), int(m.group(3) or 4 * int(m.group(1)))
        cfg = dict(vocab_size=30522, hidden=h, layers=l, heads=max(2, h // 64), ffn=f, max_pos=512, dropout=0.1)
        q8 = os.path.join(args.work, shape + '.onnx')
        if not os.path.exists(q8):
            model = BertForTokenClassification(cfg, args.labels).eval()
            fp32 = os.path.join(args.work, shape + '.fp32.onnx')
            exportOnnx.export(model, fp32)
            quantizeInt8.quantize(fp32, q8)
        files.append(q8)
        print('%s: %.1f MB int8, %.1fM parameters' % (shape, os.path.getsize(q8) / 1e6,
                                                      sum(p.numel() for p in BertForTokenClassification(cfg, args.labels).parameters()) / 1e6), flush=True)
    subprocess.run(['node', os.path.join(HERE, 'speedProbe.mjs'), str(args.seconds)] + files, check=True,
                   cwd=os.path.join(HERE, '..'))


if __name__ == '__main__':
    main()
