/**
 * PII quality bench. First the real-text table (bench/realTextBench.ts): the product's detection
 * on the held-out dev splits of human-annotated corpora. Then the in-house synthetic evaluation:
 * per-entity precision/recall/F1/F2 on test/fixtures/pii-eval/eval.jsonl for the recognizers only,
 * the model only, and both fused; exact-span and token-level matching.
 *   node out/bench/piiQuality.js [--threshold 0.5] [--model PATH] [--limit N] [--errors N]
 *     [--person-extend P] [--person-open P]   (PERSON completion thresholds, see core/pii/personSpanCheck;
 *                                              in-house evaluation only: the real-text table runs the
 *                                              scan as shipped)
 *     [--real-limit N] [--real-errors N] [--workers N] [--real-only | --no-real]
 * Prints numbers; asserts nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fuseSpans } from '../core/pii/fusion';
import { modelSpans } from '../core/pii/modelSpans';
import { PiiSpan } from '../core/pii/piiTypes';
import { recognizeAll } from '../core/pii/recognizeAll';
import { loadTokenClassifier } from '../engine/pii/modelRuntime';
import { defaultModelFolder, findPackageRoot } from '../engine/packageRoot';
import { runRealTextBench } from './realTextBench';
import { countExact, CountsByType, countTokens, formatTable, LabelledSpan, micro, scores } from './piiEvaluation';

interface Record {
  text: string;
  spans: LabelledSpan[];
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const root = findPackageRoot(__dirname)!;
  const threshold = Number(option('--threshold') ?? 0.5);
  const evalFile = option('--eval') ?? path.join(root, 'test', 'fixtures', 'pii-eval', 'eval.jsonl');
  const limit = Number(option('--limit') ?? Infinity);
  const showErrors = Number(option('--errors') ?? 0);
  const records: Record[] = fs
    .readFileSync(evalFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .slice(0, limit)
    .map((line) => JSON.parse(line));
  const folder = option('--model') ?? defaultModelFolder(__dirname)!;
  if (!process.argv.includes('--no-real')) {
    const realLimit = option('--real-limit');
    console.log(
      await runRealTextBench({
        root,
        model: folder,
        threshold,
        workers: Number(option('--workers') ?? 2),
        limit: realLimit === undefined ? undefined : Number(realLimit),
        errors: Number(option('--real-errors') ?? 0),
      }),
    );
    if (process.argv.includes('--real-only')) return;
    console.log('\n== in-house synthetic evaluation ==');
  }
  console.log(`eval: ${path.relative(root, evalFile)} (${records.length} records), threshold ${threshold}, model ${folder}`);

  const person = {
    extend: option('--person-extend') === undefined ? undefined : Number(option('--person-extend')),
    open: option('--person-open') === undefined ? undefined : Number(option('--person-open')),
  };
  const classifier = await loadTokenClassifier({ model: folder });
  const started = Date.now();
  const model: PiiSpan[][] = [];
  for (let i = 0; i < records.length; i += 64) {
    model.push(...(await modelSpans(records.slice(i, i + 64).map((r) => r.text), classifier, { person })));
  }
  const modelMs = Date.now() - started;
  await classifier.dispose();

  const systems: Array<[string, (r: Record, i: number) => PiiSpan[]]> = [
    ['recognizers only', (r) => recognizeAll({ text: r.text })],
    ['model only', (_r, i) => model[i]],
    ['fused', (r, i) => [...recognizeAll({ text: r.text }), ...model[i]]],
  ];
  const summary: string[] = [];
  for (const [name, spansOf] of systems) {
    const exact: CountsByType = new Map();
    const tokens: CountsByType = new Map();
    const errors: string[] = [];
    const t0 = Date.now();
    records.forEach((record, i) => {
      const predicted = fuseSpans(spansOf(record, i), { threshold, text: record.text, dropUnconfirmedModelSpans: name !== 'model only' });
      countExact(record.spans, predicted, exact);
      countTokens(record.text, record.spans, predicted, tokens);
      if (name === 'fused' && errors.length < showErrors) {
        const key = (s: LabelledSpan) => `${s.type} ${JSON.stringify(record.text.slice(s.start, s.end))}`;
        const g = new Set(record.spans.map(key));
        const p = new Set(predicted.map(key));
        const missed = [...g].filter((k) => !p.has(k));
        const extra = [...p].filter((k) => !g.has(k));
        if (missed.length + extra.length > 0) errors.push(`${JSON.stringify(record.text.slice(0, 160))}\n    missed: ${missed.join(' | ')}\n    extra:  ${extra.join(' | ')}`);
      }
    });
    const ms = Date.now() - t0 + (name === 'recognizers only' ? 0 : modelMs);
    console.log(`\n== ${name} (${ms} ms) ==`);
    console.log(formatTable('token-level matching', tokens));
    console.log(formatTable('exact-span matching', exact));
    if (errors.length > 0) console.log(`\nfirst ${errors.length} fused errors (exact):\n  ${errors.join('\n  ')}`);
    const tokenMicro = scores(micro(tokens));
    const exactMicro = scores(micro(exact));
    const worst = [...tokens.entries()].map(([type, c]) => [type, scores(c).f1] as const).sort((a, b) => a[1] - b[1])[0];
    summary.push(`${name.padEnd(18)} token micro-F1 ${(tokenMicro.f1 * 100).toFixed(1)}  exact micro-F1 ${(exactMicro.f1 * 100).toFixed(1)}  weakest ${worst[0]} ${(worst[1] * 100).toFixed(1)}`);
  }
  console.log(`\n== summary (goal: fused micro-F1 >= 90, every entity >= 85) ==\n${summary.join('\n')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
