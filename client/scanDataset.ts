/**
 * "Scan Dataset for PII": picks what to scan, asks the language server (never the extension host)
 * with work-done progress in a cancellable notification, and stores the result.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, WorkDoneProgress } from 'vscode-languageclient/node';
import { Requests, ScanDatasetParams, ScanDatasetResult } from '../protocol/messages';
import { FindingsStore } from './findingsStore';
import { mayLoadWorkspaceModel } from './workspaceTrust';

const CARD = /(^|[\\/])model-card\.ya?ml$/i;
let nextToken = 1;

/** What the command was invoked on: explorer (uri, selection), editor title (uri), palette (nothing). */
const SAMPLE = /\.(csv|tsv|jsonl|ndjson|json|txt|parquet)$/i;

export async function scanTargets(uri?: unknown, selected?: unknown): Promise<ScanDatasetParams | undefined> {
  const explicit = (Array.isArray(selected) && selected.length > 0 ? selected : [uri]).filter((u): u is vscode.Uri => u instanceof vscode.Uri);
  if (explicit.length === 1 && CARD.test(explicit[0].path)) return { cardUri: explicit[0].toString() };
  if (explicit.length > 0) return { uris: explicit.map(String) };
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && CARD.test(active.path)) return { cardUri: active.toString() };
  if (active?.scheme === 'file' && SAMPLE.test(active.path)) return { uris: [active.toString()] };
  const cards = await vscode.workspace.findFiles('**/model-card.{yaml,yml}', '**/node_modules/**', 20);
  if (cards.length === 1) return { cardUri: cards[0].toString() };
  if (cards.length > 1) {
    const picked = await vscode.window.showQuickPick(
      cards.map((card) => ({ label: vscode.workspace.asRelativePath(card), card })),
      { placeHolder: vscode.l10n.t('Which card\'s samples should be scanned?') },
    );
    return picked && { cardUri: picked.card.toString() };
  }
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    openLabel: vscode.l10n.t('Scan for PII'),
  });
  return chosen && chosen.length > 0 ? { uris: chosen.map(String) } : undefined;
}

/** Runs the scan with a progress notification; Cancel cancels the request in the server. */
export async function scanWithProgress(client: LanguageClient, params: ScanDatasetParams, store: FindingsStore): Promise<ScanDatasetResult | undefined> {
  if (!(await mayLoadWorkspaceModel())) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cardwright: scanning for PII'), cancellable: true },
    async (progress, token) => {
      const workDoneToken = `cardwright-scan-${process.pid}-${nextToken++}`;
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = typeof value.percentage === 'number' ? Math.min(100, Math.max(reported, value.percentage)) : undefined;
        progress.report({ message: value.message, increment: percentage !== undefined ? percentage - reported : undefined });
        if (percentage !== undefined) reported = percentage;
      });
      try {
        return await client.sendRequest<ScanDatasetResult>(Requests.scanDataset, { ...params, workDoneToken } satisfies ScanDatasetParams, token);
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      } finally {
        listener.dispose();
      }
    },
  );
  if (!result) {
    void vscode.window.showInformationMessage(vscode.l10n.t('PII scan cancelled.'));
    return undefined;
  }
  store.setScan(result);
  void announce(result);
  return result;
}

/** Rescans one saved sample quietly (status bar progress) and merges its findings. */
export async function rescanSample(client: LanguageClient, document: vscode.TextDocument, store: FindingsStore): Promise<void> {
  const enabled = vscode.workspace.getConfiguration('cardwright.pii', document.uri).get<boolean>('rescanOnSave', true);
  if (!enabled || !store.wasScanned(document.uri.toString())) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Rescanning {0} for PII', path.basename(document.uri.fsPath)) },
    async () => {
      try {
        store.merge(await client.sendRequest<ScanDatasetResult>(Requests.scanDataset, { uris: [document.uri.toString()] } satisfies ScanDatasetParams));
      } catch (error) {
        client.outputChannel.appendLine(`PII rescan of ${document.uri.toString()} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  );
}

async function announce(result: ScanDatasetResult): Promise<void> {
  const show = vscode.l10n.t('Show Findings');
  const message = result.cancelled ? vscode.l10n.t('PII scan cancelled: {0}', result.summary) : result.summary;
  const choice = await vscode.window.showInformationMessage(message, show);
  if (choice === show) await vscode.commands.executeCommand('cardwright.findings.focus');
}
