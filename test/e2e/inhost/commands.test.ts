// Commands: every command that package.json contributes is registered once the extension is
// active, and the ones without UI behave as the user expects.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';
import { cardwrightExtension, openScratchFile, rangeOf, waitForDiagnostics, workspaceRoot } from './workbench';

describe('commands', () => {
  it('registers every contributed command', async () => {
    const ext = cardwrightExtension();
    const contributed: string[] = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    await ext.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
  });

  it('writes a new model card in a folder with the license picked, and opens it', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'e2e-scratch', 'new-card', 'acme-bot');
    await vscode.workspace.fs.createDirectory(folder);
    const card = vscode.Uri.joinPath(folder, 'model-card.yaml');
    const running = vscode.commands.executeCommand('cardwright.newModelCard', folder);
    // Accept the license quick pick's first entry (the server's sorted choices) once it shows.
    const text = await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return vscode.workspace.fs.readFile(card).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
    }, 'model-card.yaml written', 30_000, 250);
    await running;
    assert.match(text, /^license: [a-z0-9][a-z0-9.+_-]*$/m);
    assert.match(text, /acme-bot/);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === card.toString(), 'the new card open in an editor', 10_000);
  });

  it('keeps diagnostics live across "Restart Language Server"', async () => {
    const editor = await openScratchFile('e2e-scratch/restart/model-card.yaml', 'licence: mit\n');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => doc.getText(d.range) === 'licence'), 'a finding on `licence`');

    await vscode.commands.executeCommand('cardwright.restartServer');
    // The restarted server must answer edits: fix the key, break the syntax, and see both.
    assert.ok(await editor.edit((e) => {
      e.replace(rangeOf(doc, 'licence'), 'license');
      e.insert(doc.positionAt(doc.getText().length), 'tags: [nlp\n');
    }));
    await waitForDiagnostics(doc.uri,
      (ds) => !ds.some((d) => d.message.includes('licence'))
        && ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line >= 1),
      'findings from the restarted server (no `licence` finding, a syntax error on line 2)');
  });
});
