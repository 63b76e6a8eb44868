/** The status bar item: errors in model cards and the last PII scan's result; a click opens the Cardwright view. */
import * as vscode from 'vscode';
import { FindingsStore } from './findingsStore';

const CARD = /(^|\/)(model-card\.ya?ml|README\.md)$/i;

export function createStatusBar(store: FindingsStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('cardwright.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Cardwright');
  item.command = 'workbench.view.extension.cardwright';
  const update = () => {
    let errors = 0;
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      if (!CARD.test(uri.path)) continue;
      errors += diagnostics.filter((d) => d.source === 'Cardwright' && d.severity === vscode.DiagnosticSeverity.Error).length;
    }
    const scan = store.lastScan;
    const pii = scan ? vscode.l10n.t('PII: {0}', store.total()) : '';
    item.text = `$(${errors > 0 ? 'error' : 'pass'}) ${vscode.l10n.t('Cardwright: {0} errors', errors)}${pii ? ` · $(shield) ${pii}` : ''}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(vscode.l10n.t('{0} errors in model cards', errors));
    tooltip.appendText('\n\n');
    tooltip.appendText(scan ? vscode.l10n.t('Last PII scan: {0}', scan.summary) : vscode.l10n.t('No PII scan yet'));
    item.tooltip = tooltip;
    item.show();
  };
  update();
  // Diagnostics change often during a scan; count them at most every 250 ms.
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (!timer) timer = setTimeout(() => ((timer = undefined), update()), 250);
  };
  return vscode.Disposable.from(item, vscode.languages.onDidChangeDiagnostics(schedule), store.onDidChange(schedule), { dispose: () => clearTimeout(timer) });
}
