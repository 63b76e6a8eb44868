"""Tables stored as int8 rows with one float16 scale each (half the size of float16).

Used for the GloVe tables (gloveVocab.py --int8) and for the word-embedding table of the committed
stage-1 weights, so that the training inputs the repository carries stay small. A stored table is
`{'int8': (rows, dims) int8, 'scale': (rows,) float16}`; row i is int8[i] * scale[i], where the
scale is the row's largest absolute entry / 127 (a row of zeros stays zeros).

  python3 training/rowInt8.py IN.pt OUT.pt
      a state_dict (e.g. stage-1 float16 weights) with its word-embedding table stored this way
      and every other tensor as it was.
"""
import sys

import torch

EMBEDDING = 'bert.embeddings.word_embeddings.weight'


def to_int8(table):
    # The scale is rounded to float16 when stored, after the int8 values were made with it in
    # float32: a row comes back within half a step plus float16's rounding of the scale (about
    # 0.05%). quantizeInt8.py rounds the scale first, so its ONNX tables are within half a step;
    # this one stays as it is because the committed GloVe tables, which the shipped model was
    # trained on, were written by it.
    table = table.float()
    scale = table.abs().amax(1).clamp_min(1e-12) / 127
    return {'int8': torch.round(table / scale[:, None]).to(torch.int8), 'scale': scale.half()}


def from_stored(obj):
    """A float32 tensor from either form: a stored int8 table or a plain tensor."""
    if isinstance(obj, dict):
        return obj['int8'].float() * obj['scale'].float()[:, None]
    return obj.float() if obj.is_floating_point() else obj


def load_state(path):
    """A state_dict whose entries may be stored int8 tables; floating-point entries as float32."""
    return {k: from_stored(v) for k, v in torch.load(path).items()}


def main():
    src, out = sys.argv[1], sys.argv[2]
    state = torch.load(src)
    state[EMBEDDING] = to_int8(state[EMBEDDING])
    torch.save(state, out)
    print('%s: %s stored as int8 rows' % (out, EMBEDDING))


if __name__ == '__main__':
    main()
