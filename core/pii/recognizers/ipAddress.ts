/**
 * IP_ADDRESS: IPv4 dotted quads with every octet at most 255, and IPv6 in every textual form of
 * RFC 4291 section 2.2 (eight groups, `::` compression once, an embedded IPv4 tail), optionally
 * with a zone (`%eth0`). Loopback and unspecified addresses get a low score: they identify no one.
 */
import { contextAround, scoreWithContext } from '../contextWords';
import { PiiSpan, RecognizerInput } from '../piiTypes';
import { isAlnumAt } from './textBoundary';

export function parseIpv4(value: string): number[] | undefined {
  const parts = value.split('.');
  if (parts.length !== 4) return undefined;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    if (part.length > 1 && part[0] === '0') return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    octets.push(octet);
  }
  return octets;
}

/** Parses an IPv6 address into eight 16-bit groups, or undefined. */
export function parseIpv6(value: string): number[] | undefined {
  const zone = value.indexOf('%');
  const address = zone >= 0 ? value.slice(0, zone) : value;
  if (zone >= 0 && !/^%[A-Za-z0-9_.-]+$/.test(value.slice(zone))) return undefined;
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parseSide = (side: string, allowIpv4Tail: boolean): number[] | undefined => {
    if (side === '') return [];
    const pieces = side.split(':');
    const groups: number[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (allowIpv4Tail && i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(piece)) return undefined;
        groups.push(parseInt(piece, 16));
      }
    }
    return groups;
  };
  if (halves.length === 1) {
    const groups = parseSide(address, true);
    return groups && groups.length === 8 ? groups : undefined;
  }
  const head = parseSide(halves[0], false);
  const tail = parseSide(halves[1], true);
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

const CONTEXT = {
  raise: ['ip', 'ip address', 'ipv4', 'ipv6', 'client', 'remote', 'host', 'src', 'dst', 'from', 'addr', 'login'],
  lower: ['version', 'v', 'release', 'build', 'oid', 'section', 'chapter'],
};

const IPV4_CANDIDATE = /\d{1,3}(?:\.\d{1,3}){3}/g;
/** A character an IPv6 address can hold: hex digit, colon, dot. */
function isIpv6Char(code: number): boolean {
  return (code >= 48 && code <= 58) || code === 46 || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}
const ZONE = /^%[A-Za-z0-9_.-]+/;

export function recognizeIpAddresses(input: RecognizerInput): PiiSpan[] {
  const { text } = input;
  const spans: PiiSpan[] = [];
  IPV4_CANDIDATE.lastIndex = 0;
  for (let match = IPV4_CANDIDATE.exec(text); match; match = IPV4_CANDIDATE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isAlnumAt(text, start - 1) || isAlnumAt(text, end) || text[start - 1] === '.' || (text[end] === '.' && /\d/.test(text[end + 1] ?? ''))) {
      continue;
    }
    const octets = parseIpv4(match[0]);
    if (!octets) continue;
    const weak = octets[0] === 127 || octets.every((o) => o === 0) || octets[0] === 255;
    const score = weak ? 0.2 : scoreWithContext(0.6, contextAround(input, start, end), CONTEXT, 0.25, 0.3);
    spans.push({ type: 'IP_ADDRESS', start, end, score, detector: 'ip-address', validated: true });
  }
  // Maximal runs of IPv6 characters that hold a colon, found from the colons (most text has
  // none, and hex-looking words are everywhere).
  for (let colon = text.indexOf(':'); colon >= 0; ) {
    let start = colon;
    while (start > 0 && isIpv6Char(text.charCodeAt(start - 1))) start--;
    let end = colon + 1;
    while (end < text.length && isIpv6Char(text.charCodeAt(end))) end++;
    colon = text.indexOf(':', end);
    if (text[end] === '%') {
      const zone = ZONE.exec(text.slice(end, end + 64));
      if (zone) end += zone[0].length;
    }
    // Trim punctuation the sentence put around it ("at fe80::1." or "(::1)").
    while (end > start && text[end - 1] === '.') end--;
    if (text[start] === ':' && text[start + 1] !== ':') start++;
    if (text[end - 1] === ':' && text[end - 2] !== ':') end--;
    if (end - start < 3 || isAlnumAt(text, start - 1) || isAlnumAt(text, end)) continue;
    const value = text.slice(start, end);
    if ((value.match(/:/g) ?? []).length < 2) continue;
    const groups = parseIpv6(value);
    if (!groups) continue;
    const nonZero = groups.filter((g) => g !== 0).length;
    const loopback = nonZero === 0 || (nonZero === 1 && groups[7] === 1);
    const score = loopback ? 0.2 : scoreWithContext(0.65, contextAround(input, start, end), CONTEXT, 0.25, 0.3);
    spans.push({ type: 'IP_ADDRESS', start, end, score, detector: 'ip-address', validated: true });
  }
  return spans;
}
