import * as assert from 'node:assert/strict';
import { recognizeAll } from '../../../core/pii/recognizeAll';
import { cardIssuer, luhnValid, recognizeCreditCards } from '../../../core/pii/recognizers/creditCard';
import { recognizeDatesOfBirth } from '../../../core/pii/recognizers/dateOfBirth';
import { recognizeEmailAddresses } from '../../../core/pii/recognizers/emailAddress';
import { ibanValid, recognizeIbans } from '../../../core/pii/recognizers/iban';
import { parseIpv4, parseIpv6, recognizeIpAddresses } from '../../../core/pii/recognizers/ipAddress';
import { recognizeMacAddresses } from '../../../core/pii/recognizers/macAddress';
import { personKeyScore, recognizePersonFields } from '../../../core/pii/recognizers/personField';
import { recognizePhoneNumbers } from '../../../core/pii/recognizers/phoneNumber';
import { recognizeSecrets } from '../../../core/pii/recognizers/secret';
import { recognizeUsSsns, ssnValid } from '../../../core/pii/recognizers/usSsn';
import { PiiSpan } from '../../../core/pii/piiTypes';

/** The matched texts, in order. */
function found(spans: PiiSpan[], text: string, minScore = 0): string[] {
  return spans.filter((s) => s.score >= minScore).map((s) => text.slice(s.start, s.end));
}

describe('pii recognizers: credit cards', () => {
  it('validates Luhn and issuer prefixes', () => {
    assert.equal(luhnValid('4532015112830366'), true);
    assert.equal(luhnValid('4532015112830367'), false);
    assert.equal(cardIssuer('4532015112830366'), 'visa');
    assert.equal(cardIssuer('378282246310005'), 'amex');
    assert.equal(cardIssuer('5555555555554444'), 'mastercard');
    assert.equal(cardIssuer('9532015112830366'), undefined);
    // A valid Luhn with an Amex prefix but a Visa length is no card.
    assert.equal(cardIssuer('3400000000000009'), undefined);
  });

  it('finds grouped and ungrouped numbers, and respects boundaries', () => {
    const text = 'pay 4532 0151 1283 0366, or 4532-0151-1283-0366 or 4532015112830366; not 14532015112830366 nor 4532015112830367 nor 4532 0151-1283 0366';
    assert.deepEqual(found(recognizeCreditCards({ text }), text), ['4532 0151 1283 0366', '4532-0151-1283-0366', '4532015112830366']);
  });

  it('finds a card next to other numbers', () => {
    const text = 'card 4532015112830366 12/27 cvv 123, order 12 4532 0151 1283 0366';
    assert.deepEqual(found(recognizeCreditCards({ text }), text), ['4532015112830366', '4532 0151 1283 0366']);
  });

  it('reports test cards with a low score and a flag', () => {
    const text = 'test card 4111 1111 1111 1111';
    const [span] = recognizeCreditCards({ text });
    assert.equal(span.testValue, true);
    assert.ok(span.score < 0.5);
  });
});

describe('pii recognizers: IBAN', () => {
  it('validates mod-97 and country lengths', () => {
    assert.equal(ibanValid('DE44 5001 0517 5407 3249 31'), true);
    assert.equal(ibanValid('DE44 5001 0517 5407 3249 32'), false);
    assert.equal(ibanValid('DE44 5001 0517 5407 3249 3'), false);
    assert.equal(ibanValid('GB33BUKB20201555555555'), true);
    assert.equal(ibanValid('XX33BUKB20201555555555'), false);
  });

  it('finds printed and compact IBANs and stops at the country length', () => {
    const text = 'IBAN: DE44 5001 0517 5407 3249 31 and GB33BUKB20201555555555. Bad: DE44500105175407324932, ABDE44500105175407324931';
    assert.deepEqual(found(recognizeIbans({ text }), text), ['DE44 5001 0517 5407 3249 31', 'GB33BUKB20201555555555']);
  });
});

describe('pii recognizers: US SSN', () => {
  it('applies the area, group and serial rules', () => {
    assert.equal(ssnValid('536-22-1234'), true);
    for (const bad of ['000-22-1234', '666-22-1234', '900-22-1234', '536-00-1234', '536-22-0000', '536-22 1234']) {
      assert.equal(ssnValid(bad), false, bad);
    }
  });

  it('scores by format and context', () => {
    const text = 'SSN: 536-22-1234. Order 536221234. 536 22 1234';
    const spans = recognizeUsSsns({ text });
    assert.deepEqual(found(spans, text), ['536-22-1234', '536221234', '536 22 1234']);
    assert.ok(spans[0].score >= 0.8, 'context raises');
    assert.ok(spans[1].score < 0.5, 'order lowers an unseparated number');
  });

  it('does not take part of a longer number', () => {
    const text = 'tracking 1536-22-12345 and 12-536-22-1234';
    assert.deepEqual(found(recognizeUsSsns({ text }), text), []);
  });
});

describe('pii recognizers: IP addresses', () => {
  it('parses IPv4 octets and IPv6 forms', () => {
    assert.deepEqual(parseIpv4('192.168.0.1'), [192, 168, 0, 1]);
    assert.equal(parseIpv4('256.1.1.1'), undefined);
    assert.equal(parseIpv4('01.1.1.1'), undefined);
    assert.deepEqual(parseIpv6('2001:db8::1'), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(parseIpv6('::ffff:192.0.2.128'), [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0280]);
    assert.deepEqual(parseIpv6('fe80::1%eth0'), [0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    assert.equal(parseIpv6('1::2::3'), undefined);
    assert.equal(parseIpv6('1:2:3:4:5:6:7'), undefined);
    assert.equal(parseIpv6('1:2:3:4:5:6:7:8:9'), undefined);
    assert.equal(parseIpv6('12345::1'), undefined);
  });

  it('finds addresses in text and skips versions and times', () => {
    const text = 'from 203.0.113.7, v6 2001:db8:85a3::8a2e:370:7334. Not 1.2.3.4.5 nor 300.1.1.1 nor 12:30:45 nor ab:cd.';
    assert.deepEqual(found(recognizeIpAddresses({ text }), text), ['203.0.113.7', '2001:db8:85a3::8a2e:370:7334']);
  });

  it('scores loopback low', () => {
    const text = 'listen on 127.0.0.1 and ::1';
    const spans = recognizeIpAddresses({ text });
    assert.equal(spans.length, 2);
    assert.ok(spans.every((s) => s.score < 0.5));
  });
});

describe('pii recognizers: email, phone, MAC, dates, secrets', () => {
  it('finds email addresses and trims sentence punctuation', () => {
    const text = 'Write to ada.lovelace+ml@analytical.co.uk. Or "zoë@exämple.de", not a@b, not @home, not x@y.z1.';
    assert.deepEqual(found(recognizeEmailAddresses({ text }), text), ['ada.lovelace+ml@analytical.co.uk', 'zoë@exämple.de']);
  });

  it('finds valid phone numbers through libphonenumber and scores context', () => {
    const text = 'Call (415) 555-2671 or +44 20 7946 0958. Invoice 2125550123. Not 555-0000-1.';
    const spans = recognizePhoneNumbers({ text });
    assert.deepEqual(found(spans, text), ['(415) 555-2671', '+44 20 7946 0958', '2125550123']);
    assert.ok(spans[0].score > spans[2].score, 'invoice lowers the score');
    assert.deepEqual(recognizePhoneNumbers({ text: 'Ruf an: 030 901820' }, 'DE').length, 1);
  });

  it('finds MAC addresses but not parts of IPv6 addresses', () => {
    const text = 'mac 00:1A:2B:3C:4D:5E, cisco 001a.2b3c.4d5e, ipv6 fe80:1:2:3:4:5:6:7';
    assert.deepEqual(found(recognizeMacAddresses({ text }), text), ['00:1A:2B:3C:4D:5E', '001a.2b3c.4d5e']);
  });

  it('needs a birth context for a date of birth', () => {
    const text = 'Born on 7 March 1984 in Leeds. Invoice date 2024-02-30 and 2024-02-29. DOB: 03/07/1984';
    const spans = recognizeDatesOfBirth({ text });
    assert.deepEqual(found(spans, text), ['7 March 1984', '2024-02-29', '03/07/1984']);
    assert.deepEqual(found(spans, text, 0.5), ['7 March 1984', '03/07/1984']);
    const field = recognizeDatesOfBirth({ text: '1984-03-07', fields: [{ start: 0, end: 10, name: 'dateOfBirth' }] });
    assert.ok(field[0].score >= 0.5, 'a field named dateOfBirth is context');
  });

  it('finds secrets by prefix, PEM blocks, URL credentials and assignments', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----';
    const text = [
      'ghp_' + 'a1B2'.repeat(9),
      'xoxb-1234567890-abcdefghij',
      'AKIA' + 'Q3RTX7ZB2LMN4PKW',
      pem,
      'postgres://admin:S3cr3t%21@db.internal:5432/app',
      'mysql://user:****@host/db',
      'Password=Tr0ub4dor&3;',
      'password: changeme',
      'login?password=hunter22x&user=bob',
    ].join(' | ');
    const spans = recognizeSecrets({ text });
    assert.deepEqual(found(spans, text), ['ghp_' + 'a1B2'.repeat(9), 'xoxb-1234567890-abcdefghij', 'AKIA' + 'Q3RTX7ZB2LMN4PKW', pem, 'S3cr3t%21', 'Tr0ub4dor&3', 'hunter22x']);
    const example = recognizeSecrets({ text: 'AKIAIOSFODNN7EXAMPLE' });
    assert.equal(example[0].testValue, true);
  });

  it('runs only the requested recognizers', () => {
    const text = 'ada@example.org 203.0.113.7';
    const spans = recognizeAll({ text }, { entities: new Set(['IP_ADDRESS']) });
    assert.deepEqual(spans.map((s) => s.type), ['IP_ADDRESS']);
  });
});

describe('pii recognizers: names in named fields', () => {
  it('knows which keys hold a person name', () => {
    for (const key of ['first_name', 'lastName', 'FNAME', 'surname', 'patient-name', 'Full Name', 'applicant', 'Prescriber']) {
      assert.ok(personKeyScore(key) > 0, key);
    }
    for (const key of ['username', 'filename', 'hostname', 'company_name', 'product', 'name_id', 'city']) assert.equal(personKeyScore(key), 0, key);
    assert.ok(personKeyScore('name') < 0.5, 'a bare "name" may be a product: it needs the model to be reported');
  });

  it('finds the value of key = value, key: value, key -> value and XML-like fields', () => {
    const text = 'lastName = Shi; first_name = Hui; firstName -> Alain, <fname>Rosângela</fname> Applicant: Dr. Diane Adams\nowner: A. de Haan';
    assert.deepEqual(found(recognizePersonFields({ text }), text), ['Shi', 'Hui', 'Alain', 'Rosângela', 'Diane Adams']);
  });

  it('takes the fields the readers found (CSV columns, JSON keys)', () => {
    const text = 'María José Ortega,42,ES';
    const fields = [
      { start: 0, end: 17, name: 'customer_name' },
      { start: 18, end: 20, name: 'age' },
    ];
    assert.deepEqual(found(recognizePersonFields({ text, fields }), text), ['María José Ortega']);
  });

  it('skips values that are not written like a name', () => {
    const text = 'first_name = N/A; last_name: 12345; name = ana@example.com; surname = null; full_name = the quick brown fox jumps over; customer_name = Acme Widgets Ltd';
    assert.deepEqual(found(recognizePersonFields({ text }), text), []);
  });

  it('is part of recognizeAll and survives fusion with the right bounds', () => {
    const text = 'fname = Valérie Denis';
    assert.ok(recognizeAll({ text }).some((s) => s.type === 'PERSON' && text.slice(s.start, s.end) === 'Valérie Denis'));
  });
});
