/**
 * The CLI as others get it: `npm pack` gives a tarball that installs into an empty project, offline
 * (from the npm cache that `npm ci` filled), with no development dependency, and whose `cardwright`
 * command checks a card and scans a sample with the bundled model.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { packageRoot } from '../../engine/packageRoot';

const root = packageRoot(__dirname);

interface LockEntry {
  version: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * The lockfile entries of `name` and everything it depends on, taken from this project's lockfile
 * (the versions `npm ci` put in the cache), as a model repository's own lockfile would hold them.
 */
function lockClosure(name: string): Record<string, LockEntry> {
  const lock: Record<string, LockEntry> = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages;
  const out: Record<string, LockEntry> = {};
  const visit = (dep: string, from: string): void => {
    for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
      const key = `${dir ? `${dir}/` : ''}node_modules/${dep}`;
      const entry = lock[key];
      if (entry) {
        if (out[key]) return;
        const { dev: _dev, devOptional: _devOptional, peer: _peer, ...kept } = entry;
        out[key] = { ...kept, resolved: entry.resolved ?? `https://registry.npmjs.org/${dep}/-/${dep.split('/').pop()}-${entry.version}.tgz` };
        for (const next of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(next, key);
        return;
      }
      if (!dir) throw new Error(`${dep} (needed by ${from || 'the package'}) is not in package-lock.json`);
    }
  };
  visit(name, '');
  return out;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 90_000, env: { ...process.env, npm_config_update_notifier: 'false', ...env } });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', output: `${result.stdout}\n${result.stderr}` };
}

describe('the CLI package (npm pack)', function () {
  this.timeout(180_000);
  let work: string;
  let project: string;
  let tarball: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-pack-'));
    project = path.join(work, 'model-repo');
    // The bundles that `npm run test:unit` just built; `npm pack` without --ignore-scripts builds
    // production bundles first (the prepack script).
    assert.ok(fs.existsSync(path.join(root, 'dist', 'cli.js')), 'dist/cli.js: build first (node esbuild.js)');
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
    assert.equal(pack.code, 0, pack.output);
    const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(work, info.filename);
    const files = info.files.map((f) => f.path).sort();
    assert.ok(files.includes('dist/cli.js') && files.includes('dist/piiWorker.js') && files.includes('dist/server.js'), files.join(' '));
    assert.ok(files.includes('models/cardwright-pii-mini/onnx/model_quantized.onnx'), 'the model is bundled');
    const modelConfig = JSON.parse(fs.readFileSync(path.join(root, 'models', 'cardwright-pii-mini', 'config.json'), 'utf8')) as { cardwright_name_lexicon?: string };
    if (modelConfig.cardwright_name_lexicon) assert.ok(files.includes(`models/cardwright-pii-mini/${modelConfig.cardwright_name_lexicon}`), 'the name lexicon is bundled');
    assert.ok(files.includes('schemas/model-card.schema.json'), 'the schemas are bundled');
    assert.deepEqual(files.filter((f) => /^(?:test|core|engine|server|client|cli|node_modules|training|bench|examples)\/|\.map$|\.ts$/.test(f)), []);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('installs into an empty project offline, with only its runtime dependency, and runs check and scan', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.dependencies), ['onnxruntime-node'], 'everything else is bundled into dist/');
    fs.mkdirSync(path.join(project, 'data'), { recursive: true });
    const tgz = path.relative(project, tarball);
    // What the README tells a model repository to write (allowScripts: onnxruntime-node's install
    // script only downloads GPU libraries).
    fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({
      name: 'model-repo',
      private: true,
      devDependencies: { cardwright: `file:${tgz}` },
      allowScripts: { 'onnxruntime-node': false },
    }, null, 2)}\n`);
    fs.writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify({
      name: 'model-repo',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'model-repo', devDependencies: { cardwright: `file:${tgz}` } },
        'node_modules/cardwright': { version: manifest.version, resolved: `file:${tgz}`, dev: true, license: 'Apache-2.0', dependencies: manifest.dependencies, bin: manifest.bin },
        ...lockClosure('onnxruntime-node'),
      },
    }, null, 2)}\n`);
    const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);
    assert.equal(install.code, 0, install.output);
    assert.doesNotMatch(install.output, /npm warn/i);
    assert.ok(fs.existsSync(path.join(project, 'node_modules', 'onnxruntime-node')));
    for (const devOnly of ['yaml', 'ajv', '@huggingface/transformers', 'vscode-languageserver', 'esbuild', 'mocha']) {
      assert.ok(!fs.existsSync(path.join(project, 'node_modules', devOnly)), `${devOnly} was installed`);
    }

    fs.writeFileSync(path.join(project, 'model-card.yaml'), [
      'license: apache-2.0',
      'language: [en, es-ES]',
      'datasets: [acme/tickets]',
      'upstream:',
      '  datasets:',
      '    - id: acme/tickets',
      '      license: cc-by-4.0',
      '      samples: [data/tickets.jsonl]',
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(project, 'data', 'tickets.jsonl'), '{"text": "Please call Maria Gonzalez back on +1 415 555 0134 or write to maria.gonzalez@example.com."}\n');

    const check = run('npx', ['--no', 'cardwright', 'check', '.', '--format', 'sarif'], project);
    assert.equal(check.code, 1, check.output);
    assert.doesNotMatch(check.stderr, /npm warn/i);
    const sarif = JSON.parse(check.stdout);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['hub/language-code']);

    const scan = run('npx', ['--no', 'cardwright', 'scan', 'model-card.yaml', '--format', 'json'], project);
    assert.equal(scan.code, 1, scan.output);
    assert.doesNotMatch(scan.stderr, /npm warn/i);
    const report = JSON.parse(scan.stdout);
    const types = report.findings.map((f: { type: string }) => f.type).sort();
    assert.deepEqual(types, ['EMAIL_ADDRESS', 'PERSON', 'PHONE_NUMBER']);
    const person = report.findings.find((f: { type: string }) => f.type === 'PERSON');
    assert.ok(person.detectors.includes('model'), `the bundled model ran: ${JSON.stringify(person)}`);

    const exported = run('npx', ['--no', 'cardwright', 'export', '--format', 'cyclonedx', 'model-card.yaml'], project);
    assert.equal(exported.code, 0, exported.output);
    const bom = JSON.parse(exported.stdout);
    assert.equal(bom.specVersion, '1.6');
    assert.equal(bom.metadata.component.type, 'machine-learning-model');
    assert.deepEqual(bom.metadata.component.licenses.map((l: { license: { id?: string } }) => l.license.id), ['Apache-2.0']);
    assert.ok(bom.components.some((c: { type: string; name: string }) => c.type === 'data' && c.name === 'acme/tickets'), JSON.stringify(bom.components));
  });

  it('starts the installed language server over stdio, as other editors do, and validates the card', async () => {
    const bin = path.join(project, 'node_modules', '.bin', 'cardwright-language-server');
    assert.ok(fs.existsSync(bin), 'the package links cardwright-language-server');
    const child = spawn(bin, ['--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    try {
      connection.onRequest(() => null);
      const uri = pathToFileURL(path.join(project, 'model-card.yaml')).href;
      const published = new Promise<{ uri: string; diagnostics: Array<{ code?: string }> }>((resolve) => {
        connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Array<{ code?: string }> }) => {
          if (p.uri === uri && p.diagnostics.length > 0) resolve(p);
        });
      });
      connection.listen();
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(project).href, capabilities: {} });
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(path.join(project, 'model-card.yaml'), 'utf8') },
      });
      const { diagnostics } = await published;
      assert.deepEqual(diagnostics.map((d) => d.code), ['hub/language-code']);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
