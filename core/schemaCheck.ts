/**
 * JSON Schema validation of a card, with ajv's raw errors turned into one finding per real problem,
 * each placed on the YAML node it concerns (the value, or the key for key-level problems).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { CardDocument, Path, rangeOfPath } from './cardDocument';
import { didYouMean } from './didYouMean';
import { Finding } from './finding';

/** Per-path refinements of finding codes, so that users and quick fixes see the Hub's own rule names. */
const CODE_BY_FIELD: Record<string, Partial<Record<string, string>>> = {
  license: { enum: 'license/unknown-id', pattern: 'license/unknown-id', const: 'license/unknown-id' },
  language: { pattern: 'hub/language-code', enum: 'hub/language-code' },
  datasets: { pattern: 'hub/dataset-id' },
  base_model: { pattern: 'hub/model-id' },
};

/** Schema findings per card at most: enough to see every kind of problem, bounded work on huge cards. */
const MAX_SCHEMA_FINDINGS = 1000;

export function checkSchema(card: CardDocument, validate: ValidateFunction): Finding[] {
  if (card.value === undefined) return [];
  validate(card.value);
  const errors = collapse(validate.errors ?? []);
  return errors.slice(0, MAX_SCHEMA_FINDINGS).map((error) => toFinding(card, error));
}

/** Collapses anyOf/oneOf noise: keeps the errors of the branch that got furthest, merges type-only failures. */
export function collapse(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = new Set(
    errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath),
  );
  const kept = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  // Grouped by path once, so that the work stays linear in the number of errors.
  const byPath = new Map<string, ErrorObject[]>();
  const hasDeeper = new Set<string>();
  for (const e of kept) {
    const here = byPath.get(e.instancePath);
    if (here) here.push(e);
    else byPath.set(e.instancePath, [e]);
    for (let slash = e.instancePath.lastIndexOf('/'); slash >= 0; slash = e.instancePath.lastIndexOf('/', slash - 1)) {
      hasDeeper.add(e.instancePath.slice(0, slash));
      if (slash === 0) break;
    }
  }
  const dropped = new Set<ErrorObject>();
  const added: ErrorObject[] = [];
  for (const at of alternatives) {
    const here = byPath.get(at) ?? [];
    const typeErrors = here.filter((e) => e.keyword === 'type');
    const otherHere = here.length - typeErrors.length;
    if (hasDeeper.has(at) || otherHere > 0) {
      // Some branch accepted the value's type; its own complaints are the real problem.
      for (const e of typeErrors) dropped.add(e);
    } else if (typeErrors.length > 1) {
      const types = [...new Set(typeErrors.flatMap((e) => String(e.params.type).split(',')))];
      for (const e of typeErrors) dropped.add(e);
      added.push({ ...typeErrors[0], params: { type: types.join(',') } });
    }
  }
  // The same problem reached through several branches is reported once.
  const seen = new Set<string>();
  return [...kept.filter((e) => !dropped.has(e)), ...added].filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toFinding(card: CardDocument, error: ErrorObject): Finding {
  const path = instancePathToPath(error.instancePath);
  const field = fieldName(path);
  const shown = field ? `\`${displayPath(path)}\`` : 'The card';
  const value = valueAtPath(card.value, path);
  const refined = (keyword: string, fallback: string) => CODE_BY_FIELD[field ?? '']?.[keyword] ?? fallback;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const span = rangeOfPath(card, path, 'key');
      return {
        code: 'schema/missing-key',
        severity: 'error',
        message: path.length ? `${shown} needs the key \`${missing}\`.` : `The card needs the key \`${missing}\`.`,
        ...span,
        data: { path, key: missing },
      };
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = didYouMean(key, known);
      const span = rangeOfPath(card, [...path, key], 'key');
      return {
        code: 'schema/unknown-key',
        severity: 'error',
        message:
          `\`${key}\` is not a known key in ${path.length ? shown : 'the card'}` +
          (suggestion ? `; did you mean \`${suggestion}\`?` : '.') +
          (known.length && !suggestion ? ` Known keys: ${known.slice(0, 12).map((k) => `\`${k}\``).join(', ')}.` : ''),
        ...span,
        data: { path, key, suggestion },
      };
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (error.params.allowedValues as unknown[]) : [error.params.allowedValue]).map(String);
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      const list = allowed.length <= 8 ? ` Allowed: ${allowed.map((a) => `\`${a}\``).join(', ')}.` : '';
      return {
        code: refined(error.keyword, 'schema/invalid-value'),
        severity: 'error',
        message:
          `${formatValue(value)} is not a valid value for ${shown}` + (suggestion ? `; did you mean \`${suggestion}\`?` : '.') + (suggestion ? '' : list),
        ...rangeOfPath(card, path),
        data: { path, value, suggestion, allowed: allowed.length <= 200 ? allowed : undefined },
      };
    }
    case 'type': {
      const expected = String(error.params.type).split(',').map((type) => typeWord(type));
      return {
        code: 'schema/wrong-type',
        severity: 'error',
        message: `${shown} should be ${joinOr(expected)}, not ${typeWord(kindOf(value), true)}.`,
        ...rangeOfPath(card, path),
        data: { path, expected },
      };
    }
    case 'pattern': {
      const custom = (error.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
      return {
        code: refined('pattern', 'schema/invalid-format'),
        severity: 'error',
        message: `${formatValue(value)} is not valid for ${shown}: ${custom ?? `it must match \`${error.params.pattern}\``}${custom?.endsWith('.') ? '' : '.'}`,
        ...rangeOfPath(card, path),
        data: { path, value },
      };
    }
    default: {
      const custom = (error.parentSchema as { errorMessage?: string } | undefined)?.errorMessage;
      return {
        code: `schema/${kebab(error.keyword)}`,
        severity: 'error',
        message: `${shown} ${custom ?? error.message ?? 'is not valid'}.`,
        ...rangeOfPath(card, path),
        data: { path, params: error.params },
      };
    }
  }
}

export function instancePathToPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function fieldName(path: Path): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

export function displayPath(path: Path): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function valueAtPath(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return `\`${value.length > 60 ? `${value.slice(0, 57)}...` : value}\``;
  if (value === null || value === undefined) return 'An empty value';
  if (Array.isArray(value)) return 'A list';
  if (typeof value === 'object') return 'A mapping';
  return `\`${String(value)}\``;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function typeWord(type: string, withArticle = true): string {
  const words: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value pairs)',
    null: 'empty',
  };
  const word = words[type] ?? type;
  return withArticle ? word : word.replace(/^an? /, '');
}

function joinOr(words: string[]): string {
  if (words.length <= 1) return words[0] ?? 'something else';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function kebab(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}
