import * as assert from 'node:assert/strict';
import { applyTextEdits, planRedaction, redactionFormatOf, redactText, RedactionFormat, RedactionTarget } from '../../../core/redaction/redactSample';

/** A strict RFC 4180 parser (independent of the code under test): throws on malformed quoting. */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') throw new Error(`text after a closing quote at ${i}`);
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (fieldStarted) throw new Error(`quote inside a bare field at ${i}`);
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (fieldStarted || field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function parseJsonl(text: string): unknown[] {
  return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
}

/** Keys and value kinds of a JSON value, without the strings themselves. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  return typeof value === 'number' ? 'scalar' : typeof value === 'string' ? 'scalar' : value;
}

/** A target over the n-th occurrence of `needle` (raw file text). */
function at(text: string, needle: string, type: string, occurrence = 0): RedactionTarget {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `fixture lacks ${needle}`);
  return { start, end: start + needle.length, type };
}

describe('redaction: JSON Lines', () => {
  const text = [
    '{"id": 1, "customer": "Dana Whitfield", "body": "Call me at +1 415 555 0132 or dana.w@example.com.\\nThanks, \\"Dana\\""}',
    '{"id": 2, "customer": "Tom\\u00e1s \\u00c1lvarez", "body": "Write to dana.w@example.com or tomas@example.org", "phone": 4155550132}',
    '',
  ].join('\n');

  it('replaces values with placeholders and keeps every record and key', () => {
    const targets = [
      at(text, 'Dana Whitfield', 'PERSON'),
      at(text, '+1 415 555 0132', 'PHONE_NUMBER'),
      at(text, 'dana.w@example.com', 'EMAIL_ADDRESS'),
      at(text, 'dana.w@example.com', 'EMAIL_ADDRESS', 1),
      at(text, 'tomas@example.org', 'EMAIL_ADDRESS'),
    ];
    const out = redactText(text, targets, { format: 'jsonl', style: 'placeholder' });
    const before = parseJsonl(text);
    const after = parseJsonl(out) as Array<Record<string, unknown>>;
    assert.equal(after.length, before.length);
    assert.deepEqual(after.map(shapeOf), before.map(shapeOf));
    assert.equal(after[0].customer, '[PERSON]');
    assert.equal(after[0].body, 'Call me at [PHONE_NUMBER] or [EMAIL_ADDRESS].\nThanks, "Dana"');
    assert.equal(after[1].body, 'Write to [EMAIL_ADDRESS] or [EMAIL_ADDRESS]');
  });

  it('widens a range that starts or ends inside an escape sequence', () => {
    // From the `"` of `\"Dana\"` to just after the `\` of the closing escape: both ends split escapes.
    const open = text.indexOf('\\"Dana');
    const target = { start: open + 1, end: open + '\\"Dana\\'.length, type: 'PERSON' };
    const out = redactText(text, [target], { format: 'jsonl', style: 'placeholder' });
    const after = parseJsonl(out) as Array<Record<string, unknown>>;
    assert.equal(after[0].body, 'Call me at +1 415 555 0132 or dana.w@example.com.\nThanks, [PERSON]');
  });

  it('a range cut inside \\u escapes grows to whole escapes', () => {
    const first = text.indexOf('\\u00e1');
    const second = text.indexOf('\\u00c1');
    const out = redactText(text, [{ start: first + 2, end: second + 3, type: 'PERSON' }], { format: 'jsonl', style: 'placeholder' });
    assert.equal((parseJsonl(out)[1] as Record<string, unknown>).customer, 'Tom[PERSON]lvarez');
  });

  it('a JSON number becomes a string, the record still parses', () => {
    const target = at(text, '4155550132', 'PHONE_NUMBER');
    const out = redactText(text, [{ start: target.start + 2, end: target.end - 2, type: 'PHONE_NUMBER' }], { format: 'jsonl', style: 'placeholder' });
    assert.equal((parseJsonl(out)[1] as Record<string, unknown>).phone, '[PHONE_NUMBER]');
  });

  it('escapes a replacement that contains JSON syntax', () => {
    const out = redactText(text, [at(text, 'Dana Whitfield', 'ODD"TYPE\\')], { format: 'jsonl', style: 'placeholder' });
    assert.equal((parseJsonl(out)[0] as Record<string, unknown>).customer, '[ODD"TYPE\\]');
  });

  it('pseudonyms are consistent: same value, same stand-in; another value, another', () => {
    const targets = [
      at(text, 'dana.w@example.com', 'EMAIL_ADDRESS'),
      at(text, 'dana.w@example.com', 'EMAIL_ADDRESS', 1),
      at(text, 'tomas@example.org', 'EMAIL_ADDRESS'),
      at(text, 'Dana Whitfield', 'PERSON'),
    ];
    const after = parseJsonl(redactText(text, targets, { format: 'jsonl', style: 'pseudonym' })) as Array<Record<string, string>>;
    const first = /or (\S+)\.\n/.exec(after[0].body)![1];
    const [, again, other] = /Write to (\S+) or (\S+)$/.exec(after[1].body)!;
    assert.equal(again, first);
    assert.notEqual(other, first);
    assert.ok(!after[0].body.includes('dana.w@'));
    assert.notEqual(after[0].customer, 'Dana Whitfield');
  });

  it('redacting one finding gives the same pseudonym as redacting the whole file', () => {
    const targets = [
      at(text, 'dana.w@example.com', 'EMAIL_ADDRESS'),
      at(text, 'dana.w@example.com', 'EMAIL_ADDRESS', 1),
      at(text, 'tomas@example.org', 'EMAIL_ADDRESS'),
    ];
    const all = planRedaction(text, targets, { format: 'jsonl', style: 'pseudonym' }).edits;
    const one = planRedaction(text, targets, { format: 'jsonl', style: 'pseudonym', only: targets[2] }).edits;
    assert.equal(one.length, 1);
    assert.deepEqual(one[0], all.find((e) => e.start === targets[2].start));
  });
});

describe('redaction: JSON document', () => {
  it('keeps a pretty-printed array parseable with the same shape', () => {
    const text = JSON.stringify([{ name: 'Ada Lovelace', contact: { email: 'ada@example.org', tags: ['vip', 'ada@example.org'] } }], null, 2);
    const targets = [at(text, 'Ada Lovelace', 'PERSON'), at(text, 'ada@example.org', 'EMAIL_ADDRESS'), at(text, 'ada@example.org', 'EMAIL_ADDRESS', 1)];
    const out = redactText(text, targets, { format: 'json', style: 'pseudonym' });
    const parsed = JSON.parse(out);
    assert.deepEqual(shapeOf(parsed), shapeOf(JSON.parse(text)));
    assert.equal(parsed[0].contact.email, parsed[0].contact.tags[1]);
    assert.ok(!out.includes('ada@example.org'));
  });
});

describe('redaction: CSV', () => {
  const text =
    'customer_id,name,email,address,notes\r\n' +
    'C-1,Dana Whitfield,dana@example.com,"742 Evergreen Terrace\r\nSpringfield","Prefers email; ""Dana"" since 2019"\r\n' +
    'C-2,Seun Adeyemi,seun@example.org,"221B Baker Street, London",SSN 078-05-1120\r\n';

  function assertSameShape(out: string, delimiter = ','): string[][] {
    const before = parseCsv(text, delimiter);
    const after = parseCsv(out, delimiter);
    assert.equal(after.length, before.length, 'record count');
    assert.deepEqual(after.map((r) => r.length), before.map((r) => r.length), 'columns per record');
    return after;
  }

  it('replaces bare and quoted fields, across a newline inside quotes', () => {
    const targets = [
      at(text, 'Dana Whitfield', 'PERSON'),
      at(text, 'dana@example.com', 'EMAIL_ADDRESS'),
      at(text, '742 Evergreen Terrace\r\nSpringfield', 'STREET_ADDRESS'),
      at(text, '221B Baker Street, London', 'STREET_ADDRESS'),
      at(text, '078-05-1120', 'US_SSN'),
    ];
    const rows = assertSameShape(redactText(text, targets, { format: 'csv', style: 'placeholder' }));
    assert.deepEqual(rows[1].slice(1, 4), ['[PERSON]', '[EMAIL_ADDRESS]', '[STREET_ADDRESS]']);
    assert.equal(rows[2][3], '[STREET_ADDRESS]');
    assert.equal(rows[2][4], 'SSN [US_SSN]');
  });

  it('never splits a doubled quote', () => {
    // From the second `"` of `""Dana""` to the first `"` of the closing pair.
    const open = text.indexOf('""Dana""');
    const rows = assertSameShape(redactText(text, [{ start: open + 1, end: open + 7, type: 'PERSON' }], { format: 'csv', style: 'placeholder' }));
    assert.equal(rows[1][4], 'Prefers email; [PERSON] since 2019');
  });

  it('doubles quotes of a replacement inside a quoted field and quotes a bare field that needs it', () => {
    const targets = [at(text, 'Springfield', 'A"B'), at(text, 'Seun Adeyemi', 'LAST, FIRST'), at(text, 'C-2', 'ID"X')];
    const rows = assertSameShape(redactText(text, targets, { format: 'csv', style: 'placeholder' }));
    assert.equal(rows[1][3], '742 Evergreen Terrace\r\n[A"B]');
    assert.equal(rows[2][1], '[LAST, FIRST]');
    assert.equal(rows[2][0], '[ID"X]');
  });

  it('a finding across a delimiter keeps the delimiter', () => {
    const start = text.indexOf('Whitfield');
    const end = text.indexOf('@example.com');
    const rows = assertSameShape(redactText(text, [{ start, end, type: 'PERSON' }], { format: 'csv', style: 'placeholder' }));
    assert.equal(rows[1][1], 'Dana [PERSON]');
    assert.equal(rows[1][2], '[PERSON]@example.com');
  });

  it('sniffs a semicolon delimiter and handles TSV', () => {
    const semi = 'name;email\nDana;dana@example.com\n';
    assert.deepEqual(parseCsv(redactText(semi, [at(semi, 'dana@example.com', 'EMAIL_ADDRESS')], { format: 'csv', style: 'placeholder' }), ';'), [
      ['name', 'email'],
      ['Dana', '[EMAIL_ADDRESS]'],
    ]);
    const tsv = 'name\temail\nDana Whitfield\tdana@example.com\n';
    const out = redactText(tsv, [at(tsv, 'Dana Whitfield', 'PERSON'), at(tsv, 'dana@example.com', 'EMAIL_ADDRESS')], { format: 'tsv', style: 'pseudonym' });
    const rows = parseCsv(out, '\t');
    assert.equal(rows.length, 2);
    assert.equal(rows[1].length, 2);
    assert.ok(!out.includes('Dana') && !out.includes('dana@'));
  });
});

describe('redaction: plain text and edge cases', () => {
  it('replaces text verbatim and never splits a surrogate pair', () => {
    const text = 'Contact 😀Dana at dana@example.com';
    const emoji = text.indexOf('😀');
    const out = redactText(text, [{ start: emoji + 1, end: emoji + 6, type: 'PERSON' }, at(text, 'dana@example.com', 'EMAIL_ADDRESS')], {
      format: 'text',
      style: 'placeholder',
    });
    assert.equal(out, 'Contact [PERSON] at [EMAIL_ADDRESS]');
  });

  it('merges overlapping findings into one replacement named by the longer one', () => {
    const text = 'mail dana.whitfield@example.com now';
    const out = redactText(text, [at(text, 'dana.whitfield', 'PERSON'), at(text, 'dana.whitfield@example.com', 'EMAIL_ADDRESS')], {
      format: 'text',
      style: 'placeholder',
    });
    assert.equal(out, 'mail [EMAIL_ADDRESS] now');
  });

  it('ignores empty, reversed and out-of-range targets and reports targets outside values', () => {
    const text = '{"a": "x"}';
    const plan = planRedaction(text, [{ start: 5, end: 2, type: 'X' }, { start: -10, end: -5, type: 'X' }, { start: 0, end: 1, type: 'X' }], {
      format: 'json',
      style: 'placeholder',
    });
    assert.deepEqual(plan.edits, []);
    assert.equal(plan.skipped.length, 1);
    assert.equal(applyTextEdits(text, plan.edits), text);
  });

  it('picks the syntax from the file name, then the content', () => {
    assert.equal(redactionFormatOf('data/tickets-sample.jsonl'), 'jsonl');
    assert.equal(redactionFormatOf('a.ndjson'), 'jsonl');
    assert.equal(redactionFormatOf('a.TSV'), 'tsv');
    assert.equal(redactionFormatOf('notes.txt'), 'text');
    assert.equal(redactionFormatOf('rows.parquet'), undefined);
    assert.equal(redactionFormatOf('dump', '[{"a": 1}]'), 'json');
  });
});

describe('redaction: random findings never break structure', () => {
  // A small deterministic PRNG so failures reproduce.
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const samples: Array<{ format: RedactionFormat; text: string; parse: (t: string) => unknown }> = [
    {
      format: 'jsonl',
      text: '{"a": "x\\"y\\\\z\\u00e9\\n", "b": 12.5, "c": [true, null, "q,\\"r"]}\n{"a": "😀 emoji 😀", "b": -3e4, "c": []}\n',
      parse: (t) => parseJsonl(t).map(shapeOf),
    },
    {
      format: 'csv',
      text: 'a,b,c\n"x ""y"" z","multi\nline",plain\n,"",end\n',
      parse: (t) => parseCsv(t).map((r) => r.length),
    },
  ];
  for (const sample of samples) {
    it(`${sample.format}: 300 random target sets, both styles`, () => {
      const random = rng(42);
      const expected = sample.parse(sample.text);
      for (let round = 0; round < 300; round++) {
        const targets: RedactionTarget[] = [];
        const count = 1 + Math.floor(random() * 4);
        for (let k = 0; k < count; k++) {
          const start = Math.floor(random() * sample.text.length);
          targets.push({ start, end: start + 1 + Math.floor(random() * 12), type: random() < 0.2 ? 'WEIRD,"TYPE\n' : 'PERSON' });
        }
        const style = round % 2 ? 'pseudonym' : 'placeholder';
        const out = redactText(sample.text, targets, { format: sample.format, style });
        assert.deepEqual(sample.parse(out), expected, `round ${round}: ${JSON.stringify(targets)}\n${out}`);
      }
    });
  }
});
