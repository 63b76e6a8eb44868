/** `cardwright export --format cyclonedx`: a valid BOM to stdout or a file, what was left out on stderr, exit codes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../../engine/packageRoot';
import { validateCycloneDx16 } from '../support/cycloneDxSchema';
import { runCli, tempProject } from '../support/runCli';

type Json = Record<string, any>;

describe('cardwright export', function () {
  this.timeout(60_000);
  const root = packageRoot(__dirname);
  const project = tempProject({
    'bot/model-card.yaml': [
      'model_name: acme/bot',
      'license: mit',
      'upstream:',
      '  datasets:',
      '    - id: acme/mail',
      '      license: cc-by-4.0',
      '      samples: [data/mail.csv]',
      '    - id: acme/clean',
      '      license: cc0-1.0',
      '      samples: [data/clean.csv]',
      'privacy:',
      '  personal_data: false',
      'widget:',
      '  - text: hello',
      '',
    ].join('\n'),
    'bot/data/mail.csv': 'id,contact\n1,jane.roe@example.org\n2,john.doe@example.com\n',
    'bot/data/clean.csv': 'id,colour\n1,blue\n2,green\n',
    'hub/README.md': '---\nlicense: apache-2.0\nbase_model: org/base\n---\n# Model\n',
    'broken/model-card.yaml': 'license: [mit\n',
    'empty/notes.txt': 'nothing here\n',
  });
  after(() => project.remove());

  it('writes a valid CycloneDX 1.6 BOM of the example card to stdout and lists what it left out on stderr', () => {
    const run = runCli(['export', '--format', 'cyclonedx', 'model-card.yaml'], path.join(root, 'examples'));
    assert.equal(run.code, 0, run.stderr);
    const bom = JSON.parse(run.stdout) as Json;
    assert.deepEqual(validateCycloneDx16(bom), []);
    assert.equal(bom.metadata.component.name, 'examples');
    assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.match(run.stderr, /Left out of the BOM \(2\):\n {2}model_name: .*\n {2}widget: /);
  });

  it('-o writes the file; a folder argument finds the card (README front matter too)', () => {
    const run = runCli(['export', 'hub', '-o', 'hub-bom.json'], project.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /wrote hub-bom\.json \(CycloneDX 1\.6, 1 components\)/);
    const bom = JSON.parse(fs.readFileSync(path.join(project.dir, 'hub-bom.json'), 'utf8')) as Json;
    assert.deepEqual(validateCycloneDx16(bom), []);
    assert.equal(bom.components[0].name, 'org/base');
    assert.equal(bom.metadata.component.licenses[0].license.id, 'Apache-2.0');
  });

  it('SOURCE_DATE_EPOCH fixes the timestamp', () => {
    const run = runCli(['export', 'hub'], project.dir, 60_000, { SOURCE_DATE_EPOCH: '1700000000' });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).metadata.timestamp, '2023-11-14T22:13:20Z');
  });

  it('--scan scans the samples and records what each dataset holds', () => {
    const run = runCli(['export', '--scan', 'bot'], project.dir);
    assert.equal(run.code, 0, run.stderr);
    const bom = JSON.parse(run.stdout) as Json;
    assert.deepEqual(validateCycloneDx16(bom), []);
    const mail = bom.components.find((c: Json) => c.name === 'acme/mail');
    const clean = bom.components.find((c: Json) => c.name === 'acme/clean');
    assert.deepEqual(mail.data[0].sensitiveData, ['EMAIL_ADDRESS']);
    assert.match(mail.data[0].classification, /found by a scan/);
    assert.ok(mail.properties.some((p: Json) => p.name === 'cardwright:pii_scan.found.EMAIL_ADDRESS' && p.value === '2'));
    assert.equal(clean.data[0].sensitiveData, undefined);
    assert.equal(clean.data[0].classification, 'no personal data');
  });

  it('exits 2 on a usage error, a missing card or unreadable YAML', () => {
    assert.equal(runCli(['export', '--format', 'spdx', 'bot'], project.dir).code, 2);
    assert.equal(runCli(['export', 'bot', 'hub'], project.dir).code, 2);
    const missing = runCli(['export', 'empty'], project.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no model-card\.yaml or README\.md/);
    const broken = runCli(['export', 'broken'], project.dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /cannot be read/);
    assert.equal(broken.stdout, '');
  });
});
