import * as assert from 'node:assert/strict';
import { contextAround, fold, foldByRegex } from '../../../core/pii/contextWords';
import { seededRandom } from './seededRandom';

describe('pii context words', () => {
  it('folds text: lowercase, camelCase split, one space per run of other characters', () => {
    assert.equal(fold('  DateOfBirth:\t'), 'date of birth');
    assert.equal(fold('customerPhoneNR'), 'customer phone nr');
    assert.equal(fold('e-mail__Address (2)'), 'e mail address 2');
    assert.equal(fold('ABC def'), 'abc def');
    assert.equal(fold('Geburtsdatum des Kunden'), 'geburtsdatum des kunden');
    assert.equal(fold('Téléphone portable'), 'téléphone portable');
    assert.equal(fold('---'), '');
    assert.equal(fold(''), '');
  });

  it('folds ASCII and Latin text in one pass exactly as the regex definition does', () => {
    const next = seededRandom(7);
    const alphabet = 'aZbYz09 _-.:;|\t\n\r()"\'!?@#/\\AazZÀàÉéßÿĀİıŁłǅǆȳ×÷¿ª€Ω中';
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      assert.equal(fold(text), foldByRegex(text), JSON.stringify(text));
    }
  });

  it('cuts the context at a sentence, line or field boundary', () => {
    const text = 'Order shipped. Call me at 555-0100 please; thanks';
    const start = text.indexOf('555');
    const context = contextAround({ text }, start, start + 8);
    assert.equal(context.near, '  | call me at ');
    assert.equal(context.after, ' please ');
    const plain = 'reach me at 555-0100 after noon';
    const at = plain.indexOf('555');
    assert.deepEqual(contextAround({ text: plain, fields: [{ start: 0, end: plain.length, name: 'contactPhone' }] }, at, at + 8), {
      near: ' contact phone | reach me at ',
      after: ' after noon ',
    });
  });
});
