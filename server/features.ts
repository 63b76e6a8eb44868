/**
 * The editor features on the LSP connection: completion, hover, quick fixes, outline and folding.
 * The work is in core/; this file converts offsets <-> positions and core shapes <-> LSP shapes.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  CompletionItem,
  CompletionItemKind,
  Connection,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  ServerCapabilities,
  SymbolKind,
  TextDocuments,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../core/analyzer';
import { sourceKindOf } from '../core/cardSource';
import { canFixAll, fixAll, QuickFix, quickFixes } from '../core/codeActions';
import { complete, CompletionKind } from '../core/completion';
import { Finding, Severity } from '../core/finding';
import { hover } from '../core/hover';
import { CardSymbol, CardSymbolKind, documentSymbolsOf, foldingRangesOf } from '../core/symbols';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { DocumentAnalyses, REQUEST_BUDGET_MS, sizeOf } from './documentAnalyses';
import { fileNameOf, folderOf } from './documentUris';
import { redactionCodeActions } from './redaction';
import { ClientSupport, FULL_SUPPORT } from './clientSupport';
import { snippetToPlain } from '../core/cardTemplates';

/** The capabilities these handlers serve; spread into the server's `initialize` result. */
export const FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: [' ', ':'], resolveProvider: false },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
};

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

const SYMBOL_KINDS: Record<CardSymbolKind, SymbolKind> = {
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
};

const SEVERITIES: Severity[] = ['error', 'error', 'warning', 'information', 'hint'];

export function registerFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyzer: Analyzer,
  analyses: DocumentAnalyses,
  publishedPii: (uri: string) => readonly Diagnostic[] = () => [],
  clientSupport: () => ClientSupport = () => FULL_SUPPORT,
): void {
  documents.onDidClose(({ document }) => analyses.forget(document.uri));

  const cardDocument = (uri: string): { document: TextDocument; fileName: string } | undefined => {
    const document = documents.get(uri);
    const fileName = fileNameOf(uri);
    return document && sourceKindOf(fileName) ? { document, fileName } : undefined;
  };

  const findingsOf = (document: TextDocument): Finding[] => analyses.get(document).findings;

  /**
   * A handler that never throws and never stalls silently: a failure is logged and answered empty,
   * and one that runs past the budget is logged with the request and the document's size (handlers
   * that loop check `overBudget` and stop early: "cut off").
   */
  const guarded = <P extends { textDocument: { uri: string } }, R>(name: string, empty: R, handler: (params: P, overBudget: () => boolean) => R) => (params: P): R => {
    const started = performance.now();
    const overBudget = () => performance.now() - started > REQUEST_BUDGET_MS;
    try {
      return handler(params, overBudget);
    } catch (error) {
      connection.console.error(`Cardwright ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return empty;
    } finally {
      const took = performance.now() - started;
      if (took > REQUEST_BUDGET_MS) {
        const text = documents.get(params.textDocument.uri)?.getText() ?? '';
        connection.console.warn(`Cardwright ${name} on ${params.textDocument.uri} (${sizeOf(text)}) took ${Math.round(took)} ms, over the ${REQUEST_BUDGET_MS} ms budget; answered with what was ready.`);
      }
    }
  };

  connection.onCompletion(
    guarded('completion', null, (params) => {
      const card = cardDocument(params.textDocument.uri);
      if (!card) return null;
      const { document, fileName } = card;
      const items = complete(analyzer, { text: document.getText(), fileName, offset: document.offsetAt(params.position) });
      const { snippets, retriggerCommand } = clientSupport();
      return {
        isIncomplete: false,
        items: items.map(
          (item, index): CompletionItem => ({
            label: item.label,
            kind: COMPLETION_KINDS[item.kind],
            detail: item.detail,
            documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
            sortText: item.sortText ?? String(index).padStart(4, '0'),
            filterText: item.filterText,
            insertTextFormat: item.isSnippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            insertTextMode: InsertTextMode.asIs,
            textEdit: {
              range: { start: document.positionAt(item.start), end: document.positionAt(item.end) },
              newText: item.isSnippet && !snippets ? snippetToPlain(item.insertText) : item.insertText,
            },
            // Only an editor that named its command gets one: others would send it back as workspace/executeCommand.
            command: item.retrigger && retriggerCommand ? { title: 'Suggest values', command: retriggerCommand } : undefined,
          }),
        ),
      };
    }),
  );

  connection.onHover(
    guarded('hover', null, (params): Hover | null => {
      const card = cardDocument(params.textDocument.uri);
      if (!card) return null;
      const { document, fileName } = card;
      const result = hover(analyzer, { text: document.getText(), fileName, offset: document.offsetAt(params.position), findings: findingsOf(document) });
      if (!result) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: result.markdown },
        range: { start: document.positionAt(result.start), end: document.positionAt(result.end) },
      };
    }),
  );

  connection.onCodeAction(
    guarded('code actions', [], (params: CodeActionParams, overBudget): CodeAction[] => {
      if (params.context.only && !params.context.only.some((kind) => kind === CodeActionKind.QuickFix || kind.startsWith(`${CodeActionKind.QuickFix}.`))) return [];
      const card = cardDocument(params.textDocument.uri);
      if (!card) {
        // A sample file: redaction of the PII findings a scan published for it.
        const sample = documents.get(params.textDocument.uri);
        return sample ? redactionCodeActions(sample, params.context.diagnostics, publishedPii(params.textDocument.uri)) : [];
      }
      const { document, fileName } = card;
      const text = document.getText();
      const actions: CodeAction[] = [];
      const diagnostics = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');
      for (const diagnostic of diagnostics) {
        if (overBudget()) return actions;
        for (const fix of quickFixes(text, findingOf(document, diagnostic), fileName)) {
          if (fix.createFiles?.length && !clientSupport().createFiles) continue;
          actions.push(toCodeAction(document, fix, [diagnostic]));
        }
      }
      for (const code of new Set(diagnostics.map((d) => String(d.code)))) {
        if (!canFixAll(code) || overBudget()) continue;
        const all = fixAll(text, findingsOf(document), code, fileName, overBudget);
        if (all) actions.push(toCodeAction(document, all, diagnostics.filter((d) => d.code === code)));
      }
      return actions;
    }),
  );

  connection.onDocumentSymbol(
    guarded('document symbols', [], (params): DocumentSymbol[] => {
      const card = cardDocument(params.textDocument.uri);
      return card ? documentSymbolsOf(analyses.get(card.document).card).map((symbol) => toDocumentSymbol(card.document, symbol)) : [];
    }),
  );

  connection.onFoldingRanges(
    guarded('folding ranges', [], (params): FoldingRange[] => {
      const card = cardDocument(params.textDocument.uri);
      if (!card) return [];
      const out: FoldingRange[] = [];
      for (const range of foldingRangesOf(analyses.get(card.document).card)) {
        const startLine = card.document.positionAt(range.start).line;
        const endLine = card.document.positionAt(range.end).line;
        if (endLine > startLine) out.push({ startLine, endLine });
      }
      return out;
    }),
  );
}

/** The finding behind a published diagnostic: its data carries the finding's data and offsets. */
function findingOf(document: TextDocument, diagnostic: Diagnostic): Finding {
  const { start, end, source, ...data } = (diagnostic.data ?? {}) as Record<string, unknown>;
  return {
    code: String(diagnostic.code),
    severity: SEVERITIES[diagnostic.severity ?? 1] ?? 'error',
    message: typeof diagnostic.message === 'string' ? diagnostic.message : String((diagnostic.message as { value?: unknown }).value ?? ''),
    start: typeof start === 'number' ? start : document.offsetAt(diagnostic.range.start),
    end: typeof end === 'number' ? end : document.offsetAt(diagnostic.range.end),
    data,
    ...(typeof source === 'string' ? { source } : {}),
  };
}

function toCodeAction(document: TextDocument, fix: QuickFix, diagnostics: Diagnostic[]): CodeAction {
  const edits = fix.edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text }));
  let edit: WorkspaceEdit = { changes: { [document.uri]: edits } };
  const folder = folderOf(document.uri);
  if (fix.createFiles?.length && folder) {
    edit = {
      documentChanges: [
        ...fix.createFiles.map((file) => ({ kind: 'create' as const, uri: pathToFileURL(path.resolve(folder, file)).href, options: { ignoreIfExists: true } })),
        ...(edits.length ? [{ textDocument: { uri: document.uri, version: document.version }, edits }] : []),
      ],
    };
  }
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, edit, ...(fix.isPreferred ? { isPreferred: true } : {}) };
}

function toDocumentSymbol(document: TextDocument, symbol: CardSymbol): DocumentSymbol {
  const range = { start: document.positionAt(symbol.start), end: document.positionAt(Math.max(symbol.end, symbol.selectionEnd)) };
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: { start: document.positionAt(Math.min(symbol.start, symbol.selectionStart)), end: range.end },
    selectionRange: { start: document.positionAt(symbol.selectionStart), end: document.positionAt(symbol.selectionEnd) },
    children: symbol.children.map((child) => toDocumentSymbol(document, child)),
  };
}
