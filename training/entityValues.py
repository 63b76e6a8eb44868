"""Random values for each entity type and for the look-alike things that are not PII.
Every generator takes a random.Random and returns a string (or text plus inner spans)."""
import string

from lexicon import people, places, things

LETTERS = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits


def digits(rng, n):
    return ''.join(rng.choice(string.digits) for _ in range(n))


def shape(rng, pattern):
    """9 -> digit, A -> capital letter, anything else literal."""
    return ''.join(rng.choice(string.digits) if c == '9' else rng.choice(LETTERS) if c == 'A' else c
                   for c in pattern)


def maybe_upper(rng, s, p=0.08):
    return s.upper() if rng.random() < p else s


# ---------------------------------------------------------------- people
class NamePool:
    def __init__(self, firsts, lasts):
        self.firsts = [n for n, _ in firsts]
        self.lasts = [n for n, _ in lasts]
        self.by_locale = {}
        for n, loc in firsts:
            self.by_locale.setdefault(loc, ([], []))[0].append(n)
        for n, loc in lasts:
            self.by_locale.setdefault(loc, ([], []))[1].append(n)
        self.locales = sorted(self.by_locale)


def invented_word(rng, syll=None):
    syll = syll or rng.choice([2, 2, 3])
    w = ''.join(rng.choice(people.SYLLABLES_ONSET) + rng.choice(people.SYLLABLES_VOWEL) for _ in range(syll))
    w += rng.choice(people.SYLLABLES_CODA)
    return w.capitalize()


class Person:
    """One person: a given name, a family name and the ways to write them."""

    def __init__(self, rng, pool):
        r = rng.random()
        if r < 0.12:
            self.first, self.last = invented_word(rng), invented_word(rng)
        elif r < 0.30:
            # One real part and one invented part: the model must learn that the word next to a
            # name it knows, in a name's place, is a name too (held-out family names).
            fs, ls = pool.firsts, pool.lasts
            if rng.random() < 0.5:
                self.first, self.last = rng.choice(fs), invented_word(rng)
            else:
                self.first, self.last = invented_word(rng), rng.choice(ls)
        else:
            loc = rng.choice(pool.locales) if rng.random() < 0.8 else None
            if loc and pool.by_locale[loc][0] and pool.by_locale[loc][1]:
                fs, ls = pool.by_locale[loc]
            else:
                fs, ls = pool.firsts, pool.lasts
            self.first = rng.choice(fs)
            self.last = rng.choice(ls)
            if rng.random() < 0.08:
                self.last = self.last + rng.choice(['-', ' ']) + rng.choice(ls)
        self.middle = rng.choice(pool.firsts) if rng.random() < 0.15 else None
        self.native = rng.choice(people.NATIVE_NAMES) if rng.random() < 0.03 else None

    def full(self, rng):
        if self.native:
            return self.native
        r = rng.random()
        if r < 0.55:
            s = self.first + ' ' + self.last
        elif r < 0.65 and self.middle:
            s = self.first + ' ' + self.middle + ' ' + self.last
        elif r < 0.72:
            s = self.first + ' ' + rng.choice(LETTERS) + '. ' + self.last
        elif r < 0.75:
            s = self.last + ', ' + self.first
        elif r < 0.84:
            s = self.first[0] + '. ' + self.last
        elif r < 0.88:
            s = self.last.upper() + ' ' + self.first
        else:
            s = self.first + ' ' + self.last
        if rng.random() < 0.04:
            s += ' ' + rng.choice(people.SUFFIXES)
        return maybe_upper(rng, s, 0.05)

    def email(self, rng, domain=None):
        f, l = ascii_fold(self.first).lower(), ascii_fold(self.last).lower().replace(' ', '').replace("'", '')
        local = rng.choice([f + '.' + l, f + l, f[0] + l, f + '_' + l, l + '.' + f, f + digits(rng, 2),
                            f[0] + l + digits(rng, rng.choice([2, 4])), l + f[0], f + '.' + l[0], f])
        return local + '@' + (domain or email_domain(rng))


def ascii_fold(s):
    import unicodedata
    s = unicodedata.normalize('NFD', s)
    s = ''.join(c for c in s if unicodedata.category(c) != 'Mn')
    return ''.join(c for c in s if c.isascii() and (c.isalnum() or c in '-')) or 'user'


FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'proton.me',
             'gmx.de', 'web.de', 'orange.fr', 'libero.it', 'yandex.ru', 'qq.com', 'naver.com',
             'mail.com', 'aol.com', 'fastmail.com', 'zoho.com', 'yahoo.co.jp', 'rediffmail.com']
TLDS = ['com', 'org', 'net', 'io', 'co.uk', 'de', 'fr', 'es', 'it', 'nl', 'ca', 'com.au', 'in',
        'co', 'edu', 'gov', 'ch', 'se', 'jp', 'com.br', 'co.za', 'ie', 'pl']


def email_domain(rng):
    if rng.random() < 0.5:
        return rng.choice(FREE_MAIL)
    w = rng.choice(things.ORG_WORDS).lower().replace(' ', '')
    if rng.random() < 0.3:
        w = rng.choice(['mail.', 'corp.', 'eu.', 'us.', 'hr.', 'support.']) + w
    return w + '.' + rng.choice(TLDS)


def email(rng, pool):
    if rng.random() < 0.85:
        return Person(rng, pool).email(rng)
    local = rng.choice(['info', 'support', 'billing', 'contact', 'sales', 'admin', 'hr', 'jobs',
                        'noreply', 'privacy', 'hello', 'team', 'office', 'press'])
    return local + '@' + email_domain(rng)


# ---------------------------------------------------------------- phones
PHONE_FORMATS = [
    '(999) 999-9999', '999-999-9999', '999.999.9999', '+1 999 999 9999', '+1-999-999-9999',
    '1-999-999-9999', '+1 (999) 999-9999', '9999999999', '999 999 9999',
    '+44 20 9999 9999', '+44 7999 999999', '07999 999999', '020 9999 9999', '+44 (0)161 999 9999',
    '+49 30 99999999', '+49 (0)89 9999999', '030 9999999', '+49 151 99999999', '0171 9999999',
    '+33 1 99 99 99 99', '+33 6 99 99 99 99', '06 99 99 99 99', '01.99.99.99.99',
    '+34 699 999 999', '+34 91 999 99 99', '+39 06 9999 9999', '+39 399 999 9999',
    '+31 20 999 9999', '+31 6 99999999', '+46 8 999 999 99', '+47 99 99 99 99', '+45 99 99 99 99',
    '+48 999 999 999', '+351 999 999 999', '+55 11 99999-9999', '(11) 99999-9999',
    '+52 55 9999 9999', '+54 11 9999-9999', '+91 99999 99999', '+91-99999-99999', '099999 99999',
    '+86 139 9999 9999', '+81 3-9999-9999', '090-9999-9999', '+82 10-9999-9999',
    '+61 2 9999 9999', '+61 499 999 999', '0499 999 999', '+64 21 999 9999', '+27 82 999 9999',
    '+234 803 999 9999', '+254 799 999999', '+971 50 999 9999', '+966 59 999 9999',
    '+90 532 999 99 99', '+7 999 999-99-99', '+380 99 999 9999', '+65 9999 9999', '+63 917 999 9999',
]


def phone(rng):
    p = shape(rng, rng.choice(PHONE_FORMATS))
    if rng.random() < 0.05:
        p += rng.choice([' ext. ', ' x', ' ext ']) + digits(rng, rng.choice([2, 3, 4]))
    return p


# ---------------------------------------------------------------- addresses
def _us_street(rng):
    num = str(rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(10000, 99999)]))
    name = rng.choice(places.STREET_WORDS)
    full, abbr = rng.choice(places.STREET_TYPES)
    typ = full if rng.random() < 0.6 else abbr + ('.' if rng.random() < 0.4 and abbr not in ('Way', 'Row', 'Mews', 'Pike', 'Loop') else '')
    pre = rng.choice(['', '', '', '', 'N ', 'S ', 'E ', 'W ', 'North ', 'West '])
    s = '%s %s%s %s' % (num, pre, name, typ)
    if rng.random() < 0.25:
        s += rng.choice([', ', ' ']) + rng.choice(places.UNIT_WORDS) + ' ' + rng.choice([str(rng.randint(1, 40)), str(rng.randint(100, 2400)), rng.choice('ABCDEF'), str(rng.randint(1, 9)) + rng.choice('ABCD')])
    if rng.random() < 0.03:
        s = 'P.O. Box ' + digits(rng, rng.choice([3, 4, 5]))
    return s


def address(rng, multiline=False, with_country=None, parts=False):
    """A street address. Returns the text (lines joined by ', ' or by '\\n')."""
    style_r = rng.random()
    if style_r < 0.45:
        city, st = rng.choice(places.US_CITIES)
        street = _us_street(rng)
        state = st if rng.random() < 0.8 else places.US_STATE_NAMES.get(st, st)
        zipc = digits(rng, 5) + ('-' + digits(rng, 4) if rng.random() < 0.15 else '')
        lines = [street, '%s, %s %s' % (city, state, zipc)]
        if rng.random() < 0.15:
            lines[1] = '%s %s %s' % (city, state, zipc)
        if with_country or (with_country is None and rng.random() < 0.1):
            lines.append(rng.choice(['USA', 'United States', 'US']))
        r = rng.random()
        if r < 0.12:
            lines = [street]  # street line only
        elif r < 0.22:
            lines = [street, city]
    else:
        country, cities, style = rng.choice(places.WORLD)
        city, pshape = rng.choice(cities)
        pc = shape(rng, pshape)
        n = str(rng.randint(1, 180))
        if style == 'uk':
            street = '%s %s %s' % (n, rng.choice(places.STREET_WORDS), rng.choice(places.STREET_TYPES)[0])
            if rng.random() < 0.3:
                street = rng.choice(['Flat ', 'Apartment ', 'Unit ']) + str(rng.randint(1, 30)) + ', ' + street
            lines = [street, city, pc] if rng.random() < 0.5 else [street, city + ' ' + pc]
        elif style == 'de':
            street = '%s %s' % (rng.choice(places.DE_STREETS), n + rng.choice(['', '', '', 'a', 'b']))
            lines = [street, '%s %s' % (pc, city)]
        elif style == 'fr':
            street = '%s%s %s' % (n, rng.choice(['', '', ' bis', ',']), rng.choice(places.FR_STREETS))
            lines = [street, '%s %s' % (pc, city)]
        elif style == 'es':
            street = '%s %s%s' % (rng.choice(places.ES_STREETS), rng.choice(['', 'nº ', 'n.º ']), n)
            if rng.random() < 0.3:
                street += ', ' + rng.choice(['3º B', '2.º izq.', 'piso 4', 'apto 12', '1º 2ª'])
            lines = [street, '%s %s' % (pc, city)]
        elif style == 'it':
            street = '%s %s' % (rng.choice(places.IT_STREETS), n)
            lines = [street, '%s %s' % (pc, city)]
        elif style == 'in':
            street = '%s, %s' % (rng.choice(['Flat ', 'House No. ', 'Plot ', '#', '']) + str(rng.randint(1, 500)) + rng.choice(['', '/' + str(rng.randint(1, 20))]),
                                 rng.choice(places.IN_AREAS))
            lines = [street, '%s - %s' % (city, pc) if rng.random() < 0.5 else '%s %s' % (city, pc)]
        elif style == 'jp':
            street = '%d-%d-%d %s' % (rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 20), rng.choice(places.JP_AREAS))
            lines = [street, '%s %s' % (city, pc)]
        else:
            street = _us_street(rng)
            lines = [street, '%s %s' % (city, pc)]
        if with_country or (with_country is None and rng.random() < 0.45):
            lines.append(country)
        if rng.random() < 0.08:
            lines = [street]
    if parts:
        return lines
    sep = '\n' if multiline else rng.choice([', ', ', ', ', ', ' ', ' - ', '; '])
    return sep.join(lines)


# ---------------------------------------------------------------- numbers with checksums
def luhn_complete(prefix, length, rng):
    body = prefix + digits(rng, length - len(prefix) - 1)
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def credit_card(rng):
    kind = rng.random()
    if kind < 0.4:
        num = luhn_complete('4', 16, rng)
    elif kind < 0.7:
        num = luhn_complete(str(rng.randint(51, 55)), 16, rng)
    elif kind < 0.82:
        num = luhn_complete(rng.choice(['34', '37']), 15, rng)
        sep = rng.choice([' ', '-', '', ' '])
        return num[:4] + sep + num[4:10] + sep + num[10:]
    elif kind < 0.92:
        num = luhn_complete('6011', 16, rng)
    else:
        num = luhn_complete(rng.choice(['35', '36', '2221', '2720']), 16, rng)
    sep = rng.choice([' ', '-', '', ' ', ' '])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


IBAN_SHAPES = {
    'DE': '999999999999999999', 'GB': 'AAAA99999999999999', 'FR': '9999999999AAAAAAAAAAA99',
    'ES': '99999999999999999999', 'IT': 'A9999999999AAAAAAAAAAAA', 'NL': 'AAAA9999999999',
    'BE': '999999999999', 'CH': '99999AAAAAAAAAAAA', 'AT': '9999999999999999',
    'PL': '999999999999999999999999', 'PT': '999999999999999999999', 'SE': '99999999999999999999',
    'NO': '99999999999', 'DK': '99999999999999', 'FI': '99999999999999', 'IE': 'AAAA99999999999999',
    'LU': '999AAAAAAAAAAAAA', 'CZ': '99999999999999999999', 'GR': '9999999AAAAAAAAAAAAAAAA',
    'RO': 'AAAAAAAAAAAAAAAAAAAA', 'HU': '999999999999999999999999', 'HR': '99999999999999999',
}


def iban(rng):
    cc = rng.choice(sorted(IBAN_SHAPES))
    bban = shape(rng, IBAN_SHAPES[cc].replace('A', '9') if rng.random() < 0.5 and cc in ('FR', 'IT', 'CH', 'LU', 'GR') else IBAN_SHAPES[cc])
    rearranged = bban + cc + '00'
    num = int(''.join(str(int(c, 36)) for c in rearranged))
    check = 98 - num % 97
    code = '%s%02d%s' % (cc, check, bban)
    if rng.random() < 0.55:
        return ' '.join(code[i:i + 4] for i in range(0, len(code), 4))
    return code


def ssn(rng):
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    g, s = rng.randint(1, 99), rng.randint(1, 9999)
    sep = rng.choice(['-', '-', '-', ' ', ''])
    return '%03d%s%02d%s%04d' % (area, sep, g, sep, s)


def ipv4(rng):
    r = rng.random()
    if r < 0.3:
        return '192.168.%d.%d' % (rng.randint(0, 255), rng.randint(1, 254))
    if r < 0.45:
        return '10.%d.%d.%d' % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    return '%d.%d.%d.%d' % (rng.randint(1, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def ipv6(rng):
    groups = ['%x' % rng.randint(0, 0xffff) for _ in range(8)]
    r = rng.random()
    if r < 0.3:
        return ':'.join(groups)
    if r < 0.8:
        k = rng.randint(1, 5)
        return ':'.join(groups[:k]) + '::' + ':'.join(groups[k + rng.randint(1, 2):])
    return rng.choice(['fe80::', '2001:db8::', '::ffff:']) + ('%x' % rng.randint(1, 0xffff) if r < 0.9 else ipv4(rng))


def ip(rng):
    return ipv6(rng) if rng.random() < 0.3 else ipv4(rng)


# ---------------------------------------------------------------- dates
def date(rng, year_lo, year_hi):
    y, m, d = rng.randint(year_lo, year_hi), rng.randint(1, 12), rng.randint(1, 28)
    fmts = [
        lambda: '%04d-%02d-%02d' % (y, m, d), lambda: '%02d/%02d/%04d' % (m, d, y),
        lambda: '%d/%d/%04d' % (m, d, y), lambda: '%02d/%02d/%04d' % (d, m, y),
        lambda: '%02d.%02d.%04d' % (d, m, y), lambda: '%d.%d.%04d' % (d, m, y),
        lambda: '%s %d, %04d' % (things.MONTHS[m - 1], d, y), lambda: '%d %s %04d' % (d, things.MONTHS[m - 1], y),
        lambda: '%s %d %04d' % (things.MONTHS_ABBR[m - 1], d, y), lambda: '%02d-%s-%04d' % (d, things.MONTHS_ABBR[m - 1], y),
        lambda: '%04d/%02d/%02d' % (y, m, d), lambda: '%d/%d/%02d' % (m, d, y % 100),
        lambda: '%dth of %s %04d' % (d, things.MONTHS[m - 1], y), lambda: '%02d-%02d-%04d' % (d, m, y),
        lambda: '%s %d, %04d' % (things.MONTHS_ABBR[m - 1] + '.', d, y), lambda: '%04d%02d%02d' % (y, m, d),
    ]
    return rng.choice(fmts)()


def dob(rng):
    return date(rng, 1930, 2012)


def other_date(rng):
    return date(rng, 2015, 2026)


# ---------------------------------------------------------------- secrets
B64 = string.ascii_letters + string.digits + '+/'
HEX = '0123456789abcdef'


def rand(rng, alphabet, n):
    return ''.join(rng.choice(alphabet) for _ in range(n))


def api_key(rng):
    r = rng.randrange(14)
    if r == 0:
        return 'AKIA' + rand(rng, LETTERS + string.digits, 16)
    if r == 1:
        return rng.choice(['ghp_', 'gho_', 'ghs_', 'github_pat_']) + rand(rng, ALNUM, 36)
    if r == 2:
        return rng.choice(['xoxb-', 'xoxp-']) + digits(rng, 11) + '-' + digits(rng, 12) + '-' + rand(rng, ALNUM, 24)
    if r == 3:
        return rng.choice(['sk_live_', 'sk_test_', 'rk_live_', 'pk_live_']) + rand(rng, ALNUM, 24)
    if r == 4:
        return 'AIza' + rand(rng, ALNUM + '-_', 35)
    if r == 5:
        return 'eyJ' + rand(rng, ALNUM + '-_', rng.randint(20, 40)) + '.eyJ' + rand(rng, ALNUM + '-_', rng.randint(30, 60)) + '.' + rand(rng, ALNUM + '-_', 43)
    if r == 6:
        return rand(rng, HEX, rng.choice([32, 40, 64]))
    if r == 7:
        return rand(rng, B64, rng.choice([40, 44])) + rng.choice(['', '='])
    if r == 8:
        return 'sk-' + rand(rng, ALNUM, 48)
    if r == 9:
        return 'hf_' + rand(rng, ALNUM, 34)
    if r == 10:
        return 'glpat-' + rand(rng, ALNUM + '-_', 20)
    if r == 11:
        return 'SG.' + rand(rng, ALNUM + '-_', 22) + '.' + rand(rng, ALNUM + '-_', 43)
    if r == 12:
        return 'npm_' + rand(rng, ALNUM, 36)
    return rand(rng, ALNUM, rng.randint(24, 40))


PASSWORD_WORDS = ['summer', 'winter', 'dragon', 'monkey', 'sunshine', 'letmein', 'qwerty', 'shadow',
                  'football', 'princess', 'welcome', 'admin', 'master', 'tiger', 'falcon', 'orange']


def password(rng):
    r = rng.random()
    if r < 0.4:
        return rng.choice(PASSWORD_WORDS).capitalize() + digits(rng, rng.randint(2, 4)) + rng.choice('!@#$%&*?')
    if r < 0.7:
        return rand(rng, ALNUM + '!@#$%^&*', rng.randint(10, 20))
    return rand(rng, ALNUM, rng.randint(8, 16))


def private_key(rng):
    kind = rng.choice(['RSA PRIVATE KEY', 'PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'EC PRIVATE KEY'])
    body = '\n'.join(rand(rng, B64, 64) for _ in range(rng.randint(2, 4)))
    return '-----BEGIN %s-----\n%s\n-----END %s-----' % (kind, body, kind)


def connection_string(rng, pool):
    """Returns (text, [(start, end, 'SECRET')]) where only the password is labelled."""
    user = rng.choice(['admin', 'postgres', 'root', 'app', 'svc_etl', 'readonly', 'deploy',
                       ascii_fold(rng.choice(pool.firsts)).lower()])
    pw = password(rng).replace('@', '#').replace('/', '!').replace(':', '!')
    host = rng.choice(['localhost', 'db.internal', 'prod-db-01.' + rng.choice(things.ORG_WORDS).lower().replace(' ', '') + '.com',
                       ipv4(rng), 'cluster0.mongodb.net', 'redis.local'])
    scheme = rng.choice(['postgres', 'postgresql', 'mysql', 'mongodb+srv', 'redis', 'amqp', 'mssql'])
    if rng.random() < 0.8:
        head = '%s://%s:' % (scheme, user)
        tail = '@%s:%d/%s' % (host, rng.choice([5432, 3306, 27017, 6379, 5672, 1433]), rng.choice(['app', 'prod', 'analytics', 'orders']))
        return head + pw + tail, [(len(head), len(head) + len(pw), 'SECRET')]
    head = 'Server=%s;Database=%s;User Id=%s;Password=' % (host, rng.choice(['Sales', 'Crm', 'App']), user)
    return head + pw + ';', [(len(head), len(head) + len(pw), 'SECRET')]


# ---------------------------------------------------------------- look-alikes (not PII)
def organization(rng, pool):
    if rng.random() < 0.4:
        return rng.choice(things.FAMOUS_ORGS)
    pat = rng.choice(things.ORG_PATTERNS)
    city = rng.choice(places.US_CITIES)[0] if rng.random() < 0.6 else rng.choice(rng.choice(places.WORLD)[1])[0].split(' ')[0]
    return pat.format(city=city, saint=rng.choice(things.SAINTS), dept=rng.choice(things.DEPTS),
                      country=rng.choice(places.COUNTRIES).replace('the ', ''),
                      surname=rng.choice(pool.lasts), suffix=rng.choice(things.ORG_SUFFIXES),
                      word=rng.choice(things.ORG_WORDS), word2=rng.choice(things.ORG_WORDS),
                      word3=rng.choice(things.WORD3))


def city(rng):
    if rng.random() < 0.5:
        c, st = rng.choice(places.US_CITIES)
        return c if rng.random() < 0.6 else c + ', ' + st
    return rng.choice(rng.choice(places.WORLD)[1])[0]


def order_id(rng):
    return rng.choice([
        lambda: '#' + digits(rng, rng.randint(5, 9)),
        lambda: rng.choice(['ORD-', 'INV-', 'PO-', 'TKT-', 'CASE-', 'REF-', 'SO', 'RMA-']) + digits(rng, rng.randint(4, 8)),
        lambda: rng.choice(['INV-', 'ORD-']) + str(rng.randint(2018, 2026)) + '-' + digits(rng, 5),
        lambda: shape(rng, rng.choice(['AA-9999-AA', '9A99-999', 'AAA999999', '1Z999AA99999999999'])),
        lambda: rng.choice(['JIRA-', 'PROJ-', 'OPS-', 'BUG-']) + str(rng.randint(1, 9999)),
    ])()


def number_not_phone(rng):
    return rng.choice([
        lambda: '%s%s' % (rng.choice(['$', '€', '£', '']), '{:,}'.format(rng.randint(10, 99999)) + rng.choice(['', '.%02d' % rng.randint(0, 99)])),
        lambda: str(rng.randint(1, 500)),
        lambda: '%d%%' % rng.randint(1, 100),
        lambda: '%d:%02d' % (rng.randint(0, 23), rng.randint(0, 59)) + rng.choice(['', ' am', ' pm', ' PM']),
        lambda: digits(rng, rng.choice([6, 7, 8, 9, 10, 12])),
        lambda: '978-' + digits(rng, 1) + '-' + digits(rng, 3) + '-' + digits(rng, 5) + '-' + digits(rng, 1),
        lambda: '%d.%d' % (rng.randint(0, 999), rng.randint(0, 99)),
        lambda: '%d x %d' % (rng.randint(1, 400), rng.randint(1, 400)),
        lambda: '%d,%03d,%03d' % (rng.randint(1, 99), rng.randint(0, 999), rng.randint(0, 999)),
        lambda: '+%d.%d%%' % (rng.randint(0, 30), rng.randint(0, 9)),
    ])()


def version(rng):
    return rng.choice([
        lambda: '%d.%d.%d' % (rng.randint(0, 20), rng.randint(0, 30), rng.randint(0, 200)),
        lambda: 'v%d.%d' % (rng.randint(0, 12), rng.randint(0, 40)),
        lambda: '%d.%d.%d.%d' % (rng.randint(1, 12), rng.randint(0, 9), rng.randint(0, 9999), rng.randint(0, 999)),
        lambda: '%d.%d.%d-rc.%d' % (rng.randint(0, 5), rng.randint(0, 20), rng.randint(0, 9), rng.randint(1, 5)),
        lambda: 'build %d' % rng.randint(1000, 99999),
    ])()


def uuid(rng):
    h = rand(rng, HEX, 32)
    return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def commit_hash(rng):
    return rand(rng, HEX, rng.choice([7, 8, 12, 40]))


def url(rng):
    dom = rng.choice(things.ORG_WORDS).lower().replace(' ', '') + '.' + rng.choice(TLDS)
    path = rng.choice(['', '/docs', '/pricing', '/blog/2023/release-notes', '/help/article/' + digits(rng, 5),
                       '/api/v2/orders', '/login', '/careers'])
    return rng.choice(['https://', 'http://', 'https://www.', 'www.']) + dom + path


def handle(rng, pool):
    return '@' + ascii_fold(rng.choice(pool.firsts)).lower() + rng.choice(['', '_dev', digits(rng, 2), '_' + rng.choice(things.ORG_WORDS).lower().replace(' ', '')])
