/**
 * EMAIL_ADDRESS: found by expanding around each `@` (so the cost is linear in the text, whatever
 * it holds) and checked structurally: a local part of at most 64 characters without leading,
 * trailing or doubled dots, a domain of dot-separated labels and a top-level domain of letters.
 */
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { contextAround, scoreWithContext } from '../contextWords';

const LOCAL_CHAR = /[\p{L}\p{N}._%+'-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const CONTEXT = { lower: ['example', 'noreply', 'no reply'] };

export function recognizeEmailAddresses(input: RecognizerInput): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  let previousEnd = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > previousEnd && at - start < 64 && LOCAL_CHAR.test(text[start - 1])) start--;
    while (start < at && (text[start] === '.' || text[start] === "'" || text[start] === '-')) start++;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && DOMAIN_CHAR.test(text[end])) end++;
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (start === at || end === at + 1) continue;
    const local = text.slice(start, at);
    // `scheme://user:password@host` is a URL with credentials, not an address.
    if (insideUrlCredentials(text, at)) continue;
    const domain = text.slice(at + 1, end);
    if (local.endsWith('.') || local.includes('..')) continue;
    const labels = domain.split('.');
    if (labels.length < 2 || !labels.every(validLabel)) continue;
    if (!/^\p{L}{2,24}$/u.test(labels[labels.length - 1])) continue;
    const reserved = /^(example\.(com|org|net)|test|invalid|localhost)$/i.test(domain) || /\.(test|invalid|example|localhost)$/i.test(domain);
    // Documentation domains (example.org, .test) are still reported, a little lower.
    const base = reserved ? 0.6 : 0.9;
    const score = scoreWithContext(base, contextAround(input, start, end), CONTEXT, 0, 0.1);
    spans.push({ type: 'EMAIL_ADDRESS', start, end, score, detector: 'email-address', validated: true });
    previousEnd = end;
    at = end - 1;
  }
  return spans;
}

/** True when the `@` at `at` ends the user info of a `scheme://user:password@host` URL. */
function insideUrlCredentials(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && at - i < 300 && !/\s/.test(text[i])) {
    if (text[i] === '/' && text[i - 1] === '/' && text[i - 2] === ':') return true;
    if (text[i] === '/') return false;
    i--;
  }
  return false;
}

/** A DNS label: 1 to 63 characters, no hyphen at either end. */
function validLabel(label: string): boolean {
  return label.length > 0 && label.length <= 63 && !label.startsWith('-') && !label.endsWith('-');
}
