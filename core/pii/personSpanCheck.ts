/**
 * PERSON spans after BIO grouping. The model sees lowercased WordPiece tokens, so it often finds
 * one word of a name it has not seen (`Anna` of `Anna Mariani`, `Wongsawat` of
 * `Eero Wongsawat`) while still giving the other word some PERSON probability. Two steps:
 *
 * refinePersonSpans (needs the model's PERSON probability per word):
 *   - a word next to a PERSON span (one space apart, or joined by an initial's dot) joins it when
 *     its PERSON probability reaches `extend`, it is written like a name (a capital, in text that
 *     uses capitals) and it is not a common word or a title; after `von`, `van`,
 *     `bin` or `ibn` the family name joins without that probability (nameAcrossParticles);
 *   - a name word the argmax missed but whose PERSON probability reaches `open` starts a span.
 *
 * plausiblePersonSpans, for text that uses capital letters (all-lowercase text such as chat logs
 * is left alone):
 *   - leading titles and role nouns are not part of the name ("Dr. Ana Ruiz" -> "Ana Ruiz",
 *     "Complainant Ana Ruiz" -> "Ana Ruiz"), and a title or role noun alone ("The Borrower
 *     shall") is not a name;
 *   - no model span crosses a tab (a table cell), and no name crosses a line break;
 *   - a lone common word, letter or id fragment is not a name; a sentence's full stop is not
 *     part of one; a user handle (`@dana_w`) is kept as the model found it.
 *
 * What each step is worth with the shipped model, each removed in turn (session 18; the table in
 * docs/benchmarks.md): the completion +0.03 WikiGold PERSON F1 and +0.9 in-house PERSON token F1,
 * the particles +0.03 WikiGold, one finding per handle +0.065 btc-dev, the title and role trimming
 * +2.1 in-house, the common-word lists +0.002-0.006 on WikiGold and WNUT-17. The rules that a name
 * is written with capitals (session 6) and that one word before a colon is a label (session 18)
 * were removed: they cost more than they gave.
 */
import { isOptionalEntityType, PiiSpan } from './piiTypes';
import { byStart, byStartThenEnd, sortSmall } from './sortSmall';

/**
 * Below this score a one-word name that opens a sentence or a field's value is dropped
 * (dropLoneOpeners). Measured with the shipped model (session 16, docs/benchmarks.md): PERSON
 * precision +0.01 on every dev split, recall -0.01 on WikiGold and WNUT-17, F1 unchanged there
 * and 0.98 -> 0.99 on MEDDOCAN; false findings per 1,000 clean lines 124 -> 120 (WNUT-17) and
 * 226 -> 221 (btc-dev); places called names 6.8% -> 5.4% (WNUT-17) and 6.0% -> 5.3% (btc-dev);
 * in-house fused unchanged (97.9). The bundled example's `subject: Cambio de dirección` is no
 * longer a name.
 */
const LONE_OPENER_MIN_SCORE = 0.7;
const AFTER_SENTENCE_END = /(?:[.!?]\s+|\n\s*)$/;
const FIELD_VALUE_START = /(?:^|\n)[^\n:]{1,40}:[ \t]+$/;
const TITLES = /^(?:dr|mr|mrs|ms|miss|mx|prof|sir|dame|rev|fr|sr|jr|rx|herr|frau|mme|mlle|sra?|dott|ing)\.?$/i;
const WORD = /[^\s,;:()"“”<>|=]+/gu;
/** A name's last word whose dot is its own: an initial (`J.`) or the suffix Jr. or Sr. */
const ABBREVIATED_LAST = /^(?:\p{L}|jr|sr)\.$/iu;

/** Words written with a capital that are not names (sentence starts, days, months, common labels). */
const NOT_NAMES = new Set(
  (
    'a an and as at by for from in into is it of on or the to with without via per ' +
    "i i'm i’m i've i'd i'll he she we they you me my our your his her their this that these those there here " +
    'mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august september october november december ' +
    'street st road rd avenue ave lane ln drive dr boulevard blvd court ct place pl way suite apt apartment unit floor ' +
    'tel phone fax email mail dob ssn id no nr ref re fw fwd cc bcc subject name date born age male female ' +
    'inc ltd llc gmbh corp co plc ag sa bv ' +
    'hi hello dear thanks thank regards best yes no ok okay please ' +
    // Greetings and thanks of the other languages the model was trained on (es, de, fr, it, pt, nl).
    'hola buenos buenas gracias hallo danke bonjour salut merci ciao grazie olá obrigado obrigada hoi bedankt ' +
    'can could would should might must shall do does did is are was were be been has have had ' +
    'what when where which who whom whose why how if then also not all any each every some'
  ).split(' '),
);

/**
 * Role nouns written before a name ("Complainant Ana Ruiz", "Officer Diaz"): capitalized at the
 * start of a sentence or a field, never part of the name.
 */
const ROLES = new Set(
  (
    'applicant claimant complainant defendant plaintiff witness suspect victim tenant landlord owner buyer seller ' +
    'customer client patient resident student pupil teacher professor coach trainer officer detective sergeant ' +
    'captain agent inspector driver passenger guest host speaker author editor reporter manager director ' +
    'employee employer contractor engineer nurse doctor physician surgeon pharmacist prescriber therapist ' +
    'beneficiary guardian parent spouse contact user member attendee respondent recipient sender signatory ' +
    'supervisor assignee reviewer approver candidate volunteer caller caregiver adjuster judge counsel attorney ' +
    // Parties of an agreement, written with a capital as defined terms ("The Borrower shall ...").
    'borrower lender guarantor obligor debtor creditor lessee lessor licensee licensor purchaser vendor assignor ' +
    'trustee issuer grantor grantee mortgagor mortgagee'
  ).split(' '),
);

/** Lowercase particles inside family names (`de Haan`, `van der Berg`). */
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'la', 'le', 'du', 'dos', 'das', 'bin', 'al', 'ibn', 'ter', 'ten']);
/**
 * Particles that, right after a name, only ever continue it: `Alexander von Humboldt`, `Mohammed
 * bin Salman`. The family name after them joins even when the model gives it little PERSON
 * probability (it often reads `Humboldt` as a place). `de`, `da`, `la` and the like are also
 * prepositions and articles (`Santiago de Chile`, `Pedro de Urgencias`), so they still need it.
 */
const NAME_ONLY_PARTICLES = new Set(['van', 'von', 'bin', 'ibn']);

export interface NameWord {
  start: number;
  end: number;
  /** The model's PERSON probability for the word (its first piece). */
  person: number;
}

export interface PersonRefinement {
  /** PERSON probability at which a neighbouring word joins a span (default 0.1). */
  extend?: number;
  /** PERSON probability at which a word the argmax labelled otherwise starts a span (default 0.35). */
  open?: number;
}

/**
 * Name-like words of `text`: tokens joined without space by `-`, `'` or `’` form one word
 * (`Hyun-woo`, `O'Brien`), and an initial keeps its dot (`J.`). `tokens` are the tokenizer's
 * first-piece offsets with the model's PERSON probability.
 */
export function nameWords(text: string, tokens: readonly NameWord[]): NameWord[] {
  const words: NameWord[] = [];
  for (const token of tokens) addNameToken(words, text, token.start, token.end, token.person);
  return trimTrailingJoiners(words, text);
}

/**
 * nameWords straight from a tokenizer's output (parallel arrays; `person` per token, read at
 * each word's first piece), without building the first-piece list first.
 */
export function nameWordsOfTokens(
  text: string,
  count: number,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  continuation: ArrayLike<boolean>,
  person: ArrayLike<number>,
): NameWord[] {
  const words: NameWord[] = [];
  let t = 0;
  // A `##` piece before any first piece belongs to no word.
  while (t < count && continuation[t]) t++;
  while (t < count) {
    const start = starts[t];
    const probability = person[t];
    let end = ends[t];
    t++;
    while (t < count && continuation[t]) end = ends[t++];
    addNameToken(words, text, start, end, probability);
  }
  return trimTrailingJoiners(words, text);
}

/** One first-piece token (its `##` pieces included) into the name words read so far. */
function addNameToken(words: NameWord[], text: string, start: number, end: number, person: number): void {
  const previous = words[words.length - 1];
  if (
    previous &&
    (previous.end === start || (start - previous.end === 1 && isJoiner(text.charCodeAt(start - 1)))) &&
    letterOrJoinerBefore(text, previous.end) &&
    letterOrJoinerAt(text, start)
  ) {
    previous.end = end;
    previous.person = Math.max(previous.person, person);
    return;
  }
  if (end - start === 1 && text.charCodeAt(start) === 46 && previous && previous.end === start && isSingleLetter(text, previous.start, previous.end)) {
    previous.end = end; // an initial: "J."
    return;
  }
  words.push({ start, end, person });
}

/** A joiner that nothing followed is not part of the word (`C-` of `C-1001` is `C`). */
function trimTrailingJoiners(words: NameWord[], text: string): NameWord[] {
  for (const word of words) {
    while (word.end - word.start > 1 && isJoiner(text.charCodeAt(word.end - 1))) word.end--;
  }
  return words;
}

/** `'`, `’` or `-`: the joiners inside a name word. */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45;
}

const LETTER = /\p{L}/u;

function isLetterCode(code: number, text: string, at: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

/** The character ending at `end` is a letter or a joiner. */
function letterOrJoinerBefore(text: string, end: number): boolean {
  if (end <= 0) return false;
  let at = end - 1;
  const code = text.charCodeAt(at);
  if (code >= 0xdc00 && code <= 0xdfff && at > 0) at--; // the low half of a pair
  return isJoiner(code) || isLetterCode(text.charCodeAt(at), text, at);
}

/** The character starting at `start` is a letter or a joiner. */
function letterOrJoinerAt(text: string, start: number): boolean {
  if (start >= text.length) return false;
  const code = text.charCodeAt(start);
  return isJoiner(code) || isLetterCode(code, text, start);
}

function isSingleLetter(text: string, start: number, end: number): boolean {
  const cp = text.codePointAt(start);
  if (cp === undefined) return false;
  return end - start === (cp > 0xffff ? 2 : 1) && isLetterCode(text.charCodeAt(start), text, start);
}

export function refinePersonSpans(text: string, spans: readonly PiiSpan[], words: readonly NameWord[], options: PersonRefinement = {}): PiiSpan[] {
  const extend = options.extend ?? 0.1;
  const open = options.open ?? 0.35;
  const usesCapitals = /\p{Lu}/u.test(text);
  // Nothing to complete: no name found and no word likely enough to start one.
  let anyPerson = false;
  for (const span of spans) if (span.type === 'PERSON') anyPerson = true;
  let anyLikely = false;
  for (const word of words) if (word.person >= open) anyLikely = true;
  if (!anyPerson && !anyLikely) return [...spans];
  const out: PiiSpan[] = [];
  const people: PiiSpan[] = [];
  for (const span of spans) {
    if (span.type === 'PERSON') people.push({ ...span });
    else out.push(span);
  }
  // Words the argmax missed but the model still thinks likely part of a name.
  for (const word of words) {
    if (!nameLike(text, usesCapitals, word, open)) continue;
    if (overlapsAny(spans, word)) continue;
    people.push({ type: 'PERSON', start: word.start, end: word.end, score: Math.round(word.person * 1000) / 1000, detector: people[0]?.detector ?? 'model' });
  }
  if (people.length > 1) sortSmall(people, byStart);
  for (const span of people) {
    // A span covers whole words (the model labelled `Neil` of `O'Neil`).
    const first = wordAt(words, span.start);
    const last = wordEndingIn(words, span.end);
    if (first) span.start = first.start;
    if (last) span.end = last.end;
    // Forward: words after the span, one space apart (a particle may sit between two name words).
    let i = firstWordFrom(words, span.end);
    if (i === words.length) i = -1;
    while (i >= 0 && i < words.length) {
      const word = words[i];
      if (!/^ $/.test(text.slice(span.end, word.start)) || takenByOther(spans, word)) break;
      const after = nameAcrossParticles(text, words, i, 1, spans, usesCapitals, extend);
      if (after >= 0) {
        span.end = words[after].end;
        i = after + 1;
        continue;
      }
      if (!nameLike(text, usesCapitals, word, extend)) break;
      span.end = word.end;
      i++;
    }
    // Backward: words before the span.
    // The first word at or after the span's start (words are in text order), then the one before it.
    let j = firstWordFrom(words, span.start) - 1;
    while (j >= 0) {
      const word = words[j];
      if (!/^ $/.test(text.slice(word.end, span.start)) || takenByOther(spans, word)) break;
      const before = nameAcrossParticles(text, words, j, -1, spans, usesCapitals, extend);
      if (before >= 0) {
        span.start = words[before].start;
        j = before - 1;
        continue;
      }
      if (!nameLike(text, usesCapitals, word, extend)) break;
      span.start = word.start;
      j--;
    }
  }
  // Spans that grew into each other become one.
  const merged: PiiSpan[] = [];
  for (const span of people) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.score = Math.max(last.score, span.score);
    } else merged.push(span);
  }
  return sortSmall([...out, ...merged], byStartThenEnd);
}

/** A user handle at `lastIndex`: `@` and the letters, digits and `_` after it (sticky). */
const HANDLE_AT = /@[\p{L}\p{N}_]+/uy;
/** What may not stand right before a handle's `@` (it would be inside an email address or a word). */
const BEFORE_HANDLE = /[\p{L}\p{N}_.+-]/u;

/**
 * The user handles that overlap [start, end): `@` not preceded by a letter, digit or one of
 * `_.+-`. Looks only from 64 characters before `start` to `end`, so that many spans over a long
 * text cost their own length, not the text's.
 */
function handlesIn(text: string, start: number, end: number): Array<[number, number]> {
  const handles: Array<[number, number]> = [];
  for (let at = text.indexOf('@', Math.max(0, start - 64)); at >= 0 && at < end; at = text.indexOf('@', at + 1)) {
    if (at > 0 && BEFORE_HANDLE.test(text[at - 1])) continue;
    HANDLE_AT.lastIndex = at;
    const match = HANDLE_AT.exec(text);
    if (match && at + match[0].length > start) handles.push([at, at + match[0].length]);
  }
  return handles;
}

/**
 * A PERSON span that touches a user handle (`@dana_w`) becomes the whole handle, one finding per
 * handle: the model's span may hold only a piece of one (`madie` of `@madie_hope13`) or run
 * over a list of them (`@ana @ben @cy`), and a redaction must remove the whole identifier. What
 * the span held outside its handles stays a name when it still reads as one (a word of two
 * letters that starts with a letter and is not a common word).
 */
export function separateHandles(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  if (text.indexOf('@') < 0) return [...spans];
  let changed = false;
  const out: PiiSpan[] = [];
  for (const span of spans) {
    if (span.type !== 'PERSON') {
      out.push(span);
      continue;
    }
    const handles = handlesIn(text, span.start, span.end);
    if (handles.length === 0) {
      out.push(span);
      continue;
    }
    changed = true;
    let at = span.start;
    const rest = (end: number) => {
      // The run of name words (letters, joiners, dots, spaces) that starts at the piece's first letter.
      const piece = text.slice(at, end);
      const lead = piece.search(/\p{L}/u);
      if (lead < 0 || /[@#]/.test(piece.slice(0, lead))) return;
      const run = /^[\p{L}\p{M}'’.\- ]*/u.exec(piece.slice(lead))![0].replace(/[\s.'’-]+$/u, '');
      if (!/\p{L}.*\p{L}/u.test(run) || (!/\s/.test(run) && NOT_NAMES.has(run.toLowerCase()))) return;
      out.push({ ...span, start: at + lead, end: at + lead + run.length });
    };
    for (const [start, end] of handles) {
      if (start > at) rest(start);
      out.push({ ...span, start, end });
      at = Math.max(at, end);
    }
    if (span.end > at) rest(span.end);
  }
  if (!changed) return out;
  // Two spans that now cover the same handle become one.
  sortSmall(out, byStartThenEnd);
  const merged: PiiSpan[] = [];
  for (const span of out) {
    const last = merged[merged.length - 1];
    if (last && last.type === 'PERSON' && span.type === 'PERSON' && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.score = Math.max(last.score, span.score);
    } else merged.push({ ...span });
  }
  return merged;
}

/**
 * A word that may be part of a name: its PERSON probability reaches `threshold`, it starts with
 * a letter, has two letters and ends with one (or is an initial with its dot: not `C` of an id
 * like `C-1001`), is no common word, role or title, and has a capital where the text uses
 * capitals. (A colon right after it no longer makes it a field label: session 18 removed that
 * check with the field-label rule; no dev split or in-house number moved.)
 */
function nameLike(text: string, usesCapitals: boolean, word: NameWord, threshold: number): boolean {
  if (word.person < threshold) return false;
  const value = text.slice(word.start, word.end);
  if (!/^\p{L}/u.test(value)) return false;
  const initial = /^\p{L}\.$/u.test(value);
  if (!initial && (!/\p{L}$/u.test(value) || !/\p{L}.*\p{L}/u.test(value))) return false;
  const lower = value.toLowerCase().replace(/\.$/, '');
  if ((!initial && (NOT_NAMES.has(lower) || ROLES.has(lower))) || TITLES.test(value)) return false;
  return !usesCapitals || /^\p{Lu}/u.test(value);
}

/**
 * Some span overlaps the word. The model's ORGANIZATION and LOCATION spans do not count: they
 * say what a word is when it is not a name, and a word the model still gives a PERSON
 * probability above `open` becomes a name over them (fusion then cuts the place or organization
 * around it). Measured: +0.01 PERSON F1 on wikigold-dev, +0.9 in-house PERSON token F1.
 */
function overlapsAny(spans: readonly PiiSpan[], word: NameWord): boolean {
  for (const span of spans) if (!isOptionalEntityType(span.type) && span.start < word.end && word.start < span.end) return true;
  return false;
}

/**
 * Index of the name word beyond one to three particles that start at words[from] and go in
 * direction `step` (1: after a name, -1: before it), each one space from the next (`von`,
 * `van der`, `de la`); -1 when words[from] is no particle or no name word lies beyond them. The
 * word must be written like a name and not belong to another entity; it must also reach the
 * PERSON probability `extend`, except after a NAME_ONLY_PARTICLES particle going forward (in text
 * that uses capitals). Backwards `von` proves nothing (`Brief von Humboldt`: a letter from
 * Humboldt).
 */
function nameAcrossParticles(text: string, words: readonly NameWord[], from: number, step: 1 | -1, spans: readonly PiiSpan[], usesCapitals: boolean, extend: number): number {
  const value = (k: number) => text.slice(words[k].start, words[k].end);
  let nameOnly = false;
  let k = from;
  while (k >= 0 && k < words.length && Math.abs(k - from) < 3 && PARTICLES.has(value(k))) {
    if (step === 1 && NAME_ONLY_PARTICLES.has(value(k))) nameOnly = true;
    const next = k + step;
    if (next < 0 || next >= words.length) return -1;
    if (text.slice(words[Math.min(k, next)].end, words[Math.max(k, next)].start) !== ' ') return -1;
    k = next;
  }
  if (k === from || k < 0 || k >= words.length || PARTICLES.has(value(k)) || takenByOther(spans, words[k])) return -1;
  // Written like a name: a capital first in text that uses capitals (nameLike at probability 0).
  return nameLike(text, usesCapitals, words[k], nameOnly && usesCapitals ? 0 : extend) ? k : -1;
}

/** The first word holding the offset. */
function wordAt(words: readonly NameWord[], offset: number): NameWord | undefined {
  for (const word of words) if (word.start <= offset && offset < word.end) return word;
  return undefined;
}

/** The first word in which a span ending at `end` ends (the end inside it or at its end). */
function wordEndingIn(words: readonly NameWord[], end: number): NameWord | undefined {
  for (const word of words) if (word.start < end && end <= word.end) return word;
  return undefined;
}

/** A span of another type than PERSON (ORGANIZATION and LOCATION aside, as in overlapsAny) overlaps the word. */
function takenByOther(spans: readonly PiiSpan[], word: NameWord): boolean {
  for (const span of spans) if (span.type !== 'PERSON' && !isOptionalEntityType(span.type) && span.start < word.end && word.start < span.end) return true;
  return false;
}

/** Index of the first word starting at or after `offset` (words.length when none does). */
function firstWordFrom(words: readonly NameWord[], offset: number): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A model span never crosses a table cell (a tab), and a name never crosses a line: such a span
 * is cut there into pieces (each trimmed of spaces, empty pieces dropped).
 */
export function splitAtCells(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const span of spans) {
    const person = span.type === 'PERSON';
    let crosses = false;
    for (let i = span.start; i < span.end && !crosses; i++) {
      const code = text.charCodeAt(i);
      crosses = code === 9 || (person && (code === 10 || code === 13));
    }
    if (!crosses) {
      out.push(span);
      continue;
    }
    const value = text.slice(span.start, span.end);
    const breaks = person ? /[\t\r\n]+/g : /\t+/g;
    let from = span.start;
    const cut = (to: number) => {
      let start = from;
      let end = to;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      if (end > start) out.push({ ...span, start, end });
    };
    breaks.lastIndex = 0;
    for (let m = breaks.exec(value); m; m = breaks.exec(value)) {
      cut(span.start + m.index);
      from = span.start + m.index + m[0].length;
    }
    cut(span.end);
  }
  return out;
}

/** A word of a span with no letter and no digit: an emoji, a dash, a bullet, a lone full stop. */
const MARK = /^[^\p{L}\p{N}]+$/u;
/** One code point: a symbol, a dash, an emoji's joiner or variation selector. */
const SYMBOL = /^[\p{So}\p{Sk}\p{Sm}\p{Co}\p{Pd}\u200d\ufe0f]$/u;

function isSymbolAt(value: string, at: number): boolean {
  const code = value.charCodeAt(at);
  if (code < 128) return code === 45;
  return SYMBOL.test(String.fromCodePoint(value.codePointAt(at)!));
}

/** The code point ending at `end` is a symbol (a low surrogate is read with its pair). */
function isSymbolBefore(value: string, end: number): boolean {
  const low = value.charCodeAt(end - 1);
  const at = low >= 0xdc00 && low <= 0xdfff && end >= 2 ? end - 2 : end - 1;
  return isSymbolAt(value, at);
}

/** Marks that may stand inside a name as text is tokenized in corpora (`Dr . Cox`, `O ' Neil`, `J . K .`). */
const INNER_MARK = /^[.'’]+$/u;

/**
 * A name holds no emoji, dash or symbol of its own: a PERSON span loses the marks at its ends
 * (`💜 Luke` -> `Luke`, `Alan Pardew -` -> `Alan Pardew`) and is cut at one inside it
 * (`Enlightenment - Moses Mendelssohn` -> `Enlightenment`, `Moses Mendelssohn`), each piece
 * still checked as a name after. A user handle's `@` is no mark here: a handle is a word of its
 * own. On the dev splits (docs/benchmarks.md) this makes 9 PERSON findings exactly the annotated
 * name (`👏 👏 Drake` -> `Drake`, `Alan Pardew -` -> `Alan Pardew`); F1 moves by 0.01 at most.
 */
export function splitAtMarks(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const span of spans) {
    if (span.type !== 'PERSON') {
      out.push(span);
      continue;
    }
    let start = -1;
    let end = -1;
    const flush = () => {
      if (start >= 0) out.push(start === span.start && end === span.end ? span : { ...span, start, end });
      start = -1;
    };
    let pendingInner = -1; // end of the last word before a run of inner marks
    for (const m of text.slice(span.start, span.end).matchAll(WORD)) {
      const at = span.start + (m.index ?? 0);
      const value = m[0];
      if (!MARK.test(value) || value === '@') {
        // Symbols and dashes written onto a word (`Luke💜`, `♡Liza`, `-Ana`) are not part of it either.
        let lead = 0;
        while (lead < value.length && isSymbolAt(value, lead)) lead += value.codePointAt(lead)! > 0xffff ? 2 : 1;
        let trail = value.length;
        while (trail > lead && (isSymbolBefore(value, trail) || value.charCodeAt(trail - 1) === 46)) trail -= trail >= 2 && value.codePointAt(trail - 2)! > 0xffff ? 2 : 1;
        if (value.charCodeAt(trail) === 46) trail++; // a word's own dot stays: the full-stop check decides on it (`J.`, `Ana.`)
        if (start < 0) start = at + lead;
        end = at + trail;
        pendingInner = -1;
        continue;
      }
      if (start >= 0 && INNER_MARK.test(value)) {
        if (pendingInner < 0) pendingInner = end;
        continue; // kept only when a word follows
      }
      if (pendingInner >= 0) end = pendingInner;
      pendingInner = -1;
      flush();
    }
    if (pendingInner >= 0) end = pendingInner;
    flush();
  }
  return out;
}

/**
 * The last PERSON check, after the completion from PERSON probabilities: one word that opens the
 * text, a line, a sentence or a field's value (`subject: Cambio de dirección`), found with little
 * confidence, is the capital of a sentence's first word more often than a name.
 */
export function dropLoneOpeners(text: string, spans: PiiSpan[]): PiiSpan[] {
  return spans.filter((span) => {
    if (span.type !== 'PERSON' || span.score >= LONE_OPENER_MIN_SCORE) return true;
    const value = text.slice(span.start, span.end);
    if (/\s/.test(value.trim()) || value.includes('@')) return true;
    return !opensSentence(text, span.start);
  });
}

/** Whether `start` is where the text, a line, a sentence or a field's value begins (after spaces). */
function opensSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  if (start === before.length && /^\s*$/.test(before)) return true;
  const end = AFTER_SENTENCE_END.exec(before);
  // `Mr. Smith`, `Dr. Ruiz`: a title's dot ends no sentence.
  if (end) return !TITLES.test(/(\S*)$/.exec(before.slice(0, end.index))![1] + '.');
  // A field's value: `key: value` on a line of its own (the JSON and CSV readers' units).
  const line = text.slice(Math.max(0, start - 48), start);
  return FIELD_VALUE_START.test(line) && (start < 48 || line.includes('\n'));
}

/** A lowercase common word (`of`, `and`, `the`) or particle (`de`, `van`) in text that uses capitals, or a mark left between them. */
function endsNoName(value: string): boolean {
  return MARK.test(value) || (!/\p{Lu}/u.test(value) && (NOT_NAMES.has(value) || PARTICLES.has(value)));
}

export function plausiblePersonSpans(text: string, spans: PiiSpan[]): PiiSpan[] {
  spans = splitAtMarks(text, splitAtCells(text, spans));
  if (!/\p{Lu}/u.test(text)) return spans;
  const out: PiiSpan[] = [];
  for (const span of spans) {
    if (span.type !== 'PERSON') {
      out.push(span);
      continue;
    }
    const words: Array<{ start: number; end: number; title: boolean; handle: boolean }> = [];
    for (const m of text.slice(span.start, span.end).matchAll(WORD)) {
      const value = m[0];
      const at = span.start + (m.index ?? 0);
      // A user handle (`@dana_w`, the model's span may leave the `@` out): `@mike2024` is no id
      // fragment (the Broad Twitter Corpus labels handles PER).
      const handle = value.charCodeAt(0) === 64 || text.charCodeAt(at - 1) === 64;
      words.push({ start: at, end: at + value.length, title: TITLES.test(value) || ROLES.has(value.toLowerCase()), handle });
    }
    // (Words without a capital are no longer trimmed from names: the model trained on real text,
    // where names are often lowercase, decides that better; trimming them cost 0.02 PERSON F1 on
    // wnut17-dev and 0.6 PERSON token F1 in-house, docs/benchmarks.md.)
    let first = 0;
    let last = words.length - 1;
    while (first < last && words[first].title) first++;
    // A name does not end in a lowercase function word or particle ("Sue Black of", "Santiago de").
    while (last > first && endsNoName(text.slice(words[last].start, words[last].end))) last--;
    if (first > last) continue;
    // A role noun alone ("The Borrower shall pay") is a role, not a name.
    if (first === last && words[first].title && !words[first].handle) continue;
    const start = words[first].start;
    let end = words[last].end;
    // A sentence's full stop after a name is not part of it ("Ana Ruiz." -> "Ana Ruiz"); an initial
    // and the suffixes Jr. and Sr. keep their dot ("Ha-eun Jeon Sr."; in-house exact-span PERSON F1
    // 87.6 -> 88.0 when they kept it, docs/benchmarks.md; the real-text splits do not move).
    if (text.charCodeAt(end - 1) === 46 && !ABBREVIATED_LAST.test(text.slice(words[last].start, end)) && end - 1 > start) end--;
    const value = text.slice(start, end);
    if (first === last && words[first].handle) {
      out.push({ ...span, start, end });
      continue;
    }
    // (No field-label rule: a word before a colon is a name when the model says so, see the header.)
    // One common word alone ("Can", "When"), a lone letter or a fragment without a final letter
    // ("C-") is not a name.
    if (first === last && (NOT_NAMES.has(value.toLowerCase()) || !/\p{L}\.?$/u.test(value) || /^\p{L}$/u.test(value))) continue;
    out.push({ ...span, start, end });
  }
  return out;
}
