/**
 * The `cardwright-language-server` executable as Neovim, Helix or Emacs start it: the package.json
 * bin run directly with `--stdio`, and a client that offers nothing VS Code-specific (no
 * workspace/configuration, no work-done progress, no code action resolve, no snippets, no
 * resource operations). Settings come from initializationOptions and didChangeConfiguration.
 */
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { packageRoot } from '../../engine/packageRoot';
import type { PublishedDiagnostics } from '../support/lspClient';

const root = packageRoot(__dirname);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface BareClient {
  connection: MessageConnection;
  child: ChildProcess;
  /** Requests the server sent to the client (a bare client answers none of them). */
  serverRequests: string[];
  diagnostics(uri: string, accept?: (p: PublishedDiagnostics) => boolean): Promise<PublishedDiagnostics>;
  stderr(): string;
  stop(): Promise<void>;
}

async function startBare(initializationOptions?: unknown): Promise<BareClient> {
  const bin = path.join(root, manifest.bin['cardwright-language-server']);
  // Run as an editor does: the file itself (shebang and executable bit), not `node file`.
  const child = spawn(bin, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const serverRequests: string[] = [];
  const published: PublishedDiagnostics[] = [];
  const waiters: Array<{ uri: string; accept: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }> = [];
  connection.onRequest((method) => {
    serverRequests.push(method);
    throw new Error(`${method} is not supported by this client`);
  });
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
    published.push(p);
    for (const waiter of [...waiters]) {
      if (waiter.uri === p.uri && waiter.accept(p)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(p);
      }
    }
  });
  connection.onNotification(() => undefined);
  connection.listen();
  const init = await connection.sendRequest<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }>('initialize', {
    processId: process.pid,
    rootUri: null,
    clientInfo: { name: 'bare-test-client' },
    capabilities: {
      textDocument: {
        publishDiagnostics: {},
        completion: { completionItem: { snippetSupport: false } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
    ...(initializationOptions === undefined ? {} : { initializationOptions }),
  });
  assert.equal(init.serverInfo?.name, 'cardwright');
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    serverRequests,
    stderr: () => stderr,
    diagnostics(uri, accept = () => true) {
      const already = published.find((p) => p.uri === uri && accept(p));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; stderr: ${stderr}`)), 15_000);
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async stop() {
      await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]).catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}

function open(client: BareClient, uri: string, text: string, languageId = 'yaml'): void {
  void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
}

describe('cardwright-language-server in other editors', function () {
  this.timeout(30_000);

  it('is a package.json bin that starts the bundled server', () => {
    assert.equal(manifest.bin['cardwright-language-server'], 'dist/server.js');
    const file = path.join(root, 'dist', 'server.js');
    assert.match(fs.readFileSync(file, 'utf8').slice(0, 40), /^#!\/usr\/bin\/env node\n/);
    assert.ok((fs.statSync(file).mode & 0o111) !== 0, 'executable');
  });

  describe('with a client that offers no VS Code-specific capabilities', () => {
    let client: BareClient;
    before(async () => {
      client = await startBare();
    });
    after(async () => client?.stop());

    it('publishes diagnostics with default settings, and never asks the client for configuration or progress', async () => {
      const uri = 'file:///virtual/bare/one/model-card.yaml';
      open(client, uri, 'license: Apache 2.0\nlanguage: es-ES\n');
      const { diagnostics } = await client.diagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['hub/language-code', 'license/unknown-id']);
      assert.deepEqual(client.serverRequests, []);
    });

    it('completes with plain text instead of snippets and no VS Code command', async () => {
      const uri = 'file:///virtual/bare/two/model-card.yaml';
      open(client, uri, 'license: mit\npriv\npipeline_tag\n');
      const result = await client.connection.sendRequest<{ items: { label: string; insertTextFormat?: number; textEdit: { newText: string }; command?: unknown }[] }>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 1, character: 4 },
      });
      const privacy = result.items.find((item) => item.label === 'privacy section');
      assert.ok(privacy, result.items.map((i) => i.label).join());
      assert.equal(privacy.insertTextFormat, 1, 'plain text');
      assert.match(privacy.textEdit.newText, /^privacy:\n/);
      assert.ok(!/\$\{?\d/.test(privacy.textEdit.newText), privacy.textEdit.newText);
      assert.ok(result.items.every((item) => item.command === undefined), 'no editor.action.triggerSuggest');
      assert.deepEqual(client.serverRequests, []);
    });

    it('hovers with markdown', async () => {
      const uri = 'file:///virtual/bare/three/model-card.yaml';
      open(client, uri, 'license: gemma\n');
      const hover = await client.connection.sendRequest<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 11 } });
      assert.equal(hover.contents.kind, 'markdown');
      assert.match(hover.contents.value, /Gemma Terms of Use/);
    });

    it('returns code actions with their edits (no resolve step) and none that would create files', async () => {
      const uri = 'file:///virtual/bare/four/model-card.yaml';
      const text = 'license: Apache 2.0\n';
      open(client, uri, text);
      const { diagnostics } = await client.diagnostics(uri);
      const license = diagnostics.find((d) => d.code === 'license/unknown-id')!;
      const actions = await client.connection.sendRequest<{ title: string; kind: string; edit?: { changes: Record<string, { newText: string }[]> }; data?: unknown }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: license.range,
        context: { diagnostics: [license] },
      });
      assert.ok(actions.length > 0);
      for (const action of actions) assert.ok(action.edit?.changes?.[uri]?.length, `${action.title} carries its edit`);
      assert.ok(actions.some((a) => a.edit!.changes[uri].some((e) => e.newText === 'apache-2.0')), JSON.stringify(actions));

      const sampleUri = 'file:///virtual/bare/five/model-card.yaml';
      open(client, sampleUri, 'license: mit\nupstream:\n  datasets:\n    - id: a/b\n      license: mit\n      samples: [data/missing.csv]\n');
      const missing = (await client.diagnostics(sampleUri)).diagnostics;
      const fixes = await client.connection.sendRequest<{ title: string; edit?: { documentChanges?: unknown[] } }[]>('textDocument/codeAction', {
        textDocument: { uri: sampleUri },
        range: missing[0]?.range ?? { start: { line: 5, character: 16 }, end: { line: 5, character: 32 } },
        context: { diagnostics: missing },
      });
      assert.ok(!fixes.some((fix) => fix.edit?.documentChanges), JSON.stringify(fixes));
      assert.deepEqual(client.serverRequests, []);
    });
  });

  it('takes settings from initializationOptions, then from didChangeConfiguration', async () => {
    const client = await startBare({ cardwright: { validation: { enable: false } } });
    try {
      const uri = 'file:///virtual/bare/six/model-card.yaml';
      open(client, uri, 'license: nonsense\n');
      const off = await client.diagnostics(uri);
      assert.deepEqual(off.diagnostics, [], 'validation disabled by initializationOptions');
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cardwright: { validation: { enable: true } } } });
      const on = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.ok(on.diagnostics.some((d) => d.code === 'license/unknown-id'), JSON.stringify(on.diagnostics));
      assert.deepEqual(client.serverRequests, []);
    } finally {
      await client.stop();
    }
  });

  it('prints its version and help', async () => {
    const bin = path.join(root, manifest.bin['cardwright-language-server']);
    const { execFileSync } = await import('node:child_process');
    assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim(), manifest.version);
    assert.match(execFileSync(bin, ['--help'], { encoding: 'utf8' }), /^Usage: cardwright-language-server/);
  });
});
