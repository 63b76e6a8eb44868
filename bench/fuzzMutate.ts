/**
 * Seeded mutation of texts for the fuzz benchmarks: cuts, doubled ranges, spliced pieces of YAML
 * syntax and odd characters, line-break styles, a blank first line, deep brackets and long lines.
 */

/** A deterministic pseudo-random generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const int = (random: Random, max: number): number => Math.floor(random() * (max + 1));

const PIECES = [
  '\n', '\r', '\r\n', '\uFEFF', '\u0000', '\uD800', '\uDC00', '\t', ' ', '  ', '- ', ':', ': ', '#', ' # c', '[', ']', '{', '}', '"', "'", '\\', '"\\\\"', '|', '>-', '&a ', '*a', '!!str ', '? ', ',', '---\n', '...\n',
  'license: mit\n', 'license: Apache 2.0\n', 'language: [en, es-ES]\n', 'upstream:\n  datasets:\n    - id: x\n', 'privacy:\n  personal_data: true\n', 'é', '😀', '\u2028',
];

type Mutation = (random: Random, text: string) => string;

const MUTATIONS: Mutation[] = [
  (r, t) => {
    const a = int(r, t.length);
    const b = Math.min(t.length, a + int(r, 200));
    return t.slice(0, a) + t.slice(b);
  },
  (r, t) => {
    const a = int(r, t.length);
    const b = Math.min(t.length, a + int(r, 400));
    return t.slice(0, b) + t.slice(a, b) + t.slice(b);
  },
  (r, t) => {
    const a = int(r, t.length);
    return t.slice(0, a) + pick(r, PIECES) + t.slice(a);
  },
  (r, t) => {
    const a = int(r, t.length);
    return t.slice(0, a) + pick(r, PIECES) + t.slice(a + 1);
  },
  (r, t) => t.replace(/\r?\n/g, pick(r, ['\r', '\r\n', '\n'])),
  (_r, t) => `\n${t}`,
  (r, t) => {
    const a = int(r, t.length);
    return t.slice(0, a) + pick(r, ['[', '{a: ', '- ', '"\\\\", [']).repeat(1 + int(r, 300)) + t.slice(a);
  },
  (r, t) => {
    const a = int(r, t.length);
    return t.slice(0, a) + 'x'.repeat(int(r, 20_000)) + t.slice(a);
  },
  (r, t) => t.replace(/^( +)/gm, (m) => (r() < 0.2 ? m.slice(1) : m)),
];

/** One to four mutations of `text`. */
export function mutate(random: Random, text: string): string {
  let out = text;
  const steps = 1 + int(random, 3);
  for (let i = 0; i < steps; i++) out = pick(random, MUTATIONS)(random, out);
  return out;
}
