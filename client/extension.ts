/** Cardwright's VS Code entry point: starts the language server and registers the commands. */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { createCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CardwrightApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/model-card.{yaml,yml}' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'cardwright' },
    outputChannelName: 'Cardwright',
  };
  client = new LanguageClient('cardwright', 'Cardwright', serverOptions, clientOptions);
  const commands = createCommands(context, () => client);
  for (const [id, run] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  }
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** What the extension exports to tests and other extensions. */
export interface CardwrightApi {
  client: LanguageClient;
}
