/**
 * Finds a card's own model: the folder `cardwright.model_path` names (relative to the card), else
 * the card's own folder, when it holds a transformers.js model (config.json, tokenizer.json,
 * onnx/model_quantized.onnx or onnx/model.onnx). Reads config.json for the facts the card checks
 * need (architectures, id2label); never loads the model itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModelConfigFacts } from '../../core/cardModel/modelTasks';

export interface LocalModel extends ModelConfigFacts {
  folder: string;
  /** The ONNX file the runtime will load, and its dtype for transformers.js. */
  onnxFile: string;
  dtype: 'q8' | 'fp32';
  sizeBytes: number;
  /** config.json `model_type`, e.g. `bert`. */
  modelType?: string;
  foundBy: 'card-folder' | 'model-path';
  /** Changes when any of the model's files changes (the server reloads then). */
  version: string;
}

export type CardModelLookup =
  | { model: LocalModel }
  /** No model: `problem` says why when `cardwright.model_path` named one; else the card's folder simply has none. */
  | { model?: undefined; problem?: string; searched: string };

export const MODEL_FILES = ['config.json', 'tokenizer.json'] as const;
const ONNX_FILES: ReadonlyArray<[string, 'q8' | 'fp32']> = [
  [path.join('onnx', 'model_quantized.onnx'), 'q8'],
  [path.join('onnx', 'model.onnx'), 'fp32'],
];

export function findCardModel(cardPath: string, modelPath?: unknown): CardModelLookup {
  const cardFolder = path.dirname(cardPath);
  if (typeof modelPath === 'string' && modelPath.trim() !== '') {
    const folder = path.resolve(cardFolder, modelPath.trim());
    const read = readModelFolder(folder, 'model-path');
    return 'problem' in read ? { problem: read.problem, searched: folder } : { model: read };
  }
  const read = readModelFolder(cardFolder, 'card-folder');
  return 'problem' in read ? { searched: cardFolder } : { model: read };
}

/** The model in `folder`, or what is missing or unreadable (naming the file). */
export function readModelFolder(folder: string, foundBy: LocalModel['foundBy']): LocalModel | { problem: string } {
  if (!isDirectory(folder)) return { problem: `${folder} is not a folder` };
  for (const file of MODEL_FILES) {
    if (!isFile(path.join(folder, file))) return { problem: `${file} is missing in ${folder}` };
  }
  const onnx = ONNX_FILES.find(([file]) => isFile(path.join(folder, file)));
  if (!onnx) return { problem: `${folder} has no onnx/model_quantized.onnx or onnx/model.onnx` };
  let config: Record<string, unknown>;
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(folder, 'config.json'), 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { problem: `config.json in ${folder} is not a JSON object` };
    config = parsed as Record<string, unknown>;
  } catch (error) {
    return { problem: `config.json in ${folder} cannot be read: ${(error as Error).message}` };
  }
  const onnxFile = path.join(folder, onnx[0]);
  const stats = [...MODEL_FILES.map((file) => path.join(folder, file)), onnxFile].map((file) => fs.statSync(file));
  return {
    name: typeof config._name_or_path === 'string' && config._name_or_path ? path.basename(config._name_or_path) : path.basename(folder),
    folder,
    onnxFile,
    dtype: onnx[1],
    sizeBytes: stats[stats.length - 1].size,
    architectures: Array.isArray(config.architectures) ? config.architectures.filter((a): a is string => typeof a === 'string') : [],
    labels: labelsOf(config.id2label),
    ...(typeof config.model_type === 'string' ? { modelType: config.model_type } : {}),
    foundBy,
    version: JSON.stringify([onnxFile, ...stats.map((s) => [s.size, s.mtimeMs])]),
  };
}

function labelsOf(id2label: unknown): string[] {
  if (!id2label || typeof id2label !== 'object') return [];
  const labels: string[] = [];
  for (const [id, label] of Object.entries(id2label as Record<string, unknown>)) {
    const index = Number(id);
    if (Number.isInteger(index) && index >= 0 && index < 100_000 && typeof label === 'string') labels[index] = label;
  }
  return Array.from(labels, (label) => label ?? '');
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
