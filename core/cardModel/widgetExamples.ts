/**
 * A model card's `widget` examples with their places in the file: the example text, its title, the
 * expected output the card records (the Hub widget's `output` entries), candidate labels for
 * zero-shot, and where each character of the text sits in the file (YAML quoting and folding
 * mean the value is not always a plain slice of the file).
 */
import { isScalar, Node } from 'yaml';
import { CardDocument, nodeAt, spanOfNode, Span } from '../cardDocument';
import { isRecord } from '../rules/rule';

/** One label of an expected or actual output. */
export interface LabelScore {
  label: string;
  score?: number;
}

export interface WidgetExample {
  /** Index in `widget`. */
  index: number;
  text: string;
  title?: string;
  /** The text scalar's span in the file. */
  span: Span;
  /** File offset of each UTF-16 unit of `text` (-1 where the value has no counterpart in the file). */
  offsets: readonly number[];
  /** The `output` labels the card expects, when it records some (Hub form: a list of `{label, score}`). */
  expected?: LabelScore[];
  /** `candidate_labels` for zero-shot examples (a comma-separated string or a list). */
  candidateLabels?: string[];
}

export function widgetExamplesOf(card: CardDocument): WidgetExample[] {
  const value = card.value;
  if (!isRecord(value) || !Array.isArray(value.widget)) return [];
  const out: WidgetExample[] = [];
  value.widget.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.text !== 'string' || entry.text.trim() === '') return;
    const node = nodeAt(card, ['widget', index, 'text']);
    const span = spanOfNode(card, node);
    if (!span) return;
    out.push({
      index,
      text: entry.text,
      ...(typeof entry.example_title === 'string' ? { title: entry.example_title } : {}),
      span,
      offsets: valueOffsets(card, node!, entry.text),
      ...expectedOf(entry.output),
      ...candidatesOf(entry.candidate_labels),
    });
  });
  return out;
}

/**
 * The file span of `text.slice(start, end)`: exact when the file holds those characters verbatim
 * there (no escapes or folding in between), else the whole scalar.
 */
export function fileSpanOf(card: CardDocument, example: WidgetExample, start: number, end: number): Span & { exact: boolean } {
  const from = example.offsets[start];
  const to = example.offsets[end - 1];
  if (from !== undefined && to !== undefined && from >= 0 && to >= from && card.text.slice(from, to + 1) === example.text.slice(start, end)) {
    return { start: from, end: to + 1, exact: true };
  }
  return { ...example.span, exact: false };
}

/**
 * Aligns the value with the scalar's source text: each value character is matched with the next
 * equal source character, skipping quotes, escapes' backslashes, indentation and block headers.
 * fileSpanOf checks every span it uses against the file, so a wrong guess only costs exactness.
 */
function valueOffsets(card: CardDocument, node: Node, text: string): number[] {
  const offsets: number[] = new Array(text.length).fill(-1);
  if (!isScalar(node) || !node.range) return offsets;
  const yaml = card.source.yaml;
  let j = node.range[0];
  const end = node.range[1];
  for (let i = 0; i < text.length && j < end; i++) {
    const wanted = text[i];
    let k = j;
    // A folded line break reads as a space; look for the character itself first.
    while (k < end && yaml[k] !== wanted && !(wanted === ' ' && yaml[k] === '\n')) k++;
    if (k >= end) break;
    offsets[i] = card.source.offset + k;
    j = k + 1;
  }
  return offsets;
}

function expectedOf(output: unknown): { expected?: LabelScore[] } {
  const list = Array.isArray(output) ? output : isRecord(output) && typeof output.label === 'string' ? [output] : undefined;
  if (!list) return {};
  const expected = list
    .filter(isRecord)
    .filter((item) => typeof item.label === 'string')
    .map((item) => ({ label: item.label as string, ...(typeof item.score === 'number' ? { score: item.score } : {}) }));
  return expected.length > 0 ? { expected } : {};
}

function candidatesOf(value: unknown): { candidateLabels?: string[] } {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const labels = list.map((label) => label.trim()).filter(Boolean);
  return labels.length > 0 ? { candidateLabels: labels } : {};
}
