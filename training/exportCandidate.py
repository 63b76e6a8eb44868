"""Export a trainReal.py result (model.pt + stats.json in its --work folder) as a model folder the
TypeScript side loads (config, tokenizer, int8 ONNX), e.g. for the real-text bench:

  /usr/bin/python3 training/exportCandidate.py training/work/real /tmp/candidate
  npm run bench:pii-quality -- --real-only --model /tmp/candidate
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import exportOnnx  # noqa: E402
import modelFolder  # noqa: E402
import quantizeInt8  # noqa: E402
from model import BertForTokenClassification  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402


def main():
    args = [a for a in sys.argv[1:] if a != '--card']
    work, out = args[0], args[1]
    with open(os.path.join(work, 'stats.json')) as f:
        st = json.load(f)
    torch.set_num_threads(1)
    model = BertForTokenClassification(st['config'], len(st['labels']))
    model.load_state_dict(torch.load(os.path.join(work, 'model.pt')))
    model.eval()
    fp32 = os.path.join(work, 'model.onnx')
    exportOnnx.export(model, fp32)
    max_len = st.get('args', {}).get('max_len', 128)
    lexicon = None
    if st['config'].get('type_vocab', 2) == 4:
        with open(st['args']['name_lexicon'], encoding='utf-8') as f:
            lexicon = [line.strip() for line in f if line.strip()]
    if st.get('args', {}).get('extra_vocab'):  # the run's vocabulary: base + its appended words
        WordPieceTokenizer.use_extra_vocab(st['args']['extra_vocab'])
    modelFolder.write_folder(out, WordPieceTokenizer().vocab, dict(st['config'], train_max_tokens=max_len), st['labels'],
                             lexicon=lexicon)
    q8 = os.path.join(out, 'onnx', 'model_quantized.onnx')
    quantizeInt8.quantize(fp32, q8)
    print('%s: %.1f MB int8' % (q8, os.path.getsize(q8) / 1e6))
    if '--card' in sys.argv:
        import modelCardReal
        import trainReal
        with open(os.path.join(work, 'eval.json')) as f:
            ev = json.load(f)
        st['q8_mb'] = os.path.getsize(q8) / 1e6
        modelCardReal.write(out, st['config'], st['labels'], st, ev, trainReal.TRAIN_MODEL_COMMAND)
        print('model card: %s' % os.path.join(out, 'model-card.yaml'))


if __name__ == '__main__':
    main()
