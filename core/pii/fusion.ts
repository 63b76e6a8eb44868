/**
 * Fusion: one list of findings from the spans of every detector (recognizers and the model).
 *
 *  1. Same type, overlapping: one finding. Its bounds come from the authority for the type (a
 *     validated recognizer for checksum/structure types, the model for PERSON and STREET_ADDRESS,
 *     otherwise the union); its score is the noisy-or of the detectors' scores; detectors merge.
 *  2. Different types, overlapping: the authority wins (a validated recognizer beats the model on
 *     its types, the model beats a recognizer on PERSON/STREET_ADDRESS, else the higher score).
 *     The loser keeps what is left outside the winner when that still holds a word, else it goes.
 *  3. A test value (deny list) stays flagged and keeps its low score.
 *  4. A model span of a type a validator decides (card, IBAN, IP, email, MAC) that no
 *     recognizer confirmed is dropped; so is any span without a letter or digit, and a model-only
 *     SECRET without the shape of a credential (recognizers/secret.ts hasSecretShape).
 *  5. Context: a model ORGANIZATION or LOCATION span is the model's statement that its text is not
 *     a person. A recognizer's PERSON span (a `name` field holding `Hertz`) that lies inside one
 *     scoring higher is dropped. This holds whether or not ORGANIZATION/LOCATION are reported.
 * Only the asked-for types (`entities`; default: DEFAULT_PII_ENTITY_TYPES, so not the optional
 * ORGANIZATION/LOCATION) are reported. Groups scoring under `threshold` are dropped before step 2:
 * what is not reported must not push a reported finding aside.
 */
import { effectiveEntityTypes, OPTIONAL_PII_ENTITY_TYPES, PiiEntityType, PiiFinding, PiiSpan } from './piiTypes';
import { hasSecretShape } from './recognizers/secret';
import { byCodeUnits, byStartLongestFirst, byStartThenEnd, sortSmall } from './sortSmall';

/** Types whose value a recognizer can prove (checksum, parser, library validation). */
const RECOGNIZER_TYPES: ReadonlySet<PiiEntityType> = new Set([
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'IBAN_CODE',
  'US_SSN',
  'IP_ADDRESS',
  'SECRET',
  'MAC_ADDRESS',
]);
/**
 * Types a validator decides completely (checksum or strict syntax): a model span of one of these
 * that no recognizer confirmed is a fragment or an invalid value, so it is dropped.
 */
const VALIDATOR_DECIDES: ReadonlySet<PiiEntityType> = new Set(['CREDIT_CARD', 'IBAN_CODE', 'IP_ADDRESS', 'EMAIL_ADDRESS', 'MAC_ADDRESS']);
/** Types only the model understands. */
const MODEL_TYPES: ReadonlySet<PiiEntityType> = new Set(['PERSON', 'STREET_ADDRESS', 'ORGANIZATION', 'LOCATION']);

export interface FusionOptions {
  threshold?: number;
  /** The types to report (default: the default types, see piiTypes.ts effectiveEntityTypes). */
  entities?: ReadonlySet<PiiEntityType>;
  /** How much a model-only span of a recognizer type is trusted (its score is multiplied). */
  modelOnlyFactor?: number;
  /** Drop model spans of validator-decided types that no recognizer confirmed (default true; the
   * quality bench turns it off to score the model alone). */
  dropUnconfirmedModelSpans?: boolean;
  /** The analysed text: when given, leftovers of a conflict are trimmed of spaces and punctuation. */
  text?: string;
}

interface Group {
  type: PiiEntityType;
  start: number;
  end: number;
  spans: PiiSpan[];
}

/**
 * A finding while fusion works on it: always the same fields (testValue is a boolean here), made
 * by one function, so the optimized code sees one object shape (V8 otherwise deoptimizes and
 * recompiles fusion over and over in every thread that runs it). Turned into PiiFinding at the end.
 */
interface Draft {
  type: PiiEntityType;
  start: number;
  end: number;
  score: number;
  detectors: string[];
  testValue: boolean;
}

function draft(type: PiiEntityType, start: number, end: number, score: number, detectors: string[], testValue: boolean): Draft {
  return { type, start, end, score, detectors, testValue };
}

interface Candidate {
  finding: Draft;
  authority: number;
}

/** Conflicts are resolved strongest first: authority, then score, then the longer finding. */
function strongestFirst(a: Candidate, b: Candidate): number {
  return b.authority - a.authority || b.finding.score - a.finding.score || b.finding.end - b.finding.start - (a.finding.end - a.finding.start);
}

function allModel(spans: readonly PiiSpan[]): boolean {
  for (const span of spans) if (!isModel(span)) return false;
  return true;
}

function isModel(span: PiiSpan): boolean {
  return span.detector === 'model' || span.detector.startsWith('model/');
}

/** How strongly a span's detector speaks for its type: higher wins conflicts. */
function authority(span: PiiSpan): number {
  if (isModel(span)) return MODEL_TYPES.has(span.type) ? 3 : 1;
  // A name placed by structure (a `first_name` field) is as good as the model's on its bounds.
  if (span.validated && MODEL_TYPES.has(span.type)) return 3;
  if (span.validated && RECOGNIZER_TYPES.has(span.type)) return span.testValue ? 2 : 4;
  return 2;
}

export function fuseSpans(spans: readonly PiiSpan[], options: FusionOptions = {}): PiiFinding[] {
  const threshold = options.threshold ?? 0;
  const modelOnlyFactor = options.modelOnlyFactor ?? 0.85;
  const text = options.text;
  const entities = options.entities ?? effectiveEntityTypes();
  const context = contextSpans(spans);
  const usable: PiiSpan[] = [];
  for (const s of spans) {
    // A span without a letter or digit ("-", "(") is noise.
    if (s.end <= s.start || !entities.has(s.type) || (text !== undefined && !hasLetterOrDigit(text, s.start, s.end))) continue;
    if (context !== undefined && s.type === 'PERSON' && !isModel(s) && insideStrongerContext(s, context)) continue;
    // One object shape for every detector's spans (they come with different optional fields), so
    // the code below sees one hidden class and is not deoptimized and recompiled again and again.
    usable.push({ type: s.type, start: s.start, end: s.end, score: s.score, detector: s.detector, validated: s.validated === true, testValue: s.testValue === true });
  }
  if (usable.length === 0) return [];

  // 1. Merge same-type overlaps.
  const byType = new Map<PiiEntityType, PiiSpan[]>();
  for (const span of usable) {
    const list = byType.get(span.type) ?? [];
    list.push(span);
    byType.set(span.type, list);
  }
  const groups: Group[] = [];
  for (const [type, list] of byType) {
    if (list.length > 1) sortSmall(list, byStartLongestFirst);
    let current: Group | undefined;
    for (const span of list) {
      if (current && span.start < current.end) {
        current.spans.push(span);
        current.end = Math.max(current.end, span.end);
      } else {
        current = { type, start: span.start, end: span.end, spans: [span] };
        groups.push(current);
      }
    }
  }
  // Below the threshold a finding is not reported, so it must not push a reported one aside.
  // (Loops rather than filter/map callbacks: a callback made per call is optimized again and again.)
  const findings: Candidate[] = [];
  for (const group of groups) {
    if (options.dropUnconfirmedModelSpans !== false && VALIDATOR_DECIDES.has(group.type) && allModel(group.spans)) continue;
    // A secret the model alone found must look like one (`lorem` and `x123` do not).
    if (group.type === 'SECRET' && text !== undefined && allModel(group.spans) && !hasSecretShape(text.slice(group.start, group.end))) continue;
    const found = toFinding(group, modelOnlyFactor);
    if (found.finding.score >= threshold) findings.push(found);
  }

  // 2. Resolve overlaps between types, strongest first.
  if (findings.length > 1) sortSmall(findings, strongestFirst);
  const kept: Draft[] = [];
  for (const candidate of findings) {
    let pieces: Draft[] = [candidate.finding];
    for (const winner of kept) {
      if (pieces.length === 1 && (pieces[0].end <= winner.start || pieces[0].start >= winner.end)) continue; // apart
      const rest: Draft[] = [];
      for (const piece of pieces) rest.push(...subtract(piece, winner, options.text));
      pieces = rest;
      if (pieces.length === 0) break;
    }
    for (const piece of pieces) kept.push(piece);
  }

  const out: PiiFinding[] = [];
  for (const d of kept) {
    if (d.score < threshold) continue;
    const finding: PiiFinding = { type: d.type, start: d.start, end: d.end, score: d.score, detectors: d.detectors };
    if (d.testValue) finding.testValue = true;
    out.push(finding);
  }
  if (out.length > 1) sortSmall(out, byStartThenEnd);
  return out;
}

/**
 * What a scan with `options` reports, plus the model's organizations and places that overlap none
 * of it, for a view that shows context (the Test Classifier): the reported findings are exactly the
 * scan's, whatever the context spans would have pushed aside had they been reported.
 */
export function fuseWithContext(spans: readonly PiiSpan[], options: FusionOptions = {}): PiiFinding[] {
  const reported = fuseSpans(spans, options);
  const wanted = options.entities ?? effectiveEntityTypes();
  const missing = new Set(OPTIONAL_PII_ENTITY_TYPES.filter((type) => !wanted.has(type)));
  if (missing.size === 0) return reported;
  const context = fuseSpans(spans, { ...options, entities: missing });
  if (context.length === 0) return reported;
  const out = reported.slice();
  for (const c of context) if (!reported.some((r) => r.start < c.end && c.start < r.end)) out.push(c);
  return sortSmall(out, byStartThenEnd);
}

/** The model's ORGANIZATION and LOCATION spans (undefined when there are none, the usual case). */
function contextSpans(spans: readonly PiiSpan[]): PiiSpan[] | undefined {
  let out: PiiSpan[] | undefined;
  for (const span of spans) {
    // (Compared directly: fusion runs for every unit with a span, and most spans are neither.)
    if ((span.type === 'ORGANIZATION' || span.type === 'LOCATION') && isModel(span) && span.end > span.start) (out ??= []).push(span);
  }
  return out;
}

/** `span` lies inside a context span that scores higher. */
function insideStrongerContext(span: PiiSpan, context: readonly PiiSpan[]): boolean {
  for (const c of context) if (c.start <= span.start && span.end <= c.end && c.score > span.score) return true;
  return false;
}

/** [start, end) of `text` holds a letter or a digit. */
function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
    } else return /[\p{L}\p{N}]/u.test(text.slice(start, end));
  }
  return false;
}

function toFinding(group: Group, modelOnlyFactor: number): Candidate {
  if (group.spans.length === 1) {
    // One detector, one span (most groups): the same rules, without the bookkeeping.
    const span = group.spans[0];
    const trusted = RECOGNIZER_TYPES.has(group.type) && isModel(span) ? span.score * modelOnlyFactor : span.score;
    const score = Math.round((span.testValue ? span.score : 1 - (1 - trusted)) * 1000) / 1000;
    return candidate(draft(group.type, span.start, span.end, score, [span.detector], span.testValue === true), authority(span));
  }
  // (Loops, not callbacks: see the note in fuseSpans.)
  let strongest = -Infinity;
  for (const span of group.spans) strongest = Math.max(strongest, authority(span));
  // Bounds: the authority's (the longest of them, the first among equals), or the union when
  // nobody is an authority.
  let start = group.start;
  let end = group.end;
  if (strongest >= 3 || (strongest === 2 && !allModel(group.spans))) {
    let best: PiiSpan | undefined;
    for (const span of group.spans) {
      if (authority(span) !== strongest) continue;
      if (!best || span.end - span.start > best.end - best.start) best = span;
    }
    start = best!.start;
    end = best!.end;
  }
  // Score: noisy-or over the best score of each detector.
  const bestByDetector = new Map<string, number>();
  for (const span of group.spans) bestByDetector.set(span.detector, Math.max(bestByDetector.get(span.detector) ?? 0, span.score));
  const modelOnly = allModel(group.spans);
  let miss = 1;
  for (const [detector, score] of bestByDetector) {
    const trusted = modelOnly && RECOGNIZER_TYPES.has(group.type) && detector.startsWith('model') ? score * modelOnlyFactor : score;
    miss *= 1 - trusted;
  }
  let score = 1 - miss;
  let testValue = false;
  let lowestTestScore = Infinity;
  for (const span of group.spans) {
    if (!span.testValue) continue;
    testValue = true;
    lowestTestScore = Math.min(lowestTestScore, span.score);
  }
  if (testValue) score = lowestTestScore;
  return candidate(draft(group.type, start, end, Math.round(score * 1000) / 1000, sortSmall([...bestByDetector.keys()], byCodeUnits), testValue), strongest);
}

function candidate(finding: Draft, authority: number): Candidate {
  return { finding, authority };
}

/** What is left of `piece` outside `winner`: up to two pieces, each holding a letter or digit. */
function subtract(piece: Draft, winner: Draft, text: string | undefined): Draft[] {
  if (piece.end <= winner.start || piece.start >= winner.end) return [piece];
  const rest: Draft[] = [];
  if (piece.start < winner.start) rest.push(draft(piece.type, piece.start, winner.start, piece.score, piece.detectors, piece.testValue));
  if (piece.end > winner.end) rest.push(draft(piece.type, winner.end, piece.end, piece.score, piece.detectors, piece.testValue));
  const trimmed = text === undefined ? rest : rest.map((r) => trim(r, text)).filter((r) => /[\p{L}\p{N}]/u.test(text.slice(r.start, r.end)));
  // Leftovers of one or two characters are boundary noise, not entities.
  return trimmed.filter((r) => r.end - r.start >= 3);
}

const EDGE = /[\s\p{P}]/u;

function trim(piece: Draft, text: string): Draft {
  let { start, end } = piece;
  while (start < end && EDGE.test(text[start])) start++;
  while (end > start && EDGE.test(text[end - 1])) end--;
  return draft(piece.type, start, end, piece.score, piece.detectors, piece.testValue);
}
