// Diagnostics as the user sees them: from the installed extension, in real documents, live as
// the user types (unsaved buffers), for cards and README.md front matter.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CODE_PATTERN, cardwrightExtension, codeOf, openScratchFile, rangeOf, waitForDiagnostics } from './workbench';

async function replaceText(editor: vscode.TextEditor, range: vscode.Range, text: string): Promise<void> {
  const applied = await editor.edit((edit) => edit.replace(range, text));
  assert.ok(applied, 'the edit was not applied');
}

describe('diagnostics', () => {
  it('reports findings with area/kebab-case codes and precise ranges on the example card', async () => {
    const cards = await vscode.workspace.findFiles('**/model-card.yaml', '**/node_modules/**', 20);
    assert.ok(cards.length > 0, 'the example workspace has no model-card.yaml');
    const uri = cards.sort((a, b) => a.path.length - b.path.length)[0];
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);

    const found = await waitForDiagnostics(uri, (ds) => ds.length > 0, 'Cardwright findings on the example card');
    assert.ok(cardwrightExtension().isActive, 'opening a card did not activate the extension');
    for (const d of found) {
      assert.match(codeOf(d), CODE_PATTERN, `finding "${d.message}" has code "${codeOf(d)}"`);
      assert.ok(doc.validateRange(d.range).isEqual(d.range), `finding ${codeOf(d)} lies outside the document`);
      assert.ok(d.range.end.line - d.range.start.line < Math.max(doc.lineCount - 1, 2),
        `finding ${codeOf(d)} spans the whole document`);
      assert.ok(d.message.trim().length > 0, `finding ${codeOf(d)} has no message`);
    }
  });

  it('follows edits of an unsaved card', async () => {
    const editor = await openScratchFile('e2e-scratch/edits/model-card.yaml', 'licence: apache-2.0\nlanguage:\n  - en\n');
    const doc = editor.document;
    const uri = doc.uri;

    const [misspelled] = (await waitForDiagnostics(uri, (ds) => ds.some((d) => doc.getText(d.range) === 'licence'),
      'a finding on the key `licence`')).filter((d) => doc.getText(d.range) === 'licence');
    assert.match(misspelled.message, /license/, 'the finding on `licence` does not suggest `license`');

    await replaceText(editor, rangeOf(doc, 'licence'), 'license');
    assert.ok(doc.isDirty);
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => d.message.includes('licence')), 'the `licence` finding to go away');

    const end = doc.positionAt(doc.getText().length);
    await replaceText(editor, new vscode.Range(end, end), 'tags: [nlp\n');
    const broken = await waitForDiagnostics(uri,
      (ds) => ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line >= 3),
      'a syntax error for the unclosed `[` on line 4');
    assert.ok(broken.every((d) => d.range.start.line >= 3), 'findings appeared on lines that are correct');

    await replaceText(editor, rangeOf(doc, 'tags: [nlp'), 'tags: [nlp]');
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => d.range.start.line >= 3), 'the syntax error to go away');
  });

  it('validates the YAML front matter of a README.md in place', async () => {
    const text = '---\nlicence: apache-2.0\nlanguage:\n  - en\n---\n\n# A model\n\nThis licence word in prose is not a key.\n';
    const editor = await openScratchFile('e2e-scratch/front-matter/README.md', text);
    const doc = editor.document;
    const found = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => doc.getText(d.range) === 'licence'),
      'a finding on the front matter key `licence`');
    const onKey = found.filter((d) => doc.getText(d.range) === 'licence');
    assert.deepEqual(onKey.map((d) => d.range.start.line), [1], 'the finding is not on line 2 of the README');
    assert.ok(found.every((d) => d.range.start.line < 5), 'findings reported in the Markdown body');
  });
});
