/**
 * What the editor on the other end can do, from its `initialize` request, and where settings come
 * from when it cannot answer `workspace/configuration`. VS Code can do everything; Neovim, Helix,
 * Emacs (eglot) and others get plain text instead of snippets, no VS Code-only commands, and
 * settings from `initializationOptions` or `workspace/didChangeConfiguration`.
 */
import type { InitializeParams } from 'vscode-languageserver/node';
import { CardwrightSettings, normalizeSettings } from '../protocol/settings';

export interface ClientSupport {
  /** Completion items may be snippets (`${1:placeholder}`). */
  snippets: boolean;
  /** Workspace edits may create files (the "create the sample file" quick fix). */
  createFiles: boolean;
  /** The editor's command that opens completion again (VS Code's client sends it in initializationOptions). */
  retriggerCommand?: string;
  /** The editor answers `workspace/configuration`. */
  configurationPull: boolean;
}

/** Before `initialize` and for VS Code's own client. */
export const FULL_SUPPORT: ClientSupport = { snippets: true, createFiles: true, configurationPull: true, retriggerCommand: 'editor.action.triggerSuggest' };

export function clientSupportOf(params: InitializeParams): ClientSupport {
  const { capabilities } = params;
  const options = asRecord(params.initializationOptions);
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  return {
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    createFiles: workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create'),
    retriggerCommand: typeof options.retriggerCompletionCommand === 'string' && options.retriggerCompletionCommand ? options.retriggerCompletionCommand : undefined,
    configurationPull: capabilities.workspace?.configuration === true,
  };
}

/**
 * Settings pushed by the editor (`initializationOptions`, or `settings` of didChangeConfiguration):
 * `{ "cardwright": { ... } }` or the `cardwright` object itself. Undefined when there are none.
 */
export function pushedSettings(raw: unknown): CardwrightSettings | undefined {
  const record = asRecord(raw);
  const section = 'cardwright' in record ? asRecord(record.cardwright) : record;
  if (!('validation' in section) && !('pii' in section)) return undefined;
  return normalizeSettings(section);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
