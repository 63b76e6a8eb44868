/** Cardwright's language server: the LSP adapter over core/. Routes only; the work is in core. */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAnalyzer } from '../core/analyzer';
import { exportHubFrontMatter, newCardLicenseChoices, newCardSkeleton } from '../core/cardTemplates';
import { sourceKindOf } from '../core/cardSource';
import { ExportCycloneDxParams, ExportCycloneDxResult, ExportHubFrontMatterParams, ExportHubFrontMatterResult, NewModelCardParams, NewModelCardResult, Requests } from '../protocol/messages';
import { CardwrightSettings, DEFAULT_SETTINGS, normalizeSettings } from '../protocol/settings';
import { toDiagnostic } from './diagnostics';
import { createDocumentAnalyses } from './documentAnalyses';
import { fileNameOf } from './documentUris';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { packageVersion } from '../engine/packageRoot';
import { registerCardModelService } from './cardModelService';
import { registerClassifierInputs } from './classifierInputs';
import { ClientSupport, clientSupportOf, FULL_SUPPORT, pushedSettings } from './clientSupport';
import { handleCommandLine } from './commandLine';
import { exportCycloneDx } from './exportCycloneDx';
import { registerPiiService } from './piiService';
import { registerRedaction } from './redaction';
import { loadSchemas } from '../engine/schemaFiles';

handleCommandLine();
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyzer = createAnalyzer({ schemas: loadSchemas() });
const pending = new Map<string, NodeJS.Timeout>();
/** Diagnostics published per document at most. */
const MAX_DIAGNOSTICS = 1000;
let settings: CardwrightSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;
let support: ClientSupport = FULL_SUPPORT;

connection.onInitialize((params) => {
  support = clientSupportOf(params);
  canPullConfiguration = support.configurationPull;
  // Editors without workspace/configuration may pass the settings here instead.
  settings = pushedSettings(params.initializationOptions) ?? settings;
  return {
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } }, ...FEATURE_CAPABILITIES },
    serverInfo: { name: 'cardwright', version: packageVersion() },
  };
});

const pii = registerPiiService({
  connection,
  analyzer,
  settings: () => settings,
  openText: (uri) => documents.get(uri)?.getText(),
  onCardScanned: (uri) => {
    const document = documents.get(uri);
    if (document) schedule(document, 0);
  },
});
const cardModels = registerCardModelService({
  connection,
  documents,
  pii,
  enabled: () => settings.validation.enable,
  onFactsChanged: (uri) => {
    analyses.forget(uri);
    const document = documents.get(uri);
    if (document) schedule(document, 0);
  },
});
const analyses = createDocumentAnalyses(analyzer, {
  piiScan: (uri) => pii.scanSummary(uri),
  cardModel: (uri, text) => cardModels.factsOf(uri, text),
  log: (line) => connection.console.warn(line),
});
registerFeatures(connection, documents, analyzer, analyses, (uri) => pii.diagnosticsOf(uri), () => support);
registerRedaction(connection, documents);
registerClassifierInputs(connection, documents);
connection.onRequest(Requests.exportHubFrontMatter, (p: ExportHubFrontMatterParams): ExportHubFrontMatterResult => exportHubFrontMatter(p.cardText, p.readmeText));
connection.onRequest(Requests.exportCycloneDx, (p: ExportCycloneDxParams): ExportCycloneDxResult => exportCycloneDx(p, pii.scanSummary(p?.uri)));
connection.onRequest(Requests.newModelCard, (p: NewModelCardParams): NewModelCardResult => ({
  licenses: newCardLicenseChoices(),
  ...(typeof p?.license === 'string' ? { text: newCardSkeleton(p.license, { modelName: p.modelName }) } : {}),
}));

connection.onInitialized(() => void refreshSettings());
connection.onShutdown(async () => {
  await Promise.all([pii.dispose(), cardModels.dispose()]);
});
connection.onDidChangeConfiguration((change) => {
  if (!canPullConfiguration) settings = pushedSettings(change?.settings) ?? settings;
  void refreshSettings();
});
documents.onDidOpen(({ document }) => schedule(document, 0));
documents.onDidChangeContent(({ document }) => schedule(document, settings.validation.debounceMs));
documents.onDidClose(({ document }) => {
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  cardModels.forget(document.uri);
  // A card's diagnostics go with its editor; a sample's PII diagnostics stay until cleared.
  if (sourceKindOf(fileNameOf(document.uri))) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

async function refreshSettings(): Promise<void> {
  if (canPullConfiguration) {
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'cardwright' }]);
      settings = normalizeSettings(raw);
    } catch {
      settings = DEFAULT_SETTINGS;
    }
  }
  for (const document of documents.all()) schedule(document, 0);
}

function schedule(document: TextDocument, delay: number): void {
  clearTimeout(pending.get(document.uri));
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      validate(document);
    }, delay),
  );
}

function validate(document: TextDocument): void {
  const fileName = fileNameOf(document.uri);
  if (!sourceKindOf(fileName)) return;
  if (!settings.validation.enable) {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
    return;
  }
  try {
    const analysis = analyses.get(document);
    // A broken file must not flood the Problems panel (nor the connection).
    const diagnostics = analysis.findings.slice(0, MAX_DIAGNOSTICS).map((finding) => toDiagnostic(document, finding));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  } catch (error) {
    connection.console.error(`Cardwright could not validate ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

process.on('uncaughtException', (error) => connection.console.error(`Cardwright server error: ${error.stack ?? error.message}`));
documents.listen(connection);
connection.listen();
