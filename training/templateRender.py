"""Fills templates such as "Call {first} on {phone}" with random values and records the
character spans of the entities. Slots whose name maps to an entity type are labelled; the
others (organizations, cities, dates that are not birth dates, ...) are look-alike fillers
that stay unlabelled."""
import re

import entityValues as E
from lexicon import people, places, things

SLOT = re.compile(r'\{([a-z_0-9]+)\}')


class Context:
    """Per-document state, so that {name}, {first} and {email} describe the same person."""

    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.persons = {}

    def person(self, k):
        if k not in self.persons:
            self.persons[k] = E.Person(self.rng, self.pool)
        return self.persons[k]


def _p(k, what):
    def f(rng, ctx):
        p = ctx.person(k)
        if what == 'full':
            return p.full(rng)
        if what == 'first':
            return p.native or p.first
        if what == 'last':
            return p.native or p.last
        if what == 'email':
            return p.email(rng)
        if what == 'fl':
            return p.first + ' ' + p.last
        raise KeyError(what)
    return f


LABELLED = {
    'name': ('PERSON', _p(1, 'full')), 'first': ('PERSON', _p(1, 'first')), 'last': ('PERSON', _p(1, 'last')),
    'fullname': ('PERSON', _p(1, 'fl')),
    'name2': ('PERSON', _p(2, 'full')), 'first2': ('PERSON', _p(2, 'first')), 'last2': ('PERSON', _p(2, 'last')),
    'name3': ('PERSON', _p(3, 'full')), 'first3': ('PERSON', _p(3, 'first')),
    'email': ('EMAIL_ADDRESS', _p(1, 'email')), 'email2': ('EMAIL_ADDRESS', _p(2, 'email')),
    'email_any': ('EMAIL_ADDRESS', lambda rng, ctx: E.email(rng, ctx.pool)),
    'phone': ('PHONE_NUMBER', lambda rng, ctx: E.phone(rng)),
    'phone2': ('PHONE_NUMBER', lambda rng, ctx: E.phone(rng)),
    'addr': ('STREET_ADDRESS', lambda rng, ctx: E.address(rng)),
    'addr_ml': ('STREET_ADDRESS', lambda rng, ctx: E.address(rng, multiline=True)),
    'street': ('STREET_ADDRESS', lambda rng, ctx: E.address(rng, parts=True)[0]),
    'card': ('CREDIT_CARD', lambda rng, ctx: E.credit_card(rng)),
    'iban': ('IBAN_CODE', lambda rng, ctx: E.iban(rng)),
    'ssn': ('US_SSN', lambda rng, ctx: E.ssn(rng)),
    'ip': ('IP_ADDRESS', lambda rng, ctx: E.ip(rng)),
    'ipv4': ('IP_ADDRESS', lambda rng, ctx: E.ipv4(rng)),
    'ipv6': ('IP_ADDRESS', lambda rng, ctx: E.ipv6(rng)),
    'dob': ('DATE_OF_BIRTH', lambda rng, ctx: E.dob(rng)),
    'apikey': ('SECRET', lambda rng, ctx: E.api_key(rng)),
    'password': ('SECRET', lambda rng, ctx: E.password(rng)),
    'privkey': ('SECRET', lambda rng, ctx: E.private_key(rng)),
}

COMPOSITE = {
    'conn': lambda rng, ctx: E.connection_string(rng, ctx.pool),
}

UNLABELLED = {
    'org': lambda rng, ctx: E.organization(rng, ctx.pool),
    'org2': lambda rng, ctx: E.organization(rng, ctx.pool),
    'famous_org': lambda rng, ctx: rng.choice(things.FAMOUS_ORGS),
    'city': lambda rng, ctx: E.city(rng),
    'city2': lambda rng, ctx: E.city(rng),
    'country': lambda rng, ctx: rng.choice(places.COUNTRIES),
    'nat': lambda rng, ctx: rng.choice(places.NATIONALITIES),
    'region': lambda rng, ctx: rng.choice(places.REGIONS),
    'landmark': lambda rng, ctx: rng.choice(places.LANDMARKS),
    'product': lambda rng, ctx: rng.choice(things.PRODUCTS),
    'job': lambda rng, ctx: rng.choice(things.JOB_TITLES),
    'dept': lambda rng, ctx: rng.choice(things.DEPARTMENTS),
    'date': lambda rng, ctx: E.other_date(rng),
    'date2': lambda rng, ctx: E.other_date(rng),
    'weekday': lambda rng, ctx: rng.choice(things.WEEKDAYS),
    'month': lambda rng, ctx: rng.choice(things.MONTHS),
    'year': lambda rng, ctx: str(rng.randint(1990, 2026)),
    'num': lambda rng, ctx: E.number_not_phone(rng),
    'num2': lambda rng, ctx: E.number_not_phone(rng),
    'small': lambda rng, ctx: str(rng.randint(2, 60)),
    'order': lambda rng, ctx: E.order_id(rng),
    'version': lambda rng, ctx: E.version(rng),
    'uuid': lambda rng, ctx: E.uuid(rng),
    'hash': lambda rng, ctx: E.commit_hash(rng),
    'url': lambda rng, ctx: E.url(rng),
    'handle': lambda rng, ctx: E.handle(rng, ctx.pool),
    'condition': lambda rng, ctx: rng.choice(things.CONDITIONS),
    'pet': lambda rng, ctx: rng.choice(things.PETS),
    'color': lambda rng, ctx: rng.choice(things.COLORS),
    'title': lambda rng, ctx: rng.choice(people.TITLES),
    'street_word': lambda rng, ctx: rng.choice(places.STREET_WORDS),
    'zip': lambda rng, ctx: E.digits(rng, 5),
    'amount': lambda rng, ctx: rng.choice(['$', '€', '£', '']) + '%d.%02d' % (rng.randint(1, 5000), rng.randint(0, 99)),
    'percent': lambda rng, ctx: '%d%%' % rng.randint(1, 99),
    'host': lambda rng, ctx: rng.choice(['api', 'web', 'db', 'cache', 'worker', 'edge']) + '-%02d' % rng.randint(1, 40),
    'cname': lambda rng, ctx: rng.choice(things.ORG_WORDS),
}


def render(template, rng, ctx):
    """Returns (text, spans) with spans as (start, end, type)."""
    out, spans, pos, i = [], [], 0, 0
    for m in SLOT.finditer(template):
        lit = template[i:m.start()]
        out.append(lit)
        pos += len(lit)
        slot = m.group(1)
        if slot in LABELLED:
            typ, fn = LABELLED[slot]
            val = fn(rng, ctx)
            spans.append((pos, pos + len(val), typ))
        elif slot in COMPOSITE:
            val, inner = COMPOSITE[slot](rng, ctx)
            spans.extend((pos + s, pos + e, t) for s, e, t in inner)
        elif slot in UNLABELLED:
            val = UNLABELLED[slot](rng, ctx)
        else:
            raise KeyError('unknown slot {%s} in %r' % (slot, template))
        out.append(val)
        pos += len(val)
        i = m.end()
    out.append(template[i:])
    text = ''.join(out)
    return text, merge_adjacent(text, spans)


def merge_adjacent(text, spans):
    """'{first} {last}' is one person: join PERSON spans separated only by spaces."""
    spans = sorted(spans)
    merged = []
    for s, e, t in spans:
        if merged and t == 'PERSON' and merged[-1][2] == 'PERSON' and merged[-1][1] < s \
                and text[merged[-1][1]:s].strip(' ') == '':
            merged[-1] = (merged[-1][0], e, t)
        else:
            merged.append((s, e, t))
    return merged


def check_templates(templates):
    for t in templates:
        for m in SLOT.finditer(t):
            s = m.group(1)
            if s not in LABELLED and s not in COMPOSITE and s not in UNLABELLED:
                raise KeyError('unknown slot {%s} in %r' % (s, t))
