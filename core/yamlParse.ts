/**
 * The YAML parse behind every card, bounded for any input: nesting is measured on the parser's own
 * stack while it reads (so no quoting or escaping can hide depth from the guard, and the recursive
 * composer never sees more than the limit), and duplicate keys are found with one hash map per
 * mapping instead of the parser's pairwise comparison (quadratic in a mapping's size).
 */
import { Composer, Document, isMap, isPair, isScalar, isSeq, Lexer, Parser, YAMLParseError } from 'yaml';

export interface GuardedParse {
  doc: Document.Parsed;
  /** Offset where the YAML first nested deeper than the limit; the document is then empty. */
  tooDeepAt?: number;
}

/** Stack entries of the parser that are not nesting levels: the document and the scalar being read. */
const STACK_OVERHEAD = 2;

export function parseYamlDocument(yaml: string, maxDepth: number): GuardedParse {
  const parser = new Parser();
  const tokens = [];
  for (const lexeme of new Lexer().lex(yaml)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > maxDepth + STACK_OVERHEAD) return { doc: emptyDocument(), tooDeepAt: Math.min(parser.offset, yaml.length) };
  }
  for (const token of parser.end()) tokens.push(token);
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, yaml.length)) {
    if (!doc) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  doc ??= emptyDocument();
  const duplicates = duplicateKeyErrors(doc);
  if (duplicates.length > 0) {
    for (const error of duplicates) doc.errors.push(error);
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  return { doc };
}

function emptyDocument(): Document.Parsed {
  const composer = new Composer();
  const [doc] = Array.from(composer.compose([], true, 0));
  return doc;
}

/**
 * A DUPLICATE_KEY error at every key that repeats an earlier scalar key of the same mapping (the
 * parser's own rule: scalar keys with equal values; collection keys never match), in linear time.
 */
export function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key) && isComparable(key.value)) {
          const identity = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(identity)) {
            const at = key.range?.[0] ?? 0;
            errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          } else {
            seen.add(identity);
          }
        } else if (key && !isScalar(key)) {
          stack.push(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return errors;
}

/** Values the parser compares with `===` and can match: primitives other than NaN. */
function isComparable(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function' && !Number.isNaN(value));
}
