/**
 * The Test Classifier webview view: forwards the page's requests to the language server
 * (`cardwright/classifyText`; widget examples and sample rows from `cardwright/classifierInputs`)
 * and writes the model setting. "This card's model" runs the active card's own model in the server
 * (`cardwright/cardModel`, `cardwright/runCardModel`, cancellable from the page).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CardModelParams,
  CardModelResult,
  ClassifierInputsParams,
  ClassifierInputsResult,
  ClassifyTextParams,
  ClassifyTextResult,
  ModelInfoDto,
  Requests,
  RunCardModelParams,
  RunCardModelResult,
} from '../protocol/messages';
import { FindingsStore } from './findingsStore';
import { classifierHtml, ClassifierStrings, createNonce } from './webview/classifierHtml';

type Target = 'pii' | 'card';

type PageMessage =
  | { type: 'ready'; target?: Target }
  | { type: 'run'; text: string; tokens?: boolean; target?: Target }
  | { type: 'widgetExamples'; tokens?: boolean; target?: Target }
  | { type: 'randomRow'; tokens?: boolean; target?: Target }
  | { type: 'target'; target: Target }
  | { type: 'cancel' }
  | { type: 'pickModel' };

const ELEMENTS = ['dist/webview/bundled.js', 'node_modules/@vscode-elements/elements/dist/bundled.js'];

export class ClassifierView implements vscode.WebviewViewProvider {
  static readonly id = 'cardwright.classifier';
  private view: vscode.WebviewView | undefined;
  private model: ModelInfoDto | undefined;
  /** Messages posted before the page said it is ready (e.g. right after the view was first opened). */
  private pending: unknown[] | undefined = [];
  /** The page shows the card model's line: it follows the active card. */
  private target: Target = 'pii';
  private running: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
    private readonly store: FindingsStore,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.pending = this.pending ?? [];
    const root = this.context.extensionUri;
    const elements = ELEMENTS.find((p) => fs.existsSync(this.context.asAbsolutePath(p))) ?? ELEMENTS[0];
    view.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(root, 'media'), vscode.Uri.joinPath(root, path.dirname(elements))] };
    const asUri = (p: string) => view.webview.asWebviewUri(vscode.Uri.joinPath(root, p)).toString();
    view.webview.html = classifierHtml({
      cspSource: view.webview.cspSource,
      nonce: createNonce(),
      elementsUri: asUri(elements),
      scriptUri: asUri('media/classifier.js'),
      styleUri: asUri('media/classifier.css'),
      strings: pageStrings(),
    });
    view.webview.onDidReceiveMessage((message: PageMessage) => void this.handle(message).catch((error) => this.post({ type: 'error', message: errorText(error) })));
    this.context.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.target === 'card' && editor && isCard(editor.document.uri)) void this.describeCardModel();
      }),
    );
  }

  /**
   * Runs the card's own model (on the active card, or the first in the workspace) and shows the
   * results in the page; returns them (the in-host tests read them).
   */
  async runCardModel(source: RunCardModelParams['source'], text?: string): Promise<RunCardModelResult> {
    const client = this.client();
    if (!client) throw new Error(vscode.l10n.t('The Cardwright language server is not running.'));
    this.running?.cancel();
    const running = new vscode.CancellationTokenSource();
    this.running = running;
    try {
      const card = await findCard();
      const params: RunCardModelParams = { cardUri: card?.toString(), source, text, sampleUris: this.store.scannedUris() };
      const result = await vscode.window.withProgress({ location: { viewId: ClassifierView.id } }, () =>
        client.sendRequest<RunCardModelResult>(Requests.runCardModel, params, running.token),
      );
      const record = result.items.find((item) => !item.title && source === 'sampleRecord');
      if (record) this.post({ type: 'setText', text: record.text });
      this.post({ type: 'cardResults', ...result });
      return result;
    } finally {
      if (this.running === running) this.running = undefined;
      running.dispose();
    }
  }

  /** Which model the card has (the page's "This card's model" line). */
  async describeCardModel(): Promise<CardModelResult> {
    const client = this.client();
    if (!client) throw new Error(vscode.l10n.t('The Cardwright language server is not running.'));
    const card = await findCard();
    const result = await client.sendRequest<CardModelResult>(Requests.cardModel, { cardUri: card?.toString() } satisfies CardModelParams);
    this.post({ type: 'cardModel', result });
    return result;
  }

  /** Runs the classifier on a text from outside the page (e.g. the command with a selection). */
  async classify(text: string): Promise<void> {
    await vscode.commands.executeCommand(`${ClassifierView.id}.focus`);
    if (!text.trim()) return;
    this.post({ type: 'setText', text });
    await this.run([text], false);
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        const queued = this.pending ?? [];
        this.pending = undefined;
        this.target = message.target === 'card' ? 'card' : 'pii';
        if (this.model) this.post({ type: 'model', model: this.model });
        for (const queuedMessage of queued) this.post(queuedMessage);
        if (this.target === 'card') await this.describeCardModel();
        return;
      }
      case 'target':
        this.target = message.target === 'card' ? 'card' : 'pii';
        if (this.target === 'card') await this.describeCardModel();
        return;
      case 'cancel':
        this.running?.cancel();
        return;
      case 'run':
        if (message.target === 'card') return void (await this.runCardModel('text', String(message.text ?? '')));
        return this.run([String(message.text ?? '')], Boolean(message.tokens));
      case 'widgetExamples': {
        if (message.target === 'card') return void (await this.runCardModel('widgetExamples'));
        const examples = await this.inputs('widgetExamples');
        if (examples.length === 0) return this.post({ type: 'error', message: vscode.l10n.t('No model card with `widget[].text` examples was found.') });
        return this.run(examples, Boolean(message.tokens));
      }
      case 'randomRow': {
        if (message.target === 'card') return void (await this.runCardModel('sampleRecord'));
        const [row] = await this.inputs('sampleRecord');
        if (!row) return this.post({ type: 'error', message: vscode.l10n.t('No sample file with records was found. List samples in the card or scan a dataset first.') });
        this.post({ type: 'setText', text: row });
        return this.run([row], Boolean(message.tokens));
      }
      case 'pickModel':
        return pickModel();
    }
  }

  private async run(texts: string[], tokens: boolean): Promise<void> {
    const client = this.client();
    if (!client) return this.post({ type: 'error', message: vscode.l10n.t('The Cardwright language server is not running.') });
    const items: Array<{ text: string; result: ClassifyTextResult }> = [];
    for (const text of texts) {
      const result = await client.sendRequest<ClassifyTextResult>(Requests.classifyText, { text, tokens } satisfies ClassifyTextParams);
      items.push({ text, result });
      this.model = result.model ?? this.model;
    }
    this.post({ type: 'results', items, model: this.model });
  }

  /** The card's widget examples, or one random record of a sample file (the server reads them). */
  private async inputs(kind: ClassifierInputsParams['kind']): Promise<string[]> {
    const client = this.client();
    if (!client) throw new Error(vscode.l10n.t('The Cardwright language server is not running.'));
    const card = await findCard();
    const params: ClassifierInputsParams = { kind, cardUri: card?.toString(), sampleUris: this.store.scannedUris() };
    return (await client.sendRequest<ClassifierInputsResult>(Requests.classifierInputs, params)).texts;
  }

  private post(message: unknown): void {
    if (this.pending) this.pending.push(message);
    else void this.view?.webview.postMessage(message);
  }
}

function isCard(uri: vscode.Uri): boolean {
  return /(^|\/)model-card\.ya?ml$/i.test(uri.path);
}

async function findCard(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isCard(active)) return active;
  const [first] = await vscode.workspace.findFiles('**/model-card.{yaml,yml}', '**/node_modules/**', 1);
  return first;
}

/** The model picker: the shipped model, a local folder or a Hub id; writes `cardwright.pii.model`. */
export async function pickModel(): Promise<void> {
  const shipped = { label: vscode.l10n.t('Shipped model'), description: vscode.l10n.t('offline, bundled with Cardwright'), value: 'shipped' };
  const folder = { label: vscode.l10n.t('Local model folder…'), description: vscode.l10n.t('an ONNX token-classification model'), value: 'folder' };
  const hub = { label: vscode.l10n.t('Hugging Face Hub model id…'), description: vscode.l10n.t('needs a network connection'), value: 'hub' };
  const picked = await vscode.window.showQuickPick([shipped, folder, hub], { placeHolder: vscode.l10n.t('Which PII model should Cardwright use?') });
  if (!picked) return;
  let value: string | undefined = '';
  if (picked.value === 'folder') {
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Use This Model') });
    value = chosen?.[0]?.fsPath;
  } else if (picked.value === 'hub') {
    value = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Hub model id, e.g. owner/model-name'),
      validateInput: (v) => (/^[\w.-]+\/[\w.-]+$/.test(v.trim()) ? undefined : vscode.l10n.t('Expected owner/name')),
    });
    value = value?.trim();
  }
  if (value === undefined) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('cardwright.pii').update('model', value, target);
  void vscode.window.showInformationMessage(
    value ? vscode.l10n.t('Cardwright will use the PII model {0}.', value) : vscode.l10n.t('Cardwright will use its shipped PII model.'),
  );
}

function pageStrings(): ClassifierStrings {
  const t = vscode.l10n.t;
  return {
    title: t('Test Classifier'),
    placeholder: t('Type or paste text to check for personal data…'),
    run: t('Run'),
    tokens: t('Per-token scores'),
    widgetExamples: t('Run on card widget examples'),
    randomRow: t('Random sample row'),
    model: t('Model'),
    pickModel: t('Change…'),
    noModel: t('No model loaded yet; run the classifier to load it.'),
    piiModel: t('PII model'),
    cardModel: t("This card's model"),
    cancel: t('Cancel'),
    runtime: {
      running: t('Running…'),
      empty: t('Enter some text first.'),
      entity: t('entity'),
      entities: t('entities'),
      contextCount: t('context'),
      contextLegend: t('context: not personal data by itself'),
      token: t('Token'),
      label: t('Label'),
      score: t('Score'),
      load: t('load'),
      inference: t('inference'),
      modelError: t('Model not loaded'),
      noModel: t('No model loaded yet; run the classifier to load it.'),
      noCardModel: t('Looking for the card\'s model…'),
      foundInFolder: t('next to the card'),
      foundByPath: t('cardwright.model_path'),
      expected: t('card expects'),
      noEntities: t('no labelled spans'),
      cancelled: t('Cancelled.'),
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
