/** A minimal LSP client over stdio for tests: starts the real bundled server (dist/server.js). */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { packageRoot } from '../../engine/packageRoot';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string | number; severity?: number; message: string; source?: string; data?: unknown }[];
}

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcess;
  /** Resolves with the first diagnostics for `uri` published after this call that satisfy `accept`. */
  nextDiagnostics(uri: string, accept?: (published: PublishedDiagnostics) => boolean, timeoutMs?: number): Promise<PublishedDiagnostics>;
  open(uri: string, text: string, languageId?: string): void;
  change(uri: string, version: number, text: string): void;
  stderr(): string;
  stop(): Promise<void>;
  /** Every publishDiagnostics notification so far, in order. */
  published: PublishedDiagnostics[];
  /** Every `$/progress` notification so far, in order; `onProgress` listeners see new ones. */
  progress: ProgressNotification[];
  onProgress(listener: (notification: ProgressNotification) => void): void;
}

export interface ProgressNotification {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number; cancellable?: boolean };
}

export interface ServerCommand {
  /** Script run with this Node; defaults to Cardwright's bundled server. */
  script?: string;
  /** Answer to every `workspace/configuration` item, by section. */
  configuration?: (section: string | undefined) => unknown;
}

export async function startServer(settings: unknown = {}, command: ServerCommand = {}): Promise<TestServer> {
  const serverPath = command.script ?? path.join(packageRoot(__dirname), 'dist', 'server.js');
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; accept: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  const allPublished: PublishedDiagnostics[] = [];
  const progress: ProgressNotification[] = [];
  const progressListeners: ((notification: ProgressNotification) => void)[] = [];
  connection.onNotification('$/progress', (notification: ProgressNotification) => {
    progress.push(notification);
    for (const listener of progressListeners) listener(notification);
  });
  connection.onNotification('textDocument/publishDiagnostics', (published: PublishedDiagnostics) => {
    allPublished.push(published);
    for (const waiter of [...waiters]) {
      if (waiter.uri === published.uri && waiter.accept(published)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(published);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => (command.configuration ? command.configuration(item.section) : settings)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    // What VS Code's client declares, as far as the server cares (test/lsp/otherEditors.test.ts tests a bare client).
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
      textDocument: { publishDiagnostics: {}, completion: { completionItem: { snippetSupport: true } }, hover: {} },
      window: { workDoneProgress: true },
    },
    initializationOptions: { retriggerCompletionCommand: 'editor.action.triggerSuggest' },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    nextDiagnostics(uri, accept = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${stderr}`)), timeoutMs);
        waiters.push({
          uri,
          accept,
          resolve: (published) => {
            clearTimeout(timer);
            resolve(published);
          },
        });
      });
    },
    open(uri, text, languageId = uri.endsWith('.md') ? 'markdown' : 'yaml') {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, version, text) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    stderr: () => stderr,
    published: allPublished,
    progress,
    onProgress: (listener) => progressListeners.push(listener),
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit').catch(() => undefined);
      } catch {
        /* already gone */
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
