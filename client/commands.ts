/** The command table: each command is a small function; analysis always happens in the server. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PiiFindingDto, Requests } from '../protocol/messages';
import { exportHubReadme, newModelCard } from './cardFiles';
import { exportCycloneDxBom } from './exportCycloneDx';
import { ClassifierView, pickModel } from './classifierView';
import { FindingsStore } from './findingsStore';
import { revealFinding } from './findingsTree';
import { redactAllInFile } from './redactionActions';
import { scanTargets, scanWithProgress } from './scanDataset';

export type CommandTable = Record<string, (...args: unknown[]) => unknown>;

export interface CommandDeps {
  client: () => LanguageClient | undefined;
  store: FindingsStore;
  classifier: ClassifierView;
}

export function createCommands({ client, store, classifier }: CommandDeps): CommandTable {
  return {
    'cardwright.restartServer': async () => {
      await client()?.restart();
      void vscode.window.showInformationMessage(vscode.l10n.t('Cardwright language server restarted.'));
    },
    'cardwright.showOutput': () => client()?.outputChannel.show(true),
    'cardwright.scanDataset': async (uri?: unknown, selected?: unknown) => {
      const running = client();
      if (!running) return void vscode.window.showErrorMessage(vscode.l10n.t('The Cardwright language server is not running.'));
      const params = await scanTargets(uri, selected);
      return params && scanWithProgress(running, params, store);
    },
    'cardwright.clearFindings': async () => {
      store.clear();
      await client()?.sendRequest(Requests.clearPiiFindings, {});
    },
    'cardwright.filterFindings': () => filterFindings(store),
    'cardwright.clearFindingsFilter': () => store.setFilter({ types: [], minScore: 0 }),
    'cardwright.revealFinding': (finding?: unknown) => finding && revealFinding(finding as PiiFindingDto),
    'cardwright.redactAllInFile': (uri?: unknown) => redactAllInFile(client(), store, uri),
    'cardwright.testClassifierOnSelection': () => {
      const editor = vscode.window.activeTextEditor;
      const text = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
      return classifier.classify(text);
    },
    'cardwright.pickPiiModel': () => pickModel(),
    'cardwright.newModelCard': (target?: unknown) => newModelCard(client(), target),
    'cardwright.exportHubFrontMatter': (target?: unknown) => exportHubReadme(client(), target),
    'cardwright.exportCycloneDx': (target?: unknown) => exportCycloneDxBom(client(), target),
  };
}

async function filterFindings(store: FindingsStore): Promise<void> {
  const current = new Set(store.filter.types);
  const types = await vscode.window.showQuickPick(
    store.types().map((type) => ({ label: type, picked: current.size === 0 || current.has(type) })),
    { canPickMany: true, placeHolder: vscode.l10n.t('Entity types to show') },
  );
  if (!types) return;
  const score = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Minimum score (0 to 1)'),
    value: String(store.filter.minScore),
    validateInput: (v) => (/^(0(\.\d+)?|1(\.0+)?)$/.test(v.trim()) ? undefined : vscode.l10n.t('A number from 0 to 1')),
  });
  if (score === undefined) return;
  const all = types.length === store.types().length;
  store.setFilter({ types: all ? [] : types.map((t) => t.label), minScore: Number(score) });
}
