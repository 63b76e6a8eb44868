/** Keeps package.json honest: what it contributes exists, is documented and is localized. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../../engine/packageRoot';

const root = packageRoot(__dirname);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const clientSources = fs
  .readdirSync(path.join(root, 'client'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => fs.readFileSync(path.join(root, 'client', name), 'utf8'))
  .join('\n');

describe('package.json', () => {
  it('targets VS Code 1.100, which CI runs (code-server 4.100.3)', () => {
    assert.match(manifest.engines.vscode, /^\^1\.(\d+)\./);
    assert.ok(Number(/^\^1\.(\d+)\./.exec(manifest.engines.vscode)![1]) <= 100);
    assert.equal(manifest.devDependencies['@types/vscode'].replace(/^[\^~]/, '').split('.').slice(0, 2).join('.'), '1.100');
  });

  it('every contributed command is registered by the client and titled through package.nls.json', () => {
    for (const command of manifest.contributes.commands) {
      assert.ok(clientSources.includes(`'${command.command}'`), `${command.command} is contributed but never registered`);
      const key = /^%(.+)%$/.exec(command.title)?.[1];
      assert.ok(key && typeof nls[key] === 'string', `${command.command} title should be localized`);
    }
  });

  it('every setting has a default, a localized description and a row in the README', () => {
    for (const [name, setting] of Object.entries<Record<string, unknown>>(manifest.contributes.configuration.properties)) {
      assert.ok('default' in setting, `${name} needs a default`);
      const key = /^%(.+)%$/.exec(String(setting.markdownDescription ?? setting.description))?.[1];
      assert.ok(key && typeof nls[key] === 'string', `${name} description should be localized`);
      assert.ok(readme.includes(`\`${name}\``), `${name} should be documented in README.md`);
    }
  });

  it('every %key% in package.json exists in package.nls.json', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    for (const key of keys) assert.ok(key in nls, `${key} missing from package.nls.json`);
  });

  it('the .vscodeignore denies everything by default and ships the bundles and schemas', () => {
    const lines = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    for (const needed of ['!dist/client.js', '!dist/server.js', '!schemas/*.schema.json']) assert.ok(lines.includes(needed), needed);
  });

  it('every script the README tells users to run exists', () => {
    for (const [, script] of readme.matchAll(/npm run ([a-z0-9:-]+)/g)) {
      assert.ok(manifest.scripts[script], `README mentions npm run ${script}`);
    }
  });
});
