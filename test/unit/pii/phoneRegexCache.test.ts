import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
// The package's exports map hides its files; they are read from the install.
const library = path.join(root, 'node_modules', 'libphonenumber-js');

/** Every string in the library's metadata that compiles as a regular expression. */
function metadataPatterns(): string[] {
  const metadata = JSON.parse(fs.readFileSync(path.join(library, 'metadata.max.json'), 'utf8')) as unknown;
  const patterns = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (/[\\[\](|]/.test(value)) {
        try {
          new RegExp(value);
          patterns.add(value);
        } catch {
          // a format template, not a pattern
        }
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(metadata);
  return [...patterns];
}

describe('pii phone numbers: the cached pattern helper the bundles use', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cached = require(path.join(root, 'engine', 'runtime', 'matchesEntirely.js')) as (text: string, pattern: string) => boolean;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const original = (require(path.join(library, 'build', 'helpers', 'matchesEntirely.js')) as { default: (text: string, pattern: string) => boolean }).default;

  it("answers as libphonenumber-js's own helper for every metadata pattern", () => {
    const patterns = metadataPatterns();
    assert.ok(patterns.length > 1000, `${patterns.length} patterns`);
    const texts = ['', '2015550123', '4155552671', '020 7946 0958', '7911123456', '301234567', '+441632960983', '1', '999', '0800123456'];
    let matches = 0;
    for (const pattern of patterns) {
      for (const text of texts) {
        const expected = original(text, pattern);
        assert.equal(cached(text, pattern), expected, `${pattern} on ${text}`);
        // Twice: the second answer comes from the cached RegExp.
        assert.equal(cached(text, pattern), expected, `${pattern} on ${text}, cached`);
        if (expected) matches++;
      }
    }
    assert.ok(matches > 100, `${matches} matches`);
  });

  it('is what the bundles use in place of the library helper', () => {
    const bundle = path.join(root, 'dist', 'piiWorker.js');
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: build first (node esbuild.js --tests, as npm run test:unit does)`);
    const text = fs.readFileSync(bundle, 'utf8');
    assert.match(text, /engine\/runtime\/matchesEntirely\.js/);
    assert.doesNotMatch(text, /node_modules\/libphonenumber-js\/[a-z0-9]+\/helpers\/matchesEntirely\.js/);
  });
});
