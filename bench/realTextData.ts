/**
 * The real-text development splits as training/realCorpora.py wrote them
 * (training/data/ner/bench/*.jsonl, UTF-16 offsets), and the label mapping they were written with
 * (training/data/ner/labelMap.json). Stale files (an input changed since they were written) are
 * refused: the benchmark and the trainer must read the same mapping.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GoldSpan } from './realTextScoring';

export interface LabelMap {
  types: string[];
  contrastTypes: string[];
  labels: Record<string, string>;
  personalData: { labels: string[] };
  benchSplits: string[];
}

export interface BenchRecord {
  id: string;
  text: string;
  spans: Array<GoldSpan & { text: string }>;
}

interface Manifest {
  inputs: Record<string, string>;
  splits: Record<string, number>;
  outputs: Record<string, string>;
}

export function nerDataFolder(root: string): string {
  return path.join(root, 'training', 'data', 'ner');
}

export function readLabelMap(root: string): LabelMap {
  return JSON.parse(fs.readFileSync(path.join(nerDataFolder(root), 'labelMap.json'), 'utf8')) as LabelMap;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Names of the bench files (or their inputs) that differ from manifest.json; empty when fresh. */
export function staleBenchFiles(root: string): string[] {
  const folder = nerDataFolder(root);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'bench', 'manifest.json'), 'utf8')) as Manifest;
  const stale: string[] = [];
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    const p = path.join(folder, file);
    if (!fs.existsSync(p) || sha256(fs.readFileSync(p)) !== hash) stale.push(file);
  }
  for (const [file, hash] of Object.entries(manifest.outputs)) {
    const p = path.join(folder, 'bench', file);
    if (!fs.existsSync(p) || sha256(fs.readFileSync(p)) !== hash) stale.push(`bench/${file}`);
  }
  return stale;
}

/** One split's records; throws when the bench files are stale. */
export function readBenchSplit(root: string, split: string): BenchRecord[] {
  const stale = staleBenchFiles(root);
  if (stale.length > 0) throw new Error(`stale real-text bench files (${stale.join(', ')}): run python3 training/realCorpora.py --write-bench`);
  return fs
    .readFileSync(path.join(nerDataFolder(root), 'bench', `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as BenchRecord);
}
