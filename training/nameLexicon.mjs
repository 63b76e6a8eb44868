// The first-name lexicon of the `real` recipe's name token types (trainReal.py --name-lexicon):
// every first name of every @faker-js/faker locale, as the words Cardwright's tokenizer reads
// (lowercase, accents stripped, split at anything that is not a letter), one a line, sorted.
// The model then sees, for each word, whether it is a known first name (token type 2 or 3, see
// training/wordpiece.py case_types) and learns from context when such a word is a name.
//
//   node training/nameLexicon.mjs [--out training/work/name-lexicon.txt]
import { allLocales } from '@faker-js/faker';
import fs from 'node:fs';
import path from 'node:path';

const at = process.argv.indexOf('--out');
const out = at > 0 ? process.argv[at + 1] : path.join(path.dirname(new URL(import.meta.url).pathname), 'work', 'name-lexicon.txt');

/** What BERT's normalizer makes of a word: lowercase, NFD, combining marks dropped. */
function normalize(word) {
  return word.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
}

/**
 * Function words that some locale's first names turn into once accents are stripped (Vietnamese
 * Thế, Ân, My, Long; Uzbek To, No): everywhere in text, never a name signal.
 */
const COMMON = new Set('the an my to no can long de la le el en un una und der die das and or of in on at is it as by he we me so do go up if be us'.split(' '));

const words = new Set();
function add(value) {
  if (typeof value !== 'string') return;
  for (const part of normalize(value).split(/[^\p{L}]+/u)) {
    // Two letters at least, and only scripts whose words the tokenizer keeps whole (CJK
    // characters become one token each and carry no name signal of their own).
    if (part.length >= 2 && !COMMON.has(part) && !/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u.test(part)) words.add(part);
  }
}
function addAll(list) {
  if (Array.isArray(list)) list.forEach(add);
  else if (list && typeof list === 'object') for (const key of Object.keys(list)) addAll(list[key]);
}
for (const locale of Object.values(allLocales)) addAll(locale.person?.first_name);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, [...words].sort().join('\n') + '\n');
console.log(`${words.size} first-name words -> ${out}`);
