"""The training mix of the `real` recipe (trainReal.py, issue 12): human-annotated corpora,
@faker-js/faker values rendered into records, letters, addresses and sentences in many locales,
the existing templates and natural multilingual prose, with contrast labels (ORGANIZATION,
LOCATION, PRODUCT) next to the PII types.

Nothing here changes what train.py / `npm run train-model` produce: the existing templates are
rendered through `render_mix` only while `contrast_rendering()` is active, and the label list,
token labelling and encoding live here."""
import contextlib
import json
import os
import random
import re
import subprocess

import corpus
import entityValues as E
import realCorpora
import templateRender as R
from lexicon import places, things
from proseTemplates import HEADINGS, KEYS, PROSE

HERE = os.path.dirname(os.path.abspath(__file__))
CONTRAST_TYPES = ['ORGANIZATION', 'LOCATION', 'PRODUCT']


def label_list(contrast):
    """['O', B-/I- of the ten PII types (the shipped order), then B-/I- of each contrast type]."""
    types = corpus.ENTITY_TYPES + list(contrast)
    return ['O'] + [p + '-' + t for t in types for p in ('B', 'I')], types


IGNORE = 'IGNORE'  # a span type whose tokens are left out of the loss (-100)


def token_labels(starts, ends, spans, label_id):
    """corpus.token_labels with a label table of its own; spans of types not in it are O, tokens
    of IGNORE spans -100."""
    ignored = [(a, b) for a, b, t in spans if t == IGNORE]
    spans = sorted(s for s in spans if 'B-' + s[2] in label_id)
    labels, prev = [], None
    for s, e in zip(starts, ends):
        if s < 0 or any(a <= s < b for a, b in ignored):
            labels.append(-100)
            prev = None
            continue
        hit = next((k for k, (a, b, _) in enumerate(spans) if a <= s < b), None)
        if hit is None:
            labels.append(0)
            prev = None
            continue
        labels.append(label_id[('I-' if prev == hit else 'B-') + spans[hit][2]])
        prev = hit
    return labels


def encode(tok, text, spans, max_len, label_id, case=True, drop=None):
    ids, starts, ends = tok.encode(text, max_len=max_len)
    types = [0] + tok.case_types(text, case=case, drop=drop)[:len(ids) - 2] + [0]
    return ids, token_labels(starts, ends, spans, label_id), types


# ------------------------------------------------------------------ faker values

def load_faker(work, seed=20240607):
    """{kind: {locale: [values]}} from fakerValues.mjs's JSONL in `work` (written when missing)."""
    path = os.path.join(work, 'fakerValues.jsonl')
    # A file written before fakerValues.mjs had brand words is written again (every other kind's
    # values come out the same, so the recipes that do not use them do not change).
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            if '"kind":"brandWord"' not in f.read():
                os.remove(path)
    if not os.path.exists(path):
        os.makedirs(work, exist_ok=True)
        subprocess.run(['node', os.path.join(HERE, 'fakerValues.mjs'), '--out', path, '--seed', str(seed)],
                       check=True, cwd=os.path.join(HERE, '..'))
    fk = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            fk.setdefault(r['kind'], {}).setdefault(r['locale'], []).append(r['value'])
    for kind in fk:
        for loc in fk[kind]:
            fk[kind][loc].sort()  # file order is already deterministic; sorting makes it explicit
    return fk


def lang_of(locale):
    lang = locale.split('_')[0]
    return lang if lang in PROSE else 'en'


class Mix:
    """State for render_mix: the faker table, the document's locale, the probability of drawing a
    slot value from faker instead of the word lists, and the slot -> type table."""

    def __init__(self, fk, p_faker=0.5, handle_type='PERSON', brand_handles=0.0):
        self.fk = fk
        # The share of organizations' replacement handles made of brand words (brand_handle).
        self.brand_handles = brand_handles
        self.p_faker = p_faker
        self.locale = 'en_US'
        self.locales = sorted(set(fk.get('person', {})) | set(fk.get('address', {})))
        self.by_lang = {}
        for loc in self.locales:
            self.by_lang.setdefault(lang_of(loc), []).append(loc)
        self.handle_type = handle_type

    def value(self, rng, kind, locale=None):
        """A faker value of `kind` for the document's locale, else for a random locale that has it."""
        table = self.fk.get(kind, {})
        vals = table.get(locale or self.locale)
        if not vals:
            if not table:
                return None
            vals = table[rng.choice(sorted(table))]
        return rng.choice(vals)


MIX = None  # the active Mix while contrast_rendering() is on

# slot -> (type, faker kinds or None, fallback)
CONTRAST_SLOTS = {
    'org': ('ORGANIZATION', ['company'], R.UNLABELLED['org']),
    'org2': ('ORGANIZATION', ['company'], R.UNLABELLED['org2']),
    'famous_org': ('ORGANIZATION', None, R.UNLABELLED['famous_org']),
    'city': ('LOCATION', ['city'], R.UNLABELLED['city']),
    'city2': ('LOCATION', ['city'], R.UNLABELLED['city2']),
    'country': ('LOCATION', ['country'], R.UNLABELLED['country']),
    'region': ('LOCATION', ['state'], R.UNLABELLED['region']),
    'state': ('LOCATION', ['state'], R.UNLABELLED['region']),
    'landmark': ('LOCATION', None, R.UNLABELLED['landmark']),
    'street_name': ('LOCATION', ['street'], lambda rng, ctx: rng.choice(places.STREET_WORDS)),
    'product': ('PRODUCT', None, R.UNLABELLED['product']),
}
FAKER_PII = {
    'name': ['person'], 'fullname': ['person'], 'name2': ['person'], 'name3': ['person'],
    'first': ['firstName'], 'first2': ['firstName'], 'first3': ['firstName'],
    'last': ['lastName'], 'last2': ['lastName'],
    'addr': ['addressOneLine', 'addressOneLine', 'streetAddress'], 'addr_ml': ['address'],
    'phone': ['phoneNational', 'phoneInternational'], 'phone2': ['phoneNational', 'phoneInternational'],
    'email_any': ['email'],
}


def resolve(slot, rng, ctx):
    """(value, spans relative to the value) for one slot."""
    mix = MIX
    if slot in CONTRAST_SLOTS:
        typ, kinds, fallback = CONTRAST_SLOTS[slot]
        val = mix.value(rng, rng.choice(kinds)) if kinds and mix and rng.random() < mix.p_faker else None
        val = val or fallback(rng, ctx)
        return val, [(0, len(val), typ)]
    if slot in FAKER_PII and mix and rng.random() < mix.p_faker:
        val = mix.value(rng, rng.choice(FAKER_PII[slot]))
        if val:
            return val, [(0, len(val), R.LABELLED[slot][0])]
    if slot == 'handle' and mix:
        val = R.UNLABELLED['handle'](rng, ctx)
        return val, ([(0, len(val), mix.handle_type)] if mix.handle_type != 'O' else [])
    if slot in R.LABELLED:
        typ, fn = R.LABELLED[slot]
        val = fn(rng, ctx)
        return val, [(0, len(val), typ)]
    if slot in R.COMPOSITE:
        return R.COMPOSITE[slot](rng, ctx)
    if slot in R.UNLABELLED:
        return R.UNLABELLED[slot](rng, ctx), []
    raise KeyError('unknown slot {%s} in template' % slot)


def render_mix(template, rng, ctx):
    """templateRender.render with contrast types and faker values (see resolve)."""
    out, spans, pos, i = [], [], 0, 0
    for m in R.SLOT.finditer(template):
        lit = template[i:m.start()]
        out.append(lit)
        pos += len(lit)
        val, inner = resolve(m.group(1), rng, ctx)
        spans.extend((pos + s, pos + e, t) for s, e, t in inner)
        out.append(val)
        pos += len(val)
        i = m.end()
    out.append(template[i:])
    text = ''.join(out)
    return text, R.merge_adjacent(text, spans)


@contextlib.contextmanager
def contrast_rendering(mix):
    """While active, corpus/recordRender render templates with render_mix."""
    global MIX
    saved, MIX = R.render, mix
    R.render = render_mix
    try:
        yield
    finally:
        R.render, MIX = saved, None


# ------------------------------------------------------------------ documents

def _join(parts, rng, seps=(' ', '\n', ' ', '\n\n')):
    text, spans = '', []
    for k, (t, sp) in enumerate(parts):
        if k:
            text += rng.choice(seps)
        spans.extend((s + len(text), e + len(text), ty) for s, e, ty in sp)
        text += t
    return text, spans


def prose_document(rng, mix, pool):
    """1-3 natural sentences in one language with that language's faker values, sometimes under
    a heading (all caps or title case), sometimes with a heading glued on with ': '."""
    lang = rng.choices(['en', 'es', 'de', 'fr', 'it', 'pt', 'nl'], [3, 2, 1, 1, 1, 1, 1])[0]
    mix.locale = rng.choice(mix.by_lang.get(lang) or mix.locales)
    ctx = R.Context(rng, pool)
    parts = [render_mix(rng.choice(PROSE[lang]), rng, ctx) for _ in range(rng.randint(1, 3))]
    text, spans = _join(parts, rng, (' ', ' ', '\n'))
    if rng.random() < 0.4:
        h = rng.choice(HEADINGS[lang])
        sep = rng.choice(['\n', '\n\n', ': ', '. ', '\n'])
        text, spans = h + sep + text, [(s + len(h) + len(sep), e + len(h) + len(sep), t) for s, e, t in spans]
    return text, spans


def code_document(rng, mix, pool):
    """1-3 code/config fragments (codeSnippets.py): `@` words that are not handles (O), now and
    then a line with an author's name, email or handle."""
    import codeSnippets
    mix.locale = rng.choice(mix.locales)
    ctx = R.Context(rng, pool)
    parts = []
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.25:
            parts.append(render_mix(rng.choice(codeSnippets.PII_LINES), rng, ctx))
        else:
            parts.append((codeSnippets.snippet(rng), []))
    return _join(parts, rng, ('\n', '\n\n'))


def faker_document(rng, mix):
    """A record, letter block or address of one locale: key/value lines, CSV, JSON, a postal block
    (name, company, multi-line address) or a one-line 'Name, Company, address' contact."""
    mix.locale = rng.choice(mix.locales)
    lang = lang_of(mix.locale)
    keys = KEYS[lang] if rng.random() < 0.8 else KEYS['en']
    v = lambda kind: mix.value(rng, kind)  # noqa: E731
    fields = [(keys[0], v('person'), 'PERSON'), (keys[1], v('company'), 'ORGANIZATION'),
              (keys[2], v('address') if rng.random() < 0.5 else v('addressOneLine'), 'STREET_ADDRESS'),
              (keys[3], v(rng.choice(['phoneNational', 'phoneInternational'])), 'PHONE_NUMBER'),
              (keys[4], v('email'), 'EMAIL_ADDRESS'), (keys[5], v('city'), 'LOCATION')]
    fields = [f for f in fields if f[1]]
    r = rng.random()
    if r < 0.3:  # key: value lines
        chosen = rng.sample(fields, rng.randint(2, len(fields)))
        sep = rng.choice([': ', ': ', ' = ', '\t', ' - '])
        parts = []
        for k, val, t in chosen:
            if '\n' in val and rng.random() < 0.5:
                val = val.replace('\n', ', ')
            parts.append(('%s%s%s' % (k, sep, val), [(len(k) + len(sep), len(k) + len(sep) + len(val), t)]))
        return _join(parts, rng, ('\n',))
    if r < 0.45:  # CSV or JSON row (one-line values)
        chosen = rng.sample(fields, rng.randint(2, len(fields)))
        chosen = [(k, val.replace('\n', ', '), t) for k, val, t in chosen]
        if rng.random() < 0.5:
            head = ','.join(k.lower() for k, _, _ in chosen) + '\n'
            text, spans = head, []
            for j, (_, val, t) in enumerate(chosen):
                cell = '"%s"' % val if ',' in val else val
                off = 1 if cell != val else 0
                spans.append((len(text) + off, len(text) + off + len(val), t))
                text += cell + (',' if j < len(chosen) - 1 else '')
            return text, spans
        text, spans = '{', []
        for j, (k, val, t) in enumerate(chosen):
            text += ('' if j == 0 else ', ') + json.dumps(k.lower(), ensure_ascii=False) + ': '
            enc = json.dumps(val, ensure_ascii=False)
            spans.append((len(text) + 1, len(text) + 1 + len(val), t)) if enc == '"%s"' % val else None
            text += enc
        return text + '}', spans
    if r < 0.7:  # postal block: name / company / multi-line address, sometimes phone
        parts = [(fields[0][1], [(0, len(fields[0][1]), 'PERSON')])] if fields[0][2] == 'PERSON' else []
        comp = v('company')
        if comp and rng.random() < 0.5:
            parts.append((comp, [(0, len(comp), 'ORGANIZATION')]))
        addr = v('address')
        if addr:
            parts.append((addr, [(0, len(addr), 'STREET_ADDRESS')]))
        text, spans = _join(parts, rng, ('\n',))
        if rng.random() < 0.3:
            pre = rng.choice(['To:\n', 'Ship to:\n', 'Bill to:\n', keys[2] + ':\n', ''])
            text, spans = pre + text, [(s + len(pre), e + len(pre), t) for s, e, t in spans]
        return text, spans
    # one-line contact: "Name, Company, address"
    parts = [(val.replace('\n', ', '), [(0, len(val.replace('\n', ', ')), t)]) for _, val, t in fields
             if t in ('PERSON', 'ORGANIZATION', 'STREET_ADDRESS', 'PHONE_NUMBER') and rng.random() < 0.8]
    if not parts:
        parts = [(fields[0][1], [(0, len(fields[0][1]), fields[0][2])])]
    return _join(parts, rng, (', ', '; ', ' | '))


def real_examples(types, max_chars=300):
    return list(realCorpora.training_examples(types, max_chars=max_chars))


# A user handle as personSpanCheck.ts reads it: `@` not inside a word or an email address.
HANDLE = re.compile(r'(?<![\w.+-])@\w+')


def label_handles(text, spans, policy, corpus=''):
    """The spans of a real example with its unlabelled @handles added as `policy` says: 'keep'
    (left O), 'ignore' (IGNORE: out of the loss) or 'person' (PERSON); 'ignore-wnut17' and
    'person-wnut17' do so only in WNUT-17, whose guidelines leave handles out. WNUT-17 leaves every
    handle unlabelled by its guidelines (1,951 in its train split, 8 labelled), the Broad Twitter
    Corpus labels most (1,295 PER, 486 ORG, 414 unlabelled in its train split): kept as O, the
    two conventions teach the model that an unknown handle is not personal data."""
    if policy == 'keep' or (policy.endswith('-wnut17') and not corpus.startswith('wnut17')):
        return spans
    typ = IGNORE if policy.startswith('ignore') else 'PERSON'
    extra = [(m.start(), m.end(), typ) for m in HANDLE.finditer(text)
             if not any(a < m.end() and m.start() < b for a, b, _ in spans)]
    return sorted(list(spans) + extra) if extra else spans


# What media, shops, clubs and fan accounts add to their handles (`@SportsCenter`, `@UberFacts`,
# `@whufc_official`, `@HorneyMedia`): the words themselves come from faker (brandWord, city).
BRAND_TAILS = ['News', 'Media', 'TV', 'Radio', 'FM', 'Daily', 'Facts', 'Tweets', 'Updates', 'Official', 'HQ',
               'Online', 'Shop', 'Store', 'Mag', 'Show', 'Live', 'Hub', 'Club', 'FC', 'Team', 'Band', 'Music',
               'Records', 'Games', 'Films', 'Studios', 'Group', 'Global', 'Inc', 'Co', 'App', 'Deals', 'Tips',
               'Quotes', 'Jokes', 'Pics', 'World', 'Nation', 'Central', 'Network', 'Weekly', 'Journal', 'Times',
               'Post', 'Report', 'Insider', 'Tour', 'Events', 'Sports', 'Kitchen', 'Cafe', 'Travel', 'Center']


def brand_handle(rng, mix):
    """An organization's handle made of common words (`@GamesDaily`, `@jazz_fm`, `@TheMangoTimes`,
    `@LondonFoodNews`): one or two faker brand words, now and then a city or a company's first word,
    and a tail from BRAND_TAILS; None when no word has ASCII letters."""
    # English locales only: faker has these words in English (a few other locales hold 1-4 of them).
    english = [loc for loc in mix.locales if loc == 'en' or loc.startswith('en_')] or mix.locales

    def word(kind):
        value = mix.value(rng, kind, locale=rng.choice(english)) or ''
        parts = [re.sub(r'[^A-Za-z0-9]', '', E.ascii_fold(x)) for x in value.split()]
        return [p for p in parts if p][:2]
    words = word('brandWord')
    r = rng.random()
    if r < 0.3:
        words += word('brandWord')
    elif r < 0.45:
        words = word('city')[:1] + words
    elif r < 0.55:
        words = word('company')[:1]
    words = [w for w in words if w][:3]
    if not words:
        return None
    if rng.random() < 0.85:
        words.append(rng.choice(BRAND_TAILS))
    if rng.random() < 0.15:
        words.insert(0, 'The')
    form = rng.random()
    if form < 0.5:
        core = ''.join(w[:1].upper() + w[1:] for w in words)
    elif form < 0.8:
        core = ''.join(words).lower()
    elif form < 0.92:
        core = '_'.join(words).lower()
    else:
        core = ''.join(words).upper()
    core = core[:15]
    if rng.random() < 0.1:
        core += str(rng.randint(1, 999))
    return '@' + core


def handle_value(rng, mix, typ):
    """A handle made from a faker person or company name (`@dana_whit`, `@DanaW84`, `@acmecorp`),
    or for an organization, with probability mix.brand_handles, of brand words (brand_handle), so
    that a mention replacement keeps a handle a handle; None when the name has no ASCII letters."""
    if typ != 'PERSON' and mix.brand_handles and rng.random() < mix.brand_handles:
        return brand_handle(rng, mix)
    name = mix.value(rng, 'person' if typ == 'PERSON' else 'company', locale=rng.choice(mix.locales))
    words = [w for w in (re.sub(r'[^A-Za-z0-9]', '', E.ascii_fold(x)) for x in (name or '').split()) if w]
    if not words:
        return None
    form = rng.random()
    if form < 0.35:
        core = ''.join(words).lower()
    elif form < 0.6:
        core = ''.join(w[:1].upper() + w[1:] for w in words)
    elif form < 0.8:
        core = '_'.join(words).lower()
    else:
        core = words[0] + (words[-1][:1].upper() if len(words) > 1 else '')
    core = core[:14]
    tail = rng.random()
    if tail < 0.3:
        core += str(rng.randint(0, 99 if tail < 0.2 else 9999))
    elif tail < 0.4:
        core = rng.choice(['_', 'its', 'the', 'real']) + core if tail < 0.35 else core + rng.choice(['_', 'x', 'xo', '_official'])
    return '@' + core


def lower_names(rng, text, spans, p):
    """`text` with each PERSON mention (not a handle) written in lowercase with probability `p`,
    as people type names in comments and chats (`if you support trump`); offsets do not move (a
    character whose lowercase has another length is left as it is)."""
    if p <= 0:
        return text
    chars = None
    for a, b, t in spans:
        if t == 'PERSON' and text[a] != '@' and rng.random() < p:
            chars = chars or list(text)
            for k in range(a, b):
                low = chars[k].lower()
                if len(low) == 1:
                    chars[k] = low
    return ''.join(chars) if chars else text


# Mention replacement: faker kinds for the real corpora's spans (other types keep their text).
SWAP_KINDS = {'PERSON': ['person', 'person', 'firstName', 'lastName'], 'ORGANIZATION': ['company'], 'LOCATION': ['city', 'country']}


def replace_mentions(rng, mix, text, spans, swap_types=('PERSON', 'ORGANIZATION', 'LOCATION'), handles=False, wordnet=None):
    """A copy of a real example with each PERSON/ORGANIZATION/LOCATION span replaced by a faker
    value of a random locale: the real context stays, the names change, so repeating the real data
    does not teach its particular names. Other spans (addresses, phones, emails) keep their text
    and move with it. Overlapping spans, or a missing or multi-line value, leave the example as is.
    `handles`: a PERSON or ORGANIZATION span that is a user handle becomes another handle
    (handle_value) instead of a name, so that handles do not leave the repeated real data.
    `wordnet`: (p, {type: names}): with probability p a person, place or organization comes from
    WordNet's named things of that class (wordnetEntities.values) instead of faker."""
    ordered = sorted(spans)
    parts, moved, at = [], [], 0
    for start, end, typ in ordered:
        if start < at:
            return text, list(spans)
        kinds = SWAP_KINDS.get(typ) if typ in swap_types else None
        if kinds and handles and typ in ('PERSON', 'ORGANIZATION') and text[start] == '@':
            value = handle_value(rng, mix, typ) or text[start:end]
        elif kinds and wordnet and typ in wordnet[1] and rng.random() < wordnet[0]:
            value = rng.choice(wordnet[1][typ])
        else:
            value = mix.value(rng, rng.choice(kinds), locale=rng.choice(mix.locales)) if kinds else text[start:end]
        if not value or (kinds and '\n' in value):
            return text, list(spans)
        parts.append(text[at:start])
        begin = sum(len(p) for p in parts)
        parts.append(value)
        moved.append((begin, begin + len(value), typ))
        at = end
    parts.append(text[at:])
    return ''.join(parts), moved


def build(seed, tok, label_id, types, work, n_syn, n_faker, n_prose, use_real=True, p_no_case=0.1,
          p_no_case_real=0.1, max_len=128, p_faker=0.5, handle_type='PERSON', real_swap=0, lex_drop=0.0,
          swap_types=('PERSON', 'ORGANIZATION', 'LOCATION'), real_handles='keep', swap_handles=False, lower_names_p=0.0,
          n_code=0, n_wordnet=0, wordnet_swap=0.0, brand_handles=0.0, log=print):
    """Encoded training examples (ids, labels, token types), counts per source, and the source of
    each example ('real', 'syn', 'faker', 'prose', 'code', 'wordnet'). `n_wordnet` documents of
    WordNet definition sentences, `wordnet_swap` the share of replaced mentions taken from WordNet
    (wordnetEntities.py; both 0 leave every other source as it was)."""
    import grammarSentences
    import recordRender
    import trainTemplates
    import vocabWords
    rng = random.Random(seed)
    case_rng = random.Random(seed + 1)
    # Generated text (and real text whose mentions were replaced) takes its names from faker, so
    # every first name in it is in the lexicon; real text has about half its name words outside it.
    # `lex_drop` of the lexicon words of those documents are hidden, so the model does not learn
    # "not in the lexicon, not a name".
    drop_rng = random.Random(seed + 3)
    drop = (lambda: drop_rng.random() < lex_drop) if lex_drop else None
    # Names typed in lowercase (`lower_names_p`), in the mention-replaced and generated documents.
    lower_rng = random.Random(seed + 4)

    def lower(text, spans):
        return lower_names(lower_rng, text, spans, lower_names_p)

    pool, _ = corpus.name_pools()
    mix = Mix(load_faker(work), p_faker=p_faker, handle_type=handle_type, brand_handles=brand_handles)
    out, counts = [], {}
    if use_real:
        ex = [(name, text, label_handles(text, spans, real_handles, name)) for name, text, spans in real_examples(types)]
        for name, text, spans in ex:
            out.append(encode(tok, text, spans, max_len, label_id, case=case_rng.random() >= p_no_case_real))
            counts['real:' + name] = counts.get('real:' + name, 0) + 1
    sources = ['real'] * len(out)
    wordnet = None
    if n_wordnet or wordnet_swap:
        import wordnetEntities
        wn_entries = wordnetEntities.load()
        wordnet = (wordnet_swap, wordnetEntities.values(wn_entries)) if wordnet_swap else None
    if use_real and real_swap:
        swap_rng = random.Random(seed + 2)
        for _ in range(real_swap):
            for name, text, spans in ex:
                t2, s2 = replace_mentions(swap_rng, mix, text, spans, swap_types, handles=swap_handles, wordnet=wordnet)
                out.append(encode(tok, lower(t2, s2), s2, max_len, label_id, case=case_rng.random() >= p_no_case_real, drop=drop))
        counts['real-swapped'] = real_swap * len(ex)
        sources += ['swap'] * (real_swap * len(ex))
    with contrast_rendering(mix):
        filler = vocabWords.filler_words()
        for _ in range(n_syn):
            mix.locale = rng.choice(mix.locales)
            text, spans = corpus.make_document(rng, trainTemplates.FAMILIES, pool, recordRender.TRAIN_STYLES,
                                               wrappers=(trainTemplates.OPENERS, trainTemplates.CLOSERS),
                                               grammar=grammarSentences.sentence, filler=filler)
            out.append(encode(tok, lower(text, spans), spans, max_len, label_id, case=case_rng.random() >= p_no_case, drop=drop))
        for _ in range(n_faker):
            text, spans = faker_document(rng, mix)
            out.append(encode(tok, lower(text, spans), spans, max_len, label_id, case=case_rng.random() >= p_no_case, drop=drop))
        for _ in range(n_prose):
            text, spans = prose_document(rng, mix, pool)
            out.append(encode(tok, lower(text, spans), spans, max_len, label_id, case=case_rng.random() >= p_no_case, drop=drop))
        for _ in range(n_code):
            text, spans = code_document(rng, mix, pool)
            out.append(encode(tok, text, spans, max_len, label_id, case=case_rng.random() >= p_no_case, drop=drop))
    wn_rng = random.Random(seed + 5)
    for _ in range(n_wordnet):
        text, spans = wordnetEntities.document(wn_rng, wn_entries)
        out.append(encode(tok, text, spans, max_len, label_id, case=case_rng.random() >= p_no_case, drop=drop))
    counts.update(synthetic=n_syn, faker=n_faker, prose=n_prose, **({'code': n_code} if n_code else {}),
                  **({'wordnet': n_wordnet} if n_wordnet else {}))
    sources += ['syn'] * n_syn + ['faker'] * n_faker + ['prose'] * n_prose + ['code'] * n_code + ['wordnet'] * n_wordnet
    return out, counts, sources


def samples(seed=1, n=3):
    """Print a few rendered documents of each generated kind (for eyeballing)."""
    rng = random.Random(seed)
    pool, _ = corpus.name_pools()
    mix = Mix(load_faker(os.path.join(HERE, 'work')))
    for fn in (lambda: faker_document(rng, mix), lambda: prose_document(rng, mix, pool)):
        for _ in range(n):
            text, spans = fn()
            print(repr(text))
            print('   ', [(text[s:e], t) for s, e, t in spans])


if __name__ == '__main__':
    samples(n=8)
