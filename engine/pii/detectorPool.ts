/**
 * Detection workers for big scans: each worker thread holds its own model session (one
 * onnxruntime thread) and runs the recognizers next to it, so both cores do detection while the
 * scanning thread only reads files and maps findings back to file positions. On a language
 * server that thread also answers the editor, which stays responsive during a scan.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ModelRunStats } from '../../core/pii/modelSpans';
import { PiiFinding, RecognizerInput } from '../../core/pii/piiTypes';
import { PackedFindings, packInputs, transferables, unpackFindings } from './batchCodec';
import { DetectOptions } from './detectBatch';
import { ModelOptions } from './modelRuntime';
import type { WorkerData } from './piiWorker';

export interface DetectorPool {
  readonly size: number;
  /** The model name the workers loaded (undefined: recognizers only). */
  readonly model: string | undefined;
  detect(inputs: readonly RecognizerInput[]): Promise<{ findings: PiiFinding[][]; stats: ModelRunStats }>;
  close(): Promise<void>;
}

/** The worker script: built next to the code that starts it (dist/ or out/engine/pii/). */
export function workerFile(): string {
  return path.join(__dirname, 'piiWorker.js');
}

/** The workers could not load the model (as opposed to not starting at all). */
export class PoolModelError extends Error {}

interface Pending {
  resolve(value: { findings: PiiFinding[][]; stats: ModelRunStats }): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  alive: boolean;
}

const READY_TIMEOUT_MS = 120_000;
const WORKER_HEAP_MB = 384;
const WORKER_YOUNG_MB = 64;

export async function startDetectorPool(size: number, model: ModelOptions | null, detect: DetectOptions, file = workerFile()): Promise<DetectorPool> {
  if (!fs.existsSync(file)) throw new Error(`the detection worker ${file} is missing`);
  const data: WorkerData = { model, detect };
  const slots: Slot[] = [];
  let modelName: string | undefined;
  let nextId = 0;
  const fail = (slot: Slot, error: Error) => {
    slot.alive = false;
    for (const pending of slot.pending.values()) pending.reject(error);
    slot.pending.clear();
  };
  try {
    await Promise.all(
      Array.from({ length: size }, () => {
        // A worker holds one batch at a time: a bounded heap makes V8 collect early instead of
        // growing towards its default limit (peak RSS on a 50 MB CSV was close to 1 GB without, about
        // 640 MB with 192 MB, which cost some speed). Its young generation is larger than V8's
        // default: a batch's short-lived objects die before a collection more often (on a 20 MB
        // CSV, 340 instead of 559 scavenges and 26 instead of 75 full collections, ~40 MB more RSS).
        const worker = new Worker(file, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
        const slot: Slot = { worker, pending: new Map(), alive: true };
        slots.push(slot);
        return new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('a detection worker did not start in time')), READY_TIMEOUT_MS);
          worker.on('message', (message: { type: string; id: number; error?: string; modelError?: boolean; model?: string; findings: PackedFindings; stats: ModelRunStats }) => {
            if (message.type === 'ready') {
              clearTimeout(timer);
              if (message.error) reject(message.modelError ? new PoolModelError(message.error) : new Error(message.error));
              else {
                modelName = message.model;
                resolve();
              }
              return;
            }
            const pending = slot.pending.get(message.id);
            if (!pending) return;
            slot.pending.delete(message.id);
            if (message.type === 'done') pending.resolve({ findings: unpackFindings(message.findings), stats: message.stats });
            else pending.reject(new Error(message.error ?? 'detection failed'));
          });
          worker.on('error', (error) => {
            clearTimeout(timer);
            fail(slot, error);
            reject(error);
          });
          worker.on('exit', (code) => {
            clearTimeout(timer);
            fail(slot, new Error(`a detection worker stopped (exit code ${code})`));
            reject(new Error(`a detection worker stopped (exit code ${code})`));
          });
        });
      }),
    );
  } catch (error) {
    await Promise.all(slots.map((slot) => slot.worker.terminate().catch(() => undefined)));
    throw error;
  }

  return {
    size,
    model: modelName,
    detect(inputs) {
      const live = slots.filter((slot) => slot.alive);
      if (live.length === 0) return Promise.reject(new Error('no detection worker is running'));
      // The least busy worker takes the batch.
      const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        // Only what detection reads crosses the thread boundary (not a unit's offset maps), packed.
        const packed = packInputs(inputs);
        slot.worker.postMessage({ type: 'detect', id, inputs: packed }, transferables(packed));
      });
    },
    async close() {
      await Promise.all(
        slots.map(async (slot) => {
          if (!slot.alive) return;
          slot.alive = false;
          const exited = new Promise<void>((resolve) => slot.worker.once('exit', () => resolve()));
          slot.worker.postMessage({ type: 'close' });
          const timer = setTimeout(() => void slot.worker.terminate(), 2000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
