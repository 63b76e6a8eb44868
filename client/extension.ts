/** Cardwright's VS Code entry point: starts the language server and wires commands, views and status. */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ClassifierView } from './classifierView';
import { createCommands } from './commands';
import { FindingsStore } from './findingsStore';
import { FindingsTree } from './findingsTree';
import { rescanSample } from './scanDataset';
import { createStatusBar } from './statusBar';

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
      // Sample files: the server serves the redaction quick fixes on their PII findings.
      { scheme: 'file', pattern: '**/*.{csv,tsv,jsonl,ndjson,json,txt}' },
    ],
    synchronize: { configurationSection: 'cardwright' },
    // VS Code's own command to open completion again (after a key, for its values); other editors get none.
    initializationOptions: { retriggerCompletionCommand: 'editor.action.triggerSuggest' },
    outputChannelName: 'Cardwright',
  };
  client = new LanguageClient('cardwright', 'Cardwright', serverOptions, clientOptions);
  const store = new FindingsStore();
  const classifier = new ClassifierView(context, () => client, store);
  const findingsView = vscode.window.createTreeView('cardwright.findings', { treeDataProvider: new FindingsTree(store), showCollapseAll: true });
  const updateBadge = () => {
    const total = store.total();
    findingsView.badge = total > 0 ? { value: total, tooltip: vscode.l10n.t('{0} PII findings', total) } : undefined;
  };
  context.subscriptions.push(
    store,
    findingsView,
    store.onDidChange(updateBadge),
    vscode.window.registerWebviewViewProvider(ClassifierView.id, classifier, { webviewOptions: { retainContextWhenHidden: true } }),
    createStatusBar(store),
    vscode.workspace.onDidSaveTextDocument((document) => client && void rescanSample(client, document, store)),
  );
  for (const [id, run] of Object.entries(createCommands({ client: () => client, store, classifier }))) {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  }
  await client.start();
  return { client, findings: store, classifier };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** What the extension exports to tests and other extensions. */
export interface CardwrightApi {
  client: LanguageClient;
  /** The last PII scan's results, as the Findings view shows them. */
  findings: FindingsStore;
  /** The Test Classifier view (the in-host tests run the card's own model through it). */
  classifier: ClassifierView;
}
