/** Cardwright's language server: the LSP adapter over core/. Routes only; the work is in core. */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAnalyzer } from '../core/analyzer';
import { exportHubFrontMatter, newCardLicenseChoices, newCardSkeleton } from '../core/cardTemplates';
import { sourceKindOf } from '../core/cardSource';
import { ExportHubFrontMatterParams, ExportHubFrontMatterResult, NewModelCardParams, NewModelCardResult, Requests } from '../protocol/messages';
import { CardwrightSettings, DEFAULT_SETTINGS, normalizeSettings } from '../protocol/settings';
import { toDiagnostic } from './diagnostics';
import { createDocumentAnalyses } from './documentAnalyses';
import { fileNameOf } from './documentUris';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { packageVersion } from '../engine/packageRoot';
import { registerClassifierInputs } from './classifierInputs';
import { registerPiiService } from './piiService';
import { registerRedaction } from './redaction';
import { loadSchemas } from '../engine/schemaFiles';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyzer = createAnalyzer({ schemas: loadSchemas() });
const pending = new Map<string, NodeJS.Timeout>();
/** Diagnostics published per document at most. */
const MAX_DIAGNOSTICS = 1000;
let settings: CardwrightSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;

connection.onInitialize((params) => {
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
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
const analyses = createDocumentAnalyses(analyzer, { piiScan: (uri) => pii.scanSummary(uri), log: (line) => connection.console.warn(line) });
registerFeatures(connection, documents, analyzer, analyses, (uri) => pii.diagnosticsOf(uri));
registerRedaction(connection, documents);
registerClassifierInputs(connection, documents);
connection.onRequest(Requests.exportHubFrontMatter, (p: ExportHubFrontMatterParams): ExportHubFrontMatterResult => exportHubFrontMatter(p.cardText, p.readmeText));
connection.onRequest(Requests.newModelCard, (p: NewModelCardParams): NewModelCardResult => ({
  licenses: newCardLicenseChoices(),
  ...(typeof p?.license === 'string' ? { text: newCardSkeleton(p.license, { modelName: p.modelName }) } : {}),
}));

connection.onInitialized(() => void refreshSettings());
connection.onShutdown(() => pii.dispose());
connection.onDidChangeConfiguration(() => void refreshSettings());
documents.onDidOpen(({ document }) => schedule(document, 0));
documents.onDidChangeContent(({ document }) => schedule(document, settings.validation.debounceMs));
documents.onDidClose(({ document }) => {
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
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
