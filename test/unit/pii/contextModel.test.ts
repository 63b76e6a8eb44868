/**
 * A model with ORGANIZATION and LOCATION labels, end to end: test/fixtures/context-model (a lookup
 * table built by test/fixtures/makeContextModel.py: `Hertz` is an organization at 0.95, `Heathrow`
 * a place at 0.95, `Jordan` a place at only 0.6, `Dana Whitfield` a person). Its spans go through
 * the scan (this thread and detection workers), fusion and the CLI's reports.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliIo } from '../../../cli/io';
import { runScan } from '../../../cli/scan';
import { modelSpans } from '../../../core/pii/modelSpans';
import { findPackageRoot } from '../../../engine/packageRoot';
import { loadTokenClassifier } from '../../../engine/pii/modelRuntime';
import { scanFiles } from '../../../engine/pii/scanFiles';
import { tempProject } from '../../support/runCli';

const root = findPackageRoot(__dirname)!;
const model = path.join(root, 'test', 'fixtures', 'context-model');
const SENTENCE = 'The car I rented from Hertz at Heathrow had miles on it';

describe('pii: a model with ORGANIZATION and LOCATION labels', function () {
  this.timeout(60_000);
  const project = tempProject({
    'rentals.csv': `customer_name,note\nHertz,${SENTENCE}\nJordan,hi\n`,
  });
  const csv = path.join(project.dir, 'rentals.csv');
  after(() => project.remove());

  async function scan(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { cwd: project.dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false };
    const code = await runScan(argv, io);
    return { code, stdout, stderr };
  }

  it('labels organizations and places through the aliases of its config', async () => {
    const classifier = await loadTokenClassifier({ model });
    try {
      assert.equal(classifier.mapping.ORGANIZATION, 'ORGANIZATION');
      assert.equal(classifier.mapping.LOCATION, 'LOCATION');
      const text = `${SENTENCE}. Hi, I am Dana Whitfield.`;
      const [spans] = await modelSpans([text], classifier);
      assert.deepEqual(
        spans.map((s) => [s.type, text.slice(s.start, s.end), s.score]),
        [
          ['ORGANIZATION', 'Hertz', 0.952],
          ['LOCATION', 'Heathrow', 0.952],
          ['PERSON', 'Dana Whitfield', 0.952],
        ],
      );
    } finally {
      await classifier.dispose();
    }
  });

  it('`cardwright scan` reports no organization or place by default, and the model\'s ORGANIZATION keeps `Hertz` from being a name', async () => {
    const without = await scan(['rentals.csv', '--model', 'none', '--format', 'json']);
    assert.deepEqual(
      JSON.parse(without.stdout).findings.map((f: { type: string; line: number }) => [f.type, f.line]),
      [
        ['PERSON', 1],
        ['PERSON', 2],
      ],
      'the recognizers alone take both customer_name values for names',
    );
    const run = await scan(['rentals.csv', '--model', model, '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.summary.model, 'context-model');
    // `Jordan`: the model's LOCATION (0.6, 0.617 with its I- label) is weaker than the name field (0.85): still a name.
    assert.deepEqual(report.findings.map((f: { type: string; line: number; detectors: string[] }) => [f.type, f.line, f.detectors]), [['PERSON', 2, ['name-field']]]);
    assert.deepEqual(report.summary.byType, { PERSON: 1 });
  });

  it('`cardwright scan --entities ORGANIZATION,LOCATION` reports them, in JSON and as SARIF notes', async () => {
    const run = await scan(['rentals.csv', '--model', model, '--entities', 'ORGANIZATION,LOCATION', '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    const text = fs.readFileSync(csv, 'utf8');
    assert.deepEqual(
      report.findings.map((f: { type: string; start: number; end: number; score: number }) => [f.type, text.slice(f.start, f.end), f.score]),
      [
        ['ORGANIZATION', 'Hertz', 0.952],
        ['ORGANIZATION', 'Hertz', 0.952],
        ['LOCATION', 'Heathrow', 0.952],
        ['LOCATION', 'Jordan', 0.617],
      ],
    );
    assert.deepEqual(report.summary.byType, { ORGANIZATION: 2, LOCATION: 2 });

    const only = await scan(['rentals.csv', '--model', model, '--entities', 'ORGANIZATION']);
    assert.match(only.stdout, /^2 findings in 1 file \(2 ORGANIZATION\)$/m);
    assert.doesNotMatch(only.stdout, /LOCATION|PERSON/);

    const sarif = JSON.parse((await scan(['rentals.csv', '--model', model, '--entities', 'ORGANIZATION,PERSON', '--format', 'sarif'])).stdout);
    const results: Array<{ ruleId: string; level: string }> = sarif.runs[0].results;
    assert.deepEqual(results.map((r) => [r.ruleId, r.level]), [
      ['pii/organization', 'note'],
      ['pii/organization', 'note'],
      ['pii/person', 'error'],
    ]);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'pii/organization');
    assert.match(rule.shortDescription.text, /off by default/);
  });

  it('hands the entity types to detection workers', async () => {
    const options = { model, workers: 1, workersFromBytes: 0 };
    const plain = await scanFiles([csv], options);
    assert.equal(plain.model.workers, 1);
    assert.deepEqual(plain.files[0].findings.map((f) => f.type), ['PERSON']);
    const context = await scanFiles([csv], { ...options, entities: new Set(['LOCATION'] as const) });
    assert.deepEqual(context.files[0].findings.map((f) => f.type), ['LOCATION', 'LOCATION']);
  });
});
