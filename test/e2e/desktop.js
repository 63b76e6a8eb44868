#!/usr/bin/env node
// Runs the in-host suites (test/e2e/inhost) in desktop VS Code through @vscode/test-electron, for
// developers with internet access (it downloads VS Code; CI runs the same suites in code-server
// through test/e2e/run.js). The extension under test is the working tree: `npm run build` first.
//
//   node test/e2e/desktop.js          VS Code 1.100.3 (the oldest version engines.vscode allows)
//   VSCODE_TEST_VERSION=stable node test/e2e/desktop.js
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { buildInhostHarness } = require('./inhostHarness');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Harness and a fresh copy of examples/ under .e2e/desktop/ (inside the repository, for `require('mocha')`). */
function prepareDesktopRun() {
  const base = path.join(REPO_ROOT, '.e2e', 'desktop');
  const harness = buildInhostHarness(path.join(base, 'harness'));
  const workspace = path.join(base, 'workspace');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  return { base, harness, workspace };
}

async function main() {
  const { base, harness, workspace } = prepareDesktopRun();
  await runTests({
    version: process.env.VSCODE_TEST_VERSION || '1.100.3',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: harness.entry,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(base, 'user-data')],
  });
}

module.exports = { prepareDesktopRun };

if (require.main === module) {
  main().catch((err) => {
    console.error(`e2e (desktop): ${err.message || err}`);
    process.exit(1);
  });
}
