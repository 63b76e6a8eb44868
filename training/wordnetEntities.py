"""Named things from WordNet 3.0 as training knowledge (issue 12, round 12).

WordNet's noun database marks ~7,700 synsets as *instances* (a particular person, city, river,
building, work) and files every synset under a lexicographer file that gives its class. This
module turns that into two kinds of training material for the `real` recipe:

- definition sentences: `Hobbes was an English materialist and political philosopher ...`, the
  named thing labelled with its class (PERSON, LOCATION, ORGANIZATION) or O (works, events, eras,
  languages, peoples, doctrines: capitalized words that are not names), every other capitalized
  word of the gloss left out of the loss (IGNORE: WordNet does not say what it is);
- values for mention replacement (`realMix.replace_mentions`): a real sentence's person, place or
  organization replaced by a WordNet one of the same class.

`--extract DIR` reads WordNet's `data.noun` (Debian's `wordnet-base` puts it in
/usr/share/wordnet) and writes `wordnet/entities.tsv` (committed, so training reads only this
folder): class, the synset's lemmas joined by `|`, and the first clause of its gloss.
"""
import argparse
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
TSV = os.path.join(HERE, 'wordnet', 'entities.tsv')

# lexicographer file numbers (WordNet's lexnames)
ACT, ARTIFACT, COGNITION, COMMUNICATION, EVENT, GROUP, LOCATION, OBJECT, PERSON, TIME = 4, 6, 9, 10, 11, 14, 15, 17, 18, 28
# Words before a person's name that are not part of it in the product's spans.
TITLES = {'president', 'saint', 'st.', 'king', 'queen', 'sir', 'lord', 'lady', 'pope', 'emperor', 'empress', 'prince',
          'princess', 'duke', 'duchess', 'general', 'admiral', 'captain', 'czar', 'tsar', 'mr.', 'mrs.', 'dr.', 'san',
          'santa', 'mother', 'father', 'brother', 'sister', 'uncle', 'aunt', 'baron', 'count', 'earl', 'cardinal'}


def _parse(data_noun):
    """(lexfile, is_instance, lemmas, gloss) per synset of a WordNet data.noun file."""
    with open(data_noun, encoding='latin-1') as f:
        for line in f:
            if line.startswith('  '):
                continue
            head, _, gloss = line.partition(' | ')
            parts = head.split()
            lexfile, count = int(parts[1]), int(parts[3], 16)
            lemmas = [re.sub(r'\([a-z]+\)$', '', parts[4 + 2 * i]) for i in range(count)]
            rest = parts[4 + 2 * count:]
            pointers = [rest[1 + 4 * i] for i in range(int(rest[0]))]
            yield lexfile, '@i' in pointers, lemmas, gloss.strip()


def _first_clause(gloss):
    """The definition without its quoted examples, a leading `(domain)` and what follows a `;`."""
    g = re.sub(r'^\([^)]*\)\s*', '', gloss.split('; "')[0].split('"')[0]).strip().rstrip(';').strip()
    return g.split('; ')[0].strip()


def _name_like(lemma):
    """Every word capitalized (or a connecting word such as `of`, `de`, `the`) and no digit."""
    words = lemma.split('_')
    if not words[0][:1].isupper() or any(ch.isdigit() for ch in lemma):
        return False
    return all(w[:1].isupper() or w in ('of', 'the', 'de', 'la', 'le', 'du', 'von', 'van', 'da', 'di', 'and', 'y', 'al', 'el', 'ibn', 'bin', 'del', 'der')
               for w in words)


def classify(lexfile, instance, lemma, common):
    """The class a lemma trains as: PERSON / LOCATION / ORGANIZATION, O for capitalized things that
    are not names, None for what is left out (plants' and animals' genera, lowercase words,
    instances whose name is also a common noun, `Death`, `Creation`)."""
    if not _name_like(lemma):
        return None
    if instance and lemma.lower() in common:
        return None
    if instance and lexfile == PERSON:
        return None if lemma.split('_')[0].lower() in TITLES else 'PERSON'
    if instance and lexfile in (LOCATION, OBJECT):
        return 'LOCATION'
    if lexfile == GROUP:
        return 'ORGANIZATION'
    if instance and lexfile in (ACT, ARTIFACT, COMMUNICATION, TIME, EVENT):
        return 'O'  # events, buildings and ships (places to some corpora, products to others), works, eras
    if not instance and lexfile in (PERSON, COMMUNICATION, COGNITION):
        return 'O'  # peoples and nationalities, languages, doctrines
    return None


def extract(wordnet_dir, out=TSV):
    rows = list(_parse(os.path.join(wordnet_dir, 'data.noun')))
    common = {l.lower() for _, inst, lemmas, _ in rows if not inst for l in lemmas if l[:1].islower()}
    lines = []
    for lexfile, instance, lemmas, gloss in rows:
        kept = {}
        for lemma in lemmas:
            c = classify(lexfile, instance, lemma, common)
            if c:
                kept.setdefault(c, []).append(lemma.replace('_', ' '))
        clause = _first_clause(gloss)
        for c, names in sorted(kept.items()):
            if clause and '\t' not in clause:
                lines.append('%s\t%s\t%s' % (c, '|'.join(names), clause))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    return len(lines)


def load(path=TSV):
    """[(class, [lemmas], gloss)] in file order."""
    with open(path, encoding='utf-8') as f:
        return [(c, names.split('|'), gloss) for c, names, gloss in (line.rstrip('\n').split('\t') for line in f if line.strip())]


def values(entries):
    """{class: sorted lemmas} for mention replacement (PERSON, LOCATION, ORGANIZATION)."""
    out = {}
    for c, names, _ in entries:
        if c != 'O':
            out.setdefault(c, set()).update(names)
    return {c: sorted(v) for c, v in out.items()}


def _article(gloss):
    first = gloss.split(' ')[0].lower()
    if first in ('a', 'an', 'the', 'one', 'any', 'either', 'each', 'some', 'all'):
        return gloss
    vowel = first[:1] in 'aeiou' and not first.startswith(('uni', 'use', 'usu', 'eu', 'one'))
    return ('an ' if vowel else 'a ') + gloss


CAPITAL = re.compile(r"\b[A-Z][\w'.-]*")


def definition(rng, entry):
    """(text, spans) of one definition sentence for a WordNet entry."""
    cls, names, gloss = entry
    name = rng.choice(names)
    other = [n for n in names if n != name]
    verb = 'was' if cls == 'PERSON' else rng.choice(['is', 'is', 'was'])
    form = rng.random()
    if form < 0.5:
        head, tail = name, ' %s %s.' % (verb, _article(gloss))
    elif form < 0.65 and other:
        alt = rng.choice(other)
        head, tail = name, ' (also %s) %s %s.' % (alt, verb, _article(gloss))
    elif form < 0.85:
        head, tail = name, rng.choice([': ', ' - ', ', ']) + gloss + '.'
    else:
        pre = rng.choice(['In the article on ', 'See also ', 'The entry for ', 'About ', 'Notes on '])
        text = pre + name + ': ' + gloss + '.'
        return text, _spans(text, len(pre), len(pre) + len(name), cls)
    text = head + tail
    return text, _spans(text, 0, len(name), cls)


def _spans(text, start, end, cls):
    """The named thing as `cls` (O: no span, so it trains as O), every capitalized word of the gloss
    after it out of the loss (IGNORE: WordNet does not say what it is); the words before it are
    this module's own (`See also`), O."""
    spans = [(start, end, cls)] if cls != 'O' else []
    for m in CAPITAL.finditer(text, end):
        spans.append((m.start(), m.end(), 'IGNORE'))
    return spans


def document(rng, entries):
    """1-3 definition sentences joined by spaces or line breaks."""
    text, spans = '', []
    for k in range(rng.choice([1, 1, 2, 3])):
        t, s = definition(rng, rng.choice(entries))
        if k:
            text += rng.choice([' ', ' ', '\n'])
        spans.extend((a + len(text), b + len(text), c) for a, b, c in s)
        text += t
    return text, spans


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--extract', metavar='DIR', help='WordNet dict folder holding data.noun (e.g. /usr/share/wordnet)')
    ap.add_argument('--out', default=TSV)
    ap.add_argument('--samples', type=int, default=0, help='print this many definition documents')
    args = ap.parse_args()
    if args.extract:
        print('%d entries -> %s' % (extract(args.extract, args.out), args.out))
    if args.samples:
        entries = load(args.out)
        counts = {}
        for c, names, _ in entries:
            counts[c] = counts.get(c, 0) + 1
        print(counts)
        rng = random.Random(1)
        for _ in range(args.samples):
            text, spans = document(rng, entries)
            print(repr(text), [(text[a:b], c) for a, b, c in spans])


if __name__ == '__main__':
    main()
