/**
 * fast-check generators of card texts for the property tests: YAML built from card-like pieces,
 * the repository's example cards mutated (cut, doubled, spliced, line breaks swapped), and raw
 * text with the characters that break line-oriented code (CR, CRLF, BOM, NUL, lone surrogates, tabs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { packageRoot } from '../../engine/packageRoot';

const root = packageRoot(__dirname);

/** The cards in the repository: the example card, the PII fixture card, and both as README front matter. */
export function exampleCards(): string[] {
  const cards = [path.join(root, 'examples', 'model-card.yaml'), path.join(root, 'test', 'fixtures', 'pii', 'model-card.yaml')]
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8'));
  return [...cards, ...cards.map((card) => `---\n${card}---\n\n# A model\n\nProse.\n`)];
}

const KEYS = ['license', 'license_name', 'license_link', 'language', 'datasets', 'base_model', 'tags', 'upstream', 'base_models', 'id', 'samples', 'privacy', 'personal_data', 'pii_categories', 'special_categories', 'compliance', 'gdpr', 'lawful_basis', 'dpia', 'completed', 'eu_ai_act', 'risk_category', 'gpai', 'model-index', 'name', 'results', 'task', 'type', 'dataset', 'metrics', 'value', 'pipeline_tag', 'licence', 'x', ''];
const VALUES = ['mit', 'apache-2.0', 'cc-by-nc-4.0', 'other', 'Apache 2.0', 'en', 'es-ES', 'true', 'false', 'null', '~', '1', '-1.5', 'acme/tickets', 'meta-llama/Llama-3.1-8B', 'data/a.csv', 'PERSON', 'consent', 'high', '"quoted"', "'single'", '"esc \\" \\\\"', '[en, fr]', '[', ']', '{a: 1}', '{', '|', '>-', '&anchor x', '*anchor', '!!str 1', '# comment', ''];
const BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];
const ODD = ['\r', '\n', '\r\n', '\uFEFF', '\u0000', '\uD800', '\uDC00', '\u2028', '\t', ' ', '-', ':', '#', '[', ']', '{', '}', '"', "'", '\\', '|', '>', '&', '*', '!', '?', ',', '---', '...', 'é', '😀'];

/** A line of a card: indentation, optional dashes, a key, a value, a comment. */
const line = fc
  .record({
    indent: fc.integer({ min: 0, max: 8 }),
    dashes: fc.integer({ min: 0, max: 2 }),
    key: fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
    value: fc.option(fc.constantFrom(...VALUES), { nil: undefined }),
    comment: fc.boolean(),
    lineBreak: fc.constantFrom(...BREAKS),
  })
  .map(({ indent, dashes, key, value, comment, lineBreak }) => {
    let text = ' '.repeat(indent) + '- '.repeat(dashes);
    if (key !== undefined) text += `${key}:${value !== undefined ? ' ' : ''}`;
    if (value !== undefined) text += value;
    if (comment) text += ' # note';
    return text + lineBreak;
  });

/** YAML-ish cards made of card-like lines, sometimes wrapped as README front matter. */
export const generatedCard: fc.Arbitrary<string> = fc
  .tuple(fc.array(line, { maxLength: 25 }), fc.boolean(), fc.boolean())
  .map(([lines, frontMatter, bom]) => (bom ? '\uFEFF' : '') + (frontMatter ? `---\n${lines.join('')}---\n# Title\n` : lines.join('')));

/** Raw text made of the characters that trip line-oriented code, and arbitrary UTF-16 units. */
export const oddText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...ODD), fc.constantFrom(...KEYS.map((k) => `${k}: `)), fc.string({ unit: 'binary', maxLength: 4 }), fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u))), { maxLength: 60 })
  .map((parts) => parts.join(''));

type Mutation = (text: string, a: number, b: number, piece: string) => string;
const MUTATIONS: Mutation[] = [
  (t, a, b) => t.slice(0, Math.min(a, b)) + t.slice(Math.max(a, b)), // cut
  (t, a, b) => t.slice(0, Math.max(a, b)) + t.slice(Math.min(a, b)), // double
  (t, a, _b, piece) => t.slice(0, a) + piece + t.slice(a), // splice
  (t, a, _b, piece) => t.slice(0, a) + piece + t.slice(a + 1), // replace one character
  (t) => t.replace(/\n/g, '\r'), // classic Mac line breaks
  (t) => t.replace(/\n/g, '\r\n'), // Windows line breaks
  (t, a) => t.slice(0, a).replace(/^ {2}/gm, ' ') + t.slice(a), // break the indentation above a point
  (t, a) => `\n${t.slice(a)}`, // a blank first line
];

/** The repository's example cards with a few random mutations each. */
export function mutatedCard(cards: string[]): fc.Arbitrary<string> {
  const step = fc.tuple(fc.nat(MUTATIONS.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...ODD), line));
  return fc.tuple(fc.constantFrom(...cards), fc.array(step, { minLength: 1, maxLength: 4 })).map(([card, steps]) =>
    steps.reduce((text, [m, a, b, piece]) => MUTATIONS[m](text, Math.floor(a * text.length), Math.floor(b * text.length), piece), card),
  );
}

/** Any of the above. */
export function anyCardText(cards = exampleCards()): fc.Arbitrary<string> {
  return fc.oneof(generatedCard, mutatedCard(cards), oddText);
}

/** A text and an offset in it (0..length). */
export function textWithOffset(text: fc.Arbitrary<string>): fc.Arbitrary<{ text: string; offset: number }> {
  return text.chain((t) => fc.nat(t.length).map((offset) => ({ text: t, offset })));
}
