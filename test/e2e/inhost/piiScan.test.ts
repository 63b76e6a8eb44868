// "Scan Dataset for PII" through the real extension host: the command on the example card, PII
// diagnostics in the samples (files never opened), the card's reaction, the Findings store,
// redaction quick fixes that keep JSONL and CSV parseable, and clearing the results.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cardwrightExtension, codeOf, describe as describeDiagnostics, workspaceRoot } from './workbench';
import { waitFor } from './waitFor';

const PII_SOURCE = 'Cardwright PII';
/** PII diagnostics carry the entity type as their code. */
const ENTITY_TYPE = /^[A-Z][A-Z_]+$/;

interface FindingsApi {
  findings: { total(): number; scannedUris(): string[] };
}

function piiDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === PII_SOURCE);
}

/** Every Uri that has PII diagnostics now. */
function urisWithPii(): vscode.Uri[] {
  return vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === PII_SOURCE)).map(([uri]) => uri);
}

function sample(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'data', name);
}

/** Splits CSV text into records of fields (RFC 4180 quoting, newlines inside quotes); throws on a broken quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i += 1; continue; }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field.length > 0) throw new Error(`a quote inside an unquoted field at offset ${i}`);
      quoted = true;
    } else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
    i += 1;
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field.length > 0 || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

/** The quick fixes VS Code offers at a diagnostic, resolved. */
async function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

describe('PII scan of the example dataset', function () {
  this.timeout(150_000);
  const card = () => vscode.Uri.joinPath(workspaceRoot(), 'model-card.yaml');
  const tickets = () => sample('tickets-sample.jsonl');
  const customers = () => sample('customers-sample.csv');

  before(async function () {
    this.timeout(150_000);
    const doc = await vscode.workspace.openTextDocument(card());
    await vscode.window.showTextDocument(doc);
    await cardwrightExtension().activate();
  });

  it('"Scan Dataset for PII" puts findings into the samples, the card and the Findings view', async () => {
    assert.equal(piiDiagnostics(tickets()).length, 0, 'PII diagnostics before any scan');
    const result = await vscode.commands.executeCommand<{ findings: unknown[]; summary: string } | undefined>('cardwright.scanDataset', card());
    assert.ok(result, 'the scan command returned nothing (cancelled or refused)');
    assert.ok(result.findings.length > 0, `the scan found nothing: ${result.summary}`);

    const found = await waitFor(() => {
      const ds = piiDiagnostics(tickets());
      return ds.some((d) => codeOf(d) === 'EMAIL_ADDRESS') && ds;
    }, `an EMAIL_ADDRESS PII diagnostic in data/tickets-sample.jsonl (now: ${describeDiagnostics(piiDiagnostics(tickets()))})`, 60_000);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(tickets()));
    const lines = text.split('\n');
    for (const d of found) {
      assert.match(codeOf(d), ENTITY_TYPE, `PII diagnostic "${d.message}" has code "${codeOf(d)}"`);
      assert.equal(d.range.start.line, d.range.end.line, `${codeOf(d)} spans lines`);
      assert.ok(d.range.end.character > d.range.start.character, `${codeOf(d)} has an empty range`);
      assert.ok(d.range.end.character <= (lines[d.range.start.line] ?? '').length, `${codeOf(d)} lies past its line's end`);
    }
    const email = found.find((d) => codeOf(d) === 'EMAIL_ADDRESS')!;
    const emailText = lines[email.range.start.line].slice(email.range.start.character, email.range.end.character);
    assert.match(emailText, /^[^\s"@]+@[^\s"@]+\.[a-z]+$/i, `the EMAIL_ADDRESS range covers "${emailText}"`);

    // The other samples got findings too, without being opened.
    const withPii = urisWithPii().map((u) => u.path);
    assert.ok(withPii.some((p) => p.endsWith('/data/customers-sample.csv')), `no PII diagnostics in the CSV sample (have: ${withPii.join(', ')})`);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === tickets().toString()),
      'the scan opened the sample as a document');

    // The card lists PERSON and PHONE_NUMBER only: the scan's EMAIL_ADDRESS findings are undeclared.
    const onCard = await waitFor(() => vscode.languages.getDiagnostics(card()).find((d) => codeOf(d) === 'privacy/undeclared-pii-category'),
      `a privacy/undeclared-pii-category finding on the card (now: ${describeDiagnostics(vscode.languages.getDiagnostics(card()))})`, 60_000);
    assert.match(onCard.message, /EMAIL_ADDRESS/);

    const api = (await cardwrightExtension().activate()) as FindingsApi;
    assert.ok(api?.findings, 'the extension exports no `findings` store');
    assert.equal(api.findings.total(), result.findings.length, 'the Findings store does not hold the scan result');
    assert.ok(api.findings.scannedUris().length >= 3, `scanned files: ${api.findings.scannedUris().join(', ')}`);
  });

  it('offers redaction quick fixes that keep every JSONL line valid JSON', async () => {
    const doc = await vscode.workspace.openTextDocument(tickets());
    const before = doc.getText();
    const email = piiDiagnostics(doc.uri).find((d) => codeOf(d) === 'EMAIL_ADDRESS');
    assert.ok(email, 'no EMAIL_ADDRESS diagnostic left from the scan');
    const value = doc.getText(email.range);

    const fixes = await quickFixesAt(doc.uri, email.range);
    const titles = fixes.map((a) => a.title);
    const placeholder = fixes.find((a) => a.title.startsWith('Redact with ['));
    assert.ok(placeholder, `no "Redact with [...]" fix (have: ${titles.join(' | ')})`);
    assert.equal(placeholder.title, 'Redact with [EMAIL_ADDRESS]');
    assert.ok(titles.some((t) => t.startsWith('Redact with pseudonym')), `no pseudonym fix (have: ${titles.join(' | ')})`);
    assert.ok(placeholder.edit, 'the placeholder fix carries no edit');

    assert.ok(await vscode.workspace.applyEdit(placeholder.edit), 'the redaction edit was not applied');
    const after = doc.getText();
    assert.notEqual(after, before);
    const line = doc.lineAt(email.range.start.line).text;
    assert.ok(!line.includes(value), `"${value}" is still on line ${email.range.start.line + 1}: ${line}`);
    assert.match(line, /\[EMAIL_ADDRESS\]/);
    const records = after.split('\n').filter((l) => l.trim().length > 0);
    assert.equal(records.length, before.split('\n').filter((l) => l.trim().length > 0).length, 'the number of records changed');
    for (const [i, l] of records.entries()) assert.doesNotThrow(() => JSON.parse(l), `line ${i + 1} is no longer JSON: ${l}`);
    assert.ok(!JSON.stringify(records.map((l) => JSON.parse(l))).includes(value), `"${value}" survives in a parsed record`);
  });

  it('redacts a CSV value with a pseudonym and keeps the CSV structure', async () => {
    const doc = await vscode.workspace.openTextDocument(customers());
    const before = parseCsv(doc.getText());
    const diagnostics = piiDiagnostics(doc.uri);
    // A finding inside a quoted, multi-line field when there is one (the hardest case), else any.
    const target = diagnostics.find((d) => codeOf(d) === 'STREET_ADDRESS') ?? diagnostics[0];
    assert.ok(target, 'no PII diagnostic in the CSV sample');
    const value = doc.getText(target.range);
    const fixes = await quickFixesAt(doc.uri, target.range);
    const pseudonym = fixes.find((a) => a.title.startsWith('Redact with pseudonym'));
    assert.ok(pseudonym?.edit, `no pseudonym fix with an edit (have: ${fixes.map((a) => a.title).join(' | ')})`);
    assert.ok(await vscode.workspace.applyEdit(pseudonym.edit));

    const after = parseCsv(doc.getText());
    assert.equal(after.length, before.length, 'the number of CSV records changed');
    for (const [i, record] of after.entries()) {
      assert.equal(record.length, before[i].length, `record ${i + 1} has ${record.length} fields, had ${before[i].length}`);
    }
    assert.ok(!doc.lineAt(target.range.start.line).text.includes(value), `"${value}" is still there`);
  });

  it('scans a file of over 1 MB in the language server\'s detection worker threads', async () => {
    const big = sample('generated-big.csv');
    const rows = Array.from({ length: 14000 }, (_, i) => `${i},Mara Lindqvist,mara${i}@post-box.se,"note ${i}: call +46 8 123 45${String(i % 100).padStart(2, '0')} after lunch"`);
    await vscode.workspace.fs.writeFile(big, new TextEncoder().encode('id,name,email,note\n' + rows.join('\n') + '\n'));
    try {
      const result = await vscode.commands.executeCommand<{ findings: Array<{ type: string }>; summary: string; workers: number } | undefined>('cardwright.scanDataset', big);
      assert.ok(result, 'the scan command returned nothing');
      assert.equal(result.workers, 2, `detection threads used: ${result.workers} (${result.summary})`);
      const emails = result.findings.filter((f) => f.type === 'EMAIL_ADDRESS').length;
      assert.equal(emails, 14000, `EMAIL_ADDRESS findings: ${emails} (${result.summary})`);
      await waitFor(() => piiDiagnostics(big).length > 0, 'PII diagnostics in the generated file', 60_000);
    } finally {
      await vscode.workspace.fs.delete(big);
    }
  });

  it('"Clear Findings" removes every PII diagnostic, the card reaction and the stored results', async () => {
    await vscode.commands.executeCommand('cardwright.clearFindings');
    await waitFor(() => urisWithPii().length === 0,
      `no PII diagnostics left (still in: ${urisWithPii().map((u) => vscode.workspace.asRelativePath(u)).join(', ')})`, 30_000);
    await waitFor(() => !vscode.languages.getDiagnostics(card()).some((d) => codeOf(d) === 'privacy/undeclared-pii-category'),
      'the card\'s privacy/undeclared-pii-category finding to go away', 30_000);
    const api = (await cardwrightExtension().activate()) as FindingsApi;
    assert.equal(api.findings.total(), 0);
  });
});
