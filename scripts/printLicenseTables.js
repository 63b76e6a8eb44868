#!/usr/bin/env node
// Prints the license rule matrix and the license facts table as Markdown, for the README.
//   node scripts/printLicenseTables.js [rules|facts]   (default: both)
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const result = esbuild.buildSync({
  entryPoints: [path.join(root, 'core', 'licenses', 'index.ts')],
  bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent',
});
const loaded = { exports: {} };
new Function('module', 'exports', 'require', result.outputFiles[0].text)(loaded, loaded.exports, require);
const licenses = loaded.exports;

const which = process.argv[2];
const parts = [];
if (!which || which === 'rules') parts.push(licenses.licenseRuleMatrixMarkdown());
if (!which || which === 'facts') parts.push(licenses.licenseFactsMarkdown());
if (parts.length === 0) {
  console.error('usage: node scripts/printLicenseTables.js [rules|facts]');
  process.exit(2);
}
console.log(parts.join('\n\n'));
