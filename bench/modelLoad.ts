/**
 * `npm run bench -- model-load [--model DIR] [--runs 5]`: how long a fresh process takes to load
 * the PII model (config, tokenizer, name lexicon, int8 ONNX session) and classify one short text,
 * the delay before a first scan or Test Classifier result. Each run is a new Node process, so
 * nothing is cached in memory; the file system cache is warm after the first.
 */
import { spawnSync } from 'node:child_process';
import { modelSpans } from '../core/pii/modelSpans';
import { defaultModelFolder } from '../engine/packageRoot';
import { loadTokenClassifier } from '../engine/pii/modelRuntime';
import { percentile } from './cards';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export async function benchModelLoad(args: string[]): Promise<void> {
  const folder = option(args, '--model', defaultModelFolder(__dirname) ?? '');
  const runs = Number(option(args, '--runs', '5'));
  const load: number[] = [];
  const first: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [__filename, '--child', folder], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.log(`model load failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
      return;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { loadMs: number; firstMs: number; processMs: number };
    load.push(r.loadMs);
    first.push(r.firstMs);
    whole.push(r.processMs);
  }
  const fmt = (xs: number[]) => `median ${percentile(xs, 50).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;
  console.log(`model ${folder}, ${runs} fresh processes`);
  console.log(`  load (config, tokenizer, lexicon, ONNX session): ${fmt(load)}`);
  console.log(`  load + first text classified: ${fmt(first)}`);
  console.log(`  from the process's start (Node, modules, model) to the first result: ${fmt(whole)}`);
}

async function child(folder: string): Promise<void> {
  const t = performance.now();
  const classifier = await loadTokenClassifier({ model: folder });
  const loaded = performance.now();
  const spans = await modelSpans(['Hi, I am Dana Whitfield, my order arrived broken.'], classifier, {});
  if (spans.length !== 1) throw new Error('no result');
  const done = performance.now();
  await classifier.dispose();
  // performance.now() counts from the process's start: Node itself, module loading, then the model.
  console.log(JSON.stringify({ loadMs: loaded - t, firstMs: done - t, processMs: done }));
}

if (process.argv[2] === '--child') void child(process.argv[3]);
