/**
 * No recognizer may backtrack catastrophically: each runs on adversarial near-matches of 6,250
 * and 50,000 characters, and the time must grow about linearly (8x the input may cost at most
 * 24x the time; a quadratic pattern costs 64x, i.e. seconds at 50k). Times are the best of five
 * runs, and the bounds are generous so a busy machine does not make the test flaky.
 */
import * as assert from 'node:assert/strict';
import { RecognizerInput, PiiSpan } from '../../../core/pii/piiTypes';
import { recognizeCreditCards } from '../../../core/pii/recognizers/creditCard';
import { recognizeDatesOfBirth } from '../../../core/pii/recognizers/dateOfBirth';
import { recognizeEmailAddresses } from '../../../core/pii/recognizers/emailAddress';
import { recognizeIbans } from '../../../core/pii/recognizers/iban';
import { recognizeIpAddresses } from '../../../core/pii/recognizers/ipAddress';
import { recognizeMacAddresses } from '../../../core/pii/recognizers/macAddress';
import { recognizePersonFields } from '../../../core/pii/recognizers/personField';
import { recognizePhoneNumbers } from '../../../core/pii/recognizers/phoneNumber';
import { recognizeSecrets } from '../../../core/pii/recognizers/secret';
import { recognizeUsSsns } from '../../../core/pii/recognizers/usSsn';

type Run = (input: RecognizerInput) => PiiSpan[];

const CASES: Array<{ name: string; run: Run; units: string[] }> = [
  { name: 'credit card', run: recognizeCreditCards, units: ['1 ', '1-', '1', '4532 0151 1283 036 ', '45320151128303 '] },
  { name: 'IBAN', run: recognizeIbans, units: ['DE44 ', 'DE44A', 'DE44 A', 'D', 'DE445001 '] },
  { name: 'US SSN', run: recognizeUsSsns, units: ['123-45-', '1', '536 22 ', '1-'] },
  { name: 'IP address', run: recognizeIpAddresses, units: ['1.1.1.', ':', 'a:', 'a', '1.2.3.4.', 'f:f::', '::1%'] },
  { name: 'MAC address', run: recognizeMacAddresses, units: ['00:', '00:11-', 'aaaa.', '0'] },
  { name: 'email', run: recognizeEmailAddresses, units: ['a', '@', 'a@', 'a.', 'a@a.', '.@', 'a-'] },
  { name: 'phone number', run: recognizePhoneNumbers, units: ['1 ', '(1) ', '+1-', '1', '+', '555-0100 x', '123 ', '1 2 '] },
  { name: 'name field', run: recognizePersonFields, units: ['name=', 'first_name: a ', 'a', 'name', '<name>a', '<a>', 'name\t', 'n-> ', 'aaaa '] },
  { name: 'date', run: recognizeDatesOfBirth, units: ['1/1/', '7 march ', '12-12-', 'march 1', '1 '] },
  {
    name: 'secret',
    run: recognizeSecrets,
    units: ['ghp_a', 'xoxb-', '-', 'eyJa', 'eyJa.', 'password=', '-----BEGIN ', '://', 'a://a:', 'pwd: ', 'sk-', 'AKIA'],
  },
];

function timeOf(run: Run, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    run({ text });
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

describe('pii recognizers: no catastrophic backtracking', function () {
  this.timeout(120000);
  for (const { name, run, units } of CASES) {
    it(`${name} stays linear on 50k characters of near-matches`, () => {
      for (const unit of units) {
        const small = timeOf(run, repeatTo(unit, 6250));
        const large = timeOf(run, repeatTo(unit, 50000));
        // Below a few milliseconds timer and GC noise dominate (and the machine is shared): only
        // judge the ratio when 50k characters take over 250 ms; a quadratic pattern takes seconds.
        const ratio = large / Math.max(small, 1);
        assert.ok(large < 5000, `${name} on ${JSON.stringify(unit)} x50k took ${large.toFixed(1)} ms`);
        assert.ok(ratio < 24 || large < 250, `${name} on ${JSON.stringify(unit)}: 8x input took ${ratio.toFixed(1)}x time (${small.toFixed(2)} -> ${large.toFixed(2)} ms)`);
      }
    });
  }

  it('a PEM block without an END line is bounded', () => {
    const text = '-----BEGIN RSA PRIVATE KEY-----\n' + 'QUJD'.repeat(20000);
    const spans = recognizeSecrets({ text });
    assert.equal(spans.length, 1);
    assert.ok(spans[0].end - spans[0].start <= 20000);
  });
});
