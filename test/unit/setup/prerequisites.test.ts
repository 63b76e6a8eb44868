/** Set-up tells a new machine everything it lacks at once, from one list that CI and the README share. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageRoot } from '../../../engine/packageRoot';

const root = packageRoot(__dirname);
// Plain JavaScript modules of the e2e runner, loaded from the working tree.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const prerequisites = require(path.join(root, 'test', 'e2e', 'prerequisites.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const installer = require(path.join(root, 'test', 'e2e', 'installCodeServer.js'));

const names: string[] = prerequisites.readPrerequisites().map((p: { name: string }) => p.name);

describe('prerequisites', () => {
  it('one list holds every system package, with its reason', () => {
    assert.deepEqual([...names].sort(), ['chromium', 'fonts-dejavu-core', 'g++', 'libkrb5-dev', 'make', 'python3', 'ripgrep']);
    for (const p of prerequisites.readPrerequisites()) assert.ok(p.why.length > 10, p.name);
  });

  it('.ci/run installs that list and the README names the same packages in its install command', () => {
    assert.match(fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8'), /\.ci\/prerequisites\.txt/);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const command = /apt-get install -y ([^\n`]+)/.exec(readme);
    assert.ok(command, 'the README shows the apt-get command');
    assert.deepEqual(command[1].trim().split(/\s+/).sort(), [...names].sort());
    assert.ok(readme.indexOf(command[0]) < readme.indexOf('npm ci'), 'prerequisites come before the commands');
  });

  it('every missing package is named on one line with the command that installs it', () => {
    const none = prerequisites.missingPrerequisites({ installing: true, exists: () => false, env: { PATH: '' } });
    assert.deepEqual(none, names);
    const message: string = prerequisites.missingMessage(none);
    assert.doesNotMatch(message, /\n/);
    assert.ok(message.endsWith(`apt-get install -y ${names.join(' ')}`), message);
    // With code-server already installed, only what the browser needs is checked.
    assert.deepEqual(prerequisites.missingPrerequisites({ installing: false, exists: () => false, env: { PATH: '' } }), ['chromium', 'fonts-dejavu-core']);
    assert.deepEqual(prerequisites.missingPrerequisites({ installing: true, exists: () => true, env: { PATH: path.dirname(process.execPath) + path.delimiter + '/usr/bin' } }).filter((n: string) => !['g++', 'make', 'python3'].includes(n)), []);
  });

  it('the e2e runner stops with that one line, no stack trace, before building anything', function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, [path.join(root, 'test', 'e2e', 'run.js')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, CARDWRIGHT_E2E_CHROMIUM: path.join(os.tmpdir(), 'no-such-chromium') },
    });
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /^e2e: missing system packages: chromium\b.*apt-get install -y chromium\b/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it("an interrupted code-server install's staging folder is found and only when its process is gone", function () {
    this.timeout(20_000);
    const tools = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-tools-'));
    try {
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
      for (const name of [`code-server-4.100.3.partial-${gone}`, `code-server-4.100.3.partial-${process.pid}`, 'code-server-4.100.3', 'code-server-4.100.3.install.log']) {
        fs.mkdirSync(path.join(tools, name));
      }
      assert.deepEqual(installer.stalePartials(tools), [path.join(tools, `code-server-4.100.3.partial-${gone}`)]);
    } finally {
      fs.rmSync(tools, { recursive: true, force: true });
    }
  });
});

describe('e2e screenshot names', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { slug, MAX_LENGTH } = require(path.join(root, 'test', 'e2e', 'screenshotName.js'));
  const titles = [
    'the example card in the workbench shows squiggles and Cardwright entries in the Problems panel',
    'the example card in the workbench runs "Cardwright: Show Output" from the command palette',
    'PII features in the workbench scans the dataset from the command palette and shows progress, a summary and the Findings view',
  ];

  it('keep the whole test title', () => {
    assert.equal(slug(titles[0]), 'the-example-card-in-the-workbench-shows-squiggles-and-cardwright-entries-in-the-problems-panel');
    assert.equal(slug(titles[1]), 'the-example-card-in-the-workbench-runs-cardwright-show-output-from-the-command-palette');
    assert.ok(slug(titles[2]).endsWith('-the-findings-view'));
  });

  it('cut a very long title at a word boundary, never mid-word', () => {
    const long = slug(`${'word '.repeat(60)}end`);
    assert.ok(long.length <= MAX_LENGTH);
    assert.match(long, /(^|-)word$/);
  });
});
