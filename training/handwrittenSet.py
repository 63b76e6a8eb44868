"""Turns training/handwritten.txt (40 hand-written, non-templated sentences with
[[text|TYPE]] markup) into test/fixtures/pii-eval/handwritten.jsonl, a small sanity set of
natural text that no generator produced."""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r'\[\[(.+?)\|([A-Z_]+)\]\]')


def parse(line):
    text, spans, pos, i = [], [], 0, 0
    for m in MARK.finditer(line):
        lit = line[i:m.start()]
        text.append(lit)
        pos += len(lit)
        val = m.group(1)
        start = pos
        if m.group(2) == 'PERSON':  # titles are not part of a PERSON span
            t = re.match(r'(?:Mrs?\.|Ms\.|Dr\.|Fr\.|Prof\.)\s+', val)
            if t:
                start += t.end()
        spans.append({'start': start, 'end': pos + len(val), 'type': m.group(2)})
        text.append(val)
        pos += len(val)
        i = m.end()
    text.append(line[i:])
    return {'text': ''.join(text), 'spans': spans}


if __name__ == '__main__':
    out = os.path.join(HERE, '..', 'test', 'fixtures', 'pii-eval', 'handwritten.jsonl')
    with open(os.path.join(HERE, 'handwritten.txt'), encoding='utf-8') as f, open(out, 'w', encoding='utf-8') as g:
        for line in f:
            if line.strip():
                g.write(json.dumps(parse(line.rstrip('\n')), ensure_ascii=False) + '\n')
    print('wrote', out)
