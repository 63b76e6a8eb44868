/**
 * A detection worker (worker_threads): loads its own copy of the model with one onnxruntime
 * thread and runs detectBatch on the batches the scanning thread sends. Built as its own file
 * (dist/piiWorker.js, out/engine/pii/piiWorker.js) next to the code that starts it.
 *
 * Messages in:  { type: 'detect', id, inputs: PackedInputs }  |  { type: 'close' }
 * Messages out: { type: 'ready', model } | { type: 'ready', error, modelError: true }
 *               { type: 'done', id, findings: PackedFindings, stats } | { type: 'failed', id, error }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ModelRunStats } from '../../core/pii/modelSpans';
import { PackedInputs, packFindings, transferables, unpackInputs } from './batchCodec';
import { detectBatch, DetectOptions } from './detectBatch';
import { loadTokenClassifier, ModelOptions, TokenClassifier } from './modelRuntime';

export interface WorkerData {
  model: ModelOptions | null;
  detect: DetectOptions;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const data = workerData as WorkerData;
  let classifier: TokenClassifier | undefined;
  try {
    if (data.model) classifier = await loadTokenClassifier({ ...data.model, intraOpThreads: 1 });
    port.postMessage({ type: 'ready', model: classifier?.name });
  } catch (error) {
    port.postMessage({ type: 'ready', error: (error as Error).message, modelError: true });
    return;
  }
  const handle = async (message: { type: string; id?: number; inputs?: PackedInputs }) => {
    if (message.type === 'close') {
      await classifier?.dispose().catch(() => undefined);
      port.close();
      return;
    }
    const stats: ModelRunStats = { tokens: 0, sequences: 0, batches: 0 };
    try {
      const findings = packFindings(await detectBatch(message.inputs ? unpackInputs(message.inputs) : [], classifier, data.detect, stats));
      port.postMessage({ type: 'done', id: message.id, findings, stats }, transferables(findings));
    } catch (error) {
      port.postMessage({ type: 'failed', id: message.id, error: (error as Error).message });
    }
  };
  // One batch at a time, in arrival order: the work is all on this thread anyway, and
  // interleaving batches would only hold more of them in memory (and blur the model's timing).
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: { type: string; id?: number; inputs?: PackedInputs }) => {
    queue = queue.then(() => handle(message));
  });
}

void main();
