/**
 * Where the card's YAML lives inside a file: the whole of a `model-card.yaml`, or the front matter
 * block of a Markdown file (between a first line `---` and the next line `---` or `...`).
 */
export type SourceKind = 'yaml' | 'markdown';

export interface CardSource {
  /** The YAML text. */
  yaml: string;
  /** Offset of `yaml` in the file text: add it to every YAML offset. */
  offset: number;
  /** Range of the whole front matter block including the fences (markdown only). */
  block?: { start: number; end: number };
}

/** Decides from a file name whether and how it holds a card. */
export function sourceKindOf(fileName: string): SourceKind | undefined {
  const base = fileName.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (base === 'model-card.yaml' || base === 'model-card.yml') return 'yaml';
  if (base.endsWith('.md') || base.endsWith('.markdown')) return 'markdown';
  return undefined;
}

/** Finds the YAML of a card; undefined when a Markdown file has no front matter. */
export function locateCard(text: string, kind: SourceKind): CardSource | undefined {
  if (kind === 'yaml') return { yaml: text, offset: 0 };
  return locateFrontMatter(text);
}

export function locateFrontMatter(text: string): CardSource | undefined {
  let start = 0;
  if (text.charCodeAt(0) === 0xfeff) start = 1;
  const firstEnd = lineEnd(text, start);
  if (text.slice(start, firstEnd.contentEnd).trimEnd() !== '---') return undefined;
  const yamlStart = firstEnd.next;
  let cursor = yamlStart;
  while (cursor < text.length) {
    const end = lineEnd(text, cursor);
    const line = text.slice(cursor, end.contentEnd).trimEnd();
    if (line === '---' || line === '...') {
      return { yaml: text.slice(yamlStart, cursor), offset: yamlStart, block: { start, end: end.contentEnd } };
    }
    cursor = end.next;
  }
  // An unterminated block is not front matter (the Hub treats it as body text).
  return undefined;
}

function lineEnd(text: string, from: number): { contentEnd: number; next: number } {
  const newline = text.indexOf('\n', from);
  if (newline < 0) return { contentEnd: text.length, next: text.length };
  const contentEnd = newline > from && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
  return { contentEnd, next: newline + 1 };
}
