/** The `cardwright scan` contract: JSON shape, exact offsets, exit codes, cards, SARIF. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runScan } from '../../../cli/scan';
import { CliIo } from '../../../cli/io';
import { findPackageRoot, packageVersion } from '../../../engine/packageRoot';
import { SarifResult, sarifRule, toSarif } from '../../../cli/sarif';

const root = findPackageRoot(__dirname)!;
const fixtures = path.join(root, 'test', 'fixtures', 'pii');

async function scan(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: fixtures, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false };
  const code = await runScan(argv, io);
  return { code, stdout, stderr };
}

interface JsonFinding {
  file: string;
  type: string;
  start: number;
  end: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  score: number;
  detectors: string[];
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

describe('cardwright scan (recognizers only)', function () {
  this.timeout(60000);

  it('prints exactly files, findings and summary as JSON, at exact offsets', async () => {
    const { code, stdout, stderr } = await scan(['people.csv', 'records.json', 'records.jsonl', 'notes.txt', 'semicolons.csv', '--format', 'json', '--model', 'none']);
    assert.equal(code, 1, stderr);
    const report = JSON.parse(stdout);
    assert.deepEqual(Object.keys(report), ['files', 'findings', 'summary']);
    assert.equal(report.files.length, 5);
    const findings = report.findings as JsonFinding[];
    for (const finding of findings) {
      assert.deepEqual(Object.keys(finding), ['file', 'type', 'start', 'end', 'line', 'character', 'endLine', 'endCharacter', 'score', 'detectors']);
      const text = fs.readFileSync(path.join(fixtures, finding.file), 'utf8');
      assert.deepEqual(positionOf(text, finding.start), { line: finding.line, character: finding.character });
      assert.deepEqual(positionOf(text, finding.end), { line: finding.endLine, character: finding.endCharacter });
    }
    const valueOf = (f: JsonFinding) => fs.readFileSync(path.join(fixtures, f.file), 'utf8').slice(f.start, f.end);
    const values = findings.map((f) => `${f.file} ${f.type} ${valueOf(f)}`);
    for (const expected of [
      'people.csv EMAIL_ADDRESS ada.lovelace@analytical.co.uk',
      'people.csv PHONE_NUMBER (415) 555-2671',
      'people.csv CREDIT_CARD 4532 0151 1283 0366',
      'people.csv DATE_OF_BIRTH 12/09/1906',
      'records.json EMAIL_ADDRESS zoe.smith@example.org',
      'records.json US_SSN 536-22-1234',
      'records.json DATE_OF_BIRTH 7 March 1984',
      'records.json SECRET ghp_a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2',
      'records.jsonl SECRET S3cr3tPw1',
      'notes.txt PHONE_NUMBER (212) 555-0123',
      'notes.txt IP_ADDRESS 2001:db8:85a3::8a2e:370:7334',
      'semicolons.csv IBAN_CODE DE44 5001 0517 5407 3249 31',
    ]) {
      assert.ok(values.includes(expected), `missing ${expected} in\n${values.join('\n')}`);
    }
    assert.equal(report.summary.findings, findings.length);
    assert.equal(report.summary.model, null);
  });

  it('scans the samples a card lists, relative to the card', async () => {
    const { stdout } = await scan(['model-card.yaml', '--format', 'json', '--model', 'none']);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.files.map((f: { file: string }) => f.file), ['people.csv', 'records.json', 'notes.txt']);
  });

  it('exits 0 on a clean file, 1 with findings, 2 on usage errors and missing files', async () => {
    assert.equal((await scan(['clean.csv', '--model', 'none'])).code, 0);
    assert.equal((await scan(['notes.txt', '--model', 'none'])).code, 1);
    assert.equal((await scan(['--format', 'xml', 'notes.txt'])).code, 2);
    assert.equal((await scan(['--threshold', '1.5', 'notes.txt'])).code, 2);
    assert.equal((await scan(['--entities', 'NOPE', 'notes.txt'])).code, 2);
    assert.equal((await scan([])).code, 2);
    const missing = await scan(['no-such-file.csv', '--model', 'none']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /not found/);
  });

  it('a binary file named on the command line is an error (exit 2) with its reason; stdout stays a report', async () => {
    const { code, stdout, stderr } = await scan(['archive.bin', '--format', 'json', '--model', 'none']);
    assert.equal(code, 2);
    const report = JSON.parse(stdout);
    assert.match(report.files[0].skipped, /binary/);
    assert.match(stderr, /^cardwright scan: archive\.bin: cannot be scanned: binary/m);
  });

  it('filters by entity type and threshold', async () => {
    const only = JSON.parse((await scan(['people.csv', '--entities', 'email_address', '--format', 'json', '--model', 'none'])).stdout);
    assert.ok(only.findings.length > 0);
    assert.ok(only.findings.every((f: JsonFinding) => f.type === 'EMAIL_ADDRESS'));
    const strict = JSON.parse((await scan(['people.csv', '--threshold', '0.99', '--format', 'json', '--model', 'none'])).stdout);
    assert.ok(strict.findings.every((f: JsonFinding) => f.score >= 0.99));
  });

  it('streams JSON and SARIF reports that are exactly one JSON.stringify of the whole report', async () => {
    const json = await scan(['.', '--model', 'none', '--format', 'json']);
    const report = JSON.parse(json.stdout) as { findings: JsonFinding[] };
    assert.ok(report.findings.length > 5);
    assert.equal(json.stdout, `${JSON.stringify(report, null, 2)}\n`);
    const sarif = await scan(['.', '--model', 'none', '--format', 'sarif']);
    const results: SarifResult[] = report.findings.map((f) => ({
      ruleId: `pii/${f.type.toLowerCase().replace(/_/g, '-')}`,
      level: f.score >= 0.8 ? 'error' : 'warning',
      message: `Possible ${f.type} (score ${f.score}; ${f.detectors.join(', ')})`,
      file: f.file,
      line: f.line,
      character: f.character,
      endLine: f.endLine,
      endCharacter: f.endCharacter,
      properties: { score: f.score, detectors: f.detectors },
    }));
    const types = [...new Set(report.findings.map((f) => f.type))].sort();
    const rules = types.map((type) => sarifRule(`pii/${type.toLowerCase().replace(/_/g, '-')}`));
    assert.equal(sarif.stdout, `${JSON.stringify(toSarif(packageVersion(), rules, results, fixtures), null, 2)}\n`);
    const clean = await scan(['clean.csv', '--model', 'none', '--format', 'json']);
    assert.equal(clean.stdout, `${JSON.stringify(JSON.parse(clean.stdout), null, 2)}\n`);
  });

  it('writes SARIF with one rule per entity type', async () => {
    const { stdout } = await scan(['notes.txt', '--format', 'sarif', '--model', 'none']);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results;
    assert.ok(results.some((r: { ruleId: string }) => r.ruleId === 'pii/phone-number'));
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'notes.txt');
  });
});

describe('cardwright scan (the built CLI, spawned)', function () {
  this.timeout(120000);
  const cli = path.join(root, 'dist', 'cli.js');

  it('prints only JSON on stdout, progress on stderr, and exits 1 on findings', () => {
    assert.ok(fs.existsSync(cli), `${cli} is missing: run \`node esbuild.js\` first`);
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const run = spawnSync(process.execPath, [cli, 'scan', 'notes.txt', 'clean.csv', '--format', 'json'], { cwd: fixtures, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(report), ['files', 'findings', 'summary']);
    assert.ok(report.findings.some((f: JsonFinding) => f.type === 'PHONE_NUMBER' && f.file === 'notes.txt'));
    assert.equal(report.summary.model, 'cardwright-pii-mini', 'the bundled CLI finds the shipped model from dist/');
    assert.match(run.stderr, /scanning notes\.txt/);
    const clean = spawnSync(process.execPath, [cli, 'scan', 'clean.csv', '--model', 'none'], { cwd: fixtures, encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stderr);
  });

  it('detects in worker threads (dist/piiWorker.js) on a big file, with the same findings as in one thread', () => {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const os = require('node:os') as typeof import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-cli-workers-'));
    try {
      const rows = Array.from({ length: 14000 }, (_, i) => `${i},Mara Lindqvist,mara${i}@post-box.se,"note ${i}: call +46 8 123 45${String(i % 100).padStart(2, '0')} after lunch"`);
      fs.writeFileSync(path.join(dir, 'big.csv'), 'id,name,email,note\n' + rows.join('\n') + '\n');
      assert.ok(fs.statSync(path.join(dir, 'big.csv')).size > 1024 * 1024);
      const run = (workers: string) => {
        const result = spawnSync(process.execPath, [cli, 'scan', 'big.csv', '--format', 'json', '--workers', workers], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
        assert.equal(result.status, 1, result.stderr);
        return JSON.parse(result.stdout);
      };
      const threads = run('2');
      const single = run('0');
      assert.equal(threads.summary.workers, 2);
      assert.equal(single.summary.workers, 0);
      assert.equal(threads.summary.model, 'cardwright-pii-mini');
      assert.ok(threads.findings.length >= 28000, `${threads.findings.length} findings`);
      assert.deepEqual(threads.findings, single.findings);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
