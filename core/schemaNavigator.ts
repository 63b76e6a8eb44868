/**
 * Walks the card schemas by instance path: which subschemas apply at a path, which keys they know,
 * and their descriptions. Used for unknown-key checks, completion and hover. Follows $ref (relative
 * to each schema's $id), allOf/anyOf/oneOf, if/then/else, properties, items and additionalProperties.
 */
import { Path } from './cardDocument';

export type JsonSchema = Record<string, unknown>;

export interface SchemaNavigator {
  /** Every subschema that may apply to the value at `path`. */
  at(path: Path): JsonSchema[];
  /** Known property names at `path`, with the first subschema that describes each. */
  propertiesAt(path: Path): Map<string, JsonSchema>;
  /** Required property names at `path`. */
  requiredAt(path: Path): Set<string>;
  /** Whether the object at `path` is closed (additionalProperties: false everywhere it is described). */
  isClosedAt(path: Path): boolean;
}

/** Located paths kept per navigator. */
const MAX_CACHED_PATHS = 2000;
/** No schema path is deeper; longer paths (from text nested absurdly deep) locate nothing. */
const MAX_PATH_LENGTH = 64;

export function createSchemaNavigator(schemas: JsonSchema[], rootId: string): SchemaNavigator {
  const byId = new Map<string, JsonSchema>();
  for (const schema of schemas) if (typeof schema.$id === 'string') byId.set(stripHash(schema.$id), schema);
  const root = byId.get(stripHash(rootId));
  const cache = new Map<string, Located[]>();

  interface Located {
    schema: JsonSchema;
    base: string;
  }

  function resolveRef(ref: string, base: string): Located | undefined {
    let url: URL;
    try {
      url = new URL(ref, base);
    } catch {
      return undefined;
    }
    const documentId = stripHash(url.href);
    const document = byId.get(documentId);
    if (!document) return undefined;
    let target: unknown = document;
    const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
    for (const part of pointer.split('/').filter(Boolean)) {
      if (!target || typeof target !== 'object') return undefined;
      target = (target as JsonSchema)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return target && typeof target === 'object' ? { schema: target as JsonSchema, base: documentId } : undefined;
  }

  /** A schema and everything it pulls in by composition, at the same instance location. */
  function expand(start: Located): Located[] {
    const out: Located[] = [];
    const seen = new Set<JsonSchema>();
    const stack = [start];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (seen.has(current.schema)) continue;
      seen.add(current.schema);
      out.push(current);
      const base = typeof current.schema.$id === 'string' ? stripHash(new URL(current.schema.$id, current.base).href) : current.base;
      if (typeof current.schema.$ref === 'string') {
        const target = resolveRef(current.schema.$ref, base);
        if (target) stack.push(target);
      }
      for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
        const list = current.schema[keyword];
        if (Array.isArray(list)) for (const item of list) if (isSchema(item)) stack.push({ schema: item, base });
      }
      for (const keyword of ['then', 'else']) {
        const item = current.schema[keyword];
        if (isSchema(item)) stack.push({ schema: item, base });
      }
    }
    return out;
  }

  function locate(path: Path): Located[] {
    if (path.length > MAX_PATH_LENGTH) return [];
    const key = JSON.stringify(path);
    const cached = cache.get(key);
    if (cached) return cached;
    let result: Located[];
    if (path.length === 0) {
      result = root ? expand({ schema: root, base: stripHash(rootId) }) : [];
    } else {
      const parents = locate(path.slice(0, -1));
      const segment = path[path.length - 1];
      result = [];
      for (const parent of parents) {
        const base = parent.base;
        const next: unknown[] = [];
        if (typeof segment === 'number') {
          next.push(parent.schema.items);
          if (Array.isArray(parent.schema.prefixItems)) next.push(parent.schema.prefixItems[segment]);
        } else {
          const properties = parent.schema.properties as Record<string, unknown> | undefined;
          if (properties && isSchema(properties[segment])) next.push(properties[segment]);
          else if (isSchema(parent.schema.additionalProperties)) next.push(parent.schema.additionalProperties);
          const patterns = parent.schema.patternProperties as Record<string, unknown> | undefined;
          if (patterns) {
            for (const [pattern, sub] of Object.entries(patterns)) {
              try {
                if (new RegExp(pattern, 'u').test(segment)) next.push(sub);
              } catch {
                /* an invalid pattern describes nothing */
              }
            }
          }
        }
        for (const item of next) if (isSchema(item)) result.push(...expand({ schema: item, base }));
      }
    }
    // Paths come from what users type: the cache is bounded, not a record of every key ever seen.
    if (cache.size >= MAX_CACHED_PATHS) cache.clear();
    cache.set(key, result);
    return result;
  }

  return {
    at: (path) => locate(path).map((located) => located.schema),
    propertiesAt(path) {
      const properties = new Map<string, JsonSchema>();
      for (const { schema } of locate(path)) {
        const own = schema.properties as Record<string, unknown> | undefined;
        if (!own) continue;
        for (const [name, sub] of Object.entries(own)) {
          if (!isSchema(sub)) continue;
          const existing = properties.get(name);
          // Prefer the subschema that carries a description.
          if (!existing || (!existing.description && sub.description)) properties.set(name, sub);
        }
      }
      return properties;
    },
    requiredAt(path) {
      const required = new Set<string>();
      for (const { schema } of locate(path)) {
        if (Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === 'string') required.add(name);
      }
      return required;
    },
    isClosedAt(path) {
      const located = locate(path).filter(({ schema }) => schema.properties || schema.additionalProperties !== undefined);
      return located.length > 0 && located.some(({ schema }) => schema.additionalProperties === false);
    },
  };
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stripHash(id: string): string {
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}
