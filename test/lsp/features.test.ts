/**
 * The editor features on the real bundled server over stdio: completion, hover, quick fixes from
 * published diagnostics, outline and folding, the Hub front matter export, the Test Classifier's
 * inputs. (CARDWRIGHT_SERVER may point at another build.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClassifierInputsResult, ExportHubFrontMatterResult, NewModelCardResult, Requests } from '../../protocol/messages';
import { startServer, TestServer } from '../support/lspClient';

interface Position {
  line: number;
  character: number;
}

interface LspTextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

function applyLspEdits(text: string, edits: LspTextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

describe('language server editor features', function () {
  this.timeout(30_000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ validation: { enable: true, debounceMs: 0 } }, { script: process.env.CARDWRIGHT_SERVER || undefined });
  });
  after(async () => server?.stop());

  it('completes keys and license ids with snippet edits and markdown documentation', async () => {
    const uri = 'file:///virtual/features/one/model-card.yaml';
    const text = 'license: mit\npriv\n';
    server.open(uri, text);
    const keys = await server.connection.sendRequest<{ items: { label: string; textEdit: LspTextEdit; insertTextFormat: number; kind: number }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 4 },
    });
    const privacy = keys.items.find((item) => item.label === 'privacy section');
    assert.ok(privacy, keys.items.map((i) => i.label).join());
    assert.equal(privacy.insertTextFormat, 2, 'snippet');
    assert.deepEqual(privacy.textEdit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.ok(!keys.items.some((item) => item.label === 'license'), 'present keys are left out');
    const values = await server.connection.sendRequest<{ items: { label: string; detail?: string; documentation?: { kind: string; value: string } }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 10 },
    });
    const nc = values.items.find((item) => item.label === 'cc-by-nc-4.0');
    assert.equal(nc?.documentation?.kind, 'markdown');
    assert.match(nc?.documentation?.value ?? '', /non-commercial/i);
  });

  it('hovers a license id with its facts and a finding with why', async () => {
    const uri = 'file:///virtual/features/two/model-card.yaml';
    const waiting = server.nextDiagnostics(uri);
    server.open(uri, 'license: gemma\nlicence: mit\n');
    await waiting;
    const facts = await server.connection.sendRequest<{ contents: { kind: string; value: string }; range: { start: Position; end: Position } }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 11 },
    });
    assert.match(facts.contents.value, /Gemma Terms of Use/);
    assert.deepEqual(facts.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } });
    const why = await server.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.match(why.contents.value, /Why `hub\/unknown-key`/);
    const none = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 0 } });
    assert.equal(none, null);
  });

  it('offers quick fixes for published diagnostics, and the edits fix them', async () => {
    const uri = 'file:///virtual/features/three/README.md';
    const text = '---\nlicense: Apache 2.0\nlanguage:\n  - es-ES\n  - pt_BR\n---\n# Model\n';
    const waiting = server.nextDiagnostics(uri);
    server.open(uri, text, 'markdown');
    const { diagnostics } = await waiting;
    const license = diagnostics.find((d) => d.code === 'license/unknown-id');
    assert.ok(license, JSON.stringify(diagnostics));
    const actions = await server.connection.sendRequest<{ title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, LspTextEdit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: license.range,
      context: { diagnostics: [license], only: ['quickfix'] },
    });
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, JSON.stringify(actions));
    assert.equal(preferred.kind, 'quickfix');
    assert.equal(applyLspEdits(text, preferred.edit.changes[uri]), text.replace('Apache 2.0', 'apache-2.0'));
    const languages = diagnostics.filter((d) => d.code === 'hub/language-code');
    assert.equal(languages.length, 2);
    const fixes = await server.connection.sendRequest<{ title: string; edit: { changes: Record<string, LspTextEdit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: languages[0].range,
      context: { diagnostics: [languages[0]] },
    });
    const all = fixes.find((a) => a.title.startsWith('Fix all'));
    assert.ok(all, fixes.map((f) => f.title).join(' | '));
    assert.equal(applyLspEdits(text, all.edit.changes[uri]), text.replace('es-ES', 'es').replace('pt_BR', 'pt'));
  });

  it('returns the outline and folding ranges', async () => {
    const uri = 'file:///virtual/features/four/model-card.yaml';
    server.open(uri, 'license: mit\nupstream:\n  datasets:\n    - id: acme/a\n      license: mit\n');
    const symbols = await server.connection.sendRequest<{ name: string; children?: { name: string; children?: { name: string }[] }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['license', 'upstream']);
    assert.equal(symbols[1].children?.[0].children?.[0].name, 'acme/a');
    const folds = await server.connection.sendRequest<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[1, 4], [2, 4], [3, 4]]);
  });

  it('exports a card\'s Hub keys into README front matter, keeping the README body', async () => {
    const result = await server.connection.sendRequest<ExportHubFrontMatterResult>(Requests.exportHubFrontMatter, {
      cardText: 'license: mit\nlanguage: [en]\nprivacy:\n  personal_data: false\n',
      readmeText: '---\nlicense: apache-2.0\n---\n# My model\n',
    });
    assert.equal(result.error, undefined);
    assert.match(result.text, /^---\n[\s\S]*license: mit[\s\S]*\n---\n# My model\n$/);
    assert.ok(!result.text.includes('apache-2.0') && !result.text.includes('privacy'), result.text);
    assert.deepEqual(result.dropped, ['privacy']);
    const broken = await server.connection.sendRequest<ExportHubFrontMatterResult>(Requests.exportHubFrontMatter, { cardText: 'license: [mit\n', readmeText: '' });
    assert.match(broken.error ?? '', /YAML errors/);
  });

  it('offers the license choices for a new card, then writes it', async () => {
    const { licenses, text } = await server.connection.sendRequest<NewModelCardResult>(Requests.newModelCard, {});
    assert.equal(text, undefined);
    const ids = licenses.map((l) => l.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
    assert.ok(ids.includes('mit') && ids.includes('apache-2.0') && ids.includes('other'), ids.join());
    assert.ok(licenses.every((l) => l.name && l.summary), 'every choice has a name and a summary');
    const card = await server.connection.sendRequest<NewModelCardResult>(Requests.newModelCard, { license: 'cc-by-nc-4.0', modelName: 'acme-bot' });
    assert.match(card.text ?? '', /^license: cc-by-nc-4\.0$/m);
    assert.match(card.text ?? '', /acme-bot/);
  });

  it("gives the Test Classifier the card's widget examples (as edited) and records of its samples", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-inputs-'));
    try {
      fs.mkdirSync(path.join(dir, 'data'));
      fs.writeFileSync(path.join(dir, 'data', 'rows.csv'), 'name,email\nDana Whitfield,dana@example.com\n');
      fs.writeFileSync(path.join(dir, 'other.jsonl'), '{"text": "Call Ana at +1 415 555 0132"}\n');
      fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 255, 254]));
      const card = path.join(dir, 'model-card.yaml');
      const onDisk = 'license: mit\nupstream:\n  datasets:\n    - id: local\n      samples: [data/rows.csv]\nwidget:\n  - text: on disk\n';
      fs.writeFileSync(card, onDisk);
      const cardUri = pathToFileURL(card).href;
      const ask = (params: object) => server.connection.sendRequest<ClassifierInputsResult>(Requests.classifierInputs, params);

      assert.deepEqual((await ask({ kind: 'widgetExamples', cardUri })).texts, ['on disk']);
      server.open(cardUri, onDisk.replace('on disk', 'Hi, I am Dana'));
      assert.deepEqual((await ask({ kind: 'widgetExamples', cardUri })).texts, ['Hi, I am Dana']);
      assert.deepEqual((await ask({ kind: 'sampleRecord', cardUri })).texts, ['name: Dana Whitfield\nemail: dana@example.com']);
      // Scanned files are candidates too; a missing, binary or non-file one is skipped, never an error.
      const records = new Set<string>();
      for (let i = 0; i < 12; i++) {
        const { texts } = await ask({ kind: 'sampleRecord', sampleUris: [pathToFileURL(path.join(dir, 'other.jsonl')).href, pathToFileURL(path.join(dir, 'gone.csv')).href, pathToFileURL(path.join(dir, 'image.txt')).href, 'untitled:x'] });
        records.add(texts.join());
      }
      assert.deepEqual([...records], ['text: Call Ana at +1 415 555 0132']);
      assert.deepEqual((await ask({ kind: 'widgetExamples' })).texts, []);
      assert.deepEqual((await ask({ kind: 'sampleRecord', cardUri: pathToFileURL(path.join(dir, 'none.yaml')).href })).texts, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
