// The card's own model through the real extension host: the fixture sentiment card (copied into the
// test workspace as card-model/, the model files next to it), its widget examples run from the
// Test Classifier view with labels and scores, and the PII-in-example warning with its fix.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cardwrightDiagnostics, cardwrightExtension, codeOf, describe as describeDiagnostics, workspaceRoot } from './workbench';
import { waitFor } from './waitFor';

interface LabelsOutput {
  kind: 'labels';
  labels: Array<{ label: string; score: number }>;
}

interface ClassifierApi {
  classifier: {
    runCardModel(source: 'widgetExamples' | 'text' | 'sampleRecord', text?: string): Promise<{ items: Array<{ text: string; title?: string; output?: LabelsOutput; mismatch?: string }>; error?: string; model?: { name: string; task?: string } }>;
    describeCardModel(): Promise<{ model?: { name: string; task?: string; foundBy: string }; message?: string }>;
  };
}

describe('the card\'s own model', function () {
  this.timeout(120_000);
  const card = () => vscode.Uri.joinPath(workspaceRoot(), 'card-model', 'model-card.yaml');
  let api: ClassifierApi;

  before(async function () {
    this.timeout(120_000);
    const doc = await vscode.workspace.openTextDocument(card());
    await vscode.window.showTextDocument(doc);
    api = (await cardwrightExtension().activate()) as ClassifierApi;
    assert.ok(api?.classifier, 'the extension exports no `classifier` view');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('finds the model next to the card and runs the widget examples from the sidebar: titles, labels and scores', async () => {
    await vscode.commands.executeCommand('cardwright.classifier.focus');
    const described = await api.classifier.describeCardModel();
    assert.equal(described.model?.name, 'cardwright-tiny-sentiment', described.message);
    assert.equal(described.model?.task, 'text-classification');
    assert.equal(described.model?.foundBy, 'card-folder');

    // The view lost the editor's focus; the card is still the active editor's document.
    const result = await api.classifier.runCardModel('widgetExamples');
    assert.equal(result.error, undefined);
    assert.deepEqual(result.items.map((i) => i.title), ['Happy customer', 'Unhappy customer', 'Leaks an email address']);
    const [happy, unhappy] = result.items;
    assert.equal(happy.output?.kind, 'labels');
    assert.deepEqual(happy.output!.labels.map((l) => l.label), ['POSITIVE', 'NEGATIVE']);
    assert.ok(happy.output!.labels[0].score > 0.9, JSON.stringify(happy.output));
    assert.equal(unhappy.output!.labels[0].label, 'NEGATIVE');
    assert.equal(happy.mismatch, undefined);
  });

  it('warns about the email address in a widget example, and the fix redacts it', async () => {
    const doc = await vscode.workspace.openTextDocument(card());
    const editor = await vscode.window.showTextDocument(doc);
    const warning = await waitFor(
      () => cardwrightDiagnostics(card()).find((d) => codeOf(d) === 'privacy/pii-in-widget-example'),
      `privacy/pii-in-widget-example on the fixture card (now: ${describeDiagnostics(cardwrightDiagnostics(card()))})`,
      90_000,
    );
    assert.equal(doc.getText(warning.range), 'dana.whitfield@gmail.com');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const fix = (actions ?? []).find((a) => a.title.endsWith('with [EMAIL_ADDRESS]'));
    assert.ok(fix?.edit, `no placeholder redaction fix (have: ${(actions ?? []).map((a) => a.title).join(' | ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.uri.toString(), doc.uri.toString());
    assert.match(doc.getText(), /write to \[EMAIL_ADDRESS\] for details/);
    await waitFor(
      () => !cardwrightDiagnostics(card()).some((d) => codeOf(d) === 'privacy/pii-in-widget-example') && cardwrightDiagnostics(card()).length === 0,
      `the card without findings after the fix (now: ${describeDiagnostics(cardwrightDiagnostics(card()))})`,
      60_000,
    );
  });
});
