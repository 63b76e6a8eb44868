/** MAC_ADDRESS: six two-digit hex groups separated consistently by `:` or `-`, or Cisco's `xxxx.xxxx.xxxx`. */
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { contextAround, scoreWithContext } from '../contextWords';
import { isAlnumAt } from './textBoundary';

const CANDIDATE = /[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}/g;
const CONTEXT = { raise: ['mac', 'mac address', 'hwaddr', 'ether', 'bssid', 'device'] };

export function recognizeMacAddresses(input: RecognizerInput): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isAlnumAt(text, start - 1) || isAlnumAt(text, end)) continue;
    // Part of a longer run of groups (an IPv6 address, a hash written with separators).
    if (/[:.-]/.test(text[start - 1] ?? '') && isAlnumAt(text, start - 2)) continue;
    if (/[:.-]/.test(text[end] ?? '') && isAlnumAt(text, end + 1)) continue;
    if (!/[A-Fa-f]/.test(match[0]) && !/[:-]/.test(match[0])) continue;
    const allSame = /^([0-9a-f]{2})(?:[:-]\1){5}$/i.test(match[0]);
    const score = allSame ? 0.2 : scoreWithContext(0.6, contextAround(input, start, end), CONTEXT, 0.25);
    spans.push({ type: 'MAC_ADDRESS', start, end, score, detector: 'mac-address', validated: true });
  }
  return spans;
}
