// What the in-host suites need from the running VS Code: the installed Cardwright extension,
// its diagnostics, and scratch files in the test workspace.
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

export const SOURCE = 'Cardwright';
/** Finding codes are `area/kebab-case`. */
export const CODE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

export function cardwrightExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'cardwright');
  if (!ext) throw new Error(`the Cardwright extension is not installed (have: ${vscode.extensions.all.map((e) => e.id).join(', ')})`);
  return ext;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace has no folder open');
  return folder.uri;
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

export function cardwrightDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Polls until `predicate` holds for the Cardwright diagnostics of `uri`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const diagnostics = cardwrightDiagnostics(uri);
    return predicate(diagnostics) ? diagnostics : undefined;
  }, `${what} in ${vscode.workspace.asRelativePath(uri)} (now: ${describe(cardwrightDiagnostics(uri))})`, timeoutMs);
}

export function describe(diagnostics: vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics
    .map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
    .join(', ');
}

/** Writes a file into the workspace (creating folders) and opens it in an editor. */
export async function openScratchFile(relativePath: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** The offset range of the first occurrence of `needle` after `from` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, from = 0): vscode.Range {
  const start = doc.getText().indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" is not in ${doc.uri.toString()}`);
  return new vscode.Range(doc.positionAt(start), doc.positionAt(start + needle.length));
}
