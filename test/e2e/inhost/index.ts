// Entry point that VS Code's extension host loads as `extensionTestsPath` (code-server payload, or
// @vscode/test-electron on a desktop): runs every *.test.js next to this file with mocha, prints
// the spec report through the extension host's console, and leaves a JSON summary in
// result.json for the runner (test/e2e/run.js) to read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** The runner echoes what the extension host logs between these lines. */
const START_MARKER = 'cardwright-e2e: in-host suites start';
const END_MARKER = 'cardwright-e2e: in-host suites end';

interface Summary {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false, reporter: 'spec' });
  const only = process.env.CARDWRIGHT_E2E_GREP;
  if (only) mocha.grep(only);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const summary: Summary = { passed: 0, failed: 0, failures: [] };
  const resultFile = path.join(__dirname, 'result.json');
  fs.rmSync(resultFile, { force: true });
  console.log(START_MARKER);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      fs.writeFileSync(resultFile, `${JSON.stringify(summary, null, 2)}\n`);
      console.log(END_MARKER);
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => {
      summary.passed += 1;
    });
    runner.on('fail', (test, err: Error) => {
      summary.failed += 1;
      summary.failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) });
    });
  });
}
