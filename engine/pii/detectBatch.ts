/**
 * Detection on a batch of text units: the recognizers and the model, fused per unit. The same
 * function runs in the scanning thread (small scans, the CLI with --workers 0) and in each
 * detection worker (engine/pii/piiWorker.ts).
 */
import { fuseSpans } from '../../core/pii/fusion';
import { modelSpans, ModelRunStats } from '../../core/pii/modelSpans';
import { effectiveEntityTypes, PiiEntityType, PiiFinding, PiiSpan, RecognizerInput } from '../../core/pii/piiTypes';
import { recognizeAll } from '../../core/pii/recognizeAll';
import { TokenClassifier } from './modelRuntime';

export interface DetectOptions {
  threshold: number;
  /** Types to report (default: the default types; ORGANIZATION and LOCATION only when listed). */
  entities?: readonly PiiEntityType[];
  defaultCountry?: string;
  /** Model batch size in sequences (default 8). */
  modelBatch?: number;
  /** Model batches in flight at once (default 1: onnxruntime-node runs in the calling thread). */
  modelConcurrency?: number;
  /** Units recognized between two turns of the event loop (so that a language server stays responsive). */
  yieldEvery?: number;
}

export async function detectBatch(
  inputs: readonly RecognizerInput[],
  classifier: TokenClassifier | undefined,
  options: DetectOptions,
  modelStats?: ModelRunStats,
): Promise<PiiFinding[][]> {
  const entities = effectiveEntityTypes(options.entities);
  const yieldEvery = options.yieldEvery ?? Infinity;
  // The model's promise first, then the recognizers: a classifier that computes in another
  // thread overlaps them (onnxruntime-node itself runs in this thread, after the recognizers).
  const modelPromise: Promise<PiiSpan[][] | undefined> = classifier
    ? modelSpans(
        inputs.map((i) => i.text),
        classifier,
        // Small batches of length-sorted sequences run fastest here (measured: 8 or 16 sequences
        // about 20% faster than 32 on the same tokens, bench/piiSpeed).
        { maxBatch: options.modelBatch ?? 8, concurrency: options.modelConcurrency ?? 1 },
        modelStats,
      )
    : Promise.resolve(undefined);
  const recognized: PiiSpan[][] = [];
  for (let k = 0; k < inputs.length; k++) {
    recognized.push(recognizeAll(inputs[k], { entities, defaultCountry: options.defaultCountry }));
    if (k % yieldEvery === yieldEvery - 1) await yieldToEventLoop();
  }
  const model = await modelPromise;
  const fused: PiiFinding[][] = [];
  for (let k = 0; k < inputs.length; k++) {
    const spans = model?.[k]?.length ? recognized[k].concat(model[k]) : recognized[k];
    // Most rows of a table hold nothing: no fusion to run (and fuseSpans only ever sees arrays of spans).
    fused.push(spans.length === 0 ? [] : fuseSpans(spans, { threshold: options.threshold, entities, text: inputs[k].text }));
    if (k % yieldEvery === yieldEvery - 1) await yieldToEventLoop();
  }
  return fused;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
