/** PERSON spans after BIO grouping: trimming (titles, labels) and completion from the model's PERSON probability. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { joinAddressParts } from '../../../core/pii/addressSpans';
import { dropLoneOpeners, NameWord, nameWords, nameWordsOfTokens, plausiblePersonSpans, refinePersonSpans, separateHandles, splitAtCells, splitAtMarks } from '../../../core/pii/personSpanCheck';
import { PiiSpan } from '../../../core/pii/piiTypes';
import { seededRandom } from './seededRandom';

function person(text: string, value: string, from = 0): PiiSpan {
  const start = text.indexOf(value, from);
  assert.ok(start >= 0, `${value} not in ${text}`);
  return { type: 'PERSON', start, end: start + value.length, score: 0.9, detector: 'model' };
}

/** Words of `text` split at spaces and punctuation, with the PERSON probability given per word (0 otherwise). */
function words(text: string, probabilities: Record<string, number>): NameWord[] {
  return nameWords(
    text,
    [...text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, person: probabilities[m[0]] ?? 0 })),
  );
}

function values(text: string, spans: PiiSpan[]): string[] {
  return spans.filter((s) => s.type === 'PERSON').map((s) => text.slice(s.start, s.end));
}

describe('pii PERSON spans: plausibility', () => {
  it('drops a leading title but keeps the name', () => {
    const text = 'Prescriber: Dr. Khaigrik Biadrith, Oxford';
    assert.deepEqual(values(text, plausiblePersonSpans(text, [person(text, 'Dr. Khaigrik Biadrith')])), ['Khaigrik Biadrith']);
  });

  it('leaves a sentence\'s full stop out of the name, but keeps an initial\'s dot', () => {
    const text = 'Nombre: Lucía Fernández Ortega. Firmado: J. Ruiz y Ana M.';
    const spans = [person(text, 'Lucía Fernández Ortega.'), person(text, 'J. Ruiz'), person(text, 'Ana M.')];
    assert.deepEqual(values(text, plausiblePersonSpans(text, spans)), ['Lucía Fernández Ortega', 'J. Ruiz', 'Ana M.']);
  });

  it('keeps user handles whatever their case, also before a colon and ending in digits', () => {
    const text = 'RT @dana_w: Great game tonight with @mike2024 and Kim Lee';
    const spans = [person(text, 'dana_w'), person(text, '@mike2024'), person(text, 'Kim Lee')];
    assert.deepEqual(values(text, plausiblePersonSpans(text, spans)), ['dana_w', '@mike2024', 'Kim Lee']);
    // Without the `@`, a word that ends in digits is an id.
    const plain = 'RT dana_w: Great game tonight with mike2024 and Kim Lee';
    assert.deepEqual(values(plain, plausiblePersonSpans(plain, [person(plain, 'dana_w'), person(plain, 'mike2024'), person(plain, 'Kim Lee')])), ['dana_w', 'Kim Lee']);
  });

  it('drops a title alone and a role noun used as a label', () => {
    const text = 'Rx for Ana. Prescriber: Dr. Ruiz';
    const spans = [person(text, 'Rx'), person(text, 'Prescriber'), person(text, 'Dr.'), person(text, 'Ruiz')];
    assert.deepEqual(values(text, plausiblePersonSpans(text, spans)), ['Ruiz']);
  });

  it('keeps a one-word name before a colon (a role noun there is a label)', () => {
    const text = 'Report card for Pablo: excellent progress.\nPutin: no comment. Thanks, Ana: see you.\nApplicant: Rocío Flores';
    const spans = [person(text, 'Pablo'), person(text, 'Putin'), person(text, 'Ana'), person(text, 'Applicant'), person(text, 'Rocío Flores')];
    assert.deepEqual(values(text, plausiblePersonSpans(text, spans)), ['Pablo', 'Putin', 'Ana', 'Rocío Flores']);
  });

  it('keeps the dot of Jr. and Sr. at the end of a name, not a sentence\'s full stop', () => {
    const text = 'Signed by Ha-eun Jeon Sr. and Marcus Webb Jr. for Ana Ruiz.';
    const spans = [person(text, 'Ha-eun Jeon Sr.'), person(text, 'Marcus Webb Jr.'), person(text, 'Ana Ruiz.')];
    assert.deepEqual(values(text, plausiblePersonSpans(text, spans)), ['Ha-eun Jeon Sr.', 'Marcus Webb Jr.', 'Ana Ruiz']);
  });

  it('drops a leading role noun', () => {
    const text = 'Complainant Pavel Lysenko, born 1950';
    assert.deepEqual(values(text, plausiblePersonSpans(text, [person(text, 'Complainant Pavel Lysenko')])), ['Pavel Lysenko']);
  });

  it('cuts names at line breaks and every model span at tabs', () => {
    const text = 'Valérie Denis\nGhorbani Ghorbani\tUnit 14\t34';
    const address: PiiSpan = { type: 'STREET_ADDRESS', start: text.indexOf('Unit'), end: text.length, score: 0.8, detector: 'model' };
    const out = splitAtCells(text, [person(text, 'Valérie Denis\nGhorbani Ghorbani'), address]);
    assert.deepEqual(out.map((s) => text.slice(s.start, s.end)), ['Valérie Denis', 'Ghorbani Ghorbani', 'Unit 14', '34']);
    const lines = 'Unit 4\nRiverside';
    const multiLine: PiiSpan = { type: 'STREET_ADDRESS', start: 0, end: lines.length, score: 0.8, detector: 'model' };
    assert.deepEqual(splitAtCells(lines, [multiLine]), [multiLine], 'an address may span lines');
  });

  it('lets a likely name word start a name over the model\'s place or organization, but no other type', () => {
    const text = 'Our lead, Jordan Ellis, met Hertz at 12 Ellis Road.';
    const place: PiiSpan = { ...person(text, 'Jordan'), type: 'LOCATION', score: 0.8 };
    const org: PiiSpan = { ...person(text, 'Hertz'), type: 'ORGANIZATION', score: 0.9 };
    const address: PiiSpan = { ...person(text, '12 Ellis Road'), type: 'STREET_ADDRESS', score: 0.9 };
    const out = refinePersonSpans(text, [place, org, address], words(text, { Jordan: 0.4, Ellis: 0.6, Hertz: 0.1 }), { open: 0.35, extend: 0.1 });
    // `Ellis` opens a name, `Jordan` (0.4 >= extend) joins it across the place; Hertz stays an
    // organization (0.1 < open), and the address's `Ellis` stays the address's.
    assert.deepEqual(values(text, out), ['Jordan Ellis']);
    assert.deepEqual(out.filter((s) => s.type !== 'PERSON').map((s) => s.type), ['LOCATION', 'ORGANIZATION', 'STREET_ADDRESS']);
  });

  it('drops a common word, a lone letter or an id fragment tagged alone', () => {
    const text = 'Q: Can I pay later? C-1001 was paid by Ana.';
    const spans = [person(text, 'Can'), person(text, 'C-'), person(text, 'C', 20), person(text, 'Ana')];
    assert.deepEqual(values(text, plausiblePersonSpans(text, spans)), ['Ana']);
    const out = refinePersonSpans(text, [], words(text, { Can: 0.6, C: 0.6, Ana: 0.6 }), { open: 0.35 });
    assert.deepEqual(values(text, out), ['Ana']);
  });

  it('keeps emoji, dashes and symbols out of a name and cuts a span at them (dev-split spans)', () => {
    const text = 'Alan Watts 💖 and 👏 👏 Drake, ♡Liza♡ - Alan Pardew - and Enlightenment - Moses Mendelssohn -';
    const spans = [person(text, 'Alan Watts 💖'), person(text, '👏 👏 Drake'), person(text, '♡Liza♡ -'), person(text, 'Alan Pardew -'), person(text, 'Enlightenment - Moses Mendelssohn -')];
    assert.deepEqual(values(text, plausiblePersonSpans(text, spans)), ['Alan Watts', 'Drake', 'Liza', 'Alan Pardew', 'Enlightenment', 'Moses Mendelssohn']);
    // The same in text without capitals, where the other checks step aside.
    const lower = 'lol 😂 😂 martin short 💜';
    assert.deepEqual(values(lower, plausiblePersonSpans(lower, [person(lower, '😂 😂 martin short 💜')])), ['martin short']);
    // A span of marks alone is nothing; an emoji with a skin tone goes whole.
    const tones = 'Thanks 👍🏽 Dana 👍🏽';
    assert.deepEqual(values(tones, splitAtMarks(tones, [person(tones, '👍🏽 Dana 👍🏽'), person(tones, '👍🏽')])), ['Dana']);
  });

  it('keeps the dots and apostrophes of tokenized text inside a name, not at its end', () => {
    const text = 'Thanks Dr . Cox and E . G . Plott .';
    assert.deepEqual(values(text, splitAtMarks(text, [person(text, 'Dr . Cox'), person(text, 'E . G . Plott .')])), ['Dr . Cox', 'E . G . Plott']);
  });

  it('does not end a name in a lowercase common word or particle', () => {
    const text = 'Sue Black of Leeds met Santiago de la Vega and Ana de Haan.';
    const spans = [person(text, 'Sue Black of'), person(text, 'Santiago de'), person(text, 'Ana de Haan')];
    assert.deepEqual(values(text, plausiblePersonSpans(text, spans)), ['Sue Black', 'Santiago', 'Ana de Haan']);
  });

  it('leaves all-lowercase text alone', () => {
    const text = 'ping dr ruiz tomorrow';
    assert.deepEqual(values(text, plausiblePersonSpans(text, [person(text, 'dr ruiz')])), ['dr ruiz']);
  });
});

describe('pii PERSON spans: completion from the model', () => {
  it('adds the neighbouring name word the argmax missed', () => {
    const text = 'Statement for Anna Mariani, Keizersgracht 84';
    const out = refinePersonSpans(text, [person(text, 'Anna')], words(text, { Anna: 0.9, Mariani: 0.2, Keizersgracht: 0.3 }));
    assert.deepEqual(values(text, out), ['Anna Mariani']);
  });

  it('extends backwards, over initials and hyphenated or apostrophe names', () => {
    const text = "Transfer from Hyun-woo J. O'Neil today";
    const out = refinePersonSpans(text, [person(text, 'Neil')], words(text, { Hyun: 0.3, J: 0.2, O: 0.2 }));
    assert.deepEqual(values(text, out), ["Hyun-woo J. O'Neil"]);
  });

  it('takes a family-name particle between two name words', () => {
    const text = 'owner -> A. de Haan, team';
    const out = refinePersonSpans(text, [person(text, 'Haan')], words(text, { A: 0.4 }));
    assert.deepEqual(values(text, out), ['A. de Haan']);
  });

  it('takes the family name after von, van, bin or ibn even when the model gives it no PERSON probability', () => {
    const text = 'sponsor of Alexander von Humboldt and Ursula von der Leyen, then Mohammed bin Salman.';
    const spans = [person(text, 'Alexander'), person(text, 'Ursula'), person(text, 'Mohammed')];
    const out = refinePersonSpans(text, spans, words(text, {}));
    assert.deepEqual(values(text, out), ['Alexander von Humboldt', 'Ursula von der Leyen', 'Mohammed bin Salman']);
  });

  it('needs the PERSON probability after particles that are also prepositions, and a capital after any particle', () => {
    const text = 'Santiago de Chile, Pedro de Urgencias, Ana de la Vega, Jan van dijk, Lena von Berg: ok';
    const spans = [person(text, 'Santiago'), person(text, 'Pedro'), person(text, 'Ana'), person(text, 'Jan'), person(text, 'Lena')];
    const out = refinePersonSpans(text, spans, words(text, { Chile: 0.05, Urgencias: 0.02, Vega: 0.3, dijk: 0.9 }));
    // `Berg` joins after `von` without the probability, also right before a colon.
    assert.deepEqual(values(text, out), ['Santiago', 'Pedro', 'Ana de la Vega', 'Jan', 'Lena von Berg']);
  });

  it('extends backwards over two or three particles only to a word with the PERSON probability', () => {
    const text = 'Ursula von der Leyen wrote; ein Brief von der Humboldt kam.';
    const spans = [person(text, 'Leyen'), person(text, 'Humboldt')];
    const out = refinePersonSpans(text, spans, words(text, { Ursula: 0.3, Brief: 0.05 }));
    assert.deepEqual(values(text, out), ['Ursula von der Leyen', 'Humboldt']);
  });

  it('leaves lowercase text to the PERSON probability after a name-only particle too', () => {
    const text = 'met jan van dijk and ana von berg';
    const out = refinePersonSpans(text, [person(text, 'jan'), person(text, 'ana')], words(text, { dijk: 0.4 }));
    assert.deepEqual(values(text, out), ['jan van dijk', 'ana']);
  });

  it('only grows spans over whole words, never past the text or into another entity, for any input', () => {
    const WORDS = ['von', 'van', 'der', 'de', 'la', 'bin', 'Ana', 'Berg', 'Vega', 'Street', 'x', ':', '.', 'Dr.'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', '  ', '\n', ', ')), { maxLength: 12 }),
        fc.array(fc.nat(11), { maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (parts, seeds, probabilities) => {
          const text = parts.map(([w, sep]) => w + sep).join('');
          const ws = words(text, {}).map((w, k) => ({ ...w, person: probabilities[k % 12] }));
          // The model's spans start at name words (a capital first), not on the address.
          const starts = [...new Set(seeds.filter((k) => k < ws.length && /^[A-Z]/.test(text.slice(ws[k].start, ws[k].end)) && text.slice(ws[k].start, ws[k].end) !== 'Street'))].sort((a, b) => a - b);
          const spans: PiiSpan[] = starts.map((k) => ({ type: 'PERSON', start: ws[k].start, end: ws[k].end, score: 0.9, detector: 'model' }));
          const street = text.indexOf('Street');
          if (street >= 0) spans.push({ type: 'STREET_ADDRESS', start: street, end: street + 6, score: 0.9, detector: 'model' });
          const out = refinePersonSpans(text, spans, ws).filter((s) => s.type === 'PERSON');
          for (let k = 0; k < out.length; k++) {
            const s = out[k];
            assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, JSON.stringify({ text, s }));
            if (k > 0) assert.ok(out[k - 1].end < s.start, JSON.stringify({ text, out }));
            if (street >= 0) assert.ok(s.end <= street || s.start >= street + 6, JSON.stringify({ text, s }));
            // In text that uses capitals a name never starts or ends with a particle (all-lowercase text is left to the model).
            if (/[A-Z]/.test(text)) assert.ok(!/(?:^|\s)(?:von|van|der|de|la|bin)$|^(?:von|van|der|de|la|bin)\s/.test(text.slice(s.start, s.end)), JSON.stringify({ text, s }));
          }
          for (const span of spans) if (span.type === 'PERSON') assert.ok(out.some((s) => s.start <= span.start && span.end <= s.end), JSON.stringify({ text, span, out }));
        },
      ),
      { numRuns: 1000, seed: 17 },
    );
  });

  it('does not take words below the threshold, lowercase words or common words', () => {
    const text = 'The Anna Street then Nilsson about Monday. Maria Field: x';
    const probabilities = { The: 0.5, Street: 0.5, then: 0.5, Monday: 0.5, Field: 0.05 };
    const spans = [person(text, 'Anna'), person(text, 'Nilsson'), person(text, 'Maria')];
    const out = refinePersonSpans(text, spans, words(text, probabilities), { extend: 0.1, open: 1.1 });
    assert.deepEqual(values(text, out), ['Anna', 'Nilsson', 'Maria']);
  });

  it('extends a name to a word right before a colon', () => {
    const text = 'Report card for Ana Ruiz: excellent progress.';
    assert.deepEqual(values(text, refinePersonSpans(text, [person(text, 'Ana')], words(text, { Ruiz: 0.5 }))), ['Ana Ruiz']);
  });

  it('starts a span where the PERSON probability reaches the threshold', () => {
    const text = 'throwback to Cuba with Beverly and Teresa';
    const probabilities = { Cuba: 0.2, Beverly: 0.6, Teresa: 0.45 };
    assert.deepEqual(values(text, refinePersonSpans(text, [], words(text, probabilities), { open: 0.4 })), ['Beverly', 'Teresa']);
    assert.deepEqual(values(text, refinePersonSpans(text, [], words(text, probabilities), { open: 0.5 })), ['Beverly']);
  });

  it('does not grow into another entity and merges spans that meet', () => {
    const text = 'Ana Ruiz Lopez';
    const other: PiiSpan = { type: 'STREET_ADDRESS', start: 9, end: 14, score: 0.9, detector: 'model' };
    const out = refinePersonSpans(text, [person(text, 'Ana'), other], words(text, { Ruiz: 0.5, Lopez: 0.5 }));
    assert.deepEqual(values(text, out), ['Ana Ruiz']);
    const merged = refinePersonSpans(text, [person(text, 'Ana'), person(text, 'Lopez')], words(text, { Ruiz: 0.5 }));
    assert.deepEqual(values(text, merged), ['Ana Ruiz Lopez']);
  });
});

describe('pii STREET_ADDRESS spans: parts of one address', () => {
  const address = (text: string, value: string): PiiSpan => {
    const start = text.indexOf(value);
    return { type: 'STREET_ADDRESS', start, end: start + value.length, score: 0.9, detector: 'model' };
  };

  it('joins parts separated by a comma, a dash or one line break', () => {
    const text = 'at Calle Mayor 5, 76669 Málaga, Spain and 12 Elm St - Houston\nTX 65326.';
    const spans = ['Calle Mayor 5', '76669 Málaga', 'Spain', '12 Elm St', 'Houston', 'TX 65326'].map((v) => address(text, v));
    const out = joinAddressParts(text, spans);
    assert.deepEqual(out.map((s) => text.slice(s.start, s.end)), ['Calle Mayor 5, 76669 Málaga, Spain', '12 Elm St - Houston\nTX 65326']);
  });

  it('drops a one-word name of low score that opens a text, a sentence, a line or a field value, and nothing else', () => {
    const text = 'Cambio de plan. Ana llamó.\nsubject: Envío roto\nlong: Lucía and Ana Ruiz. @mira wrote';
    const span = (value: string, score: number, from = 0): PiiSpan => ({ ...person(text, value, from), score });
    const spans = [
      span('Cambio', 0.6), // opens the text: dropped
      span('Ana', 0.65), // opens a sentence: dropped
      span('Envío', 0.5), // opens a field value: dropped
      span('Lucía', 0.9), // opens a field value, confident: kept
      span('Ana Ruiz', 0.5, 50), // two words: kept
      span('@mira', 0.3), // a handle: kept
    ];
    const out = dropLoneOpeners(text, spans);
    assert.deepEqual(out.map((s) => text.slice(s.start, s.end)), ['Lucía', 'Ana Ruiz', '@mira']);
    const titled = 'Mr. Smith called. Dr. Ruiz too';
    const lows = [{ ...person(titled, 'Smith'), score: 0.5 }, { ...person(titled, 'Ruiz'), score: 0.5 }];
    assert.deepEqual(dropLoneOpeners(titled, lows), lows, "a title's dot ends no sentence");
    const inside = 'Ask Marta about it';
    const low: PiiSpan = { ...person(inside, 'Marta'), score: 0.4 };
    assert.deepEqual(dropLoneOpeners(inside, [low]), [low], 'a name inside a sentence stays whatever its score');
  });

  it('keeps a subset of its input and every span of two words, for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', ':', '\n', '@', '!', '\t'), maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(12), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 6 }),
        (text, raw) => {
          const spans: PiiSpan[] = raw
            .map(([start, length, score]) => ({ type: 'PERSON' as const, start: Math.min(start, text.length), end: Math.min(start + length + 1, text.length), score, detector: 'model' }))
            .filter((s) => s.end > s.start);
          const out = dropLoneOpeners(text, spans);
          for (const s of out) assert.ok(spans.includes(s));
          for (const s of spans) if (/\S\s+\S/.test(text.slice(s.start, s.end)) || s.score >= 0.7) assert.ok(out.includes(s));
        },
      ),
      { numRuns: 1000, seed: 33 },
    );
  });

  it('drops an address of one word without a digit, keeps one with a digit or two words', () => {
    const text = 'Calle de Alcalá 123, 28009 Madrid. Gracias, Tomás. Rambla Francisco s/n; Hauptstr.12; Flat 4';
    const spans = [address(text, 'Calle de Alcalá 123, 28009 Madrid'), address(text, 'Gracias'), address(text, 'Rambla Francisco s/n'), address(text, 'Hauptstr.12'), address(text, 'Flat 4')];
    const out = joinAddressParts(text, spans);
    assert.deepEqual(out.map((s) => text.slice(s.start, s.end)), ['Calle de Alcalá 123, 28009 Madrid', 'Rambla Francisco s/n', 'Hauptstr.12', 'Flat 4']);
    const place = { ...person(text, 'Tomás'), type: 'LOCATION' as const };
    assert.deepEqual(joinAddressParts(text, [place]).length, 1, 'a one-word place is not an address and stays');
  });

  it('takes a place that follows an address into it, but not a place alone or before one', () => {
    const text = 'Storgatan 14\n114 51 Stockholm\nSweden. Lisbon, 3 Rua Nova';
    const place = (value: string): PiiSpan => ({ ...person(text, value), type: 'LOCATION' });
    const spans = [address(text, 'Storgatan 14\n114 51 Stockholm'), place('Sweden'), place('Lisbon'), address(text, '3 Rua Nova')];
    const out = joinAddressParts(text, spans);
    assert.deepEqual(out.map((s) => [s.type, text.slice(s.start, s.end)]), [
      ['STREET_ADDRESS', 'Storgatan 14\n114 51 Stockholm\nSweden'],
      ['LOCATION', 'Lisbon'],
      ['STREET_ADDRESS', '3 Rua Nova'],
    ]);
  });

  it('reads a place that starts with a house number as an address, and a city after it does not lower its score', () => {
    const text = 'The premises located at 41 Roosevelt Road, Philadelphia are leased; Route 66 and 1984 Orwell are not.';
    const place = (value: string, score: number): PiiSpan => ({ ...person(text, value), type: 'LOCATION', score });
    const out = joinAddressParts(text, [place('41 Roosevelt Road', 0.9), place('Philadelphia', 0.4), place('Route 66', 0.9), place('Orwell', 0.9)]);
    assert.deepEqual(out.map((s) => [s.type, text.slice(s.start, s.end), s.score]), [
      ['STREET_ADDRESS', '41 Roosevelt Road, Philadelphia', 0.9],
      ['LOCATION', 'Route 66', 0.9],
      ['LOCATION', 'Orwell', 0.9],
    ]);
  });

  it('keeps addresses apart when words or a blank line separate them, and never joins other types', () => {
    const text = '1 Main St and 2 High St\n\n3 Low Rd, Ana';
    const spans = [address(text, '1 Main St'), address(text, '2 High St'), address(text, '3 Low Rd'), person(text, 'Ana')];
    assert.equal(joinAddressParts(text, spans).length, 4);
  });
});

describe('pii person spans: name words from tokenizer arrays', () => {
  it('equals nameWords over the first-piece list, on texts with joiners, initials and ## pieces', () => {
    const texts = ["Hyun-woo O'Brien met J. R. Tolkien-", 'C-1001 x', 'Zoë  Ångström-Lind, Dr. M.', "’Ana’ de la Cruz", ''];
    const next = seededRandom(5);
    for (const text of texts) {
      for (let round = 0; round < 30; round++) {
        // Pieces as a WordPiece tokenizer makes them: words cut at random into a first piece and ## pieces.
        const starts: number[] = [];
        const ends: number[] = [];
        const continuation: boolean[] = [];
        const person: number[] = [];
        for (const m of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
          let at = m.index!;
          const end = at + m[0].length;
          let first = true;
          while (at < end) {
            const size = Math.max(1, Math.floor(next() * (end - at + 1)));
            starts.push(at);
            ends.push(Math.min(end, at + size));
            continuation.push(!first);
            person.push(Math.round(next() * 100) / 100);
            first = false;
            at = Math.min(end, at + size);
          }
        }
        if (round === 0 && starts.length > 0) continuation[0] = true; // a stray ## piece first
        const firstPieces: NameWord[] = [];
        for (let t = 0; t < starts.length; t++) {
          if (!continuation[t]) firstPieces.push({ start: starts[t], end: ends[t], person: person[t] });
          else if (firstPieces.length > 0) firstPieces[firstPieces.length - 1].end = ends[t];
        }
        assert.deepEqual(nameWordsOfTokens(text, starts.length, starts, ends, continuation, person), nameWords(text, firstPieces), `${text} round ${round}`);
      }
    }
  });
});

describe('pii PERSON spans: greetings', () => {
  it('drops a greeting or a thank-you alone, in the languages the model was trained on', () => {
    const text = 'Hola, mi dirección cambió. Gracias, Tomás. Bonjour Léa';
    const spans = [person(text, 'Hola'), person(text, 'Gracias'), person(text, 'Tomás'), person(text, 'Bonjour'), person(text, 'Léa')];
    assert.deepEqual(values(text, plausiblePersonSpans(text, spans)), ['Tomás', 'Léa']);
  });
});

describe('pii PERSON spans: user handles', () => {
  it('gives each handle of a list its own finding', () => {
    const text = 'RT @ana_w @BenStone3 @cy_ and madden';
    assert.deepEqual(values(text, separateHandles(text, [person(text, '@ana_w @BenStone3 @cy_')])), ['@ana_w', '@BenStone3', '@cy_']);
  });

  it('widens a piece of a handle to the whole handle', () => {
    const text = 'thanks @madie_hope13 and @Lizz_Ghwiz2!';
    const spans = [person(text, 'madie'), person(text, 'Lizz_')];
    assert.deepEqual(values(text, separateHandles(text, spans)), ['@madie_hope13', '@Lizz_Ghwiz2']);
  });

  it('keeps a name next to a handle as a name, and drops what does not read as one', () => {
    const text = 'Hey @Luke5SOS Luke Hemmings, and @silvanaapl iya #IBUANAKKITA';
    const spans = [person(text, '@Luke5SOS Luke Hemmings'), person(text, '@silvanaapl iya #IBUANAKKITA')];
    assert.deepEqual(values(text, separateHandles(text, spans)), ['@Luke5SOS', 'Luke Hemmings', '@silvanaapl', 'iya']);
  });

  it('leaves email addresses, other types and text without handles alone', () => {
    const text = 'Mail dana@example.org or ask Dana Whitfield';
    const spans: PiiSpan[] = [{ type: 'EMAIL_ADDRESS', start: 5, end: 21, score: 1, detector: 'email' }, person(text, 'dana'), person(text, 'Dana Whitfield')];
    assert.deepEqual(separateHandles(text, spans), spans);
  });

  it('joins address parts into spans inside the input, none of them one word without a digit, for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '-', '1', '\n', '.', '\t'), maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(15), fc.boolean()), { maxLength: 5 }),
        (text, raw) => {
          const spans: PiiSpan[] = raw
            .map(([start, length, place]) => ({
              type: place ? ('LOCATION' as const) : ('STREET_ADDRESS' as const),
              start: Math.min(start, text.length),
              end: Math.min(start + length + 1, text.length),
              score: 0.7,
              detector: 'model',
            }))
            .filter((s) => s.end > s.start);
          const out = joinAddressParts(text, spans);
          assert.ok(out.length <= spans.length);
          for (const s of out) {
            assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, JSON.stringify({ text, s }));
            if (s.type === 'STREET_ADDRESS') {
              const value = text.slice(s.start, s.end);
              assert.ok(/\d/.test(value) || /\S\s+\S/.test(value.trim()), JSON.stringify({ text, value }));
            }
          }
        },
      ),
      { numRuns: 1000, seed: 32 },
    );
  });

  it('never leaves a mark at either end of a name, nor a symbol inside a span it cut, for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '-', '💖', '♡', '\u{1f3fd}', "'", '@', '1', '\n'), maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(20)), { maxLength: 4 }),
        (text, raw) => {
          const spans: PiiSpan[] = raw
            .map(([start, length]) => ({ type: 'PERSON' as const, start: Math.min(start, text.length), end: Math.min(start + length + 1, text.length), score: 0.7, detector: 'model' }))
            .filter((s) => s.end > s.start);
          for (const out of [splitAtMarks(text, spans), plausiblePersonSpans(text, spans)]) {
            for (const s of out) {
              assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, JSON.stringify({ text, s }));
              const value = text.slice(s.start, s.end);
              assert.ok(spans.some((t) => t.start <= s.start && s.end <= t.end), 'inside an input span');
              assert.ok(!/^[\s\-💖♡\u{1f3fd}]|[\s\-💖♡\u{1f3fd}]$/u.test(value), JSON.stringify({ text, value }));
              assert.ok(!/\s[-💖♡]+\s/u.test(value), JSON.stringify({ text, value }));
            }
          }
        },
      ),
      { numRuns: 1000, seed: 31 },
    );
  });

  it('returns sorted, non-overlapping PERSON spans inside the text for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('@', 'a', 'B', '_', '1', ' ', '.', '#', 'é', '\n'), maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 6 }),
        (text, raw) => {
          const spans: PiiSpan[] = raw
            .map(([start, length]) => ({ type: 'PERSON' as const, start: Math.min(start, text.length), end: Math.min(start + length + 1, text.length), score: 0.7, detector: 'model' }))
            .filter((s) => s.end > s.start)
            .sort((a, b) => a.start - b.start || a.end - b.end);
          const out = separateHandles(text, spans).filter((s) => s.type === 'PERSON');
          for (const s of out) assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length);
          if (text.includes('@')) for (let i = 1; i < out.length; i++) assert.ok(out[i - 1].start <= out[i].start);
          // A handle is never cut: a finding that touches one holds all of it.
          for (const m of text.matchAll(/(?<![\p{L}\p{N}_.+-])@[\p{L}\p{N}_]+/gu)) {
            const a = m.index!;
            const b = a + m[0].length;
            for (const s of out) if (s.start < b && a < s.end) assert.ok(s.start <= a && b <= s.end, JSON.stringify({ text, s, a, b }));
          }
        },
      ),
      { numRuns: 500, seed: 12 },
    );
  });
});
