// Authoring a card through the real VS Code API: completion of top-level keys, license facts on
// hover, and a did-you-mean quick fix applied as the lightbulb would apply it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openScratchFile, rangeOf, waitForDiagnostics, workspaceRoot } from './workbench';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('authoring a card', () => {
  it('completes top-level keys at a new line, leaving out keys already present', async () => {
    const editor = await openScratchFile('e2e-scratch/completion/model-card.yaml', 'language:\n  - en\n\n');
    const doc = editor.document;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 0));
    // Word-based suggestions (kind Text) may come along; Cardwright's keys are properties and snippets.
    const items = (list?.items ?? []).filter((i) => i.kind !== vscode.CompletionItemKind.Text);
    const labels = items.map(labelOf);
    for (const expected of ['license', 'privacy', 'pipeline_tag']) {
      assert.ok(labels.includes(expected), `no completion for \`${expected}\` (have: ${labels.slice(0, 40).join(', ')})`);
    }
    assert.ok(!labels.includes('language'), '`language` is offered although the card already has it');
    const license = items.find((i) => labelOf(i) === 'license')!;
    assert.ok(license.detail || license.documentation, 'the `license` completion has no description');
  });

  it('shows license facts on hover over a license id', async () => {
    const editor = await openScratchFile('e2e-scratch/hover/model-card.yaml', 'license: cc-by-nc-4.0\nlanguage:\n  - en\n');
    const doc = editor.document;
    const at = rangeOf(doc, 'cc-by-nc-4.0').start.translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hoverText(hovers ?? []);
    assert.match(text, /cc-by-nc-4\.0/, `the hover does not name the license: ${text}`);
    assert.match(text, /non-?commercial/i, `the hover does not say the license is non-commercial: ${text}`);
    assert.match(text, /\]\(https?:\/\//, `the hover has no link to the license terms: ${text}`);
  });

  it('renames the misspelled `anonymisation` key with its quick fix', async () => {
    const example = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), 'model-card.yaml')));
    assert.ok(example.includes('  anonymisation:'), 'the example card no longer misspells `anonymisation`');
    const editor = await openScratchFile('e2e-scratch/quick-fix/model-card.yaml', example);
    const doc = editor.document;
    const isTypo = (d: vscode.Diagnostic) => codeOf(d) === 'schema/unknown-key' && doc.getText(d.range) === 'anonymisation';
    const [typo] = (await waitForDiagnostics(doc.uri, (ds) => ds.some(isTypo), 'a schema/unknown-key finding on `anonymisation`')).filter(isTypo);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, typo.range, vscode.CodeActionKind.QuickFix.value);
    const titles = (actions ?? []).map((a) => a.title);
    const rename = (actions ?? []).find((a) => a.edit && a.edit.entries().some(([uri, edits]) =>
      uri.toString() === doc.uri.toString() && edits.some((e) => e.newText.includes('anonymization'))));
    assert.ok(rename, `no quick fix renames to \`anonymization\` (have: ${titles.join(' | ')})`);
    assert.ok(await vscode.workspace.applyEdit(rename.edit!), 'the quick fix was not applied');

    assert.ok(doc.getText().includes('  anonymization: pseudonymization'), 'the key was not renamed in place');
    assert.ok(!doc.getText().includes('anonymisation'), 'the misspelled key is still there');
    assert.equal(doc.getText().length, example.length, 'the fix changed more than the key');
    await waitForDiagnostics(doc.uri,
      (ds) => !ds.some((d) => codeOf(d) === 'schema/unknown-key') && !ds.some((d) => codeOf(d) === 'privacy/missing-anonymization'),
      'the unknown-key finding (and the missing-anonymization one it caused) to go away');
  });
});
