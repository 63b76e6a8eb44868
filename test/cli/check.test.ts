/** `cardwright check`: formats, exit codes, file discovery. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { runCli, tempProject } from '../support/runCli';

describe('cardwright check', function () {
  this.timeout(30_000);
  const project = tempProject({
    'good/model-card.yaml': 'license: mit\nlanguage: en\n',
    'bad/model-card.yaml': 'license: mit\nlanguage: es-ES\nlicence: x\n',
    'warn/model-card.yml': 'license: mit\nmy_key: 1\n',
    'hub/README.md': '---\r\nlicense: apache 2.0\r\n---\r\n# Model\r\n',
    'plain/README.md': '# No metadata\n',
    'node_modules/pkg/model-card.yaml': 'license: nonsense\n',
    'notes.txt': 'license: nonsense\n',
  });
  after(() => project.remove());

  it('exits 0 on a clean card', () => {
    const run = runCli(['check', 'good'], project.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /1 card checked: 0 errors, 0 warnings/);
  });

  it('exits 1 with compiler-style lines when a card has errors', () => {
    const run = runCli(['check', 'bad/model-card.yaml'], project.dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^bad\/model-card\.yaml:2:11: error hub\/language-code: /m);
    assert.match(run.stdout, /^bad\/model-card\.yaml:3:1: warning hub\/unknown-key: .*did you mean `license`/m);
  });

  it('exits 0 when there are only warnings', () => {
    const run = runCli(['check', 'warn'], project.dir);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /0 errors, 1 warning/);
  });

  it('walks folders for cards and front matter, skipping node_modules and other files', () => {
    const run = runCli(['check', '--format', 'json', '.'], project.dir);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.files.map((f: { file: string }) => f.file).sort(), ['bad/model-card.yaml', 'good/model-card.yaml', 'hub/README.md', 'warn/model-card.yml']);
    assert.equal(run.code, 1);
  });

  it('--format json gives offsets and LSP positions of the file text', () => {
    const run = runCli(['check', '--format=json', 'hub/README.md'], project.dir);
    const report = JSON.parse(run.stdout);
    const [finding] = report.files[0].findings;
    assert.deepEqual(Object.keys(finding).sort(), ['character', 'code', 'end', 'endCharacter', 'endLine', 'line', 'message', 'severity', 'start'].sort());
    assert.equal(finding.code, 'license/unknown-id');
    assert.deepEqual([finding.start, finding.end, finding.line, finding.character, finding.endLine, finding.endCharacter], [14, 24, 1, 9, 1, 19]);
  });

  it('--format sarif gives SARIF 2.1.0 with rules and 1-based regions', () => {
    const run = runCli(['check', '--format', 'sarif', 'bad'], project.dir);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [sarifRun] = sarif.runs;
    assert.equal(sarifRun.tool.driver.name, 'Cardwright');
    const result = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'hub/language-code');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'bad/model-card.yaml');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 2, startColumn: 11, endLine: 2, endColumn: 16 });
    assert.ok(sarifRun.tool.driver.rules.some((r: { id: string }) => r.id === 'hub/language-code'));
    assert.equal(run.code, 1);
  });

  it('supports glob patterns', () => {
    const run = runCli(['check', '--format', 'json', '**/model-card.y*ml'], project.dir);
    const files = JSON.parse(run.stdout).files.map((f: { file: string }) => f.file).sort();
    assert.deepEqual(files, ['bad/model-card.yaml', 'good/model-card.yaml', 'warn/model-card.yml']);
  });

  it('exits 2 on usage and I/O errors with a message on stderr', () => {
    const missing = runCli(['check', 'nope/'], project.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\/: no such file or folder/);
    const badFormat = runCli(['check', '--format', 'xml'], project.dir);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be one of text, json, sarif/);
    const unknown = runCli(['frobnicate'], project.dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  });

  it('a binary card named on the command line is an error (exit 2); found in a folder it is a note', () => {
    const binary = tempProject({ 'model-card.yaml': Buffer.from([0, 1, 2, 255, 254, 0, 10]), 'ok/model-card.yaml': 'license: mit\n' });
    try {
      const named = runCli(['check', '--format', 'json', 'model-card.yaml'], binary.dir);
      assert.equal(named.code, 2);
      assert.deepEqual(JSON.parse(named.stdout).files, []);
      assert.match(named.stderr, /^cardwright check: model-card\.yaml: cannot be checked: .*binary/m);
      const walked = runCli(['check', '.'], binary.dir);
      assert.equal(walked.code, 0, walked.stderr);
      assert.match(walked.stderr, /^model-card\.yaml: skipped: .*binary/m);
      assert.match(walked.stdout, /1 card checked: 0 errors/);
    } finally {
      binary.remove();
    }
  });

  it("the shipped model's own card passes Cardwright's checks and names every training corpus", () => {
    const root = path.join(__dirname, '..', '..', '..');
    const run = runCli(['check', '--format', 'json', 'models/cardwright-pii-mini/model-card.yaml', 'models/cardwright-pii-mini/README.md'], root);
    assert.equal(run.code, 0, run.stdout);
    const files = JSON.parse(run.stdout).files as Array<{ file: string; findings: unknown[] }>;
    assert.deepEqual(files.map((f) => f.file).sort(), ['models/cardwright-pii-mini/README.md', 'models/cardwright-pii-mini/model-card.yaml']);
    for (const card of files) assert.deepEqual(card.findings, [], card.file);
    // Attribution: each human-annotated corpus is an upstream dataset with its license and citation.
    const { parse } = require('yaml') as typeof import('yaml');
    const card = parse(fs.readFileSync(path.join(root, 'models', 'cardwright-pii-mini', 'model-card.yaml'), 'utf8'));
    const upstream = new Map((card.upstream.datasets as Array<{ id: string; license: string; citation: string }>).map((d) => [d.id, d]));
    for (const [id, license] of [['wikigold', 'cc-by-4.0'], ['wnut17', 'cc-by-4.0'], ['broad_twitter_corpus', 'cc-by-4.0'], ['sec-filings-fin5', 'cc-by-3.0'], ['meddocan', 'cc-by-4.0']]) {
      assert.equal(upstream.get(id)?.license, license, id);
      assert.match(upstream.get(id)!.citation, /\(\d{4}\)/, id);
      assert.ok((card.datasets as string[]).includes(id), id);
    }
    const config = JSON.parse(fs.readFileSync(path.join(root, 'models', 'cardwright-pii-mini', 'config.json'), 'utf8'));
    assert.ok(Object.values(config.id2label).includes('B-ORGANIZATION'), 'the contrast labels are in the shipped model');
  });
});
