/** The real bundled server over stdio: published diagnostics for cards, edits and README front matter. */
import * as assert from 'node:assert/strict';
import { startServer, TestServer } from '../support/lspClient';

describe('language server diagnostics', function () {
  this.timeout(20_000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ validation: { enable: true, debounceMs: 20 } });
  });
  after(async () => server?.stop());

  it('publishes a diagnostic with code, source and exact range for a misspelled key', async () => {
    const uri = 'file:///virtual/one/model-card.yaml';
    const waiting = server.nextDiagnostics(uri);
    server.open(uri, 'license: mit\nlicence: mit\n');
    const { diagnostics } = await waiting;
    const typo = diagnostics.find((d) => d.code === 'hub/unknown-key');
    assert.ok(typo, JSON.stringify(diagnostics));
    assert.equal(typo.source, 'Cardwright');
    assert.deepEqual(typo.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
    assert.match(typo.message, /did you mean `license`/);
  });

  it('updates diagnostics when the document changes, unsaved', async () => {
    const uri = 'file:///virtual/two/model-card.yaml';
    let waiting = server.nextDiagnostics(uri);
    server.open(uri, 'license: apache 2.0\n');
    const first = await waiting;
    assert.ok(first.diagnostics.some((d) => d.code === 'license/unknown-id'), JSON.stringify(first.diagnostics));
    waiting = server.nextDiagnostics(uri, (p) => p.version === 2);
    server.change(uri, 2, 'license: apache-2.0\n');
    const second = await waiting;
    assert.deepEqual(second.diagnostics, []);
  });

  it('maps front matter findings back into README.md and leaves a README without front matter alone', async () => {
    const uri = 'file:///virtual/three/README.md';
    const waiting = server.nextDiagnostics(uri);
    server.open(uri, '---\nlicense: mit\nlanguage: es-ES\n---\n\n# My model\n');
    const { diagnostics } = await waiting;
    const language = diagnostics.find((d) => d.code === 'hub/language-code');
    assert.ok(language, JSON.stringify(diagnostics));
    assert.deepEqual(language.range.start, { line: 2, character: 10 });
    const plain = 'file:///virtual/four/README.md';
    const none = server.nextDiagnostics(plain);
    server.open(plain, '# Just a readme\n\nNo metadata here.\n');
    assert.deepEqual((await none).diagnostics, []);
  });

  it('survives hostile input and keeps answering quickly', async () => {
    const uri = 'file:///virtual/five/model-card.yaml';
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    const inputs = [bomb, '\u0000\u0001\u0002binary', '['.repeat(50_000), 'a:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n'), 'x'.repeat(3_000_000)];
    let version = 1;
    let waiting = server.nextDiagnostics(uri);
    server.open(uri, inputs[0]);
    for (const input of inputs) {
      const published = await waiting;
      assert.ok(published.diagnostics.length > 0, `expected a finding for input starting ${JSON.stringify(input.slice(0, 20))}`);
      version++;
      waiting = server.nextDiagnostics(uri, (p) => p.version === version);
      server.change(uri, version, inputs[inputs.indexOf(input) + 1] ?? 'license: mit\n');
    }
    assert.deepEqual((await waiting).diagnostics, []);
    assert.equal(server.process.exitCode, null, 'the server must still be running');
  });
});
