/**
 * Redaction in sample files, served to the editor: quick fixes on "Cardwright PII" diagnostics and
 * the edits behind "Redact All in File". The plan comes from core/redaction (a pure function of
 * the text and the findings); this file converts positions <-> offsets and plans <-> LSP shapes.
 */
import { CodeAction, CodeActionKind, Connection, Diagnostic, Range, TextDocuments, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../core/finding';
import { applyTextEdits, planRedaction, RedactionStyle, RedactionTarget, redactionFormatOf } from '../core/redaction/redactSample';
import { readSampleText } from '../engine/pii/fileChunks';
import { PII_DIAGNOSTIC_SOURCE, RedactFileParams, RedactFileResult, Requests } from '../protocol/messages';
import { fileNameOf, filePathOf } from './documentUris';

const STYLES: readonly RedactionStyle[] = ['placeholder', 'pseudonym'];

function targetOf(document: TextDocument, range: Range, type: string): RedactionTarget {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end), type };
}

function lspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text }));
}

function previewOf(edits: readonly TextEdit[]): string {
  const text = edits[0]?.text ?? '';
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Quick fixes for the PII diagnostics under the cursor: a placeholder and a pseudonym for each, and
 * "Redact all PII in this file…". `all` is every PII diagnostic of the file (they number the
 * pseudonyms consistently: the same value gets the same pseudonym everywhere).
 */
export function redactionCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[], all: readonly Diagnostic[] = diagnostics): CodeAction[] {
  const pii = diagnostics.filter((d) => d.source === PII_DIAGNOSTIC_SOURCE);
  if (pii.length === 0) return [];
  const text = document.getText();
  const format = redactionFormatOf(fileNameOf(document.uri), text.slice(0, 4096));
  if (!format) return [];
  const known = all.filter((d) => d.source === PII_DIAGNOSTIC_SOURCE);
  const targets = (known.length > 0 ? known : pii).map((d) => targetOf(document, d.range, String(d.code ?? 'PII')));
  const actions: CodeAction[] = [];
  for (const diagnostic of pii) {
    const target = targetOf(document, diagnostic.range, String(diagnostic.code ?? 'PII'));
    const withTarget = targets.some((t) => t.start === target.start && t.end === target.end) ? targets : [...targets, target];
    for (const style of STYLES) {
      const { edits } = planRedaction(text, withTarget, { format, style, only: target });
      if (edits.length === 0) continue;
      actions.push({
        title: style === 'placeholder' ? `Redact with [${target.type}]` : `Redact with pseudonym (${previewOf(edits)})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: style === 'placeholder',
        edit: { changes: { [document.uri]: lspEdits(document, edits) } },
      });
    }
  }
  actions.push({
    title: 'Redact all PII in this file…',
    kind: CodeActionKind.QuickFix,
    diagnostics: pii,
    command: { title: 'Redact all PII in this file…', command: 'cardwright.redactAllInFile', arguments: [document.uri] },
  });
  return actions;
}

/** The edits (and, for a copy, the redacted text) that redact the given findings of a whole file. */
export function redactFile(document: TextDocument, params: RedactFileParams): RedactFileResult {
  const text = document.getText();
  const format = redactionFormatOf(fileNameOf(document.uri), text.slice(0, 4096));
  if (!format) return { error: 'not a text format Cardwright can redact', edits: [], skipped: 0 };
  const targets = params.targets.map((t) => targetOf(document, t.range, t.type));
  const { edits, skipped } = planRedaction(text, targets, { format, style: params.style });
  return {
    edits: lspEdits(document, edits),
    skipped: skipped.length,
    ...(params.copy ? { text: applyTextEdits(text, edits) } : {}),
  };
}

/** `cardwright/redactFile`: on the open document's text when the editor has it, else the file on disk. */
export function registerRedaction(connection: Connection, documents: TextDocuments<TextDocument>): void {
  connection.onRequest(Requests.redactFile, (params: RedactFileParams): RedactFileResult => {
    let document = documents.get(params.uri);
    if (!document) {
      const file = filePathOf(params.uri);
      if (!file) return { error: `${fileNameOf(params.uri)} is not open and not a file on disk`, edits: [], skipped: 0 };
      try {
        document = TextDocument.create(params.uri, 'plaintext', 0, readSampleText(file));
      } catch (error) {
        return { error: `cannot read ${file}: ${(error as Error).message}`, edits: [], skipped: 0 };
      }
    }
    return redactFile(document, params);
  });
}
