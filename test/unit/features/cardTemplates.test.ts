/** New-card skeletons, section snippets (kept equal to the schemas and snippets/model-card.json), and Hub export. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportHubFrontMatter, HUB_KEYS, newCardSkeleton, SECTION_TEMPLATES, snippetFile, snippetToPlain } from '../../../core/cardTemplates';
import { hubLicenseIds } from '../../../core/licenses';
import { packageRoot } from '../../../engine/packageRoot';
import { testAnalyzer } from '../../support/analyzer';

const root = packageRoot(__dirname);
const analyze = (text: string, fileName = 'model-card.yaml') => testAnalyzer().analyze({ text, fileName, fileExists: () => true });

describe('card templates', function () {
  this.timeout(20_000);
  it('writes a new card for every Hub license that has no errors', () => {
    for (const license of hubLicenseIds()) {
      const card = newCardSkeleton(license, { modelName: 'acme-bot' });
      const errors = analyze(card).findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => `${f.code}: ${f.message}`), [], license);
      assert.match(card, new RegExp(`^license: ${license.replace(/[.+]/g, '\\$&')}$`, 'm'));
    }
    assert.match(newCardSkeleton('other'), /^license_name: my-license\nlicense_link: LICENSE$/m);
    assert.match(newCardSkeleton('cc-by-nc-4.0'), /^# Creative Commons Attribution Non Commercial 4\.0: .*non-commercial only/m);
    assert.match(newCardSkeleton('not a license'), /^license: unknown$/m);
  });

  it('section snippets offer exactly the values the schemas allow', () => {
    const navigator = testAnalyzer().schemaFor('model-card');
    const choices = (name: string, key: string) => {
      const line = SECTION_TEMPLATES.find((t) => t.name === name)!.lines.find((l) => l.trim().startsWith(`${key}:`))!;
      return /\|([^|]+)\|/.exec(line)![1].split(',').sort();
    };
    const enumAt = (p: (string | number)[]) => navigator.at(p).flatMap((s) => (Array.isArray(s.enum) ? s.enum : [])).map(String).sort();
    assert.deepEqual(choices('privacy', 'anonymization'), enumAt(['privacy', 'anonymization']));
    assert.deepEqual(choices('compliance', 'lawful_basis'), enumAt(['compliance', 'gdpr', 'lawful_basis']));
    assert.deepEqual(choices('compliance', 'role'), enumAt(['compliance', 'eu_ai_act', 'role']));
    assert.deepEqual(choices('compliance', 'risk_category'), enumAt(['compliance', 'eu_ai_act', 'risk_category']));
  });

  it('snippets/model-card.json is generated from the templates, and its cards are valid', () => {
    const file = JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'model-card.json'), 'utf8'));
    assert.deepEqual(file, snippetFile(), 'regenerate snippets/model-card.json from snippetFile()');
    const card = snippetToPlain(file['Model card'].body.join('\n')).replace(/\$\{\d+\}/g, '');
    const errors = analyze(card.replace('id: \n', 'id: owner/base-model\n')).findings.filter((f) => f.code.startsWith('yaml/'));
    assert.deepEqual(errors, []);
    const readme = snippetToPlain(file['Model card front matter'].body.join('\n'));
    assert.ok(analyze(readme, 'README.md').kind === 'model-card');
  });

  it('HUB_KEYS are the Hub metadata schema properties', () => {
    const hub = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'hub-metadata.schema.json'), 'utf8'));
    assert.deepEqual([...HUB_KEYS].sort(), Object.keys(hub.properties).sort());
  });

  it('exports the Hub keys into an existing front matter, keeping the body and README-only keys', () => {
    const card = 'license: mit # ours\nlanguage:\n  - en\nprivacy:\n  personal_data: false\nbase_model: org/base\nintended_use: x\n';
    const readme = '---\nlicense: apache-2.0\nthumbnail: pic.png\n---\n\n# My model\n\nlicense: not metadata\n';
    const result = exportHubFrontMatter(card, readme);
    assert.equal(result.text, '---\nlicense: mit # ours\nlanguage:\n  - en\nbase_model: org/base\nthumbnail: pic.png\n---\n\n# My model\n\nlicense: not metadata\n');
    assert.deepEqual(result.exported, ['license', 'language', 'base_model']);
    assert.deepEqual(result.dropped, ['privacy', 'intended_use']);
    assert.deepEqual(result.kept, ['thumbnail']);
    assert.deepEqual(analyze(result.text, 'README.md').findings.filter((f) => f.severity === 'error'), []);
  });

  it('creates the front matter when the README has none, keeping CRLF and a BOM', () => {
    assert.equal(exportHubFrontMatter('license: mit\n', '# Title\r\nBody\r\n').text, '---\r\nlicense: mit\r\n---\r\n\r\n# Title\r\nBody\r\n');
    assert.equal(exportHubFrontMatter('license: mit\n', '\ufeff# T\n').text, '\ufeff---\nlicense: mit\n---\n\n# T\n');
    assert.equal(exportHubFrontMatter('license: mit\n', '').text, '---\nlicense: mit\n---\n');
  });

  it('refuses to export a card with YAML errors, leaving the README as it was', () => {
    const result = exportHubFrontMatter('license: [mit\n', '# Title\n');
    assert.equal(result.text, '# Title\n');
    assert.match(result.error ?? '', /YAML errors/);
  });
});
