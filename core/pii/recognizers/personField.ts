/**
 * PERSON from structure: the value of a field whose name says it holds a person's name
 * (`first_name`, `lastName`, `fname`, `surname`, `patient_name`, `Name`) or a person's role in a
 * form (`Applicant:`, `Prescriber:`), when the value is
 * written like a name (one to five words of letters, no digits, no `@`). Fields come from the
 * readers (CSV/TSV columns, JSON keys) or from `key = value` text: `=`, `:`, `->`, `=>`, a tab,
 * and XML-like `<key>value</key>`.
 *
 * The model finds names by context; this finds the ones whose context is a column header, which a
 * token window often does not contain. A bare `name` field may hold a product or a company, so its
 * score alone stays under the default threshold, and values with an organization's word (`Ltd`,
 * `GmbH`, `University`) are never taken.
 */
import { FieldRegion, PiiSpan, RecognizerInput } from '../piiTypes';
import { byStartThenEnd, sortSmall } from '../sortSmall';

/** Qualifiers that make `<qualifier>name` a person's name. */
const QUALIFIERS =
  'first|last|full|given|family|middle|sur|fore|maiden|nick|display|legal|preferred|real|birth|' +
  'contact|customer|patient|client|employee|owner|holder|cardholder|accountholder|guardian|parent|' +
  'applicant|passenger|sender|recipient|author|person|student|teacher|doctor|physician|spouse|' +
  'mother|father|member|user|emergencycontact|beneficiary|insured|subscriber|tenant|landlord|buyer|seller';
const SPECIFIC_KEY = new RegExp(`^(?:(?:${QUALIFIERS})names?|fname|lname|surname|forename|givenname|familyname|fullname)$`);
const BARE_KEY = /^(?:name|names|nombre|nom|nome)$/;
/** Keys that name a person's role in a form: their value is usually that person's name. */
const ROLE_KEY = new RegExp(
  '^(?:applicant|coapplicant|patient|passenger|tenant|guardian|complainant|claimant|witness|beneficiary|spouse|' +
    'student|pupil|employee|attendee|speaker|signatory|signedby|cardholder|accountholder|policyholder|recipient|' +
    'addressee|sender|prescriber|physician|doctor|nurse|caregiver|nextofkin|emergencycontact|contactperson|assignee|reporter|interviewer|interviewee)$',
);
const TITLE = /^(?:dr|mr|mrs|ms|miss|mx|prof|sir|dame|rev|herr|frau|mme|mlle|sra?)\.?\s+/i;

/** A key normalized for matching: lowercase letters only (`First_Name` -> `firstname`). */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z]/g, '');
}

/** 0 when the key does not name a person's name, else the finding's score. */
export function personKeyScore(key: string): number {
  const normalized = normalizeKey(key);
  if (normalized === 'username') return 0; // a login, not a name
  if (SPECIFIC_KEY.test(normalized)) return 0.85;
  if (ROLE_KEY.test(normalized)) return 0.7;
  // Below the default threshold alone: a bare `name` column may hold products or companies, so
  // it takes the model's support (fusion's noisy-or) to be reported.
  if (BARE_KEY.test(normalized)) return 0.45;
  return 0;
}

const NAME_WORD = /^[\p{L}][\p{L}\p{M}'’.-]*$/u;
const TWO_LETTERS = /\p{L}{2}/u;
/** Words that make a value an organization's name, not a person's. */
const ORGANIZATION_WORD =
  /^(?:ltd|limited|inc|llc|llp|gmbh|ag|corp|corporation|co|company|plc|sa|sas|sarl|bv|nv|srl|spa|oy|ab|as|kk|pty|group|holdings?|industries|solutions|services|systems|technologies|labs?|foundation|university|college|school|institute|bank|hospital|clinic|pharma|motors|partners|associates|agency|ministry|council|department|team|store|shop)\.?$/i;
const NOT_A_NAME = /^(?:n\/?a|none|null|nil|unknown|anonymous|redacted|test|user|admin|true|false|yes|no|tbd|-)$/i;

/** The trimmed [start, end) of `text[start, end)` when it is written like a person's name. */
function nameValue(text: string, start: number, end: number): { start: number; end: number } | undefined {
  while (start < end && /[\s"'“”‘’]/.test(text[start])) start++;
  while (end > start && /[\s"'“”‘’,;.]/.test(text[end - 1]) && !/\b\p{L}\.$/u.test(text.slice(Math.max(start, end - 3), end))) end--;
  const title = TITLE.exec(text.slice(start, end));
  if (title) start += title[0].length;
  if (end - start < 2 || end - start > 80) return undefined;
  const value = text.slice(start, end);
  if (NOT_A_NAME.test(value)) return undefined;
  const words = value.split(/ |, /);
  if (words.length > 5) return undefined;
  let twoLetters = false;
  for (const word of words) {
    if (!NAME_WORD.test(word) || ORGANIZATION_WORD.test(word)) return undefined;
    if (!twoLetters && TWO_LETTERS.test(word)) twoLetters = true;
  }
  if (!twoLetters) return undefined;
  return { start, end };
}

// `key = value`, `key: value`, `key -> value`, `key => value`, `key<TAB>value`; the key is a
// bounded identifier and the value runs to the next separator on the line.
const INLINE = /([A-Za-z][A-Za-z0-9_.-]{0,39})["']?[ \t]{0,3}(?:=>|->|=|:|\t)[ \t]{0,3}["']?([^\r\n;,|\t"'<>{}[\]=]{1,80})/dg;
const XML = /<([A-Za-z][A-Za-z0-9_.-]{0,39})>([^<>\r\n]{1,80})<\/\1>/dg;

export function recognizePersonFields(input: RecognizerInput): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  for (const field of input.fields ?? ([] as FieldRegion[])) addNameField(spans, text, field.name, field.start, field.end);
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const [valueStart, valueEnd] = match.indices![2];
      addNameField(spans, text, match[1], valueStart, valueEnd);
      // Continue right after the key: the value may itself be a `key = value` pair.
      pattern.lastIndex = match.index + match[1].length;
    }
  }
  return dedupe(spans);
}

const PATTERNS = [INLINE, XML];

/** The value of a name-like field, when it reads as a name. */
function addNameField(spans: PiiSpan[], text: string, key: string, start: number, end: number): void {
  const score = personKeyScore(key);
  if (score === 0) return;
  const value = nameValue(text, start, end);
  if (value) spans.push({ type: 'PERSON', start: value.start, end: value.end, score, detector: 'name-field', validated: true });
}

/** One span per range (the first found), in text order. */
function dedupe(spans: PiiSpan[]): PiiSpan[] {
  if (spans.length < 2) return spans;
  sortSmall(spans, byStartThenEnd);
  const out: PiiSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    // Sorted by range, so a repeated range follows its first occurrence.
    if (last && last.start === span.start && last.end === span.end) continue;
    out.push(span);
  }
  return out;
}
