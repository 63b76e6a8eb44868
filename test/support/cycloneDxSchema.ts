/**
 * The official CycloneDX JSON schemas as shipped in @cyclonedx/cyclonedx-library (bom-1.6 with the
 * SPDX, JSF and cryptography definitions it references), compiled with ajv as that library does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMA_DIR = path.join(path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');

function load(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));
}

let cached: ((bom: unknown) => string[]) | undefined;

/** Validates a BOM against CycloneDX 1.6; returns the errors (empty when valid). */
export function validateCycloneDx16(bom: unknown): string[] {
  if (!cached) {
    const main = load('bom-1.6.SNAPSHOT.schema.json');
    const ajv = new Ajv({
      strict: false,
      useDefaults: false,
      addUsedSchema: false,
      schemas: {
        'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': load('spdx.SNAPSHOT.schema.json'),
        'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': load('jsf-0.82.SNAPSHOT.schema.json'),
        'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': load('cryptography-defs.SNAPSHOT.schema.json'),
      },
    });
    addFormats(ajv);
    ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/);
    // The library treats iri-reference as always valid too (no working implementation exists).
    ajv.addFormat('iri-reference', true);
    const validate = ajv.compile(main);
    cached = (bom) => (validate(bom) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
  }
  return cached(bom);
}

/** The SPDX license ids CycloneDX 1.6 accepts in `license.id`. */
export function cycloneDxSpdxIds(): Set<string> {
  return new Set(load('spdx.SNAPSHOT.schema.json').enum as string[]);
}

/** The draft the 1.6 schema declares (the test checks that ajv's default draft fits it). */
export function cycloneDx16Draft(): string {
  return String(load('bom-1.6.SNAPSHOT.schema.json').$schema);
}
