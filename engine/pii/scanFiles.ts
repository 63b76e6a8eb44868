/**
 * The scan orchestrator shared by the CLI and the language server: reads sample files as
 * streams (bounded memory), runs the recognizers and the model on batches of text units, fuses
 * their spans, and reports findings at exact file offsets and LSP positions (Parquet: row and
 * column). Files it cannot read are reported as skipped with a reason; nothing throws for a bad
 * file. The model runs in onnxruntime's own thread while the recognizers run on this one.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ModelRunStats } from '../../core/pii/modelSpans';
import { PiiEntityType, PiiFinding, RecognizerInput } from '../../core/pii/piiTypes';
import { createReader } from '../../core/pii/readers/createReader';
import { sniffDelimiter } from '../../core/pii/readers/csvReader';
import { detectBinary, formatOfContent, formatOfPath, SampleFormat } from '../../core/pii/readers/sampleFormat';
import { fileRangeOf, TextUnit, withinOneRun } from '../../core/pii/readers/textUnit';
import { readUnits } from '../../core/pii/readers/unitReader';
import { sampleDecoder } from '../../core/pii/readers/textEncoding';
import { fileChunks, fileHead } from './fileChunks';
import { detectBatch, DetectOptions } from './detectBatch';
import { DetectorPool, PoolModelError, startDetectorPool } from './detectorPool';
import { loadTokenClassifier, ModelOptions, TokenClassifier } from './modelRuntime';
import { defaultModelFolder } from '../packageRoot';
import { parquetUnits, ParquetRowUnit } from './parquetUnits';

export const DEFAULT_THRESHOLD = 0.5;

export interface ScanOptions {
  /** Findings scoring below this are not reported (default 0.5). */
  threshold?: number;
  /** Only these entity types (default: the default types; ORGANIZATION and LOCATION only when listed). */
  entities?: ReadonlySet<PiiEntityType>;
  /** Model folder; undefined: the shipped model; null: recognizers only. */
  model?: string | null;
  modelOptions?: Partial<Omit<ModelOptions, 'model'>>;
  /** An already loaded classifier (the language server keeps one). */
  classifier?: TokenClassifier;
  /** Country for phone numbers without `+` (default US). */
  defaultCountry?: string;
  /** Units per detection batch (default DEFAULT_UNITS_PER_BATCH). */
  unitsPerBatch?: number;
  /** Model batch size in sequences (default 8). */
  modelBatch?: number;
  /** Files scanned at once (default 1). */
  parallelism?: number;
  /** Files larger than this are skipped, unread. */
  maxFileBytes?: number;
  /** Which files found by walking a folder are scanned ('/'-separated path relative to that folder); files named explicitly always are. */
  acceptInFolder?: (relativePath: string) => boolean;
  /** Model batches in flight at once (default 2: one per core on a two-core machine). */
  modelConcurrency?: number;
  /** Detection batches in flight per file (default 2). */
  batchesInFlight?: number;
  /** Findings kept per file (default 100,000): memory stays bounded on a huge file full of PII. */
  maxFindingsPerFile?: number;
  /**
   * Detection worker threads (default: one per core, at most 2, for scans of 1 MB or more);
   * 0 detects in this thread.
   */
  workers?: number;
  /** Scans smaller than this many bytes detect in this thread (default 1 MB). */
  workersFromBytes?: number;
  /** The detection worker script (default: piiWorker.js next to this code; tests replace it). */
  workerScript?: string;
}

export interface ScanProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface ScanHooks {
  onProgress?(progress: ScanProgress): void;
  isCancelled?(): boolean;
}

export interface ScanFinding extends PiiFinding {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  /** Parquet only: the row (0-based) and column; start/end/character are then inside the cell's text. */
  row?: number;
  column?: string;
}

export interface FileScan {
  file: string;
  format?: SampleFormat;
  bytes: number;
  findings: ScanFinding[];
  warnings: string[];
  /** Why the file was not scanned. */
  skipped?: string;
  /**
   * Findings past the per-file cap, counted by type but not recorded: a type that first appears
   * after the cap still reaches the card's privacy checks and the summaries.
   */
  unrecorded?: Partial<Record<PiiEntityType, number>>;
}

export interface ScanResult {
  files: FileScan[];
  /** `workers`: detection threads used (0: this thread). */
  model: { used: boolean; name?: string; error?: string; workers?: number };
  cancelled: boolean;
  /** modelMilliseconds: time inside the model, summed over the threads that ran it. */
  stats: { bytes: number; units: number; characters: number; modelTokens: number; modelMilliseconds: number; milliseconds: number };
}

/** Files under the given paths: files as given, folders walked (hidden folders and node_modules skipped). */
export function expandPaths(paths: readonly string[], acceptInFolder: (relativePath: string) => boolean = () => true): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string, root: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      missing.push(dir);
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, root);
      } else if (entry.isFile()) {
        if (acceptInFolder(path.relative(root, full).split(path.sep).join('/'))) files.push(full);
      }
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(p, p);
    else files.push(p);
  }
  return { files, missing };
}

/**
 * Text units (rows, lines, records) per detection batch; a batch also ends at 262,144 characters.
 * Its model sequences are sorted by length before they are cut into model batches of 8. 256 units
 * scanned no faster than 64 (bench/piiSpeed, 20 MB CSV, paired runs: 71-75% of the raw ceiling
 * either way), and a small batch keeps cancel and progress prompt. bench/piiSpeed measures the scan
 * with this value unless told `--units N`.
 */
export const DEFAULT_UNITS_PER_BATCH = 64;

export async function scanFiles(paths: readonly string[], options: ScanOptions = {}, hooks: ScanHooks = {}): Promise<ScanResult> {
  const started = Date.now();
  const { files, missing } = expandPaths(paths, options.acceptInFolder);
  const result: ScanResult = {
    files: missing.map((file) => ({ file, bytes: 0, findings: [], warnings: [], skipped: 'not found' })),
    model: { used: false },
    cancelled: false,
    stats: { bytes: 0, units: 0, characters: 0, modelTokens: 0, modelMilliseconds: 0, milliseconds: 0 },
  };
  const sizes = files.map((file) => {
    try {
      return fs.statSync(file).size;
    } catch {
      return 0;
    }
  });
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);

  // The model: loaded by each detection worker for a big scan, else here.
  let modelSpec: ModelOptions | null = null;
  if (options.classifier) modelSpec = options.classifier.source;
  else if (options.model !== null) {
    const folder = options.model ?? defaultModelFolder();
    if (folder) modelSpec = { ...options.modelOptions, model: folder };
    else result.model.error = 'cannot find the Cardwright package root holding models/';
  }
  const detectOptions: DetectOptions = {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    entities: options.entities ? [...options.entities] : undefined,
    defaultCountry: options.defaultCountry,
    modelBatch: options.modelBatch,
    modelConcurrency: options.modelConcurrency,
  };
  const workerCount = Math.max(0, Math.min(options.workers ?? Math.min(2, os.availableParallelism()), 8));
  let pool: DetectorPool | undefined;
  if (workerCount > 0 && bytesTotal >= (options.workersFromBytes ?? 1024 * 1024)) {
    try {
      pool = await startDetectorPool(workerCount, modelSpec, detectOptions, options.workerScript);
    } catch (error) {
      if (error instanceof PoolModelError) {
        result.model.error = error.message;
        modelSpec = null;
        pool = await startDetectorPool(workerCount, null, detectOptions, options.workerScript).catch(() => undefined);
      }
      // Otherwise the workers could not start at all: detect in this thread.
    }
  }
  let classifier = options.classifier;
  let ownClassifier = false;
  if (pool) {
    if (modelSpec) result.model = { used: true, name: pool.model ?? path.basename(modelSpec.model) };
    result.model.workers = pool.size;
  } else {
    if (!classifier && modelSpec) {
      try {
        classifier = await loadTokenClassifier(modelSpec);
        ownClassifier = true;
      } catch (error) {
        result.model.error = (error as Error).message;
      }
    }
    if (classifier) result.model = { used: true, name: classifier.name };
    result.model.workers = 0;
  }
  const modelStats: ModelRunStats = { tokens: 0, sequences: 0, batches: 0 };
  // If a worker dies mid-scan, the rest is detected here: with the caller's classifier, else one
  // loaded once (and disposed below).
  let fallback: Promise<TokenClassifier | undefined> | undefined;
  const fallbackClassifier = (): Promise<TokenClassifier | undefined> => {
    const spec = modelSpec;
    fallback ??= classifier || !spec ? Promise.resolve(classifier) : loadTokenClassifier(spec).catch(() => undefined);
    return fallback;
  };
  const context: DetectContext = { options, detectOptions, classifier, pool, fallbackClassifier, modelStats, result };
  // Files are scanned `parallelism` at a time (with detection workers, one file's batches keep
  // them busy while another file is read). Results keep the input order.
  const scans: (FileScan | undefined)[] = new Array(files.length);
  const bytesDone = new Array<number>(files.length).fill(0);
  let next = 0;
  let finished = 0;
  const sum = () => bytesDone.reduce((a, b) => a + b, 0);
  const worker = async () => {
    while (next < files.length) {
      if (hooks.isCancelled?.()) {
        result.cancelled = true;
        return;
      }
      const index = next++;
      const file = files[index];
      const report = (bytes: number) => {
        bytesDone[index] = bytes;
        hooks.onProgress?.({ file, filesDone: finished, filesTotal: files.length, bytesDone: sum(), bytesTotal });
      };
      report(0);
      scans[index] = await scanOneFile(file, context, hooks, report);
      bytesDone[index] = sizes[index];
      finished++;
      if (result.cancelled) return;
    }
  };
  try {
    const parallelism = Math.max(1, Math.min(options.parallelism ?? 1, files.length || 1));
    await Promise.all(Array.from({ length: parallelism }, worker));
    for (const scan of scans) if (scan) result.files.push(scan);
    hooks.onProgress?.({ file: '', filesDone: finished, filesTotal: files.length, bytesDone: sum(), bytesTotal });
  } finally {
    await pool?.close();
    if (ownClassifier) await classifier?.dispose();
    const loaded = await fallback;
    if (loaded && loaded !== classifier) await loaded.dispose();
  }
  result.stats.modelTokens = modelStats.tokens;
  result.stats.modelMilliseconds = Math.round(modelStats.milliseconds ?? 0);
  result.stats.milliseconds = Date.now() - started;
  return result;
}

interface DetectContext {
  options: ScanOptions;
  detectOptions: DetectOptions;
  classifier: TokenClassifier | undefined;
  pool: DetectorPool | undefined;
  fallbackClassifier(): Promise<TokenClassifier | undefined>;
  modelStats: ModelRunStats;
  result: ScanResult;
}

async function scanOneFile(file: string, context: DetectContext, hooks: ScanHooks, report: (bytes: number) => void): Promise<FileScan> {
  const scan: FileScan = { file, bytes: 0, findings: [], warnings: [] };
  try {
    scan.bytes = fs.statSync(file).size;
    const maxBytes = context.options.maxFileBytes;
    if (maxBytes !== undefined && scan.bytes > maxBytes) {
      scan.skipped = `larger than ${Math.round(maxBytes / (1024 * 1024))} MB`;
      return scan;
    }
    const byPath = formatOfPath(file);
    if (byPath === 'parquet') {
      scan.format = byPath;
      await scanParquet(file, scan, context, hooks);
      return scan;
    }
    const head = await fileHead(file);
    const verdict = detectBinary(head);
    if (verdict.binary) {
      scan.skipped = verdict.reason;
      return scan;
    }
    const encoding = verdict.encoding ?? 'utf-8';
    // The head without its byte order mark; a character cut at its end decodes as U+FFFD.
    const headText = sampleDecoder(encoding).decode(head);
    const format = byPath ?? formatOfContent(headText);
    scan.format = format;
    const reader = createReader(format, format === 'csv' ? sniffDelimiter(headText) : undefined);
    const batchSize = context.options.unitsPerBatch ?? DEFAULT_UNITS_PER_BATCH;
    let batch: TextUnit[] = [];
    let batchChars = 0;
    // Batches in flight: with detection workers, the next batches are read and parsed here while
    // the workers detect, so they are rarely idle. Findings are sorted at the end.
    const inFlight: Array<Promise<void>> = [];
    const submit = async (units: TextUnit[]) => {
      // With workers, each has batches queued behind the one it runs.
      if (inFlight.length >= (context.options.batchesInFlight ?? Math.max(2, 3 * (context.pool?.size ?? 0)))) await inFlight.shift();
      const detection = detectTextUnits(units, scan, context);
      // Awaited later; this keeps Node from calling a rejection unhandled meanwhile.
      detection.catch(() => undefined);
      inFlight.push(detection);
    };
    for await (const unit of readUnits(fileChunks(file, report, encoding), reader)) {
      batch.push(unit);
      batchChars += unit.text.length;
      if (batch.length >= batchSize || batchChars >= 262144) {
        await submit(batch);
        batch = [];
        batchChars = 0;
        if (hooks.isCancelled?.()) {
          context.result.cancelled = true;
          break;
        }
      }
    }
    if (batch.length > 0 && !context.result.cancelled) await submit(batch);
    for (const detection of inFlight) await detection;
    scan.findings.sort((a, b) => a.start - b.start || a.end - b.end);
    scan.warnings.push(...reader.warnings);
    context.result.stats.bytes += scan.bytes;
  } catch (error) {
    scan.skipped = `cannot read: ${(error as Error).message}`;
  }
  return scan;
}

async function detectTextUnits(units: TextUnit[], scan: FileScan, context: DetectContext): Promise<void> {
  const findings = await detect(units, context);
  units.forEach((unit, k) => {
    for (const finding of findings[k]) {
      // Past the cap, counted without being placed: a finding always holds a letter or digit,
      // and only text the file spells does, so it always has a place.
      if (full(scan, context)) {
        countUnrecorded(scan, finding.type);
        continue;
      }
      const part = withinOneRun(unit, finding.start, finding.end);
      const range = fileRangeOf(unit, part.start, part.end);
      if (!range) continue;
      // Built field by field: objects that crossed a worker boundary are slow to spread.
      const located: ScanFinding = {
        type: finding.type,
        start: range.start.offset,
        end: range.end.offset,
        score: finding.score,
        detectors: finding.detectors,
        line: range.start.line,
        character: range.start.character,
        endLine: range.end.line,
        endCharacter: range.end.character,
      };
      if (finding.testValue) located.testValue = true;
      scan.findings.push(located);
    }
  });
}

async function scanParquet(file: string, scan: FileScan, context: DetectContext, hooks: ScanHooks): Promise<void> {
  const batchSize = context.options.unitsPerBatch ?? DEFAULT_UNITS_PER_BATCH;
  let batch: ParquetRowUnit[] = [];
  const flush = async () => {
    const findings = await detect(batch, context);
    batch.forEach((unit, k) => {
      for (const finding of findings[k]) {
        const cell = unit.fields.find((f) => finding.start < f.end && finding.end > f.start);
        if (!cell) continue; // only inside column names
        if (full(scan, context)) {
          countUnrecorded(scan, finding.type);
          continue;
        }
        const start = Math.max(finding.start, cell.start) - cell.start;
        const end = Math.min(finding.end, cell.end) - cell.start;
        scan.findings.push({ ...finding, start, end, line: unit.row, character: start, endLine: unit.row, endCharacter: end, row: unit.row, column: cell.name });
      }
    });
    batch = [];
  };
  try {
    for await (const unit of parquetUnits(file, hooks.isCancelled)) {
      batch.push(unit);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    context.result.stats.bytes += scan.bytes;
  } catch (error) {
    scan.skipped = `cannot read Parquet: ${(error as Error).message}`;
  }
}

function countUnrecorded(scan: FileScan, type: PiiEntityType): void {
  scan.unrecorded ??= {};
  scan.unrecorded[type] = (scan.unrecorded[type] ?? 0) + 1;
}

/** Findings by type in scanned files: those recorded and those counted past the per-file cap. */
export function countByType(files: readonly FileScan[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of files) {
    for (const finding of file.findings) counts[finding.type] = (counts[finding.type] ?? 0) + 1;
    for (const [type, count] of Object.entries(file.unrecorded ?? {})) counts[type] = (counts[type] ?? 0) + (count ?? 0);
  }
  return counts;
}

/** How many findings were counted past the per-file cap, in all files. */
export function unrecordedCount(files: readonly FileScan[]): number {
  let total = 0;
  for (const file of files) for (const count of Object.values(file.unrecorded ?? {})) total += count ?? 0;
  return total;
}

/** True (and a warning is left once) when a file has as many findings as it may keep. */
function full(scan: FileScan, context: DetectContext): boolean {
  const limit = context.options.maxFindingsPerFile ?? 100000;
  if (scan.findings.length < limit) return false;
  const warning = `stopped recording findings after ${limit} (the rest are counted by type)`;
  if (!scan.warnings.includes(warning)) scan.warnings.push(warning);
  return true;
}

/** Recognizers and model on a batch of inputs, fused per input: in the workers when there are some. */
async function detect(inputs: readonly RecognizerInput[], context: DetectContext): Promise<PiiFinding[][]> {
  const { result, modelStats } = context;
  result.stats.units += inputs.length;
  for (const input of inputs) result.stats.characters += input.text.length;
  if (context.pool) {
    try {
      const { findings, stats } = await context.pool.detect(inputs);
      modelStats.tokens += stats.tokens;
      modelStats.sequences += stats.sequences;
      modelStats.batches += stats.batches;
      modelStats.milliseconds = (modelStats.milliseconds ?? 0) + (stats.milliseconds ?? 0);
      return findings;
    } catch {
      // A worker died: this batch and the rest of the scan are detected in this thread.
      context.pool = undefined;
      result.model.workers = 0;
      if (result.model.used) {
        context.classifier = await context.fallbackClassifier();
        if (!context.classifier) result.model.used = false;
      }
    }
  }
  // In this thread: let the event loop breathe every few units, since in the language server the
  // same thread answers the editor.
  return detectBatch(inputs, context.classifier, { ...context.detectOptions, yieldEvery: YIELD_EVERY }, modelStats);
}

/** Units recognized between two turns of the event loop. */
const YIELD_EVERY = 8;
