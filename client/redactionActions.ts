/**
 * Redaction in the editor: quick fixes on "Cardwright PII" diagnostics and "Redact All in File".
 * The edits come from core/redaction (pure); this file only turns offsets into VS Code edits.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TextEdit } from '../core/finding';
import { planRedaction, RedactionStyle, RedactionTarget, redactionFormatOf, applyTextEdits } from '../core/redaction/redactSample';
import { PII_DIAGNOSTIC_SOURCE } from '../protocol/messages';
import { FindingsStore } from './findingsStore';

export const SAMPLE_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : (code ?? 'PII'));
}

function isPii(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === PII_DIAGNOSTIC_SOURCE;
}

function targetOf(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): RedactionTarget {
  return { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end), type: codeOf(diagnostic) };
}

/** Every PII finding of a document: its diagnostics, else the Findings view's results. */
function targetsOf(document: vscode.TextDocument, store?: FindingsStore): RedactionTarget[] {
  const diagnostics = vscode.languages.getDiagnostics(document.uri).filter(isPii);
  if (diagnostics.length > 0) return diagnostics.map((d) => targetOf(document, d));
  return (store?.findingsOf(document.uri.toString()) ?? [])
    .filter((f) => f.range)
    .map((f) => ({
      start: document.offsetAt(new vscode.Position(f.range!.start.line, f.range!.start.character)),
      end: document.offsetAt(new vscode.Position(f.range!.end.line, f.range!.end.character)),
      type: f.type,
    }));
}

function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  return edit;
}

export class RedactionActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const pii = context.diagnostics.filter(isPii);
    const format = pii.length > 0 ? redactionFormatOf(document.fileName, document.getText(new vscode.Range(0, 0, 50, 0))) : undefined;
    if (!format) return [];
    const text = document.getText();
    const all = targetsOf(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of pii) {
      const target = targetOf(document, diagnostic);
      const targets = all.some((t) => t.start === target.start && t.end === target.end) ? all : [...all, target];
      for (const style of ['placeholder', 'pseudonym'] as RedactionStyle[]) {
        const { edits } = planRedaction(text, targets, { format, style, only: target });
        if (edits.length === 0) continue;
        const title =
          style === 'placeholder' ? vscode.l10n.t('Redact with [{0}]', target.type) : vscode.l10n.t('Redact with pseudonym ({0})', previewOf(edits));
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = workspaceEdit(document, edits);
        action.isPreferred = style === 'placeholder';
        actions.push(action);
      }
    }
    if (pii.length > 0) {
      const all = new vscode.CodeAction(vscode.l10n.t('Redact all PII in this file…'), vscode.CodeActionKind.QuickFix);
      all.command = { command: 'cardwright.redactAllInFile', title: all.title, arguments: [document.uri] };
      actions.push(all);
    }
    return actions;
  }
}

function previewOf(edits: readonly TextEdit[]): string {
  const text = edits[0]?.text ?? '';
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** "Redact All in File": a redacted copy next to the sample (default) or one undoable in-place edit. */
export async function redactAllInFile(store: FindingsStore, uri?: unknown): Promise<void> {
  const target = uriOf(uri) ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a sample file with PII findings first.'));
    return;
  }
  const document = await vscode.workspace.openTextDocument(target);
  const format = redactionFormatOf(document.fileName, document.getText(new vscode.Range(0, 0, 50, 0)));
  const targets = targetsOf(document, store);
  if (!format) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a text format Cardwright can redact.', path.basename(document.fileName)));
    return;
  }
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No PII findings in {0}. Scan it first.', path.basename(document.fileName)));
    return;
  }
  const copyName = redactedCopyName(document.uri);
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Write a redacted copy with placeholders'), description: path.basename(copyName.fsPath), inPlace: false, style: 'placeholder' as const },
      { label: vscode.l10n.t('Write a redacted copy with pseudonyms'), description: path.basename(copyName.fsPath), inPlace: false, style: 'pseudonym' as const },
      { label: vscode.l10n.t('Redact in place with placeholders'), description: vscode.l10n.t('one undoable edit'), inPlace: true, style: 'placeholder' as const },
      { label: vscode.l10n.t('Redact in place with pseudonyms'), description: vscode.l10n.t('one undoable edit'), inPlace: true, style: 'pseudonym' as const },
    ],
    { placeHolder: vscode.l10n.t('Redact {0} findings in {1}', targets.length, path.basename(document.fileName)) },
  );
  if (!picked) return;
  const text = document.getText();
  const { edits, skipped } = planRedaction(text, targets, { format, style: picked.style });
  if (picked.inPlace) {
    await vscode.workspace.applyEdit(workspaceEdit(document, edits));
  } else {
    await vscode.workspace.fs.writeFile(copyName, Buffer.from(applyTextEdits(text, edits), 'utf8'));
    await vscode.window.showTextDocument(copyName, { preview: false });
  }
  const note = skipped.length > 0 ? vscode.l10n.t(' ({0} findings outside values were left alone)', skipped.length) : '';
  void vscode.window.showInformationMessage(vscode.l10n.t('Redacted {0} values.', edits.length) + note);
}

/** A Uri from a command argument: a Uri (explorer, editor title), a Findings view node, a string. */
function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const raw = typeof arg === 'string' ? arg : (arg as { uri?: unknown } | undefined)?.uri;
  return typeof raw === 'string' ? vscode.Uri.parse(raw) : raw instanceof vscode.Uri ? raw : undefined;
}

/** `tickets-sample.jsonl` → `tickets-sample.redacted.jsonl`. */
export function redactedCopyName(uri: vscode.Uri): vscode.Uri {
  const base = path.posix.basename(uri.path);
  const dot = base.lastIndexOf('.');
  const name = dot > 0 ? `${base.slice(0, dot)}.redacted${base.slice(dot)}` : `${base}.redacted`;
  return vscode.Uri.joinPath(uri, '..', name);
}
