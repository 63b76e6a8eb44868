"""Structured records (CSV, JSON, key-value, SQL, YAML-ish, XML-ish) built from a catalog of
fields. `styles` selects which serializations are used, so training and evaluation can use
different ones."""
import json

import templateRender as R

# field aliases -> slot; slots from templateRender
FIELDS = {
    'name': ['name', 'full_name', 'customer', 'Name', 'patient_name', 'employee', 'contact', 'owner'],
    'first': ['first_name', 'firstName', 'given_name', 'fname'],
    'last': ['last_name', 'lastName', 'surname', 'family_name'],
    'email': ['email', 'e-mail', 'Email', 'email_address', 'mail', 'contact_email'],
    'phone': ['phone', 'tel', 'mobile', 'phone_number', 'cell', 'Phone'],
    'addr': ['address', 'street_address', 'home_address', 'shipping_address', 'Address'],
    'street': ['address_line1', 'street', 'addr1'],
    'card': ['card_number', 'cc', 'credit_card', 'pan'],
    'iban': ['iban', 'IBAN', 'bank_account'],
    'ssn': ['ssn', 'SSN', 'social_security_number', 'tax_id'],
    'ip': ['ip', 'ip_address', 'client_ip', 'remote_addr', 'last_login_ip'],
    'dob': ['dob', 'date_of_birth', 'birthdate', 'birthday', 'born'],
    'apikey': ['api_key', 'token', 'secret', 'access_token', 'auth_token'],
    'password': ['password', 'passwd', 'pwd'],
    'city': ['city', 'town', 'City', 'location', 'birthplace'],
    'country': ['country', 'Country', 'region'],
    'org': ['company', 'employer', 'organization', 'vendor', 'bank', 'hospital'],
    'job': ['job_title', 'title', 'position', 'role'],
    'dept': ['department', 'team', 'unit'],
    'date': ['created_at', 'updated_at', 'order_date', 'visit_date', 'last_seen', 'hire_date', 'date'],
    'order': ['order_id', 'invoice', 'ticket', 'reference', 'sku'],
    'amount': ['amount', 'total', 'price', 'balance'],
    'product': ['product', 'item', 'device', 'plan'],
    'uuid': ['id', 'uuid', 'request_id', 'session_id'],
    'version': ['version', 'app_version', 'build'],
    'num': ['quantity', 'score', 'count', 'zip_code_count', 'age_days'],
    'small': ['age', 'qty', 'rating', 'floor'],
    'nat': ['nationality', 'language'],
    'condition': ['diagnosis', 'notes'],
    'hash': ['commit', 'checksum', 'etag'],
}
PII_SLOTS = ['name', 'first', 'last', 'email', 'phone', 'addr', 'street', 'card', 'iban', 'ssn', 'ip',
             'dob', 'apikey', 'password']
OTHER_SLOTS = [s for s in FIELDS if s not in PII_SLOTS]


def _pick_fields(rng):
    n = rng.randint(2, 7)
    slots = rng.sample(PII_SLOTS, rng.randint(1, min(4, n))) + rng.sample(OTHER_SLOTS, rng.randint(1, 4))
    rng.shuffle(slots)
    return [(s, rng.choice(FIELDS[s])) for s in slots]


def _values(fields, rng, ctx):
    vals = []
    for slot, _ in fields:
        text, spans = R.render('{%s}' % slot, rng, ctx)
        vals.append((text, spans[0][2] if spans else None))
    return vals


class Builder:
    def __init__(self):
        self.parts, self.spans, self.pos = [], [], 0

    def lit(self, s):
        self.parts.append(s)
        self.pos += len(s)

    def val(self, s, typ, raw=None):
        # raw: the value as written (escaped); the span covers the written form
        w = raw if raw is not None else s
        if typ:
            self.spans.append((self.pos, self.pos + len(w), typ))
        self.lit(w)

    def done(self):
        return ''.join(self.parts), self.spans


def _csv_quote(v, delim):
    if delim in v or '"' in v or '\n' in v:
        return '"' + v.replace('"', '""') + '"'
    return v


def csv_record(rng, ctx, delim=','):
    fields = _pick_fields(rng)
    vals = _values(fields, rng, ctx)
    b = Builder()
    if rng.random() < 0.5:
        b.lit(delim.join(a for _, a in fields) + '\n')
    rows = rng.randint(1, 3)
    for r in range(rows):
        if r > 0:
            vals = _values(fields, rng, R.Context(rng, ctx.pool))
        for i, (v, t) in enumerate(vals):
            if i:
                b.lit(delim)
            q = _csv_quote(v, delim)
            if q != v:
                b.lit('"')
                b.val(v.replace('"', '""'), t)
                b.lit('"')
            else:
                b.val(v, t)
        b.lit('\n' if r < rows - 1 else '')
    return b.done()


def json_record(rng, ctx):
    fields = _pick_fields(rng)
    vals = _values(fields, rng, ctx)
    b = Builder()
    pretty = rng.random() < 0.3
    b.lit('{' + ('\n  ' if pretty else ''))
    for i, ((_, key), (v, t)) in enumerate(zip(fields, vals)):
        if i:
            b.lit(',\n  ' if pretty else ', ')
        b.lit(json.dumps(key) + ': ')
        if t is None and rng.random() < 0.3 and v.isdigit():
            b.lit(v)
            continue
        enc = json.dumps(v, ensure_ascii=False)
        b.lit('"')
        b.val(v, t, enc[1:-1])
        b.lit('"')
    b.lit(('\n' if pretty else '') + '}')
    return b.done()


def kv_record(rng, ctx, sep=': ', join='\n'):
    fields = _pick_fields(rng)
    vals = _values(fields, rng, ctx)
    b = Builder()
    for i, ((_, key), (v, t)) in enumerate(zip(fields, vals)):
        if i:
            b.lit(join)
        b.lit(key + sep)
        b.val(v, t)
    return b.done()


def sql_record(rng, ctx):
    fields = _pick_fields(rng)
    vals = _values(fields, rng, ctx)
    b = Builder()
    b.lit('INSERT INTO %s (%s) VALUES (' % (rng.choice(['users', 'customers', 'patients', 'orders', 'staff']),
                                           ', '.join(a for _, a in fields)))
    for i, (v, t) in enumerate(vals):
        if i:
            b.lit(', ')
        b.lit("'")
        b.val(v, t, v.replace("'", "''"))
        b.lit("'")
    b.lit(');')
    return b.done()


def yaml_record(rng, ctx):
    return kv_record(rng, ctx, sep=': ', join='\n')


def xml_record(rng, ctx):
    fields = _pick_fields(rng)
    vals = _values(fields, rng, ctx)
    b = Builder()
    b.lit('<record>')
    for (_, key), (v, t) in zip(fields, vals):
        tag = key.replace(' ', '_').replace('-', '_')
        b.lit('<%s>' % tag)
        b.val(v, t, v.replace('&', '&amp;').replace('<', '&lt;'))
        b.lit('</%s>' % tag)
    b.lit('</record>')
    return b.done()


TRAIN_STYLES = [
    lambda rng, ctx: csv_record(rng, ctx, ','),
    lambda rng, ctx: csv_record(rng, ctx, ';'),
    json_record,
    lambda rng, ctx: kv_record(rng, ctx, ': ', '\n'),
    lambda rng, ctx: kv_record(rng, ctx, '=', ' '),
    sql_record,
]
EVAL_STYLES = [
    lambda rng, ctx: csv_record(rng, ctx, '\t'),
    lambda rng, ctx: csv_record(rng, ctx, '|'),
    xml_record,
    lambda rng, ctx: kv_record(rng, ctx, ' = ', '; '),
    lambda rng, ctx: kv_record(rng, ctx, ' -> ', ', '),
]
