/**
 * PII speed bench: raw onnxruntime on the model vs the whole scan pipeline on a generated CSV.
 *   node out/bench/piiSpeed.js [--mb 50] [--model PATH] [--fp32 FILE] [--pipeline-only]
 *                              [--units N (default: the scan's)] [--workers 2] [--pairs N]
 *                              [--keep-csv FILE]
 * `--pairs N`: N whole pipelines, each between two runs of the raw ceiling (before and after it;
 * the ratio is to their mean), and the median ratio, since this machine's speed drifts between
 * runs; each step's steal time (CPU the host took) is printed with it. The raw ceiling there is
 * two worker threads with a session each running batches of 8 length-sorted sequences (padding as
 * little as the pipeline's).
 * `--fp32 FILE`: an fp32 ONNX export of the same model (training writes training/work/model.onnx);
 * it is measured raw and through the pipeline next to the shipped int8 model.
 * Generates the CSV in a temporary folder (deleted afterwards; `--keep-csv FILE` copies it there
 * first, for a profiler or a second tool). Prints tokens/s, rows/s, the
 * pipeline's share of the best raw throughput, process CPU (cores busy on average, all threads),
 * the share of the workers' time spent inside the model (measured within the run, so drift
 * cannot skew it) and peak RSS (each pipeline run in a fresh process, so the number is its own);
 * asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { tokenWindows } from '../core/pii/tokenWindows';
import { createRawSession, loadTokenClassifier } from '../engine/pii/modelRuntime';
import { defaultModelFolder } from '../engine/packageRoot';
import { DEFAULT_UNITS_PER_BATCH, scanFiles } from '../engine/pii/scanFiles';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ada', 'Grace', 'Zoë', 'Mehdi', 'Yui', 'Carlos', 'Amara', 'Lena', 'Omar', 'Priya', 'Jonas', 'Ngozi'];
const LAST = ['Lovelace', 'Hopper', 'Ångström', 'Najafi', 'Araújo', 'García', 'Okafor', 'Schulz', 'Haddad', 'Iyer', 'Berg', 'Eze'];
const STREETS = ['Elm Road', 'Main St', 'Baker Street', 'Rue Neuve', 'Oak Avenue', 'Hauptstraße'];
const NOTES = [
  'Customer asked about the delivery window and the refund policy for damaged items.',
  'Called back twice, no answer; left a voicemail with the ticket number.',
  'Prefers email contact. Mentioned the invoice total was wrong by a few euros.',
  'Product review: the blender is loud but works well for smoothies and soups.',
  'Escalated to tier 2 after the password reset link expired again.',
];

function writeCsv(file: string, megabytes: number): number {
  const next = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'id,name,email,phone,address,dob,note\n');
  let bytes = 0;
  let rows = 0;
  const target = megabytes * 1024 * 1024;
  let buffer = '';
  while (bytes < target) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const phone = `(${200 + Math.floor(next() * 700)}) 555-${String(Math.floor(next() * 10000)).padStart(4, '0')}`;
    const row = `${rows},"${last}, ${first}",${first.toLowerCase()}.${rows}@mail.example.net,${phone},"${1 + Math.floor(next() * 999)} ${pick(STREETS)}",19${50 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)},"${pick(NOTES)}"\n`;
    buffer += row;
    bytes += Buffer.byteLength(row);
    rows++;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  return rows;
}

/** Tokens/s of `sessions` onnxruntime sessions (one run in flight each) over the same sequences. */
async function rawThroughput(onnxFile: string, sequences: number[][], batch: number, threads: number, sessionCount: number): Promise<number> {
  const sessions = await Promise.all(Array.from({ length: sessionCount }, () => createRawSession(onnxFile, threads)));
  for (const session of sessions) await session.run(sequences.slice(0, batch)); // warm up
  let tokens = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const loop = async (session: (typeof sessions)[number]) => {
    while (next < sequences.length) {
      const group = sequences.slice(next, next + batch);
      next += batch;
      await session.run(group);
      for (const s of group) tokens += s.length;
    }
  };
  await Promise.all(sessions.map(loop));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const session of sessions) await session.release();
  return tokens / seconds;
}

/**
 * Tokens/s of bare onnxruntime sessions in `threads` worker threads (one session each, one
 * intra-op thread): the ceiling of the model on this many cores, with no pipeline work at all.
 */
async function rawInWorkers(onnxFile: string, sequences: number[][], batch: number, threads: number): Promise<number> {
  const shares = Array.from({ length: threads }, (_, k) => sequences.filter((_s, i) => Math.floor(i / batch) % threads === k));
  const workers = shares.map((share) => new Worker(__filename, { workerData: { onnxFile, sequences: share, batch } }));
  const ready = workers.map((w) => new Promise<void>((resolve) => w.once('message', () => resolve())));
  await Promise.all(ready); // sessions created and warmed up
  const started = process.hrtime.bigint();
  const done = workers.map((w) => new Promise<number>((resolve, reject) => {
    w.once('message', (tokens: number) => resolve(tokens));
    w.once('error', reject);
  }));
  for (const w of workers) w.postMessage('go');
  const tokens = (await Promise.all(done)).reduce((a, b) => a + b, 0);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(workers.map((w) => w.terminate()));
  return tokens / seconds;
}

async function rawWorker(): Promise<void> {
  const { onnxFile, sequences, batch } = workerData as { onnxFile: string; sequences: number[][]; batch: number };
  const session = await createRawSession(onnxFile, 1);
  await session.run(sequences.slice(0, batch));
  parentPort!.once('message', async () => {
    let tokens = 0;
    for (let i = 0; i < sequences.length; i += batch) {
      const group = sequences.slice(i, i + batch);
      await session.run(group);
      for (const s of group) tokens += s.length;
    }
    parentPort!.postMessage(tokens);
  });
  parentPort!.postMessage('ready');
}

interface PipelineRun {
  label: string;
  modelTokensPerSecond: number;
}

/**
 * `run`'s result, and the share of CPU time the host took from this machine (steal, /proc/stat)
 * while it ran, in percent as text ('?' where /proc/stat cannot be read).
 */
async function measured(run: () => Promise<number>): Promise<{ value: number; steal: string }> {
  const start = cpuTimes();
  const value = await run();
  const end = cpuTimes();
  const total = start && end ? end.total - start.total : 0;
  return { value, steal: start && end && total > 0 ? (((end.steal - start.steal) / total) * 100).toFixed(1) : '?' };
}

function cpuTimes(): { total: number; steal: number } | undefined {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/** The whole pipeline (read, recognizers, model, fusion, offsets), each mode in a fresh process so its peak RSS is its own. */
async function pipeline(csv: string, rows: number, megabytes: number, folder: string, dtype: 'q8' | 'fp32', withRecognizersOnly: boolean): Promise<PipelineRun[]> {
  const runs: PipelineRun[] = [];
  const workers = Number(option('--workers', '2'));
  const name = dtype === 'q8' ? 'int8' : 'fp32';
  const modes: Array<{ label: string; model: string | null; workers: number }> = [];
  if (withRecognizersOnly) modes.push({ label: `recognizers only, ${workers} worker thread(s)`, model: null, workers });
  modes.push({ label: `recognizers + ${name} model, ${workers} worker thread(s)`, model: folder, workers });
  if (withRecognizersOnly && workers > 0) modes.push({ label: `recognizers + ${name} model, in the scanning thread`, model: folder, workers: 0 });
  for (const mode of modes) {
    const child = spawnSync(process.execPath, [__filename, '--child', JSON.stringify({ csv, model: mode.model, dtype, workers: mode.workers, units: Number(option('--units', String(DEFAULT_UNITS_PER_BATCH))) })], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) {
      console.log(`pipeline (${mode.label}): failed\n${child.stderr}`);
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; tokens: number; modelMs: number; findings: number; cpu: number; rssMb: number; error?: string };
    if (r.error) console.log(`  model error: ${r.error}`);
    console.log(
      `pipeline (${mode.label}): ${r.seconds.toFixed(1)} s, ${Math.round(rows / r.seconds).toLocaleString('en')} rows/s, ` +
        `${(megabytes / r.seconds).toFixed(2)} MB/s, ${r.tokens > 0 ? `${Math.round(r.tokens / r.seconds).toLocaleString('en')} model tokens/s, ` : ''}` +
        `${r.findings.toLocaleString('en')} findings kept (100k cap per file), process CPU ${r.cpu.toFixed(2)} cores, peak RSS ${r.rssMb} MB`,
    );
    // In the scanning thread batches interleave, so the time around a model call counts waits
    // too; a worker runs one batch at a time.
    if (r.modelMs > 0 && mode.workers > 0) {
      // Measured within the run, so drift cannot skew it: how much of the workers' time went to
      // model calls (wall time, including any wait for a core while inside one).
      const workerSeconds = mode.workers * r.seconds;
      console.log(`  the workers spent ${(r.modelMs / 1000).toFixed(1)} s of their ${workerSeconds.toFixed(1)} s inside the model (${((r.modelMs / 1000 / workerSeconds) * 100).toFixed(0)}%)`);
    }
    if (r.tokens > 0) runs.push({ label: mode.label, modelTokensPerSecond: r.tokens / r.seconds });
  }
  return runs;
}

/** One pipeline run, in a child process: prints one JSON line. */
async function childPipeline(spec: { csv: string; model: string | null; dtype: 'q8' | 'fp32'; workers: number; units: number }): Promise<void> {
  const cpuBefore = process.cpuUsage();
  const t = Date.now();
  // The detection workers run the shipped bundle (dist/piiWorker.js, built by `npm run
  // bench:pii-speed`), not the unbundled out/ copy next to this file: the bundle is what users run
  // (it differs, e.g., in libphonenumber's cached patterns).
  const bundle = path.join(__dirname, '..', '..', 'dist', 'piiWorker.js');
  const result = await scanFiles([spec.csv], {
    model: spec.model,
    modelOptions: { dtype: spec.dtype },
    unitsPerBatch: spec.units,
    workers: spec.workers,
    workerScript: fs.existsSync(bundle) ? bundle : undefined,
  });
  const seconds = (Date.now() - t) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    JSON.stringify({
      seconds,
      tokens: result.stats.modelTokens,
      modelMs: result.stats.modelMilliseconds,
      findings: result.files[0].findings.length,
      cpu: (cpu.user + cpu.system) / 1e6 / seconds,
      rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      error: result.model.error,
    }),
  );
}

/** A model folder whose onnx/model.onnx is `fp32File` (config and tokenizer from `folder`), for dtype fp32. */
function fp32Folder(folder: string, fp32File: string, dir: string): string {
  const out = path.join(dir, path.basename(folder));
  fs.mkdirSync(path.join(out, 'onnx'), { recursive: true });
  for (const name of fs.readdirSync(folder)) if (name !== 'onnx') fs.copyFileSync(path.join(folder, name), path.join(out, name));
  fs.copyFileSync(fp32File, path.join(out, 'onnx', 'model.onnx'));
  return out;
}

async function main(): Promise<void> {
  if (!isMainThread) return rawWorker();
  const child = option('--child', '');
  if (child) return childPipeline(JSON.parse(child));
  const megabytes = Number(option('--mb', '50'));
  const folder = option('--model', defaultModelFolder(__dirname) ?? '');
  const fp32File = option('--fp32', '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-pii-speed-'));
  const csv = path.join(dir, 'sample.csv');
  try {
    const t = Date.now();
    const rows = writeCsv(csv, megabytes);
    console.log(`generated ${megabytes} MB CSV, ${rows} rows, in ${Date.now() - t} ms (${csv})`);
    const keep = option('--keep-csv', '');
    if (keep) fs.copyFileSync(csv, keep);
    console.log(`cpus: ${os.cpus().length} (${os.cpus()[0]?.model ?? 'unknown model'})`);
    const variants: Array<{ dtype: 'q8' | 'fp32'; file: string; folder: string }> = [
      { dtype: 'q8', file: path.join(folder, 'onnx', 'model_quantized.onnx'), folder },
    ];
    if (fp32File) variants.push({ dtype: 'fp32', file: fp32File, folder: fp32Folder(folder, fp32File, dir) });

    if (process.argv.includes('--pipeline-only')) {
      for (const v of variants) await pipeline(csv, rows, megabytes, v.folder, v.dtype, v.dtype === 'q8');
      return;
    }
    // Raw model throughput on the same kind of text: one sequence per row, like the pipeline.
    const classifier = await loadTokenClassifier({ model: folder });
    const pairs = Number(option('--pairs', '0'));
    const lines = fs.readFileSync(csv, 'utf8').slice(0, 40_000_000).split('\n').slice(1, pairs > 0 ? 40001 : 4001);
    const sequences: number[][] = [];
    for (const line of lines) {
      const tokens = classifier.tokenizer.tokenize(line);
      for (const w of tokenWindows(tokens, classifier.maxTokens)) sequences.push([classifier.tokenizer.clsId, ...tokens.ids.slice(w.start, w.end), classifier.tokenizer.sepId]);
    }
    await classifier.dispose();
    const meanLength = sequences.reduce((a, s) => a + s.length, 0) / sequences.length;
    // The same sequences sorted by length, so a batch of 8 holds sequences of about the same
    // length and pads little, as the pipeline batches them: the fair ceiling for the pipeline.
    const sorted = [...sequences].sort((a, b) => a.length - b.length);
    if (pairs > 0) {
      // This machine's speed drifts by tens of percent from minute to minute: measure the raw
      // ceiling and the pipeline back to back, several times, and compare each pair.
      const threads = os.availableParallelism();
      const ratios: number[] = [];
      console.log(
        `paired runs: raw = ${threads} worker threads with a session each, batch 8, ${sequences.length} row sequences sorted by length; ` +
          `pipeline = the whole scan of the ${megabytes} MB CSV`,
      );
      // Each scan is bracketed by a raw run before and after it and compared with their mean, so
      // a drift during the scan (about 90 s on 50 MB, against about 10 s for a raw run) weighs on
      // both sides; the steal time (CPU taken by the host) of each step is printed beside it.
      let before = await measured(() => rawInWorkers(variants[0].file, sorted, 8, threads));
      for (let i = 0; i < pairs; i++) {
        const scan = await measured(async () => (await pipeline(csv, rows, megabytes, folder, 'q8', false))[0]?.modelTokensPerSecond ?? NaN);
        const after = await measured(() => rawInWorkers(variants[0].file, sorted, 8, threads));
        const prior = before;
        before = after;
        const raw = (prior.value + after.value) / 2;
        if (!Number.isFinite(scan.value)) {
          console.log(`  pair ${i + 1}: the scan failed (its error is above); not counted`);
          continue;
        }
        const ratio = scan.value / raw;
        ratios.push(ratio);
        console.log(
          `  pair ${i + 1}: raw ${Math.round(prior.value).toLocaleString('en')} before, ${Math.round(after.value).toLocaleString('en')} after (mean ${Math.round(raw).toLocaleString('en')}) tokens/s, ` +
            `pipeline ${Math.round(scan.value).toLocaleString('en')} tokens/s: ${(ratio * 100).toFixed(0)}% (steal ${prior.steal}% / ${scan.steal}% / ${after.steal}%)`,
        );
      }
      if (ratios.length === 0) {
        console.log('pipeline / raw: no pair measured');
        process.exitCode = 1;
        return;
      }
      ratios.sort((a, b) => a - b);
      console.log(`pipeline / raw, median of ${ratios.length} pairs: ${(ratios[Math.floor(ratios.length / 2)] * 100).toFixed(0)}% (min ${(ratios[0] * 100).toFixed(0)}%, max ${(ratios[ratios.length - 1] * 100).toFixed(0)}%)`);
      return;
    }
    for (const v of variants) {
      const name = v.dtype === 'q8' ? 'int8' : 'fp32';
      console.log(`raw onnxruntime, ${name}, ${sequences.length} row sequences (mean ${meanLength.toFixed(1)} tokens):`);
      let best = 0;
      for (const [batch, th, sessions] of [[1, 1, 1], [8, 1, 1], [32, 1, 1], [32, 2, 1], [8, 1, 2], [32, 1, 2]]) {
        const perSecond = await rawThroughput(v.file, sequences, batch, th, sessions);
        best = Math.max(best, perSecond);
        console.log(
          `  batch ${String(batch).padStart(2)}, ${th} intra-op thread(s), ${sessions} session(s) side by side: ` +
            `${Math.round(perSecond).toLocaleString('en')} tokens/s (${Math.round(perSecond / meanLength).toLocaleString('en')} rows/s)`,
        );
      }
      for (const [batch, order] of [[8, 'file'], [32, 'file'], [8, 'length']] as const) {
        const threads = os.availableParallelism();
        const perSecond = await rawInWorkers(v.file, order === 'length' ? sorted : sequences, batch, threads);
        best = Math.max(best, perSecond);
        console.log(
          `  batch ${String(batch).padStart(2)}, ${threads} worker threads with a session each, sequences in ${order} order: ` +
            `${Math.round(perSecond).toLocaleString('en')} tokens/s (${Math.round(perSecond / meanLength).toLocaleString('en')} rows/s)`,
        );
      }
      const runs = await pipeline(csv, rows, megabytes, v.folder, v.dtype, v.dtype === 'q8');
      for (const run of runs) {
        console.log(`  ${run.label}: ${((run.modelTokensPerSecond / best) * 100).toFixed(0)}% of the best raw ${name} throughput (${Math.round(best).toLocaleString('en')} tokens/s)`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
