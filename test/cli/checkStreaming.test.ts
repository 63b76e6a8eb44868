/**
 * `cardwright check` writes its report card by card (memory does not grow with the number of
 * cards), and the streamed report is byte for byte what one JSON.stringify of all files prints.
 */
import * as assert from 'node:assert/strict';
import { Analyzer, createAnalyzer } from '../../core/analyzer';
import { runCheck } from '../../cli/check';
import { CliIo } from '../../cli/io';
import { SarifResult, sarifRule, toSarif } from '../../cli/sarif';
import { loadSchemas } from '../../engine/schemaFiles';
import { packageVersion } from '../../engine/packageRoot';
import { tempProject } from '../support/runCli';

interface Run {
  code: number;
  stdout: string;
  /** For each card analysed: how much of stdout had been written when its analysis began. */
  writtenBeforeEach: number[];
}

describe('cardwright check: streamed report', function () {
  this.timeout(60_000);
  // Enough findings (about 1,000) that the SARIF results go through the temporary file.
  const EXTRA_KEYS = Array.from({ length: 80 }, (_, k) => `extra_${k}: 1\n`).join('');
  const cards: Record<string, string> = {};
  for (let i = 0; i < 12; i++) cards[`c${String(i).padStart(2, '0')}/model-card.yaml`] = `license: mit\nlanguage: es-ES\nunknown_${i}: 1\nodd\u2028key_${i}: "quote \\" and \\u2028"\n${EXTRA_KEYS}`;
  cards['clean/model-card.yaml'] = 'license: mit\nlanguage: en\n';
  const project = tempProject(cards);
  const empty = tempProject({ 'notes.txt': 'nothing here\n' });
  const engine = createAnalyzer({ schemas: loadSchemas() });
  after(() => {
    project.remove();
    empty.remove();
  });

  async function check(format: string, cwd = project.dir): Promise<Run> {
    let stdout = '';
    const writtenBeforeEach: number[] = [];
    const analyzer: Analyzer = {
      schemaFor: (kind) => engine.schemaFor(kind),
      analyze(input) {
        writtenBeforeEach.push(stdout.length);
        return engine.analyze(input);
      },
    };
    const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: () => undefined, stderrIsTty: false };
    const code = await runCheck(['--format', format, '.'], io, analyzer);
    return { code, stdout, writtenBeforeEach };
  }

  it('text and JSON reports are written card by card', async () => {
    for (const format of ['text', 'json']) {
      const run = await check(format);
      assert.equal(run.code, 1);
      assert.equal(run.writtenBeforeEach.length, 13);
      assert.equal(run.writtenBeforeEach[0], 0);
      // Every card after the first finds the earlier cards' findings already written.
      for (let i = 1; i < 13; i++) assert.ok(run.writtenBeforeEach[i] > run.writtenBeforeEach[i - 1], `${format}: nothing written before card ${i}`);
    }
  });

  it('the streamed JSON report is exactly JSON.stringify of the whole report', async () => {
    const run = await check('json');
    const report = JSON.parse(run.stdout) as { files: Array<{ file: string; findings: unknown[] }> };
    assert.equal(report.files.length, 13);
    assert.ok(report.files.every((file) => file.findings.length > 0 || file.file === 'clean/model-card.yaml'));
    assert.equal(run.stdout, `${JSON.stringify(report, null, 2)}\n`);
    const none = await check('json', empty.dir);
    assert.equal(none.stdout, `${JSON.stringify({ files: [] }, null, 2)}\n`);
  });

  it('the spooled SARIF report is exactly what toSarif prints for all results at once', async () => {
    const json = JSON.parse((await check('json')).stdout) as {
      files: Array<{ file: string; findings: Array<{ code: string; severity: string; message: string; line: number; character: number; endLine: number; endCharacter: number }> }>;
    };
    const results: SarifResult[] = json.files.flatMap(({ file, findings }) =>
      findings.map((f) => ({
        ruleId: f.code,
        level: f.severity === 'error' ? ('error' as const) : f.severity === 'warning' ? ('warning' as const) : ('note' as const),
        message: f.message,
        file,
        line: f.line,
        character: f.character,
        endLine: f.endLine,
        endCharacter: f.endCharacter,
      })),
    );
    assert.ok(results.some((r) => r.message.includes('\u2028')), 'a message holds U+2028 (a line terminator for /^/m)');
    const rules = [...new Set(results.map((r) => r.ruleId))].sort().map(sarifRule);
    const run = await check('sarif');
    assert.equal(run.stdout, `${JSON.stringify(toSarif(packageVersion(), rules, results, project.dir), null, 2)}\n`);
    const none = await check('sarif', empty.dir);
    assert.equal(none.stdout, `${JSON.stringify(toSarif(packageVersion(), [], [], empty.dir), null, 2)}\n`);
  });
});
