/** The analyzer over the real schemas in schemas/, shared by the core tests. */
import * as path from 'node:path';
import { Analyzer, createAnalyzer } from '../../core/analyzer';
import { loadSchemas } from '../../engine/schemaFiles';
import { packageRoot } from '../../engine/packageRoot';

let shared: Analyzer | undefined;

export function testAnalyzer(): Analyzer {
  shared ??= createAnalyzer({ schemas: loadSchemas(path.join(packageRoot(__dirname), 'schemas')) });
  return shared;
}
