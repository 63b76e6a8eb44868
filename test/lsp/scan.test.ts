/** The scan request on the real server with the shipped model: progress, diagnostics in samples, the card's reaction, cancel. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClassifyTextResult, RedactFileResult, Requests, ScanDatasetResult } from '../../protocol/messages';
import { startServer, TestServer } from '../support/lspClient';
import { tempProject } from '../support/runCli';

describe('language server PII scan', function () {
  this.timeout(120_000);
  let server: TestServer;
  const examples = path.join(__dirname, '..', '..', '..', 'examples');
  const project = tempProject({});

  before(async () => {
    fs.cpSync(examples, project.dir, { recursive: true });
    server = await startServer({ validation: { enable: true, debounceMs: 10 }, pii: { threshold: 0.5 } });
  });
  after(async () => {
    await server?.stop();
    project.remove();
  });

  it('scans the samples a card lists, reports progress, and publishes findings at exact places', async () => {
    const cardUri = pathToFileURL(path.join(project.dir, 'model-card.yaml')).href;
    const cardText = fs.readFileSync(path.join(project.dir, 'model-card.yaml'), 'utf8');
    const first = server.nextDiagnostics(cardUri);
    server.open(cardUri, cardText);
    const before = await first;
    assert.ok(!before.diagnostics.some((d) => d.code === 'privacy/undeclared-pii-category'));

    const reacted = server.nextDiagnostics(cardUri, (p) => p.diagnostics.some((d) => d.code === 'privacy/undeclared-pii-category'), 60_000);
    const result: ScanDatasetResult = await server.connection.sendRequest(Requests.scanDataset, { cardUri, workDoneToken: 'scan-1' });
    assert.equal(result.cancelled, false);
    assert.ok(result.findings.length >= 5, result.summary);
    assert.match(result.summary, /^\d+ findings? in 3 files; 1 file skipped: not found/);
    for (const type of ['EMAIL_ADDRESS', 'PHONE_NUMBER', 'PERSON', 'SECRET', 'IP_ADDRESS']) assert.ok(result.byType[type] > 0, `${type} in ${JSON.stringify(result.byType)}`);

    const kinds = server.progress.filter((p) => p.token === 'scan-1').map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    assert.equal(kinds[kinds.length - 1], 'end');

    const jsonl = path.join(project.dir, 'data', 'tickets-sample.jsonl');
    const text = fs.readFileSync(jsonl, 'utf8');
    const sample = server.published.find((p) => p.uri === pathToFileURL(jsonl).href);
    assert.ok(sample, 'diagnostics for the JSONL sample');
    const email = sample.diagnostics.find((d) => d.code === 'EMAIL_ADDRESS');
    assert.ok(email);
    assert.equal(email.source, 'Cardwright PII');
    const lines = text.split('\n');
    const { start, end } = email.range;
    assert.equal(lines[start.line].slice(start.character, end.character), 'dana.whitfield@example.com');

    const card = await reacted;
    const undeclared = card.diagnostics.find((d) => d.code === 'privacy/undeclared-pii-category');
    assert.match(undeclared!.message, /EMAIL_ADDRESS/);
  });

  it('answers a scan of things that are not files on disk with a clear summary, not an error', async () => {
    const untitled: ScanDatasetResult = await server.connection.sendRequest(Requests.scanDataset, { cardUri: 'untitled:Untitled-1' });
    assert.deepEqual(untitled.findings, []);
    assert.match(untitled.summary, /not a file on disk: save it first/);
    const gone: ScanDatasetResult = await server.connection.sendRequest(Requests.scanDataset, { cardUri: pathToFileURL(path.join(project.dir, 'gone', 'model-card.yaml')).href });
    assert.match(gone.summary, /cannot read the card/);
    const mixed: ScanDatasetResult = await server.connection.sendRequest(Requests.scanDataset, {
      uris: ['untitled:notes.txt', pathToFileURL(path.join(project.dir, 'data', 'faq-sample.txt')).href],
    });
    assert.match(mixed.summary, /in 1 file; not files on disk, not scanned: untitled:notes\.txt/);
    assert.ok(mixed.findings.length > 0, mixed.summary);
  });

  it('serves redaction quick fixes and "Redact All" edits for the sample files it published findings for', async () => {
    const jsonl = path.join(project.dir, 'data', 'tickets-sample.jsonl');
    const uri = pathToFileURL(jsonl).href;
    const text = fs.readFileSync(jsonl, 'utf8');
    const published = server.published.filter((p) => p.uri === uri).pop();
    assert.ok(published && published.diagnostics.length > 0, 'the scan above published PII diagnostics for the JSONL sample');
    const email = published.diagnostics.find((d) => d.code === 'EMAIL_ADDRESS')!;
    server.open(uri, text, 'jsonl');
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: email.range,
      context: { diagnostics: [email], only: ['quickfix'] },
    })) as Array<{ title: string; edit?: { changes: Record<string, Array<{ range: typeof email.range; newText: string }>> }; command?: { command: string } }>;
    const placeholder = actions.find((a) => a.title === 'Redact with [EMAIL_ADDRESS]');
    assert.ok(placeholder?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title.startsWith('Redact with pseudonym (')));
    assert.ok(actions.some((a) => a.command?.command === 'cardwright.redactAllInFile'));
    const [edit] = placeholder.edit.changes[uri];
    assert.deepEqual(edit.range, email.range);
    assert.equal(edit.newText, '[EMAIL_ADDRESS]');

    const all = (await server.connection.sendRequest(Requests.redactFile, {
      uri,
      style: 'placeholder',
      targets: published.diagnostics.map((d) => ({ range: d.range, type: String(d.code) })),
      copy: true,
    })) as RedactFileResult;
    assert.equal(all.error, undefined);
    assert.ok(all.edits.length > 0 && all.edits.length <= published.diagnostics.length);
    const records = all.text!.split('\n').filter((line) => line.trim().length > 0);
    assert.equal(records.length, text.split('\n').filter((line) => line.trim().length > 0).length);
    for (const record of records) JSON.parse(record); // still one JSON object per line
    assert.ok(!all.text!.includes('dana.whitfield@example.com'));

    const parquet = (await server.connection.sendRequest(Requests.redactFile, { uri: pathToFileURL(path.join(project.dir, 'nope.parquet')).href, style: 'placeholder', targets: [] })) as RedactFileResult;
    assert.match(parquet.error ?? '', /cannot read|not a text format/);
  });

  it('classifies a text with the shipped model and the recognizers', async () => {
    const result: ClassifyTextResult = await server.connection.sendRequest(Requests.classifyText, {
      text: 'Contact Maria Garcia at maria.garcia@example.com or +1 415 555 0132.',
      tokens: true,
    });
    assert.equal(result.modelError, undefined);
    assert.ok(result.model && result.model.sizeBytes > 0);
    const types = result.spans.map((s) => s.type);
    assert.ok(types.includes('EMAIL_ADDRESS') && types.includes('PHONE_NUMBER'), JSON.stringify(result.spans));
    assert.ok(result.tokens && result.tokens.some((t) => t.token.toLowerCase() === 'maria'));
  });

  it('stops a scan that is cancelled mid-way', async () => {
    const big = path.join(project.dir, 'big.csv');
    const row = 'id,name,email,phone\n' + Array.from({ length: 40_000 }, (_, i) => `${i},Person ${i},p${i}@example.com,+1 415 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`).join('\n');
    fs.writeFileSync(big, row);
    const token = 'scan-cancel';
    let sawReport!: () => void;
    const reported = new Promise<void>((resolve) => (sawReport = resolve));
    server.onProgress((p) => {
      if (p.token === token && p.value.kind === 'report') sawReport();
    });
    const { CancellationTokenSource } = await import('vscode-jsonrpc');
    const source = new CancellationTokenSource();
    const request = server.connection.sendRequest(Requests.scanDataset, { uris: [pathToFileURL(big).href], workDoneToken: token }, source.token) as Promise<ScanDatasetResult>;
    await reported;
    source.cancel();
    const result = await request.catch((error: Error) => ({ cancelled: true, error }) as unknown as ScanDatasetResult);
    assert.equal(result.cancelled, true);
  });
});
