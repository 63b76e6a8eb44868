/**
 * Inlines Cardwright's split schemas into one self-contained schema (every $ref local), for tools
 * that cannot resolve relative schema ids offline (yaml-language-server would try to fetch them).
 */
import type { JsonSchema } from '../core/schemaNavigator';

export function bundleSchemas(schemas: JsonSchema[], rootId: string): JsonSchema {
  const nameOf = (id: string) => id.replace(/#.*$/, '').split('/').pop()!.replace(/\.schema\.json$/, '');
  const defs: Record<string, unknown> = {};
  let root: JsonSchema | undefined;
  for (const schema of schemas) {
    const name = nameOf(String(schema.$id));
    const rewritten = rewriteRefs(schema, name, nameOf) as JsonSchema;
    delete rewritten.$id;
    delete rewritten.$schema;
    defs[name] = rewritten;
    if (schema.$id === rootId) root = rewritten;
  }
  if (!root) throw new Error(`no schema with $id ${rootId}`);
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: `#/$defs/${nameOf(rootId)}`, $defs: defs };
}

function rewriteRefs(node: unknown, owner: string, nameOf: (id: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, owner, nameOf));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const hash = value.indexOf('#');
      const target = hash === 0 ? owner : nameOf(hash < 0 ? value : value.slice(0, hash));
      const fragment = hash < 0 ? '' : value.slice(hash + 1);
      out[key] = `#/$defs/${target}${fragment}`;
    } else {
      out[key] = rewriteRefs(value, owner, nameOf);
    }
  }
  return out;
}
