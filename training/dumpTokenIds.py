"""Dumps {"text", "ids", "types"} (Python tokenizer, with [CLS]/[SEP], truncated to 512) for every
record of the given JSONL files, then a few hard strings, for verifyRuntime.mjs to compare
against transformers.js and to run the int8 model on.

  /usr/bin/python3 training/dumpTokenIds.py training/work/ids.jsonl test/fixtures/pii-eval/eval.jsonl
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordpiece import WordPieceTokenizer  # noqa: E402

EXTRA = ['Crème brûlée at Café Zürich, naïve façade', 'İstanbul ΣΊΣΥΦΟΣ straße', '北京市朝阳区 and 東京都',
         'emoji 🙂 here👍🏽 and\r\nwindows lines', 'tab\tand\u00a0nbsp\u2003em space', 'zero\u200bwidth joiner',
         'control\x07bell and \ufeffbom', '𠀀 astral CJK', 'ｆｕｌｌｗｉｄｔｈ ＡＢＣ', 'Ǆemal ﬁnance ﬀ']


def dump(dst, sources):
    tok = WordPieceTokenizer()
    texts = []
    for src in sources:
        with open(src, encoding='utf-8') as f:
            texts += [json.loads(l)['text'] for l in f if l.strip()]
    with open(dst, 'w', encoding='utf-8') as f:
        for t in texts + EXTRA:
            ids, _, _ = tok.encode(t, max_len=512)
            types = [0] + tok.case_types(t)[:len(ids) - 2] + [0]
            f.write(json.dumps({'text': t, 'ids': ids, 'types': types}, ensure_ascii=False) + '\n')
    return len(texts)


if __name__ == '__main__':
    dump(sys.argv[1], sys.argv[2:])
