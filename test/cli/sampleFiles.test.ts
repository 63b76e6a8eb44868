/**
 * CLI and editor agree on what a sample is, and both commands answer the same way about inputs they
 * cannot read: named on the command line it is an error (exit 2), found inside a folder a note.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runScan } from '../../cli/scan';
import { CliIo } from '../../cli/io';
import { DEFAULT_SAMPLE_GLOBS, isCardFileName, sampleFileFilter } from '../../core/sampleFiles';
import { packageRoot } from '../../engine/packageRoot';
import { DEFAULT_SETTINGS } from '../../protocol/settings';
import { runCli, tempProject } from '../support/runCli';

async function scan(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false };
  const code = await runScan([...argv, '--model', 'none'], io);
  return { code, stdout, stderr };
}

const CARD = [
  'license: apache-2.0',
  'language: [en, es-ES]',
  'datasets: [acme/tickets]',
  'upstream:',
  '  datasets:',
  '    - id: acme/tickets',
  '      license: cc-by-4.0',
  '      samples: [data/tickets.csv]',
  '',
].join('\n');

describe('what a sample is', function () {
  this.timeout(60_000);
  const project = tempProject({
    'model-card.yaml': CARD,
    'README.md': '---\nlicense: apache-2.0\n---\n# Ticket router\nContact: ana.ruiz@example.com\n',
    'model-card.yml': 'license: mit\n# owner: bo.lind@example.com\n',
    'data/tickets.csv': 'id,email\n1,maria.gonzalez@example.com\n',
    'data/notes.md': 'written by li.wei@example.com\n',
    'data/archive.csv': Buffer.from([0, 1, 2, 3, 0, 0, 10]),
    'broken/model-card.yaml': 'license: mit\nupstream:\n  datasets:\n  - id: a/b\n   samples: [x.csv]\n',
  });
  after(() => project.remove());

  it('one default for the editor setting, the package.json contribution and the CLI', () => {
    assert.deepEqual(DEFAULT_SETTINGS.pii.sampleGlobs, [...DEFAULT_SAMPLE_GLOBS]);
    const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(__dirname), 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties['cardwright.pii.sampleGlobs'].default, [...DEFAULT_SAMPLE_GLOBS]);
  });

  it('card files are never samples in a folder, whatever the globs', () => {
    for (const card of ['model-card.yaml', 'model-card.yml', 'README.md', 'sub/readme.md', 'a/b/Model-Card.YAML']) {
      assert.ok(isCardFileName(card), card);
      assert.equal(sampleFileFilter(['**/*'])(card), false, card);
    }
    const isSample = sampleFileFilter();
    assert.ok(isSample('data/tickets.csv') && isSample('x.parquet') && isSample('notes.txt'));
    assert.ok(!isSample('data/notes.md') && !isSample('model.onnx'));
  });

  it('`scan FOLDER` reads the samples only: not the cards, not Markdown; a binary sample is a note', async () => {
    const { code, stdout, stderr } = await scan(['.', '--format', 'json'], project.dir);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.files.map((f: { file: string }) => f.file), ['data/archive.csv', 'data/tickets.csv']);
    assert.deepEqual(report.findings.map((f: { type: string }) => f.type), ['EMAIL_ADDRESS']);
    assert.match(stderr, /^data\/archive\.csv: skipped: binary/m);
    assert.doesNotMatch(stderr, /cannot be scanned/);
    assert.equal(code, 1, stderr);
  });

  it('a card named on the command line gives its samples; a Markdown file named explicitly is read as text', async () => {
    const card = JSON.parse((await scan(['model-card.yaml', '--format', 'json'], project.dir)).stdout);
    assert.deepEqual(card.files.map((f: { file: string }) => f.file), ['data/tickets.csv']);
    const named = JSON.parse((await scan(['data/notes.md', '--format', 'json'], project.dir)).stdout);
    assert.deepEqual(named.findings.map((f: { type: string }) => f.type), ['EMAIL_ADDRESS']);
  });

  it('a named path that is missing or unscannable exits 2, for scan and check alike', async () => {
    const missingScan = await scan(['nothing-here.csv'], project.dir);
    assert.equal(missingScan.code, 2);
    assert.match(missingScan.stderr, /nothing-here\.csv: cannot be scanned: not found/);
    const binaryScan = await scan(['data/archive.csv'], project.dir);
    assert.equal(binaryScan.code, 2);
    const missingCheck = runCli(['check', 'nothing-here.yaml'], project.dir);
    assert.equal(missingCheck.code, 2);
    assert.match(missingCheck.stderr, /nothing-here\.yaml: no such file or folder/);
  });

  it('scanning a card with a YAML error says once that it could not be read, and exits 2', async () => {
    const { code, stderr } = await scan(['broken/model-card.yaml'], project.dir);
    assert.equal(code, 2);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0], /^cardwright scan: broken\/model-card\.yaml: the card could not be read: it is not valid YAML \(Sequence item without - indicator, line 5, column 1\); `cardwright check broken\/model-card\.yaml` shows where$/);
  });
});
