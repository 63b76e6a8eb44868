// @vscode/test-cli configuration (`npx vscode-test`, needs @vscode/test-cli and internet access):
// runs the in-host end-to-end suites of test/e2e/inhost in desktop VS Code against the working
// tree (`npm run build` first). CI runs the same suites in code-server: test/e2e/run.js.
// Loading this file transpiles the suites and copies examples/ into .e2e/desktop/.
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const { prepareDesktopRun } = require('./test/e2e/desktop.js');

const { base, harness, workspace } = prepareDesktopRun();

export default [
  {
    label: 'inhost',
    files: path.join(harness.dir, '*.test.js'),
    version: process.env.VSCODE_TEST_VERSION || '1.100.3',
    extensionDevelopmentPath: import.meta.dirname,
    workspaceFolder: workspace,
    launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(base, 'user-data')],
    mocha: { ui: 'bdd', timeout: 90_000 },
  },
];
