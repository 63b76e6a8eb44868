/**
 * The language server's PII requests: scan a card's samples (or files and folders) with work-done
 * progress and cancellation, publish findings as diagnostics in the sample files, remember what each
 * card's scan found (the card's privacy rules use it), and classify a text for the sidebar.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationToken, Connection, Diagnostic, DiagnosticSeverity, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { cardSampleList } from '../core/cardSampleList';
import { sampleFileFilter } from '../core/sampleFiles';
import type { PiiScanSummary } from '../core/rules/scanResults';
import { fuseSpans, fuseWithContext } from '../core/pii/fusion';
import { modelSpans } from '../core/pii/modelSpans';
import { effectiveEntityTypes, isOptionalEntityType } from '../core/pii/piiTypes';
import { recognizeAll } from '../core/pii/recognizeAll';
import type { Analyzer } from '../core/analyzer';
import {
  ClassifiedTokenDto,
  ClassifyTextParams,
  ClassifyTextResult,
  ModelInfoDto,
  PII_DIAGNOSTIC_SOURCE,
  PiiFindingDto,
  Requests,
  ScanDatasetParams,
  ScanDatasetResult,
} from '../protocol/messages';
import { CardwrightSettings } from '../protocol/settings';
import { fileNameOf, filePathOf } from './documentUris';
import { packageRoot, packageVersion, SHIPPED_MODEL } from '../engine/packageRoot';
import { firstWindowTokenLabels, HUB_ID, loadTokenClassifier, TokenClassifier } from '../engine/pii/modelRuntime';
import { countByType, FileScan, scanFiles, unrecordedCount } from '../engine/pii/scanFiles';

/** Texts longer than this are cut for the sidebar classifier (it renders every span). */
const MAX_CLASSIFY_CHARS = 20_000;

export interface PiiServiceHost {
  connection: Connection;
  analyzer: Analyzer;
  settings(): CardwrightSettings;
  /** The open document's text, if the client has it open (unsaved edits win over the disk). */
  openText(uri: string): string | undefined;
  /** A card's scan summary changed: validate it again. */
  onCardScanned(cardUri: string): void;
}

export interface PiiService {
  /** What the last scan of this card's samples found. */
  scanSummary(cardUri: string): PiiScanSummary | undefined;
  /** The PII diagnostics last published for a sample file. */
  diagnosticsOf(uri: string): readonly Diagnostic[];
  /**
   * The detector a scan uses (recognizers, the PII model, fusion with the scan's threshold and
   * entity filter, less the context types ORGANIZATION and LOCATION, which are not personal data
   * by themselves) over short texts, e.g. a card's widget examples; recognizers only when the
   * model cannot be loaded.
   */
  detectTexts(texts: readonly string[]): Promise<Array<Array<{ start: number; end: number; type: string; score: number }>>>;
  dispose(): Promise<void>;
}

export function registerPiiService(host: PiiServiceHost): PiiService {
  const { connection } = host;
  const summaries = new Map<string, PiiScanSummary>();
  /** PII diagnostics published per sample uri (the redaction quick fixes number pseudonyms over all of them). */
  const published = new Map<string, Diagnostic[]>();
  let loaded: { key: string; classifier: Promise<TokenClassifier>; info: Promise<ModelInfoDto> } | undefined;

  function classifier(): { classifier: Promise<TokenClassifier>; info: Promise<ModelInfoDto> } {
    const settings = host.settings().pii;
    const folder = settings.model ? path.resolve(settings.model) : path.join(packageRoot(), 'models', SHIPPED_MODEL);
    const key = JSON.stringify([folder, settings.labelMap]);
    if (loaded?.key !== key) {
      const previous = loaded;
      const started = Date.now();
      // A setting that is not a folder but reads `org/name` is a Hub id: downloaded (and cached) by transformers.js.
      const hubId = settings.model !== '' && !fs.existsSync(folder) && HUB_ID.test(settings.model);
      const promise = loadTokenClassifier({ model: hubId ? settings.model : folder, labelMapping: settings.labelMap, intraOpThreads: 1, allowRemote: hubId });
      promise.catch(() => undefined);
      loaded = {
        key,
        classifier: promise,
        info: promise.then((model) => modelInfo(model, folder, Date.now() - started)),
      };
      void previous?.classifier.then((model) => model.dispose()).catch(() => undefined);
    }
    return loaded;
  }

  connection.onRequest(Requests.scanDataset, async (params: ScanDatasetParams, token: CancellationToken): Promise<ScanDatasetResult> => {
    const started = Date.now();
    // Without a token the client shows its own progress (e.g. a rescan on save): report none.
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Cardwright: scanning for PII', 0, 'Preparing…', true);
    try {
      const targets = resolveTargets(params, host);
      const settings = host.settings().pii;
      let model: ModelInfoDto | undefined;
      let modelError: string | undefined;
      let loadedClassifier: TokenClassifier | undefined;
      try {
        const current = classifier();
        loadedClassifier = await current.classifier;
        model = await current.info;
      } catch (error) {
        modelError = error instanceof Error ? error.message : String(error);
      }
      const cancelled = () => token.isCancellationRequested;
      const isSample = sampleFileFilter(settings.sampleGlobs);
      const result = await scanFiles(
        targets.paths,
        {
          threshold: settings.threshold,
          entities: effectiveEntityTypes(settings.entities),
          classifier: loadedClassifier,
          model: loadedClassifier ? undefined : null,
          parallelism: settings.parallelism,
          workers: settings.detectionThreads,
          maxFileBytes: settings.maxFileSizeMb * 1024 * 1024,
          acceptInFolder: isSample,
        },
        {
          isCancelled: cancelled,
          onProgress: (p) => reportProgress(progress, p.file, p.bytesDone, p.bytesTotal, p.filesDone, p.filesTotal),
        },
      );
      const files = result.files;
      for (const scan of files) publish(scan);
      const findings = files.flatMap((scan) => scan.findings.map((finding) => toDto(scan, finding)));
      // Past a file's cap findings are only counted, but every type found reaches the card's checks.
      const byType = countByType(files);
      if (targets.cardUri && !result.cancelled) {
        summaries.set(targets.cardUri, {
          found: byType,
          files: files.filter((f) => !f.skipped).length,
          date: new Date().toISOString().slice(0, 10),
          tool: `cardwright ${packageVersion()}`,
          model: model?.name,
        });
        host.onCardScanned(targets.cardUri);
      }
      return {
        files: files.map((scan) => ({ uri: pathToFileURL(scan.file).href, findings: scan.findings.length, ...(scan.skipped ? { skipped: scan.skipped } : {}) })),
        findings,
        byType,
        cancelled: result.cancelled,
        summary: summarize(files, findings.length, result.cancelled, targets.problem ?? (modelError ? `model not loaded (${modelError}); recognizers only` : undefined)),
        model,
        workers: result.model.workers ?? 0,
        durationMs: Date.now() - started,
      };
    } finally {
      progress.done();
    }
  });

  connection.onRequest(Requests.classifyText, async (params: ClassifyTextParams): Promise<ClassifyTextResult> => {
    const text = typeof params?.text === 'string' ? params.text.slice(0, MAX_CLASSIFY_CHARS) : '';
    const settings = host.settings().pii;
    const entities = effectiveEntityTypes(settings.entities);
    const spans = recognizeAll({ text }, { entities });
    let started = Date.now();
    let model: ModelInfoDto | undefined;
    let modelError: string | undefined;
    let tokens: ClassifiedTokenDto[] | undefined;
    try {
      const current = classifier();
      const loadedClassifier = await current.classifier;
      model = await current.info;
      started = Date.now();
      const [fromModel] = await modelSpans([text], loadedClassifier);
      spans.push(...(fromModel ?? []));
      if (params.tokens) tokens = await tokenLabels(loadedClassifier, text);
    } catch (error) {
      modelError = error instanceof Error ? error.message : String(error);
    }
    // What the scan reports, and always the context types (organizations, places) where they do not
    // overlap it: the page shows what the model took for not-a-person, apart from personal data.
    const fused = fuseWithContext(spans, { threshold: settings.threshold, entities, text });
    return {
      spans: fused.map((f) => ({ start: f.start, end: f.end, type: f.type, score: f.score, detectors: f.detectors, ...(isOptionalEntityType(f.type) ? { context: true } : {}) })),
      ...(tokens ? { tokens } : {}),
      model,
      inferenceMs: Date.now() - started,
      ...(modelError ? { modelError } : {}),
    };
  });

  connection.onRequest(Requests.clearPiiFindings, () => {
    for (const uri of published.keys()) void connection.sendDiagnostics({ uri, diagnostics: [] });
    published.clear();
    const cards = [...summaries.keys()];
    summaries.clear();
    for (const card of cards) host.onCardScanned(card);
    return null;
  });

  function publish(scan: FileScan): void {
    const uri = pathToFileURL(scan.file).href;
    const diagnostics: Diagnostic[] = scan.findings.map((finding) => ({
      range: { start: { line: finding.line, character: finding.character }, end: { line: finding.endLine, character: finding.endCharacter } },
      // Organizations and places (asked for in the setting) are context, not personal data.
      severity: isOptionalEntityType(finding.type) ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
      source: PII_DIAGNOSTIC_SOURCE,
      code: finding.type,
      message:
        finding.row !== undefined
          ? `Possible ${finding.type} in row ${finding.row + 1}, column ${finding.column} (score ${finding.score.toFixed(2)}; ${finding.detectors.join(', ')})`
          : `Possible ${finding.type} (score ${finding.score.toFixed(2)}; ${finding.detectors.join(', ')})`,
      data: { type: finding.type, score: finding.score, detectors: finding.detectors, start: finding.start, end: finding.end },
    }));
    if (diagnostics.length > 0 || published.has(uri)) void connection.sendDiagnostics({ uri, diagnostics });
    if (diagnostics.length > 0) published.set(uri, diagnostics);
    else published.delete(uri);
  }

  async function detectTexts(texts: readonly string[]): Promise<Array<Array<{ start: number; end: number; type: string; score: number }>>> {
    const settings = host.settings().pii;
    const cut = texts.map((text) => text.slice(0, MAX_CLASSIFY_CHARS));
    // Personal data only: organizations and places are context, not personal data by themselves.
    const entities = new Set([...effectiveEntityTypes(settings.entities)].filter((type) => !isOptionalEntityType(type)));
    const spans = cut.map((text) => recognizeAll({ text }, { entities }));
    try {
      const fromModel = await modelSpans(cut, await classifier().classifier);
      fromModel.forEach((found, i) => spans[i].push(...(found ?? [])));
    } catch {
      /* recognizers only */
    }
    return cut.map((text, i) =>
      fuseSpans(spans[i], { threshold: settings.threshold, entities, text }).map((f) => ({ start: f.start, end: f.end, type: f.type, score: f.score })),
    );
  }

  return {
    scanSummary: (cardUri) => summaries.get(cardUri),
    diagnosticsOf: (uri) => published.get(uri) ?? [],
    detectTexts,
    async dispose() {
      await loaded?.classifier.then((model) => model.dispose()).catch(() => undefined);
    },
  };
}

interface Targets {
  paths: string[];
  cardUri?: string;
  /** Something the user should know about the request itself (e.g. a card that lists no samples). */
  problem?: string;
}

/** The files to scan: a card's samples (relative to the card), or the given files and folders. */
function resolveTargets(params: ScanDatasetParams, host: PiiServiceHost): Targets {
  if (params.cardUri) {
    const cardPath = filePathOf(params.cardUri);
    if (!cardPath) return { cardUri: params.cardUri, paths: [], problem: 'the card is not a file on disk: save it first' };
    let text = host.openText(params.cardUri);
    try {
      text ??= fs.readFileSync(cardPath, 'utf8');
    } catch (error) {
      return { cardUri: params.cardUri, paths: [], problem: `cannot read the card: ${(error as Error).message}` };
    }
    const analysis = host.analyzer.analyze({ text, fileName: cardPath });
    const samples = cardSampleList(analysis.card?.value);
    return {
      cardUri: params.cardUri,
      paths: samples.map((sample) => path.resolve(path.dirname(cardPath), sample)),
      problem: samples.length === 0 ? 'the card lists no samples under upstream.datasets[].samples' : undefined,
    };
  }
  const paths: string[] = [];
  const elsewhere: string[] = [];
  for (const uri of params.uris ?? []) {
    const file = filePathOf(uri);
    if (file) paths.push(file);
    else elsewhere.push(fileNameOf(uri));
  }
  return { paths, problem: elsewhere.length > 0 ? `not files on disk, not scanned: ${elsewhere.join(', ')}` : undefined };
}

function reportProgress(progress: WorkDoneProgressReporter, file: string, bytesDone: number, bytesTotal: number, filesDone: number, filesTotal: number): void {
  const percent = bytesTotal > 0 ? Math.min(100, Math.floor((bytesDone / bytesTotal) * 100)) : filesTotal > 0 ? Math.floor((filesDone / filesTotal) * 100) : 0;
  const name = file ? path.basename(file) : 'done';
  progress.report(percent, `${name} (${Math.min(filesDone + 1, filesTotal)}/${filesTotal})`);
}

function toDto(scan: FileScan, finding: FileScan['findings'][number]): PiiFindingDto {
  return {
    uri: pathToFileURL(scan.file).href,
    type: finding.type,
    score: finding.score,
    detectors: finding.detectors,
    range: { start: { line: finding.line, character: finding.character }, end: { line: finding.endLine, character: finding.endCharacter } },
    start: finding.start,
    end: finding.end,
    ...(finding.row !== undefined ? { row: finding.row, column: finding.column } : {}),
    excerpt: '',
  };
}

function summarize(files: FileScan[], findings: number, cancelled: boolean, note?: string): string {
  const scanned = files.filter((f) => !f.skipped).length;
  const skipped = files.filter((f) => f.skipped);
  const reasons = [...new Set(skipped.map((f) => f.skipped))].join(', ');
  const parts = [`${findings} finding${findings === 1 ? '' : 's'} in ${scanned} file${scanned === 1 ? '' : 's'}`];
  const unrecorded = unrecordedCount(files);
  if (unrecorded > 0) parts.push(`${unrecorded} more past the per-file limit, counted by type but not listed`);
  if (skipped.length) parts.push(`${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped: ${reasons}`);
  if (cancelled) parts.push('cancelled before the end');
  if (note) parts.push(note);
  return parts.join('; ');
}

async function modelInfo(model: TokenClassifier, folder: string, loadMs: number): Promise<ModelInfoDto> {
  const onnx = path.join(folder, 'onnx', 'model_quantized.onnx');
  let sizeBytes = 0;
  try {
    sizeBytes = fs.statSync(onnx).size;
  } catch {
    /* a Hub model or another layout */
  }
  return { name: model.name, path: folder, sizeBytes, quantization: sizeBytes ? 'int8 (dynamic)' : 'unknown', loadMs };
}

/** Per-token labels and probabilities of the first window of `text`, for the sidebar's token view. */
async function tokenLabels(model: TokenClassifier, text: string): Promise<ClassifiedTokenDto[]> {
  return (await firstWindowTokenLabels(model, text)).map((t) => ({ ...t, token: text.slice(t.start, t.end) }));
}

