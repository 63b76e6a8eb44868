/**
 * "Export CycloneDX ML-BOM": the language server turns the card into a CycloneDX 1.6 BOM
 * (`cardwright/exportCycloneDx`); this file writes it next to the card and says what was left out.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportCycloneDxParams, ExportCycloneDxResult, Requests } from '../protocol/messages';
import { pickCard } from './cardFiles';

const CARD_FILE = /(^|\/)(model-card\.ya?ml|[^/]+\.md)$/i;

/** Exports the given card (explorer), else the active one, else one picked from the workspace. Returns the BOM's URI. */
export async function exportCycloneDxBom(client: LanguageClient | undefined, target?: unknown): Promise<vscode.Uri | undefined> {
  if (!client) return void vscode.window.showErrorMessage(vscode.l10n.t('The Cardwright language server is not running.'));
  const card = target instanceof vscode.Uri && CARD_FILE.test(target.path) ? target : await pickCard(CARD_FILE);
  if (!card) return undefined;
  const document = await vscode.workspace.openTextDocument(card);
  const params: ExportCycloneDxParams = { uri: card.toString(), text: document.getText() };
  const result = await client.sendRequest<ExportCycloneDxResult>(Requests.exportCycloneDx, params);
  if (result.error || !result.bom) return void vscode.window.showErrorMessage(result.error ?? vscode.l10n.t('The card could not be exported.'));
  const name = card.path.slice(card.path.lastIndexOf('/') + 1).replace(/\.(ya?ml|md)$/i, '');
  const output = vscode.Uri.joinPath(card, '..', `${name}.cdx.json`);
  await vscode.workspace.fs.writeFile(output, Buffer.from(`${JSON.stringify(result.bom, null, 2)}\n`, 'utf8'));
  const relative = vscode.workspace.asRelativePath(output);
  const channel = client.outputChannel;
  channel.appendLine(vscode.l10n.t('CycloneDX ML-BOM written to {0}.', relative));
  for (const item of result.leftOut) channel.appendLine(`  ${vscode.l10n.t('left out')} ${item.path}: ${item.reason}`);
  const open = vscode.l10n.t('Open BOM');
  const details = vscode.l10n.t('Show What Was Left Out');
  const message =
    result.leftOut.length === 0
      ? vscode.l10n.t('Exported the CycloneDX ML-BOM to {0}; everything in the card is in it.', relative)
      : vscode.l10n.t('Exported the CycloneDX ML-BOM to {0}; {1} facts of the card were left out: {2}', relative, result.leftOut.length, result.leftOut.map((item) => item.path).join(', '));
  void vscode.window.showInformationMessage(message, open, ...(result.leftOut.length ? [details] : [])).then((choice) => {
    if (choice === open) void vscode.window.showTextDocument(output);
    if (choice === details) channel.show(true);
  });
  return output;
}
