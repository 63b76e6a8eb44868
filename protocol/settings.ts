/** Settings shared by client and server (`cardwright.*` in VS Code's settings). */
import { DEFAULT_SAMPLE_GLOBS } from '../core/sampleFiles';

export interface CardwrightSettings {
  validation: {
    /** Validate model cards and README front matter. */
    enable: boolean;
    /** Milliseconds to wait after the last keystroke before validating. */
    debounceMs: number;
  };
  pii: {
    /** Empty: the shipped model. Else a local model folder, or a Hub id (only when online). */
    model: string;
    /** Label mapping from the chosen model's labels to Cardwright's entity types. */
    labelMap: Record<string, string>;
    /** Findings below this score are not reported. */
    threshold: number;
    /** Entity types to report; empty means the default types (ORGANIZATION and LOCATION only when listed). */
    entities: string[];
    /** Files larger than this are skipped. */
    maxFileSizeMb: number;
    /** Globs of sample files scanned when a folder is scanned. */
    sampleGlobs: string[];
    /** Files scanned at once. */
    parallelism: number;
    /** Detection worker threads for scans of 1 MB or more; 0 detects in the server's own thread. */
    detectionThreads: number;
    /** Rescan a sample file when it is saved. */
    rescanOnSave: boolean;
  };
}

export const DEFAULT_SETTINGS: CardwrightSettings = {
  validation: { enable: true, debounceMs: 150 },
  pii: {
    model: '',
    labelMap: {},
    threshold: 0.5,
    entities: [],
    maxFileSizeMb: 1024,
    sampleGlobs: [...DEFAULT_SAMPLE_GLOBS],
    parallelism: 2,
    detectionThreads: 2,
    rescanOnSave: true,
  },
};

type Raw = Record<string, unknown>;

/** Fills missing or malformed values from the defaults; settings come from users and may be anything. */
export function normalizeSettings(raw: unknown): CardwrightSettings {
  const input = asRecord(raw);
  const validation = asRecord(input.validation);
  const pii = asRecord(input.pii);
  const d = DEFAULT_SETTINGS;
  return {
    validation: {
      enable: bool(validation.enable, d.validation.enable),
      debounceMs: num(validation.debounceMs, d.validation.debounceMs, 0, 5000),
    },
    pii: {
      model: typeof pii.model === 'string' ? pii.model.trim() : d.pii.model,
      labelMap: Object.fromEntries(Object.entries(asRecord(pii.labelMap)).filter((e): e is [string, string] => typeof e[1] === 'string')),
      threshold: num(pii.threshold, d.pii.threshold, 0, 1),
      entities: strings(pii.entities, d.pii.entities),
      maxFileSizeMb: num(pii.maxFileSizeMb, d.pii.maxFileSizeMb, 1, 1_000_000),
      sampleGlobs: strings(pii.sampleGlobs, d.pii.sampleGlobs),
      parallelism: Math.round(num(pii.parallelism, d.pii.parallelism, 1, 16)),
      detectionThreads: Math.round(num(pii.detectionThreads, d.pii.detectionThreads, 0, 8)),
      rescanOnSave: bool(pii.rescanOnSave, d.pii.rescanOnSave),
    },
  };
}

function asRecord(value: unknown): Raw {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function num(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

function strings(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : fallback;
}
