// Builds the in-host test harness: the suites of test/e2e/inhost/*.ts transpiled into a folder that
// is also a (contribution-free) extension, so it can be named as `extensionDevelopmentPath` while
// Cardwright itself comes from the installed .vsix. The folder must lie inside the repository so
// that `require('mocha')` resolves to the repository's node_modules.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const SOURCES = path.join(__dirname, 'inhost');

/** @param {string} dir  output folder (replaced) */
function buildInhostHarness(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const entryPoints = fs.readdirSync(SOURCES)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(SOURCES, f));
  esbuild.buildSync({
    entryPoints,
    outdir: dir,
    bundle: false,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({
    name: 'cardwright-e2e-harness',
    displayName: 'Cardwright e2e harness (tests only)',
    publisher: 'cardwright-test',
    version: '0.0.0',
    private: true,
    engines: { vscode: '^1.100.0' },
  }, null, 2)}\n`);
  return { dir, entry: path.join(dir, 'index.js'), resultFile: path.join(dir, 'result.json') };
}

module.exports = { buildInhostHarness };
