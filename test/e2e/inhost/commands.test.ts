// Commands: every command that package.json contributes is registered once the extension is
// active, and the ones without UI behave as the user expects.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cardwrightExtension, openScratchFile, rangeOf, waitForDiagnostics } from './workbench';

describe('commands', () => {
  it('registers every contributed command', async () => {
    const ext = cardwrightExtension();
    const contributed: string[] = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    await ext.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
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
