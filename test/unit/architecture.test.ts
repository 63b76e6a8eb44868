/** The shape of the code (STYLE.md): arrows point down. Reads every import of every source file. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../../engine/packageRoot';

const root = packageRoot(__dirname);

/** The module specifiers a TypeScript file imports: import/export ... from, bare import, require(), import(). */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const code = line.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) continue;
    const from = /^(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^\}\s*from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/.exec(code);
    if (from) found.push(from[1] ?? from[2] ?? from[3]);
    for (const call of code.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(call[1]);
  }
  return found;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Every import of the files under `dir`, relative ones resolved to a path from the repository root. */
function importsUnder(dir: string): Array<{ file: string; spec: string; target: string }> {
  return sources(dir).flatMap((file) =>
    importsOf(fs.readFileSync(path.join(root, file), 'utf8')).map((spec) => ({
      file,
      spec,
      target: spec.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), spec)).split(path.sep).join('/') : spec,
    })),
  );
}

const FILE_SYSTEM = /^(?:node:)?fs(?:\/promises)?$/;
const NETWORK_AND_PROCESSES = /^(?:node:)?(?:net|http|https|http2|dgram|dns|tls|child_process|worker_threads|cluster)$/;
const EDITOR_AND_LSP = /^(?:vscode|vscode-languageserver(?:-.+)?|vscode-languageclient(?:\/.+)?|vscode-jsonrpc(?:\/.+)?)$/;
const ML_RUNTIME = /^(?:onnxruntime-(?:node|web|common)|@huggingface\/transformers)(?:\/.+)?$/;

describe('architecture', () => {
  it('reads imports the way TypeScript writes them', () => {
    const text = [
      "import * as fs from 'node:fs';",
      'import {',
      '  a,',
      "} from '../server/piiService';",
      "export { b } from './b';",
      "import './sideEffect';",
      "// import x from 'commented-out';",
      "const ort = await import('onnxruntime-node');",
      "const y = require('yaml');",
    ].join('\n');
    assert.deepEqual(importsOf(text), ['node:fs', '../server/piiService', './b', './sideEffect', 'onnxruntime-node', 'yaml']);
  });

  it('core/ imports no file system, network, process, editor, LSP or ML runtime, and nothing outside core/', () => {
    const imports = importsUnder('core');
    assert.ok(imports.length > 100, `only ${imports.length} imports found under core/`);
    const bad = imports.filter(({ target }) =>
      FILE_SYSTEM.test(target) || NETWORK_AND_PROCESSES.test(target) || EDITOR_AND_LSP.test(target) || ML_RUNTIME.test(target) ||
      /^(?:engine|server|cli|client|protocol|test)\//.test(target) || target.startsWith('..'));
    assert.deepEqual(bad.map((i) => `${i.file}: ${i.spec}`), []);
  });

  it('cli/ imports nothing from server/ or client/, and no editor or LSP library', () => {
    const imports = importsUnder('cli');
    assert.ok(imports.some((i) => i.target.startsWith('engine/')), 'cli/ stands on engine/');
    const bad = imports.filter(({ target }) => /^(?:server|client)(?:\/|$)/.test(target) || EDITOR_AND_LSP.test(target));
    assert.deepEqual(bad.map((i) => `${i.file}: ${i.spec}`), []);
  });

  it('engine/ knows no LSP, editor, terminal adapter or server', () => {
    const bad = importsUnder('engine').filter(({ target }) => /^(?:server|client|cli)(?:\/|$)/.test(target) || EDITOR_AND_LSP.test(target));
    assert.deepEqual(bad.map((i) => `${i.file}: ${i.spec}`), []);
  });

  it('only engine/ loads the ML runtime', () => {
    const bad = ['core', 'server', 'cli', 'client', 'protocol'].flatMap(importsUnder).filter(({ target }) => ML_RUNTIME.test(target));
    assert.deepEqual(bad.map((i) => `${i.file}: ${i.spec}`), []);
  });
});
