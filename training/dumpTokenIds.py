"""Dumps {"text", "ids"} (Python tokenizer, with [CLS]/[SEP], truncated to 512) for each
eval record, for verifyRuntime.mjs to compare against transformers.js.

  /usr/bin/python3 training/dumpTokenIds.py test/fixtures/pii-eval/eval.jsonl training/work/ids.jsonl
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordpiece import WordPieceTokenizer  # noqa: E402

EXTRA = ['Crème brûlée at Café Zürich, naïve façade', 'İstanbul ΣΊΣΥΦΟΣ straße', '北京市朝阳区 and 東京都',
         'emoji 🙂 here👍🏽 and\r\nwindows lines', 'tab\tand\u00a0nbsp\u2003em space', 'zero\u200bwidth joiner',
         'control\x07bell and \ufeffbom', '𠀀 astral CJK', 'ｆｕｌｌｗｉｄｔｈ ＡＢＣ', 'Ǆemal ﬁnance ﬀ']

if __name__ == '__main__':
    tok = WordPieceTokenizer()
    src, dst = sys.argv[1], sys.argv[2]
    texts = [json.loads(l)['text'] for l in open(src, encoding='utf-8') if l.strip()] + EXTRA
    with open(dst, 'w', encoding='utf-8') as f:
        for t in texts:
            ids, _, _ = tok.encode(t, max_len=512)
            f.write(json.dumps({'text': t, 'ids': ids}, ensure_ascii=False) + '\n')
