"""Builds the tiny sentiment classifier the tests use as "the card's own model": a 2-layer BERT
(hidden 32) with a sequence-classification head, trained for a few seconds on generated review
sentences, exported as a transformers.js model folder (config.json with id2label, tokenizer.json,
tokenizer_config.json, onnx/model.onnx and onnx/model_quantized.onnx).

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 training/tinyTextClassifier.py --out test/fixtures/card-model

With `--plumbing DIR` it also writes two untrained models of the same size into DIR, only to test
that the other tasks run end to end: DIR/nli (a sequence-classification head with the labels
entailment/neutral/contradiction, which serves zero-shot-classification) and DIR/mlm (a masked-LM
head, fill-mask). Their answers mean nothing; their shapes and labels do.

Everything is seeded and runs on one thread, so a rebuild gives the same weights on the same
software. The vocabulary is built from the generated sentences plus single letters and digits
(as word starts and as ## continuations), so an unseen word splits into letters instead of [UNK].
The model card next to the files (model-card.yaml) is written by hand, not by this script.
"""
import argparse
import os
import random
import string
import sys

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bertVocab import SPECIAL_TOKENS  # noqa: E402
from model import Bert  # noqa: E402
from modelFolder import model_config, write_folder, write_json  # noqa: E402
from quantizeInt8 import quantize  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402

LABELS = ['NEGATIVE', 'POSITIVE']
CONFIG = {'hidden': 32, 'layers': 2, 'heads': 2, 'ffn': 64, 'max_pos': 128, 'dropout': 0.1}

SUBJECTS = ['the phone', 'this laptop', 'the battery', 'the screen', 'the service', 'the delivery', 'the food',
            'the hotel', 'the room', 'the staff', 'this book', 'the movie', 'the app', 'the update', 'the camera',
            'the price', 'the support team', 'the keyboard', 'the coffee', 'the concert', 'my order', 'the product']
POSITIVE = ['great', 'excellent', 'wonderful', 'fantastic', 'amazing', 'good', 'lovely', 'perfect', 'helpful',
            'fast', 'friendly', 'brilliant', 'superb', 'pleasant', 'reliable', 'delightful']
NEGATIVE = ['terrible', 'awful', 'bad', 'horrible', 'poor', 'slow', 'broken', 'rude', 'disappointing',
            'useless', 'dreadful', 'noisy', 'unreliable', 'boring', 'cold', 'faulty']
LOVE = ['i love', 'i really like', 'we enjoyed', 'i adore', 'we recommend', 'i am happy with']
HATE = ['i hate', 'i really dislike', 'we regret', 'i am unhappy with', 'we returned', 'i am angry about']
ENDINGS = ['', '', ' and i would buy it again', ' and it arrived on time', ' and it broke after a week',
           ' and nobody answered', ' for the price', ' this time', ' overall', ' to be honest']
POSITIVE_ENDINGS = {' and i would buy it again', ' and it arrived on time'}
NEGATIVE_ENDINGS = {' and it broke after a week', ' and nobody answered'}
FILLER = ['my name is', 'the weather', 'on monday', 'in the morning', 'at home', 'with my family', 'after work']


def sentence(rng):
    """One review sentence and its label (1 positive, 0 negative)."""
    label = rng.random() < 0.5
    kind = rng.random()
    subject = rng.choice(SUBJECTS)
    if kind < 0.45:
        adjective = rng.choice(POSITIVE if label else NEGATIVE)
        text = '%s was %s' % (subject, adjective)
    elif kind < 0.65:
        # Negation flips the adjective's polarity.
        adjective = rng.choice(NEGATIVE if label else POSITIVE)
        text = '%s was not %s' % (subject, adjective)
    elif kind < 0.85:
        text = '%s %s' % (rng.choice(LOVE if label else HATE), subject)
    else:
        first, second = rng.choice(POSITIVE if label else NEGATIVE), rng.choice(POSITIVE if label else NEGATIVE)
        text = '%s is %s and %s' % (subject, first, second)
    ending = rng.choice([e for e in ENDINGS if e not in (NEGATIVE_ENDINGS if label else POSITIVE_ENDINGS)])
    text += ending
    if rng.random() < 0.2:
        text = '%s, %s' % (rng.choice(FILLER), text)
    text += rng.choice(['.', '!', '.', ''])
    if rng.random() < 0.5:
        text = text[0].upper() + text[1:]
    return text, int(label)


def build_vocab(texts):
    words = set()
    for text in texts:
        for word in text.lower().replace(',', ' ').replace('.', ' ').replace('!', ' ').split():
            words.add(word)
    singles = list(string.ascii_lowercase + string.digits)
    vocab = list(SPECIAL_TOKENS) + sorted(set(string.punctuation)) + singles + ['##' + c for c in singles]
    vocab += sorted(w for w in words if w not in vocab)
    return vocab


class BertForSequenceClassification(nn.Module):
    """BERT + pooler (dense + tanh on [CLS]) + classifier, with Hugging Face's parameter names."""

    def __init__(self, c, num_labels):
        super().__init__()
        self.bert = Bert(c)
        self.pooler = nn.Linear(c['hidden'], c['hidden'])
        self.dropout = nn.Dropout(c.get('dropout', 0.1))
        self.classifier = nn.Linear(c['hidden'], num_labels)
        for m in self.modules():
            if isinstance(m, (nn.Linear, nn.Embedding)):
                nn.init.normal_(m.weight, mean=0.0, std=0.02)
                if isinstance(m, nn.Linear):
                    nn.init.zeros_(m.bias)

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.bert(input_ids, attention_mask, token_type_ids)
        pooled = torch.tanh(self.pooler(hidden[:, 0]))
        return self.classifier(self.dropout(pooled))


class BertForMaskedLM(nn.Module):
    """BERT + the masked-LM head (dense + gelu + LayerNorm, then a decoder over the vocabulary)."""

    def __init__(self, c):
        super().__init__()
        self.bert = Bert(c)
        self.transform = nn.Linear(c['hidden'], c['hidden'])
        self.norm = nn.LayerNorm(c['hidden'], eps=1e-12)
        self.decoder = nn.Linear(c['hidden'], c['vocab_size'])

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.bert(input_ids, attention_mask, token_type_ids)
        return self.decoder(self.norm(nn.functional.gelu(self.transform(hidden))))


def export(model, path, per_token=False):
    """ONNX opset 14 with transformers.js's input names; logits are [batch, labels]."""
    model.eval()
    ids = torch.tensor([[2, 40, 41, 42, 3]], dtype=torch.long)
    axes = {0: 'batch_size', 1: 'sequence_length'}
    torch.onnx.export(
        model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), path,
        input_names=['input_ids', 'attention_mask', 'token_type_ids'], output_names=['logits'],
        dynamic_axes={'input_ids': axes, 'attention_mask': axes, 'token_type_ids': axes, 'logits': axes if per_token else {0: 'batch_size'}},
        opset_version=14, do_constant_folding=True)


def batches(encoded, labels, size, rng):
    order = list(range(len(encoded)))
    rng.shuffle(order)
    for i in range(0, len(order), size):
        rows = [encoded[j] for j in order[i:i + size]]
        width = max(len(r) for r in rows)
        ids = torch.zeros(len(rows), width, dtype=torch.long)
        mask = torch.zeros(len(rows), width, dtype=torch.long)
        for r, row in enumerate(rows):
            ids[r, :len(row)] = torch.tensor(row)
            mask[r, :len(row)] = 1
        yield ids, mask, torch.tensor([labels[j] for j in order[i:i + size]])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--out', default=os.path.join(HERE, '..', 'test', 'fixtures', 'card-model'))
    parser.add_argument('--sentences', type=int, default=4000)
    parser.add_argument('--epochs', type=int, default=6)
    parser.add_argument('--seed', type=int, default=16)
    parser.add_argument('--plumbing', help='also write untrained zero-shot (nli/) and fill-mask (mlm/) models here')
    args = parser.parse_args()
    rng = random.Random(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)

    data = [sentence(rng) for _ in range(args.sentences)]
    held_out = [sentence(rng) for _ in range(400)]
    vocab = build_vocab([t for t, _ in data])
    tokenizer = WordPieceTokenizer(vocab)
    encode = lambda text: tokenizer.encode(text, CONFIG['max_pos'])[0]  # noqa: E731
    encoded = [encode(t) for t, _ in data]
    labels = [y for _, y in data]

    cfg = dict(CONFIG, vocab_size=len(vocab))
    model = BertForSequenceClassification(cfg, len(LABELS))
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(args.epochs):
        model.train()
        total = 0.0
        for ids, mask, y in batches(encoded, labels, 32, rng):
            optimizer.zero_grad()
            loss = loss_fn(model(ids, mask, torch.zeros_like(ids)), y)
            loss.backward()
            optimizer.step()
            total += float(loss) * len(y)
        model.eval()
        with torch.no_grad():
            right = 0
            for text, y in held_out:
                ids = torch.tensor([encode(text)])
                right += int(model(ids, torch.ones_like(ids), torch.zeros_like(ids)).argmax(-1)) == y
        print('epoch %d: loss %.4f, held-out accuracy %.3f' % (epoch + 1, total / len(data), right / len(held_out)), flush=True)

    out = os.path.abspath(args.out)
    write_folder(out, vocab, cfg, LABELS, max_len=CONFIG['max_pos'])
    config = model_config(cfg, LABELS)
    config['_name_or_path'] = 'cardwright-tiny-sentiment'
    config['architectures'] = ['BertForSequenceClassification']
    config['problem_type'] = 'single_label_classification'
    del config['cardwright_case_token_types']
    write_json(os.path.join(out, 'config.json'), config)
    fp32 = os.path.join(out, 'onnx', 'model.onnx')
    export(model, fp32)
    quantize(fp32, os.path.join(out, 'onnx', 'model_quantized.onnx'))
    model.eval()
    with torch.no_grad():
        for text in ['I love this phone, the battery is great.', 'The delivery was slow and the staff was rude.']:
            ids = torch.tensor([encode(text)])
            probs = torch.softmax(model(ids, torch.ones_like(ids), torch.zeros_like(ids)), -1)[0]
            print('%-50s %s' % (text, ' '.join('%s %.3f' % (l, float(p)) for l, p in zip(LABELS, probs))))
    print('wrote', out)
    if args.plumbing:
        write_plumbing(os.path.abspath(args.plumbing), vocab, cfg, args.seed)


def write_plumbing(root, vocab, cfg, seed):
    torch.manual_seed(seed)
    nli_labels = ['entailment', 'neutral', 'contradiction']
    nli = BertForSequenceClassification(cfg, len(nli_labels))
    folder = os.path.join(root, 'nli')
    write_folder(folder, vocab, cfg, nli_labels, max_len=CONFIG['max_pos'])
    config = model_config(cfg, nli_labels)
    config['_name_or_path'] = 'cardwright-tiny-nli-untrained'
    config['architectures'] = ['BertForSequenceClassification']
    del config['cardwright_case_token_types']
    write_json(os.path.join(folder, 'config.json'), config)
    export(nli, os.path.join(folder, 'onnx', 'model.onnx'))
    mlm = BertForMaskedLM(cfg)
    folder = os.path.join(root, 'mlm')
    write_folder(folder, vocab, cfg, ['LABEL_0'], max_len=CONFIG['max_pos'])
    config = model_config(cfg, ['LABEL_0'])
    config['_name_or_path'] = 'cardwright-tiny-mlm-untrained'
    config['architectures'] = ['BertForMaskedLM']
    del config['cardwright_case_token_types']
    del config['id2label'], config['label2id']
    write_json(os.path.join(folder, 'config.json'), config)
    export(mlm, os.path.join(folder, 'onnx', 'model.onnx'), per_token=True)
    print('wrote', root)


if __name__ == '__main__':
    main()
