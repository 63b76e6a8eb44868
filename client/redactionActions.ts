/**
 * "Redact All in File": picks how, asks the language server for the edits (core/redaction runs
 * there, like the redaction quick fixes), then applies them as one undoable edit or writes a
 * redacted copy next to the sample.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LspRange, PII_DIAGNOSTIC_SOURCE, RedactFileParams, RedactFileResult, Requests } from '../protocol/messages';
import { FindingsStore } from './findingsStore';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : (code ?? 'PII'));
}

function lspRange(range: vscode.Range): LspRange {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

/** Every PII finding of a document: its diagnostics, else the Findings view's results. */
function targetsOf(uri: vscode.Uri, store: FindingsStore): RedactFileParams['targets'] {
  const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === PII_DIAGNOSTIC_SOURCE);
  if (diagnostics.length > 0) return diagnostics.map((d) => ({ range: lspRange(d.range), type: codeOf(d) }));
  return store
    .findingsOf(uri.toString())
    .filter((f) => f.range)
    .map((f) => ({ range: f.range!, type: f.type }));
}

/** "Redact All in File": a redacted copy next to the sample (default) or one undoable in-place edit. */
export async function redactAllInFile(client: LanguageClient | undefined, store: FindingsStore, uri?: unknown): Promise<void> {
  const target = uriOf(uri) ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a sample file with PII findings first.'));
    return;
  }
  if (!client) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The Cardwright language server is not running.'));
    return;
  }
  if (/\.parquet$/i.test(target.path)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a text format Cardwright can redact.', path.posix.basename(target.path)));
    return;
  }
  // Opening the document hands its text (with unsaved edits) to the language server.
  const document = await vscode.workspace.openTextDocument(target);
  const targets = targetsOf(document.uri, store);
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
  const params: RedactFileParams = { uri: document.uri.toString(), style: picked.style, targets, copy: !picked.inPlace };
  const result = await client.sendRequest<RedactFileResult>(Requests.redactFile, params);
  if (result.error) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Cannot redact {0}: {1}', path.basename(document.fileName), result.error));
    return;
  }
  if (picked.inPlace) {
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) {
      edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    await vscode.workspace.applyEdit(edit);
  } else {
    // In the sample's own encoding: a UTF-16 file's copy is UTF-16 with its byte order mark.
    await vscode.workspace.fs.writeFile(copyName, await vscode.workspace.encode(result.text ?? '', { encoding: document.encoding }));
    await vscode.window.showTextDocument(copyName, { preview: false });
  }
  const note = result.skipped > 0 ? vscode.l10n.t(' ({0} findings outside values were left alone)', result.skipped) : '';
  void vscode.window.showInformationMessage(vscode.l10n.t('Redacted {0} values.', result.edits.length) + note);
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
