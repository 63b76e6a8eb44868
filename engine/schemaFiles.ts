/** Loads the card schemas shipped in schemas/ (the runtime side of the analyzer's `schemas` dependency). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonSchema } from '../core/schemaNavigator';
import { packageRoot } from './packageRoot';

export function loadSchemas(folder: string = path.join(packageRoot(), 'schemas')): JsonSchema[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => {
      const file = path.join(folder, name);
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema;
      } catch (error) {
        throw new Error(`Schema ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}
