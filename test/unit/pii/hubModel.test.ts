/**
 * A model given by Hub id (`cardwright.pii.model: "org/name"`) loads through transformers.js's
 * download path. Offline, a local HTTP server plays the Hub (or a company mirror, `HF_ENDPOINT`),
 * serving the shipped model's files at `/{org}/{name}/resolve/main/{file}`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { modelSpans } from '../../../core/pii/modelSpans';
import { loadTokenClassifier } from '../../../engine/pii/modelRuntime';
import { defaultModelFolder } from '../../../engine/packageRoot';

describe('pii model by Hub id (a local mirror)', function () {
  this.timeout(120000);
  const folder = defaultModelFolder(__dirname)!;
  let server: http.Server;
  let host: string;
  let cache: string;
  const requested: string[] = [];

  before(async () => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-hub-cache-'));
    server = http.createServer((request, response) => {
      const url = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      requested.push(`${request.method} ${url}`);
      const match = /^\/acme\/pii-mini\/resolve\/main\/(.+)$/.exec(url);
      const file = match ? path.join(folder, ...match[1].split('/')) : undefined;
      if (!file || !file.startsWith(folder) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        response.writeHead(404).end('not found');
        return;
      }
      const body = fs.readFileSync(file);
      response.writeHead(200, { 'content-length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('refuses a Hub id unless remote models are allowed', async () => {
    await assert.rejects(loadTokenClassifier({ model: 'acme/pii-mini' }), /model folder not found/);
  });

  it('says which id could not be downloaded from where', async () => {
    await assert.rejects(
      loadTokenClassifier({ model: 'acme/no-such-model', allowRemote: true, remoteHost: host, cacheDir: cache }),
      (error: Error) => error.message.includes('acme/no-such-model is not a local folder') && error.message.includes(host),
    );
  });

  it('downloads the model, tokenizer and config, and labels text like the local folder', async () => {
    const classifier = await loadTokenClassifier({ model: 'acme/pii-mini', allowRemote: true, remoteHost: host, cacheDir: cache });
    try {
      assert.equal(classifier.name, 'acme/pii-mini');
      assert.equal(classifier.labels[1], 'B-PERSON');
      assert.equal(classifier.caseTypes, true, 'custom config keys survive the download');
      assert.ok(requested.some((r) => r.endsWith('/onnx/model_quantized.onnx')), requested.join('\n'));
      // The shipped model reads a first-name lexicon: it comes with the download and is the same.
      const local = JSON.parse(fs.readFileSync(path.join(folder, 'config.json'), 'utf8')) as { cardwright_name_lexicon?: string };
      if (local.cardwright_name_lexicon) {
        assert.ok(requested.some((r) => r.endsWith(`/${local.cardwright_name_lexicon}`)), requested.join('\n'));
        const words = fs.readFileSync(path.join(folder, local.cardwright_name_lexicon), 'utf8').split('\n').filter(Boolean);
        assert.equal(classifier.nameLexicon?.size, words.length);
      }
      const text = 'Please contact Maria Garcia about the refund.';
      const [spans] = await modelSpans([text], classifier);
      assert.deepEqual(spans.filter((s) => s.type === 'PERSON').map((s) => text.slice(s.start, s.end)), ['Maria Garcia']);
    } finally {
      await classifier.dispose();
    }
  });

  it('is what `cardwright scan --model org/name` loads, from the mirror in HF_ENDPOINT', async () => {
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    const root = path.resolve(folder, '..', '..');
    const cli = path.join(root, 'dist', 'cli.js');
    assert.ok(fs.existsSync(cli), `${cli} is missing: run \`node esbuild.js\` first`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-hub-cli-'));
    try {
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'Please contact Maria Garcia about the refund.\n');
      // Spawned asynchronously: the mirror answers from this process's event loop.
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [cli, 'scan', 'notes.txt', '--format', 'json', '--model', 'acme/pii-mini'], {
          cwd: dir,
          env: { ...process.env, HF_ENDPOINT: host, XDG_CACHE_HOME: path.join(dir, 'cache') },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
      assert.equal(run.status, 1, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.equal(report.summary.model, 'acme/pii-mini');
      assert.ok(report.findings.some((f: { type: string }) => f.type === 'PERSON'), run.stdout);
      assert.ok(fs.existsSync(path.join(dir, 'cache', 'cardwright', 'hub', 'acme', 'pii-mini', 'config.json')), 'downloads are cached in the user cache folder');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
