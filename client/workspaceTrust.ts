/**
 * Restricted mode: validation always works; a PII model named by the workspace's own settings is
 * only loaded in a trusted workspace (package.json marks `cardwright.pii.model` restricted, so VS Code
 * ignores the workspace's value until then). The shipped model is part of the extension and safe.
 */
import * as vscode from 'vscode';

/** True when scanning may go ahead; asks for trust when the workspace picks the model. */
export async function mayLoadWorkspaceModel(): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const inspected = vscode.workspace.getConfiguration('cardwright.pii').inspect<string>('model');
  const fromWorkspace = inspected?.workspaceFolderValue || inspected?.workspaceValue;
  if (!fromWorkspace) return true;
  const trust = vscode.l10n.t('Manage Workspace Trust');
  const shipped = vscode.l10n.t('Scan with the Shipped Model');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('This workspace asks Cardwright to load the PII model "{0}". Models are code-like files; trust the workspace to load it.', fromWorkspace),
    { modal: true },
    trust,
    shipped,
  );
  if (choice === trust) {
    await vscode.commands.executeCommand('workbench.trust.manage');
    return false;
  }
  return choice === shipped;
}
