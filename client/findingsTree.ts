/** The Findings view: file → entity type (with counts) → finding; a click reveals the exact span. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PiiFindingDto } from '../protocol/messages';
import { FindingsStore } from './findingsStore';

export type FindingsNode =
  | { kind: 'file'; uri: string; findings: PiiFindingDto[] }
  | { kind: 'type'; uri: string; type: string; findings: PiiFindingDto[] }
  | { kind: 'finding'; finding: PiiFindingDto };

export class FindingsTree implements vscode.TreeDataProvider<FindingsNode> {
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(private readonly store: FindingsStore) {
    this.onDidChangeTreeData = store.onDidChange;
  }

  getChildren(node?: FindingsNode): FindingsNode[] {
    if (!node) return [...this.store.visible()].map(([uri, findings]) => ({ kind: 'file', uri, findings }));
    if (node.kind === 'file') {
      const byType = new Map<string, PiiFindingDto[]>();
      for (const f of node.findings) byType.set(f.type, [...(byType.get(f.type) ?? []), f]);
      return [...byType]
        .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
        .map(([type, findings]) => ({ kind: 'type', uri: node.uri, type, findings }));
    }
    if (node.kind === 'type') return node.findings.map((finding) => ({ kind: 'finding', finding }));
    return [];
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    if (node.kind === 'file') {
      const uri = vscode.Uri.parse(node.uri);
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${vscode.workspace.asRelativePath(path.dirname(uri.fsPath))} · ${count(node.findings.length)}`;
      item.contextValue = 'cardwright.findingsFile';
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(node.type, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.findings.length);
      item.contextValue = 'cardwright.findingsType';
      item.iconPath = new vscode.ThemeIcon('shield');
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(f.excerpt || f.type, vscode.TreeItemCollapsibleState.None);
    const where = f.range
      ? vscode.l10n.t('line {0}', f.range.start.line + 1)
      : vscode.l10n.t('row {0}, column {1}', f.row ?? 0, f.column ?? '');
    item.description = `${f.score.toFixed(2)} · ${where}`;
    item.tooltip = new vscode.MarkdownString(
      vscode.l10n.t('**{0}** (score {1}), found by {2}', f.type, f.score.toFixed(2), f.detectors.join(', ')),
    );
    item.contextValue = 'cardwright.finding';
    item.command = { command: 'cardwright.revealFinding', title: vscode.l10n.t('Reveal Finding'), arguments: [f] };
    return item;
  }
}

function count(n: number): string {
  return n === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', n);
}

/** Opens the sample at the finding's exact span; Parquet findings name their row and column. */
export async function revealFinding(finding: PiiFindingDto): Promise<void> {
  const uri = vscode.Uri.parse(finding.uri);
  if (!finding.range) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} in {1}: row {2}, column "{3}".', finding.type, path.basename(uri.fsPath), finding.row ?? 0, finding.column ?? ''),
    );
    return;
  }
  const { start, end } = finding.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(uri, { selection, preview: true });
}
