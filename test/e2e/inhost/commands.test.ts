// Every command that package.json contributes is registered once the extension is active.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cardwrightExtension } from './workbench';

describe('commands', () => {
  it('registers every contributed command', async () => {
    const ext = cardwrightExtension();
    const contributed: string[] = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    await ext.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
  });
});
