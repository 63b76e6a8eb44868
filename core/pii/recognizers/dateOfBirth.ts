/**
 * DATE_OF_BIRTH: a calendar date (ISO, numeric with / . -, or with an English month name) that
 * stands in a birth context: "born", "DOB", "date of birth" nearby, or a field named so. A date
 * without such context gets a score below the default threshold: most dates are not birthdays.
 */
import { contextAround, scoreWithContext } from '../contextWords';
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { isAlnumAt } from './textBoundary';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

// Each alternative is a fixed sequence of bounded pieces: no nested unbounded repetition.
const DATE = new RegExp(
  [
    '(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})', // 1984-03-07
    '(\\d{1,2})([-/.])(\\d{1,2})\\6(\\d{4}|\\d{2})', // 07/03/1984, 3.7.84
    `(\\d{1,2})(?:st|nd|rd|th)?(?:[ \\t]{1,3}(?:of[ \\t]{1,3})?|[-/.])(${MONTH})\\.?(?:,?[ \\t]{1,3}|[-/.])(\\d{4})`, // 7 March 1984, 07-Mar-1984
    `(${MONTH})\\.?[ \\t]{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]{1,3}(\\d{4})`, // March 7, 1984
    '(19\\d{2}|20[0-2]\\d)(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])', // 19840307
  ].join('|'),
  'gi',
);

const CONTEXT = {
  raise: ['born', 'dob', 'd o b', 'date of birth', 'birth', 'birthday', 'birthdate', 'birth date', 'bday', 'b day', 'geboren', 'geburtsdatum', 'ne le', 'nee le', 'date de naissance', 'fecha de nacimiento', 'nacido', 'nata', 'data di nascita'],
  lower: ['invoice', 'order', 'shipped', 'delivered', 'created', 'updated', 'expires', 'expiry', 'due'],
};

export function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= daysInMonth[month - 1];
}

export function recognizeDatesOfBirth(input: RecognizerInput): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  DATE.lastIndex = 0;
  for (let match = DATE.exec(text); match; match = DATE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isAlnumAt(text, start - 1) || isAlnumAt(text, end) || /[-/.]\d/.test(text.slice(end, end + 2))) continue;
    if (!plausible(match)) continue;
    // A date long past, in a record (a table row, a field), is likely someone's birth date.
    const year = yearOf(match);
    let base = match[15] ? 0.15 : 0.2;
    // Two-digit years (6.1.31) look like versions as much as dates: they need a context word.
    const twoDigitYear = match[8] !== undefined && match[8].length === 2;
    if (year <= OLD_YEAR && !twoDigitYear) base += 0.25;
    if (input.fields !== undefined || /[\t|]/.test(text.slice(Math.max(0, start - 40), end + 40))) base += 0.1;
    const score = scoreWithContext(base, contextAround(input, start, end), CONTEXT, 0.65, 0.15);
    spans.push({ type: 'DATE_OF_BIRTH', start, end, score, detector: 'date-of-birth', validated: false });
  }
  return spans;
}

/** Dates up to this year are old enough to be an adult's birth date. */
const OLD_YEAR = 2012;

function yearOf(m: RegExpExecArray): number {
  const y = m[4] !== undefined ? m[1] : m[8] ?? m[11] ?? m[14] ?? m[15];
  if (y === undefined) return 9999;
  return y.length === 2 ? (Number(y) > 30 ? 1900 + Number(y) : 2000 + Number(y)) : Number(y);
}

/** A two-digit year read as 19xx above 30, else 20xx. */
function year4(y: string): number {
  return y.length === 2 ? (Number(y) > 30 ? 1900 + Number(y) : 2000 + Number(y)) : Number(y);
}

function inRange(y: number): boolean {
  return y >= 1900 && y <= 2030;
}

function plausible(m: RegExpExecArray): boolean {
  if (m[1]) return inRange(Number(m[1])) && validDate(Number(m[1]), Number(m[3]), Number(m[4]));
  if (m[5]) {
    const a = Number(m[5]);
    const b = Number(m[7]);
    const year = year4(m[8]);
    // Day-first or month-first: accept when either reading is a real date.
    return inRange(year) && (validDate(year, b, a) || validDate(year, a, b));
  }
  if (m[9]) return inRange(Number(m[11])) && validDate(Number(m[11]), MONTHS[m[10].toLowerCase()], Number(m[9]));
  if (m[12]) return inRange(Number(m[14])) && validDate(Number(m[14]), MONTHS[m[12].toLowerCase()], Number(m[13]));
  if (m[15]) return validDate(Number(m[15]), Number(m[16]), Number(m[17]));
  return false;
}
