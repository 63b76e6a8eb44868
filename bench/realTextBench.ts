/**
 * Real-text development benchmark: the product's detection, as a scan of a .txt file runs it
 * (plain-text reader units, detection workers each holding the model next to the recognizers,
 * fusion), over the held-out dev splits of the human-annotated corpora (WikiGold 20%, WNUT-17 dev,
 * BTC dev, MEDDOCAN dev; training/data/ner/). Scoring: bench/realTextScoring.ts.
 */
import { PiiFinding } from '../core/pii/piiTypes';
import { createPlainTextReader } from '../core/pii/readers/plainTextReader';
import { fileEndOf, fileOffsetOf, TextUnit } from '../core/pii/readers/textUnit';
import { detectBatch, DetectOptions } from '../engine/pii/detectBatch';
import { startDetectorPool } from '../engine/pii/detectorPool';
import { loadTokenClassifier } from '../engine/pii/modelRuntime';
import { readBenchSplit, readLabelMap } from './realTextData';
import { emptySplitScore, formatRealTextTable, ScoredSpan, ScoringOptions, scoreRecord, SplitScore } from './realTextScoring';

export interface RealTextOptions {
  root: string;
  /** Model folder; null: recognizers only. */
  model: string | null;
  threshold: number;
  /** Detection worker threads (0: detect in this thread). */
  workers: number;
  /** At most this many records per split (the first ones). */
  limit?: number;
  splits?: readonly string[];
  /** Print this many wrong PERSON findings per split. */
  errors?: number;
}

const UNITS_PER_BATCH = 64;

/** Findings for each text, in text offsets, through the scan's reader and detection. */
export async function detectTexts(texts: readonly string[], options: RealTextOptions): Promise<PiiFinding[][]> {
  const units: Array<{ record: number; unit: TextUnit }> = [];
  texts.forEach((text, record) => {
    const reader = createPlainTextReader();
    for (const unit of [...reader.push(text), ...reader.end()]) units.push({ record, unit });
  });
  const batches: Array<typeof units> = [];
  for (let i = 0; i < units.length; i += UNITS_PER_BATCH) batches.push(units.slice(i, i + UNITS_PER_BATCH));
  const detect: DetectOptions = { threshold: options.threshold };
  let results: PiiFinding[][][];
  if (options.workers > 0) {
    const pool = await startDetectorPool(options.workers, options.model === null ? null : { model: options.model }, detect);
    try {
      results = await Promise.all(batches.map(async (b) => (await pool.detect(b.map((u) => ({ text: u.unit.text })))).findings));
    } finally {
      await pool.close();
    }
  } else {
    const classifier = options.model === null ? undefined : await loadTokenClassifier({ model: options.model });
    try {
      results = [];
      for (const b of batches) results.push(await detectBatch(b.map((u) => ({ text: u.unit.text })), classifier, detect));
    } finally {
      await classifier?.dispose();
    }
  }
  const out: PiiFinding[][] = texts.map(() => []);
  batches.forEach((b, i) =>
    b.forEach(({ record, unit }, k) => {
      for (const f of results[i][k]) out[record].push({ ...f, start: fileOffsetOf(unit, f.start), end: fileEndOf(unit, f.end) });
    }),
  );
  return out;
}

export async function runRealTextBench(options: RealTextOptions): Promise<string> {
  const labelMap = readLabelMap(options.root);
  const scoring: ScoringOptions = {
    scoredTypes: ['PERSON', 'STREET_ADDRESS', 'PHONE_NUMBER', 'EMAIL_ADDRESS'],
    contrastTypes: labelMap.contrastTypes,
    personalLabels: new Set(labelMap.personalData.labels),
  };
  const splits = options.splits ?? labelMap.benchSplits;
  const records = splits.map((split) => readBenchSplit(options.root, split).slice(0, options.limit ?? Infinity));
  const started = Date.now();
  const all = records.flat();
  const findings = await detectTexts(
    all.map((r) => r.text),
    options,
  );
  const ms = Date.now() - started;
  const rows: Array<[string, SplitScore]> = [];
  const errorLines: string[] = [];
  const missedLines: string[] = [];
  let at = 0;
  splits.forEach((split, s) => {
    const score = emptySplitScore();
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const record of records[s]) {
      const predicted: ScoredSpan[] = findings[at++];
      scoreRecord(score, record.text, record.spans, predicted, scoring);
      for (const g of record.spans) {
        if (g.type !== 'PERSON' || missed.length >= (options.errors ?? 0)) continue;
        if (predicted.some((p) => p.type === 'PERSON' && p.start < g.end && g.start < p.end)) continue;
        const context = record.text.slice(Math.max(0, g.start - 30), Math.min(record.text.length, g.end + 30)).replace(/\s+/g, ' ');
        missed.push(`${JSON.stringify(g.text)} in ${JSON.stringify(context)}`);
      }
      if (wrong.length < (options.errors ?? 0)) {
        for (const p of predicted) {
          if (p.type !== 'PERSON' || wrong.length >= (options.errors ?? 0)) continue;
          const gold = record.spans.find((g) => g.start < p.end && g.end > p.start);
          if (gold?.type === 'PERSON' && gold.start === p.start && gold.end === p.end) continue;
          wrong.push(`${JSON.stringify(record.text.slice(p.start, p.end))} (gold: ${gold ? `${gold.type} ${JSON.stringify(gold.text)}` : 'none'})`);
        }
      }
    }
    rows.push([split, score]);
    if (wrong.length > 0) errorLines.push(`${split}: ${wrong.join('; ')}`);
    if (missed.length > 0) missedLines.push(`${split}: ${missed.join('; ')}`);
  });
  const chars = all.reduce((n, r) => n + r.text.length, 0);
  return [
    `real text: held-out dev splits of human-annotated corpora (training/data/ner/), ${all.length} records, ${chars} characters, detected in ${ms} ms`,
    `  (${options.model === null ? 'recognizers only' : `model ${options.model}`}, threshold ${options.threshold}, ${options.workers} workers; match: same type, characters shared >= 0.5 of the union; "as PERSON": any character in a PERSON finding)`,
    '',
    formatRealTextTable(rows, scoring),
    ...(errorLines.length > 0 ? ['', 'PERSON findings that are not an exact gold PERSON:', ...errorLines.map((l) => `  ${l}`)] : []),
    ...(missedLines.length > 0 ? ['', 'gold PERSON spans that no PERSON finding touches:', ...missedLines.map((l) => `  ${l}`)] : []),
  ].join('\n');
}
