/**
 * "New Model Card" and "Export Hub README Front Matter": the language server writes the card and
 * rewrites the front matter (`cardwright/newModelCard`, `cardwright/exportHubFrontMatter`); this
 * file asks the user and applies the results.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportHubFrontMatterParams, ExportHubFrontMatterResult, NewModelCardParams, NewModelCardResult, Requests } from '../protocol/messages';

const CARD = /(^|\/)model-card\.ya?ml$/i;

/** Asks for a folder (when several) and a license, writes model-card.yaml there and opens it. */
export async function newModelCard(client: LanguageClient | undefined, target?: unknown): Promise<void> {
  if (!client) return void vscode.window.showErrorMessage(vscode.l10n.t('The Cardwright language server is not running.'));
  const folder = await folderFor(target);
  if (!folder) return;
  const file = vscode.Uri.joinPath(folder, 'model-card.yaml');
  if (await exists(file)) {
    const open = vscode.l10n.t('Open It');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already has a model-card.yaml.', vscode.workspace.asRelativePath(folder)), open);
    if (choice === open) await vscode.window.showTextDocument(file);
    return;
  }
  const { licenses } = await client.sendRequest<NewModelCardResult>(Requests.newModelCard, {} satisfies NewModelCardParams);
  const choices = licenses.map((choice) => ({ label: choice.id, description: choice.name, detail: choice.summary }));
  const license = await vscode.window.showQuickPick(choices, {
    placeHolder: vscode.l10n.t('License of the new model (a Hugging Face Hub license id)'),
    matchOnDescription: true,
  });
  if (!license) return;
  const { text } = await client.sendRequest<NewModelCardResult>(Requests.newModelCard, { license: license.label, modelName: path.basename(folder.path) } satisfies NewModelCardParams);
  await vscode.workspace.fs.writeFile(file, Buffer.from(text ?? '', 'utf8'));
  await vscode.window.showTextDocument(file);
}

/** Writes the card's Hub keys into the front matter of README.md next to it, as one undoable edit. */
export async function exportHubReadme(client: LanguageClient | undefined, target?: unknown): Promise<void> {
  if (!client) return void vscode.window.showErrorMessage(vscode.l10n.t('The Cardwright language server is not running.'));
  const card = target instanceof vscode.Uri && CARD.test(target.path) ? target : await pickCard();
  if (!card) return;
  const cardText = (await vscode.workspace.openTextDocument(card)).getText();
  const readmeUri = vscode.Uri.joinPath(card, '..', 'README.md');
  const readme = (await exists(readmeUri)) ? await vscode.workspace.openTextDocument(readmeUri) : undefined;
  const params: ExportHubFrontMatterParams = { cardText, readmeText: readme?.getText() ?? '' };
  const result = await client.sendRequest<ExportHubFrontMatterResult>(Requests.exportHubFrontMatter, params);
  if (result.error) return void vscode.window.showErrorMessage(result.error);
  if (readme) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(readmeUri, new vscode.Range(readme.positionAt(0), readme.positionAt(readme.getText().length)), result.text);
    await vscode.workspace.applyEdit(edit);
  } else {
    await vscode.workspace.fs.writeFile(readmeUri, Buffer.from(result.text, 'utf8'));
  }
  await vscode.window.showTextDocument(readmeUri);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Exported {0} Hub keys to README.md; left out {1} Cardwright keys.', result.exported.length, result.dropped.length),
  );
}

async function folderFor(target: unknown): Promise<vscode.Uri | undefined> {
  if (target instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(target).then((s) => s, () => undefined);
    return stat?.type === vscode.FileType.Directory ? target : vscode.Uri.joinPath(target, '..');
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick())?.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Create Card Here') });
  return chosen?.[0];
}

/** The active card (a file `accept` matches), the only card of the workspace, or one the user picks. */
export async function pickCard(accept: RegExp = CARD): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && accept.test(active.path)) return active;
  const cards = await vscode.workspace.findFiles('**/model-card.{yaml,yml}', '**/node_modules/**', 50);
  if (cards.length <= 1) {
    if (cards.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No model-card.yaml in this workspace.'));
    return cards[0];
  }
  const picked = await vscode.window.showQuickPick(cards.map((card) => ({ label: vscode.workspace.asRelativePath(card), card })));
  return picked?.card;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
