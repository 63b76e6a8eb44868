/**
 * The card's own model on the real server, with the tiny sentiment model of test/fixtures/card-model
 * (training/tinyTextClassifier.py): which model, running it on the widget examples, and the card
 * checks that need it: task mismatch, unknown output labels, expected outputs, PII in examples and
 * its redaction fix, and a `cardwright.model_path` that names no model.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CardModelResult, Requests, RunCardModelResult } from '../../protocol/messages';
import { PublishedDiagnostics, startServer, TestServer } from '../support/lspClient';
import { tempProject } from '../support/runCli';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'card-model');
const TASKS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'card-model-tasks');
const CARD = fs.readFileSync(path.join(FIXTURE, 'model-card.yaml'), 'utf8');

type Diagnostic = PublishedDiagnostics['diagnostics'][number];

function textAt(text: string, range: Diagnostic['range']): string {
  const lines = text.split('\n');
  if (range.start.line !== range.end.line) throw new Error('a range over several lines');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

describe('language server: the card\'s own model', function () {
  this.timeout(120_000);
  let server: TestServer;
  const project = tempProject({});
  /** A card in a copy of the fixture folder (the model next to it), opened with `text`. */
  const openCard = async (name: string, text: string, accept: (d: Diagnostic[]) => boolean): Promise<{ uri: string; diagnostics: Diagnostic[] }> => {
    const folder = path.join(project.dir, name);
    fs.cpSync(FIXTURE, folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'model-card.yaml'), text);
    const uri = pathToFileURL(path.join(folder, 'model-card.yaml')).href;
    const waiting = server.nextDiagnostics(uri, (p) => accept(p.diagnostics), 90_000);
    server.open(uri, text);
    return { uri, diagnostics: (await waiting).diagnostics };
  };

  before(async () => {
    server = await startServer({ validation: { enable: true, debounceMs: 10 }, pii: { threshold: 0.5 } });
  });
  after(async () => {
    await server?.stop();
    project.remove();
  });

  it('describes the model next to the card: name, size, task, where found', async () => {
    const folder = path.join(project.dir, 'describe');
    fs.cpSync(FIXTURE, folder, { recursive: true });
    const uri = pathToFileURL(path.join(folder, 'model-card.yaml')).href;
    const result: CardModelResult = await server.connection.sendRequest(Requests.cardModel, { cardUri: uri });
    assert.ok(result.model, result.message);
    assert.equal(result.model.name, 'cardwright-tiny-sentiment');
    assert.equal(result.model.task, 'text-classification');
    assert.equal(result.model.foundBy, 'card-folder');
    assert.equal(result.model.quantization, 'int8');
    assert.equal(result.model.sizeBytes, fs.statSync(path.join(folder, 'onnx', 'model_quantized.onnx')).size);
    assert.deepEqual(result.model.labels, ['NEGATIVE', 'POSITIVE']);

    const bare = tempProject({ 'model-card.yaml': 'license: mit\npipeline_tag: text-classification\n' });
    try {
      const none: CardModelResult = await server.connection.sendRequest(Requests.cardModel, { cardUri: pathToFileURL(path.join(bare.dir, 'model-card.yaml')).href });
      assert.equal(none.model, undefined);
      assert.match(none.message!, /No model next to the card/);
      assert.match(none.message!, /config\.json, tokenizer\.json and onnx\/model\.onnx/);
      assert.match(none.message!, /cardwright\.model_path/);
    } finally {
      bare.remove();
    }
  });

  it('runs the widget examples with their titles and every label\'s score', async () => {
    const folder = path.join(project.dir, 'run');
    fs.cpSync(FIXTURE, folder, { recursive: true });
    const uri = pathToFileURL(path.join(folder, 'model-card.yaml')).href;
    const result: RunCardModelResult = await server.connection.sendRequest(Requests.runCardModel, { cardUri: uri, source: 'widgetExamples' });
    assert.equal(result.error, undefined);
    assert.equal(result.items.length, 3);
    const [happy, unhappy] = result.items;
    assert.equal(happy.title, 'Happy customer');
    assert.equal(happy.output?.kind, 'labels');
    const labels = happy.output?.kind === 'labels' ? happy.output.labels : [];
    assert.deepEqual(labels.map((l) => l.label), ['POSITIVE', 'NEGATIVE']);
    assert.ok(labels[0].score > 0.9 && Math.abs(labels[0].score + labels[1].score - 1) < 1e-4, JSON.stringify(labels));
    assert.equal(unhappy.output?.kind === 'labels' && unhappy.output.labels[0].label, 'NEGATIVE');
    assert.equal(happy.mismatch, undefined);

    const typed: RunCardModelResult = await server.connection.sendRequest(Requests.runCardModel, { cardUri: uri, source: 'text', text: 'The hotel room was awful.' });
    assert.equal(typed.items[0].output?.kind === 'labels' && typed.items[0].output.labels[0].label, 'NEGATIVE');
  });

  it('says which file fails to load and why', async () => {
    const folder = path.join(project.dir, 'broken');
    fs.cpSync(FIXTURE, folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'onnx', 'model_quantized.onnx'), 'not an onnx model');
    const uri = pathToFileURL(path.join(folder, 'model-card.yaml')).href;
    const result: RunCardModelResult = await server.connection.sendRequest(Requests.runCardModel, { cardUri: uri, source: 'text', text: 'great' });
    assert.deepEqual(result.items, []);
    assert.match(result.error!, /onnx[\\/]model_quantized\.onnx/);
    assert.match(result.error!, /broken/);
  });

  it('warns about personal data in a widget example at its exact range, with a redaction fix', async () => {
    const { uri, diagnostics } = await openCard('pii', CARD, (d) => d.some((x) => x.code === 'privacy/pii-in-widget-example'));
    const pii = diagnostics.filter((d) => d.code === 'privacy/pii-in-widget-example');
    assert.equal(pii.length, 1, JSON.stringify(diagnostics));
    assert.equal(textAt(CARD, pii[0].range), 'dana.whitfield@gmail.com');
    assert.equal(pii[0].severity, 2);
    assert.match(pii[0].message, /EMAIL_ADDRESS/);
    // The fixture card agrees with its model: no other finding.
    assert.deepEqual(diagnostics.filter((d) => d.code !== 'privacy/pii-in-widget-example'), []);

    const actions: Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, Array<{ range: Diagnostic['range']; newText: string }>> } }> =
      await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: pii[0].range,
        context: { diagnostics: [pii[0]], only: ['quickfix'] },
      });
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, JSON.stringify(actions.map((a) => a.title)));
    assert.match(preferred.title, /\[EMAIL_ADDRESS\]/);
    const [edit] = preferred.edit.changes[uri];
    const fixed = CARD.slice(0, offsetOf(CARD, edit.range.start)) + edit.newText + CARD.slice(offsetOf(CARD, edit.range.end));
    assert.match(fixed, /"The support team was helpful, write to \[EMAIL_ADDRESS\] for details\."/);
    assert.ok(actions.some((a) => /person1@example\.com/.test(a.title)), 'a pseudonym fix too');

    // After the fix the warning goes away.
    const cleared = server.nextDiagnostics(uri, (p) => p.version === 2 && !p.diagnostics.some((d) => d.code === 'privacy/pii-in-widget-example'), 60_000);
    server.change(uri, 2, fixed);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('reports a pipeline_tag the model cannot serve, from config.json alone', async () => {
    const text = CARD.replace('pipeline_tag: text-classification', 'pipeline_tag: token-classification');
    const { diagnostics } = await openCard('task', text, (d) => d.some((x) => x.code === 'widget/task-mismatch'));
    const mismatch = diagnostics.find((d) => d.code === 'widget/task-mismatch')!;
    assert.equal(textAt(text, mismatch.range), 'token-classification');
    assert.match(mismatch.message, /BertForSequenceClassification.*text-classification/);
  });

  it('reports an output label the model does not have, and an expected output the model does not give', async () => {
    const text = CARD.replace('      - label: NEGATIVE\n        score: 0.0', '      - label: NEUTRAL\n        score: 0.0').replace(
      '  - text: "The delivery was slow and the staff was rude."\n    example_title: Unhappy customer\n    output:\n      - label: NEGATIVE\n        score: 1.0\n      - label: POSITIVE\n        score: 0.0',
      '  - text: "The delivery was slow and the staff was rude."\n    example_title: Unhappy customer\n    output:\n      - label: POSITIVE\n        score: 0.9\n      - label: NEGATIVE\n        score: 0.1',
    );
    assert.notEqual(text, CARD);
    const { diagnostics } = await openCard(
      'labels',
      text,
      (d) => d.some((x) => x.code === 'widget/unknown-label') && d.some((x) => x.code === 'widget/output-mismatch'),
    );
    const unknown = diagnostics.filter((d) => d.code === 'widget/unknown-label');
    assert.equal(unknown.length, 1);
    assert.equal(textAt(text, unknown[0].range), 'NEUTRAL');
    const mismatches = diagnostics.filter((d) => d.code === 'widget/output-mismatch');
    assert.equal(mismatches.length, 1, JSON.stringify(mismatches));
    assert.equal(mismatches[0].range.start.line, text.split('\n').findIndex((l) => l.includes('Unhappy customer')) + 1);
    assert.match(mismatches[0].message, /expects `POSITIVE`.*answers `NEGATIVE`/);
  });

  it('finds the model through cardwright.model_path, and warns when the path names no model', async () => {
    const elsewhere = path.join(project.dir, 'elsewhere');
    fs.mkdirSync(elsewhere, { recursive: true });
    const model = path.join(project.dir, 'models', 'sentiment');
    fs.cpSync(FIXTURE, model, { recursive: true });
    const cardPath = path.join(elsewhere, 'model-card.yaml');
    const text = `${CARD}cardwright:\n  model_path: ../models/sentiment\n`;
    fs.writeFileSync(cardPath, text);
    const uri = pathToFileURL(cardPath).href;
    const result: CardModelResult = await server.connection.sendRequest(Requests.cardModel, { cardUri: uri });
    assert.equal(result.model?.foundBy, 'model-path');
    assert.equal(result.model?.folder, model);

    const missing = `${CARD}cardwright:\n  model_path: ../no-such-model\n`;
    const waiting = server.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'widget/model-not-found'), 60_000);
    server.open(uri, missing);
    const notFound = (await waiting).diagnostics.find((d) => d.code === 'widget/model-not-found')!;
    assert.equal(textAt(missing, notFound.range), '../no-such-model');
    assert.match(notFound.message, /no-such-model is not a folder/);
  });

  it('runs fill-mask and zero-shot-classification where the model serves them, and says so for other tasks', async () => {
    const mlm = path.join(project.dir, 'mlm');
    fs.cpSync(path.join(TASKS, 'mlm'), mlm, { recursive: true });
    fs.writeFileSync(path.join(mlm, 'model-card.yaml'), 'license: mit\npipeline_tag: fill-mask\nwidget:\n  - text: the phone was [MASK].\n');
    const mlmUri = pathToFileURL(path.join(mlm, 'model-card.yaml')).href;
    const fills: RunCardModelResult = await server.connection.sendRequest(Requests.runCardModel, { cardUri: mlmUri, source: 'widgetExamples' });
    assert.equal(fills.model?.task, 'fill-mask');
    const fill = fills.items[0].output;
    assert.ok(fill?.kind === 'fills' && fill.fills.length === 5, JSON.stringify(fills));

    const nli = path.join(project.dir, 'nli');
    fs.cpSync(path.join(TASKS, 'nli'), nli, { recursive: true });
    fs.writeFileSync(path.join(nli, 'model-card.yaml'), 'license: mit\npipeline_tag: zero-shot-classification\nwidget:\n  - text: the coffee was cold\n    candidate_labels: food, phone, hotel\n');
    const nliUri = pathToFileURL(path.join(nli, 'model-card.yaml')).href;
    const zeroShot: RunCardModelResult = await server.connection.sendRequest(Requests.runCardModel, { cardUri: nliUri, source: 'widgetExamples' });
    const labels = zeroShot.items[0].output;
    assert.ok(labels?.kind === 'labels', JSON.stringify(zeroShot));
    assert.deepEqual(labels.labels.map((l) => l.label).sort(), ['food', 'hotel', 'phone']);
    // Typed text borrows the card's candidate labels.
    const typed: RunCardModelResult = await server.connection.sendRequest(Requests.runCardModel, { cardUri: nliUri, source: 'text', text: 'a quiet room' });
    assert.equal(typed.items[0].output?.kind, 'labels');

    fs.writeFileSync(path.join(nli, 'model-card.yaml'), 'license: mit\npipeline_tag: translation\n');
    const other: RunCardModelResult = await server.connection.sendRequest(Requests.runCardModel, { cardUri: nliUri, source: 'text', text: 'x' });
    assert.deepEqual(other.items, []);
    assert.match(other.error!, /`translation` is not supported here/);
  });

  it('runs a random sample record through the card\'s model', async () => {
    const folder = path.join(project.dir, 'sample');
    fs.cpSync(FIXTURE, folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'reviews.txt'), 'The hotel room was awful.\n\nThe hotel room was awful.\n');
    const uri = pathToFileURL(path.join(folder, 'model-card.yaml')).href;
    const result: RunCardModelResult = await server.connection.sendRequest(Requests.runCardModel, {
      cardUri: uri,
      source: 'sampleRecord',
      sampleUris: [pathToFileURL(path.join(folder, 'reviews.txt')).href],
    });
    assert.equal(result.items.length, 1);
    assert.equal(result.items[0].text, 'The hotel room was awful.');
    assert.equal(result.items[0].output?.kind === 'labels' && result.items[0].output.labels[0].label, 'NEGATIVE');
  });
});
