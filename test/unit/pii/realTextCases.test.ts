/**
 * Issue 12's table of ordinary sentences, scanned the way `cardwright scan` scans a file (reader,
 * shipped model, recognizers, fusion): what a privacy reviewer types first. Each case failed on
 * the model shipped before the `real` recipe (synthetic templates only).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanFiles } from '../../../engine/pii/scanFiles';

interface Case {
  name: string;
  /** File name (its extension picks the reader) and content. */
  file: string;
  text: string;
  /** Findings that must be reported, as [type, exact text]. */
  expect?: Array<[string, string]>;
  /** Text that no finding may touch (a character in common is enough to fail). */
  clean?: string[];
  /** Findings of this type that may not cover this text. */
  forbid?: Array<[string, string]>;
}

const CASES: Case[] = [
  {
    name: 'a hotel, a square and a city are not people',
    file: 'reviews.txt',
    text: 'We stayed at the Marriott near Union Square in San Francisco.\n',
    clean: ['Marriott', 'Union Square', 'San Francisco'],
  },
  {
    name: 'a car, a rental company and an airport are not people',
    file: 'reviews.txt',
    text: 'The Toyota Corolla I rented from Hertz at Heathrow had 40,000 miles on it.\n',
    clean: ['Toyota Corolla', 'Hertz', 'Heathrow'],
  },
  {
    name: 'a restaurant, a street and a pizza are not people',
    file: 'reviews.txt',
    text: "Great pizza at Luigi's on Main Street. Ask for the Margherita.\n",
    clean: ['Margherita'],
  },
  {
    name: 'streaming services and a country are not people',
    file: 'reviews.txt',
    text: 'Netflix raised prices again; Disney+ and Hulu are cheaper in Canada.\n',
    clean: ['Netflix', 'Disney', 'Hulu', 'Canada'],
  },
  {
    name: 'a book title is not a person, its author is, and neither is an address',
    file: 'reviews.txt',
    text: 'Harry Potter and the Goblet of Fire is my favourite book by J.K. Rowling.\n',
    clean: ['Goblet of Fire', 'favourite book'],
    forbid: [['STREET_ADDRESS', 'Rowling']],
  },
  {
    name: 'the attention line is a person and the address is one finding',
    file: 'letters.txt',
    text: 'Please forward the invoice to Johnson & Johnson, attention Mark Weber, 1600 Amphitheatre Parkway, Mountain View, CA 94043.\n',
    expect: [
      ['PERSON', 'Mark Weber'],
      ['STREET_ADDRESS', '1600 Amphitheatre Parkway, Mountain View, CA 94043'],
    ],
  },
  {
    name: "the Test Classifier's sample address is one address, not a phone number",
    file: 'contacts.txt',
    text: 'address: 742 Evergreen Terrace Springfield, OR 97403\n',
    expect: [['STREET_ADDRESS', '742 Evergreen Terrace Springfield, OR 97403']],
  },
  {
    name: 'a name in a one-column CSV under a `text` header',
    file: 'tickets.csv',
    text: 'text\nHi, I am Dana Whitfield, my order arrived broken.\n',
    expect: [['PERSON', 'Dana Whitfield']],
  },
  {
    name: 'a multi-line postal address is one finding',
    file: 'letters.txt',
    text: 'Send the replacement to:\nKarin Lindqvist\nStorgatan 14\n114 51 Stockholm\nSweden\n',
    expect: [
      ['PERSON', 'Karin Lindqvist'],
      ['STREET_ADDRESS', 'Storgatan 14\n114 51 Stockholm\nSweden'],
    ],
  },
  {
    name: 'a Spanish clinical note: the patient and the address, not the sentence-initial words',
    file: 'notes.txt',
    text:
      'Datos del paciente.\nNombre: Lucía Fernández Ortega.\nDomicilio: Calle Alcalá 123, 28009 Madrid.\n' +
      'Fecha de ingreso: 12/03/2019. Se realiza ecografía abdominal. El paciente refiere dolor.\n',
    expect: [
      ['PERSON', 'Lucía Fernández Ortega'],
      ['STREET_ADDRESS', 'Calle Alcalá 123, 28009 Madrid'],
    ],
    clean: ['Datos', 'Nombre', 'Domicilio', 'Fecha', 'Se realiza', 'El paciente'],
  },
  {
    // The bundled example's Spanish ticket. Failed before session 16: the model read the thanks
    // after the address as an address of its own, and the subject's first word as a name (score
    // 0.61 here; the same subject in a record without its date scores 0.84 and is still reported,
    // README's known limitations).
    name: "a ticket's subject and the thanks after an address are not personal data",
    file: 'tickets.jsonl',
    text:
      '{"id": 2, "created": "2023-03-15", "customer": "Tomás Álvarez", "subject": "Cambio de dirección", ' +
      '"body": "Hola, mi nueva dirección es Calle de Alcalá 123, 28009 Madrid. Gracias, Tomás"}\n',
    expect: [
      ['PERSON', 'Tomás Álvarez'],
      ['STREET_ADDRESS', 'Calle de Alcalá 123, 28009 Madrid'],
    ],
    clean: ['Cambio', 'Hola', 'Gracias'],
  },
  {
    name: 'an all-caps heading of a legal agreement is not a name',
    file: 'agreement.txt',
    text: 'SECTION 7. INTEREST AND WAIVER\nThe Borrower shall pay interest on the unpaid principal amount of each Loan.\n',
    clean: ['SECTION', 'INTEREST', 'WAIVER', 'Borrower', 'Loan'],
  },
  {
    // Failed on the model shipped before round 8 (WNUT-17 leaves handles unlabelled, and the
    // model had learned that an unknown handle is not personal data).
    name: "a user's handle in a post is personal data, a brand's link is not a finding",
    file: 'posts.txt',
    text: 'RT @mira_kowal89: cannot believe the tickets sold out in five minutes https://t.co/x1Yz\n@jpettersen_ u told me it was easy lol\n',
    expect: [
      ['PERSON', '@mira_kowal89'],
      ['PERSON', '@jpettersen_'],
    ],
    clean: ['tickets', 'https://t.co/x1Yz'],
  },
  {
    // Guards round 8: a model that reads handles must not read code's @ words as handles.
    name: "code's annotations, doc tags, style rules and package scopes are not handles",
    file: 'snippets.txt',
    text:
      '/**\n * Builds the greeting.\n * @param {string} name the user name\n * @returns {string} the greeting\n */\n' +
      '@Override\npublic void run() {\n' +
      "import { pipeline } from '@huggingface/transformers';\n" +
      '@media print {\n  .nav { display: none; }\n' +
      'DECLARE @OrderId INT = 42;\n',
    clean: ['@param', '@returns', 'the greeting', '@Override', '@huggingface', '@media', '@OrderId'],
  },
  {
    // Failed on the model shipped before round 9: it read `Netanyahu and Musharraf` as one
    // organization. Surnames the training text rarely shows are whole vocabulary words with
    // GloVe's knowledge since then.
    name: 'surnames seldom seen in training are still names, and the city stays a place',
    file: 'news.txt',
    text: 'Milosevic met Netanyahu and Musharraf in Geneva.\n',
    expect: [
      ['PERSON', 'Milosevic'],
      ['PERSON', 'Netanyahu'],
      ['PERSON', 'Musharraf'],
    ],
    clean: ['Geneva', 'met', 'and'],
  },
  {
    // WikiGold-dev's text (the model reads `Humboldt` as a place): until session 17 the finding
    // was `Alexander` alone, and the family name after `von` was left in the clear.
    name: 'a name with a particle is one finding to the end of the family name',
    file: 'history.txt',
    text: 'He was a friend and sponsor of Alexander von Humboldt, the great naturalist.\n',
    expect: [['PERSON', 'Alexander von Humboldt']],
    clean: ['naturalist'],
  },
];

describe('pii on ordinary sentences (issue 12, shipped model, whole scan)', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-real-text-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const c of CASES) {
    it(c.name, async () => {
      const sub = fs.mkdtempSync(path.join(dir, 'case-'));
      const file = path.join(sub, c.file);
      fs.writeFileSync(file, c.text);
      const result = await scanFiles([file], { workers: 0 });
      const findings = result.files.flatMap((f) => f.findings);
      const got = findings.map((f) => [f.type, c.text.slice(f.start, f.end)]);
      for (const [type, value] of c.expect ?? []) {
        assert.ok(
          got.some(([t, v]) => t === type && v === value),
          `${type} ${JSON.stringify(value)} not reported as one finding; got ${JSON.stringify(got)}`,
        );
      }
      for (const value of c.clean ?? []) {
        const start = c.text.indexOf(value);
        assert.ok(start >= 0, value);
        const hit = findings.find((f) => f.start < start + value.length && f.end > start);
        assert.equal(hit, undefined, `${JSON.stringify(value)} touched by ${JSON.stringify(got)}`);
      }
      for (const [type, value] of c.forbid ?? []) {
        assert.ok(!got.some(([t, v]) => t === type && v.includes(value)), `${type} ${JSON.stringify(value)} reported: ${JSON.stringify(got)}`);
      }
    });
  }
});
