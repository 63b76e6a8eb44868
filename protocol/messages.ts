/**
 * Cardwright's custom LSP messages, shared by client and server (one typed file, no stringly-typed
 * method names elsewhere). Offsets are UTF-16 code units; ranges are LSP line/character.
 */
import type { HubExport } from '../core/cardTemplates';
import type { LeftOut } from '../core/export/cycloneDx';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** One PII finding in a sample file. */
export interface PiiFindingDto {
  uri: string;
  type: string;
  score: number;
  detectors: string[];
  /** Absent for formats without text offsets (Parquet). */
  range?: LspRange;
  start?: number;
  end?: number;
  /** Parquet: row and column instead of a range. */
  row?: number;
  column?: string;
  /** The matched text, shortened for display (never more than 80 characters). */
  excerpt: string;
}

export interface ScanDatasetParams {
  /** A card whose `upstream.datasets[].samples` are scanned. */
  cardUri?: string;
  /** Files or folders to scan (used when no card is given). */
  uris?: string[];
  /** Token for work-done progress created by the client (`window/workDoneProgress/create`). */
  workDoneToken?: string | number;
}

export interface ScannedFileDto {
  uri: string;
  findings: number;
  /** Why the file was not scanned, if it was not. */
  skipped?: string;
}

export interface ScanDatasetResult {
  files: ScannedFileDto[];
  findings: PiiFindingDto[];
  /** Counts by entity type. */
  byType: Record<string, number>;
  cancelled: boolean;
  /** One line for the user: "142 findings in 3 files; 2 files skipped: binary". */
  summary: string;
  model?: ModelInfoDto;
  /** Detection worker threads the scan used (0: the server's own thread, for small scans). */
  workers: number;
  durationMs: number;
}

export interface ModelInfoDto {
  name: string;
  path: string;
  sizeBytes: number;
  quantization: string;
  loadMs: number;
}

export interface ClassifyTextParams {
  text: string;
  /** Include per-token labels and scores. */
  tokens?: boolean;
}

export interface ClassifiedSpanDto {
  start: number;
  end: number;
  type: string;
  score: number;
  detectors: string[];
  /** An organization or a place (ORGANIZATION, LOCATION): shown for context, not personal data by itself. */
  context?: boolean;
}

export interface ClassifiedTokenDto {
  start: number;
  end: number;
  token: string;
  label: string;
  score: number;
}

export interface ClassifyTextResult {
  spans: ClassifiedSpanDto[];
  tokens?: ClassifiedTokenDto[];
  model?: ModelInfoDto;
  inferenceMs: number;
  /** Set when the model could not be loaded; recognizer spans are still returned. */
  modelError?: string;
}

export const Requests = {
  scanDataset: 'cardwright/scanDataset',
  classifyText: 'cardwright/classifyText',
  clearPiiFindings: 'cardwright/clearPiiFindings',
  redactFile: 'cardwright/redactFile',
  exportHubFrontMatter: 'cardwright/exportHubFrontMatter',
  classifierInputs: 'cardwright/classifierInputs',
  newModelCard: 'cardwright/newModelCard',
  exportCycloneDx: 'cardwright/exportCycloneDx',
  cardModel: 'cardwright/cardModel',
  runCardModel: 'cardwright/runCardModel',
} as const;

/** "Export CycloneDX ML-BOM": the card as the editor has it; the server adds the last scan of its samples. */
export interface ExportCycloneDxParams {
  uri: string;
  text: string;
}

/** The BOM (CycloneDX 1.6 JSON), or why there is none, and what the BOM leaves out of the card. */
export interface ExportCycloneDxResult {
  bom?: Record<string, unknown>;
  leftOut: LeftOut[];
  error?: string;
}

/** "This card's model" in the sidebar: the model found for a card (see engine/cardModel/findCardModel). */
export interface CardModelParams {
  cardUri?: string;
}

export interface CardModelDto {
  name: string;
  /** The model folder on disk. */
  folder: string;
  /** Size of the ONNX file that is loaded. */
  sizeBytes: number;
  quantization: 'int8' | 'fp32';
  architectures: string[];
  labels: string[];
  /** Where it was found: the card's own folder, or `cardwright.model_path`. */
  foundBy: 'card-folder' | 'model-path';
  /** The card's `pipeline_tag`. */
  pipelineTag?: string;
  /** The task the sidebar runs; absent when it cannot run the card's task (see `unsupported`). */
  task?: string;
  unsupported?: string;
}

export interface CardModelResult {
  /** The card asked about (the active card, or the first in the workspace). */
  cardUri?: string;
  model?: CardModelDto;
  /** Why there is no model, and how to add one. */
  message?: string;
}

/** Runs the card's own model: on a typed text, on the card's widget examples, or on a random sample record. */
export interface RunCardModelParams {
  cardUri?: string;
  source: 'text' | 'widgetExamples' | 'sampleRecord';
  text?: string;
  /** More sample files to draw a record from (as for `cardwright/classifierInputs`). */
  sampleUris?: string[];
}

export type TaskOutputDto =
  | { kind: 'labels'; labels: Array<{ label: string; score: number }> }
  | { kind: 'spans'; spans: Array<{ start: number; end: number; label: string; score: number }> }
  | { kind: 'fills'; fills: Array<{ token: string; sequence: string; score: number }> };

export interface CardModelRunItemDto {
  text: string;
  /** The widget example's `example_title`. */
  title?: string;
  output?: TaskOutputDto;
  /** The `output` the card records for this example. */
  expected?: Array<{ label: string; score?: number }>;
  /** Set when the model's answer differs from `expected`: one line saying how. */
  mismatch?: string;
  error?: string;
}

export interface RunCardModelResult {
  model?: CardModelDto;
  items: CardModelRunItemDto[];
  /** Why nothing ran (no model, a task not supported here, a model that failed to load: which file and why). */
  error?: string;
  cancelled: boolean;
  /** Set when this request loaded the model. */
  loadMs?: number;
  inferenceMs: number;
}

/** "New Model Card": without a license, the choices; with one, the card's text too. */
export interface NewModelCardParams {
  license?: string;
  /** Written into the card as the model's name (the folder's name). */
  modelName?: string;
}

export interface NewModelCardResult {
  /** Hub license ids (no family entries), sorted, with their name and a one-line summary. */
  licenses: Array<{ id: string; name: string; summary: string }>;
  /** The new card, when a license was given. */
  text?: string;
}

/**
 * Texts for the Test Classifier: the card's `widget[].text` examples, or one random record of a
 * sample file (those the card lists, then `sampleUris`). URIs are `file:` URIs.
 */
export interface ClassifierInputsParams {
  kind: 'widgetExamples' | 'sampleRecord';
  cardUri?: string;
  /** More sample files to draw from (e.g. files scanned before). */
  sampleUris?: string[];
}

/** The texts found (none when the card has no examples or no sample holds a record). */
export interface ClassifierInputsResult {
  texts: string[];
}

/** "Export Hub README Front Matter": the card's text and the README's (empty when there is none). */
export interface ExportHubFrontMatterParams {
  cardText: string;
  readmeText: string;
}

/** The new README text and which keys went where (see core/cardTemplates). */
export type ExportHubFrontMatterResult = HubExport;

/** "Redact All in File": which findings (ranges in the document as the editor has it), how, and whether for a copy. */
export interface RedactFileParams {
  uri: string;
  style: 'placeholder' | 'pseudonym';
  targets: Array<{ range: LspRange; type: string }>;
  /** Also return the whole redacted text (for a redacted copy next to the file). */
  copy?: boolean;
}

export interface RedactFileResult {
  /** One undoable edit's worth of replacements, sorted, not overlapping. */
  edits: Array<{ range: LspRange; newText: string }>;
  /** Findings outside any value (e.g. on a delimiter), left alone. */
  skipped: number;
  text?: string;
  /** Why nothing can be redacted (a binary format, an unreadable file). */
  error?: string;
}

/** Source of PII diagnostics in sample files. */
export const PII_DIAGNOSTIC_SOURCE = 'Cardwright PII';
