/**
 * SECRET: credentials that must never ship in a dataset sample.
 *   - tokens with a documented, distinctive prefix (AWS access key ids, GitHub, Slack, Stripe,
 *     Google API keys, Hugging Face, OpenAI, npm, JWTs);
 *   - PEM private key blocks (the whole block, BEGIN to END);
 *   - the password in a URL or connection string with credentials (`scheme://user:pass@host`);
 *   - the value after `password=`, `pwd:`, `api_key=`, `client_secret=`... assignments.
 *   - the value after `password=`, `pwd -> `, `"api_key": `, or inside `<passwd>...</passwd>`.
 * Placeholders (`****`, `<password>`, `${PASSWORD}`, `changeme`...) are not reported.
 */
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { isExampleSecret, TEST_VALUE_SCORE } from '../denyList';
import { isAlnumAt } from './textBoundary';
import { byStart, sortSmall } from '../sortSmall';

interface TokenPattern {
  name: string;
  pattern: RegExp;
  score: number;
}

// Each pattern starts with a literal prefix and has bounded or single-class repetition: linear.
const TOKEN_PATTERNS: TokenPattern[] = [
  { name: 'aws-access-key-id', pattern: /(?:AKIA|ASIA|ABIA|ACCA|AROA|AIDA)[0-9A-Z]{16}/g, score: 0.95 },
  { name: 'github-token', pattern: /gh[pousr]_[A-Za-z0-9]{36,251}/g, score: 0.95 },
  { name: 'github-fine-grained-token', pattern: /github_pat_[A-Za-z0-9_]{60,255}/g, score: 0.95 },
  { name: 'slack-token', pattern: /xox[abposr]-[A-Za-z0-9-]{10,250}/g, score: 0.95 },
  { name: 'slack-webhook', pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{16,32}/g, score: 0.9 },
  { name: 'stripe-key', pattern: /(?:sk|rk)_live_[0-9A-Za-z]{16,99}/g, score: 0.95 },
  { name: 'stripe-test-key', pattern: /(?:sk|rk)_test_[0-9A-Za-z]{16,99}/g, score: 0.6 },
  { name: 'google-api-key', pattern: /AIza[0-9A-Za-z_-]{35}/g, score: 0.9 },
  { name: 'huggingface-token', pattern: /hf_[A-Za-z0-9]{30,40}/g, score: 0.9 },
  { name: 'openai-key', pattern: /sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|sk-proj-[A-Za-z0-9_-]{40,200}/g, score: 0.9 },
  { name: 'openai-legacy-key', pattern: /sk-[A-Za-z0-9]{32,64}/g, score: 0.75 },
  { name: 'npm-token', pattern: /npm_[A-Za-z0-9]{36}/g, score: 0.9 },
  { name: 'gitlab-token', pattern: /gl(?:pat|dt|rt|cbt|ptt)-[A-Za-z0-9_-]{20,64}/g, score: 0.95 },
  { name: 'sendgrid-key', pattern: /SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{32,64}/g, score: 0.95 },
  { name: 'twilio-key', pattern: /SK[0-9a-f]{32}/g, score: 0.7 },
  { name: 'anthropic-key', pattern: /sk-ant-[A-Za-z0-9_-]{32,200}/g, score: 0.95 },
  { name: 'azure-storage-key', pattern: /AccountKey=[A-Za-z0-9+/]{60,100}={0,2}/g, score: 0.9 },
  { name: 'jwt', pattern: /eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{8,1000}/g, score: 0.8 },
];

const PLACEHOLDER = /^(?:\*+|x+|\.+|<[^>]*>|\$\{[^}]*\}|\$[A-Z_]+|%\(?[a-z_]*\)?s|\{\{?[^}]*\}?\}|password|passwd|pass|pwd|secret|changeme|change_me|your[_-]?\w*|redacted|\[redacted\]|hidden|null|none|undefined|true|false|example\w*|test|dummy|placeholder|xxx+|\?+)$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** Fewer characters than this are too few for a credential the model finds without a prefix or a key word. */
export const MIN_SECRET_CHARS = 8;
/** Bits per character below which a value repeats itself too much to be a generated credential. */
const MIN_SECRET_ENTROPY = 2.5;

/**
 * Whether a value that only the model calls a SECRET (no token prefix, no `password=`) has the
 * shape of a credential: one run of at least 8 characters without spaces, mixing at least two
 * classes of characters (lower case, upper case, digits, symbols), varied enough (Shannon entropy
 * of 2.5 bits per character or more), and not one of the shapes ordinary text takes: a word
 * (`lorem`, `Consectetur`, `NASA`), a number, words joined by `-`, `_`, `.` or `'`
 * (`state-of-the-art`, `example.com`), or an identifier made of a short letter prefix and digits
 * (`x123`, `id_20931`, `AB1234567`).
 */
export function hasSecretShape(value: string): boolean {
  if (value.length < MIN_SECRET_CHARS || /\s/.test(value)) return false;
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (const ch of value) {
    if (/\p{Ll}/u.test(ch)) lower = 1;
    else if (/\p{Lu}/u.test(ch)) upper = 1;
    else if (/\p{N}/u.test(ch)) digit = 1;
    else other = 1;
  }
  if (lower + upper + digit + other < 2) return false;
  if (/^\p{Lu}\p{Ll}+$/u.test(value)) return false; // a capitalized word
  if (/^(?:\p{Lu}?\p{Ll}+|\p{Lu}{1,6})(?:[-_.'’](?:\p{Lu}?\p{Ll}+|\p{Lu}{1,6}))+$/u.test(value)) return false; // words joined by punctuation
  if (/^\p{L}{1,4}[-_.#:]?\p{N}+$/u.test(value) || /^\p{N}+[-_.]?\p{L}{1,2}$/u.test(value)) return false; // an identifier
  return shannonEntropy(value) >= MIN_SECRET_ENTROPY;
}

/** Bits per character of the value's character distribution. */
function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  let length = 0;
  for (const ch of value) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    length++;
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export function recognizeSecrets(input: RecognizerInput): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  for (const { name, pattern, score } of TOKEN_PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (isAlnumAt(text, start - 1) || (isAlnumAt(text, end) && !name.startsWith('slack'))) continue;
      const testValue = isExampleSecret(match[0]);
      const span: PiiSpan = { type: 'SECRET', start, end, score: testValue ? TEST_VALUE_SCORE : score, detector: `secret/${name}`, validated: true };
      if (testValue) span.testValue = true;
      spans.push(span);
    }
  }
  spans.push(...privateKeyBlocks(text));
  spans.push(...urlCredentials(text));
  spans.push(...assignedSecrets(text));
  return sortSmall(spans, byStart);
}

const PEM_BEGIN = '-----BEGIN ';

function privateKeyBlocks(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (let begin = text.indexOf(PEM_BEGIN); begin >= 0; begin = text.indexOf(PEM_BEGIN, begin + 1)) {
    const labelEnd = text.indexOf('-----', begin + PEM_BEGIN.length);
    if (labelEnd < 0 || labelEnd - begin > 64) continue;
    const label = text.slice(begin + PEM_BEGIN.length, labelEnd);
    if (!/PRIVATE KEY/.test(label)) continue;
    const endMarker = `-----END ${label}-----`;
    const endAt = text.indexOf(endMarker, labelEnd);
    let end: number;
    if (endAt >= 0 && endAt - begin < 20000) {
      end = endAt + endMarker.length;
    } else {
      // Truncated block: take the base64 body that follows.
      end = labelEnd + 5;
      while (end < text.length && end - begin < 20000 && /[A-Za-z0-9+/=\s\\n]/.test(text[end])) end++;
      while (end > labelEnd + 5 && /\s/.test(text[end - 1])) end--;
    }
    spans.push({ type: 'SECRET', start: begin, end, score: 0.99, detector: 'secret/private-key', validated: true });
    begin = end - 1;
  }
  return spans;
}

/** `scheme://user:password@host`: reports the password. */
function urlCredentials(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (let sep = text.indexOf('://'); sep >= 0; sep = text.indexOf('://', sep + 3)) {
    if (!/[A-Za-z0-9]/.test(text[sep - 1] ?? '')) continue;
    const userStart = sep + 3;
    let cursor = userStart;
    let at = -1;
    let colon = -1;
    while (cursor < text.length && cursor - userStart < 512) {
      const ch = text[cursor];
      if (/[\s/"'<>`]/.test(ch)) break;
      if (ch === ':' && colon < 0) colon = cursor;
      if (ch === '@') at = cursor;
      cursor++;
    }
    if (at < 0 || colon < 0 || colon > at) continue;
    const password = text.slice(colon + 1, at);
    if (password.length === 0 || isPlaceholder(password) || isPlaceholder(decodeSafely(password))) continue;
    spans.push({ type: 'SECRET', start: colon + 1, end: at, score: 0.9, detector: 'secret/url-credentials', validated: true });
  }
  return spans;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// `password = "value"`, `Pwd=value;`, `"api_key": "value"`. The key words are literals and the
// value is a single bounded class, so each attempt costs a bounded number of steps.
// Also `key -> value`, `key => value` and `<passwd>value</passwd>`.
const ASSIGNMENT = /(?:password|passwd|passphrase|pwd|secret[_-]?key|client[_-]?secret|api[_-]?key|apikey|(?:access|auth|api|bearer|refresh|session)[_-]?token|private[_-]?key|secret)(?:["']?[ \t]{0,8}(?:[:=]|->|=>)[ \t]{0,8}["']?|>)([^\s"',;<>]{6,200})/gi;

function assignedSecrets(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match; match = ASSIGNMENT.exec(text)) {
    if (isAlnumAt(text, match.index - 1) && text[match.index - 1] !== '_') continue;
    // In a query string the value ends where the next `&name=` begins.
    const value = match[1].replace(/&[A-Za-z_][\w.-]*=.*$/, '');
    if (value.length < 6 || isPlaceholder(value) || /^\d{1,8}$/.test(value)) continue;
    const start = match.index + match[0].length - match[1].length;
    const end = start + value.length;
    const strong = /[A-Za-z]/.test(value) && /\d/.test(value) || value.length >= 16;
    spans.push({ type: 'SECRET', start, end, score: strong ? 0.75 : 0.55, detector: 'secret/assignment', validated: false });
  }
  return spans;
}
