/** The command table: each command is a small function; analysis always happens in the server. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export type CommandTable = Record<string, (...args: unknown[]) => unknown>;

export function createCommands(_context: vscode.ExtensionContext, client: () => LanguageClient | undefined): CommandTable {
  return {
    'cardwright.restartServer': async () => {
      await client()?.restart();
      void vscode.window.showInformationMessage(vscode.l10n.t('Cardwright language server restarted.'));
    },
    'cardwright.showOutput': () => client()?.outputChannel.show(true),
  };
}
