/**
 * PII speed bench: raw onnxruntime on the model vs the whole scan pipeline on a generated CSV.
 *   node out/bench/piiSpeed.js [--mb 50] [--model PATH] [--fp32 FILE] [--pipeline-only]
 *                              [--units 256] [--workers 2]
 * `--fp32 FILE`: an fp32 ONNX export of the same model (training writes training/work/model.onnx);
 * it is measured raw and through the pipeline next to the shipped int8 model.
 * Generates the CSV in a temporary folder (deleted afterwards). Prints tokens/s, rows/s, the
 * pipeline's share of the best raw throughput, process CPU (cores busy on average, all threads)
 * and peak RSS; asserts nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tokenWindows } from '../core/pii/tokenWindows';
import { createRawSession, loadTokenClassifier } from '../server/pii/modelRuntime';
import { defaultModelFolder } from '../server/packageRoot';
import { scanFiles } from '../server/pii/scanFiles';

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

async function rawThroughput(onnxFile: string, sequences: number[][], batch: number, threads: number, inFlight: number): Promise<number> {
  const session = await createRawSession(onnxFile, threads);
  await session.run(sequences.slice(0, batch)); // warm up
  let tokens = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < sequences.length) {
      const group = sequences.slice(next, next + batch);
      next += batch;
      await session.run(group);
      for (const s of group) tokens += s.length;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await session.release();
  return tokens / seconds;
}

interface PipelineRun {
  label: string;
  modelTokensPerSecond: number;
}

/** The whole pipeline: read, recognizers, model, fusion, offsets. */
async function pipeline(csv: string, rows: number, megabytes: number, folder: string, dtype: 'q8' | 'fp32', withRecognizersOnly: boolean): Promise<PipelineRun[]> {
  const runs: PipelineRun[] = [];
  const workers = Number(option('--workers', '2'));
  const modes: Array<{ label: string; model: string | null; workers: number }> = [];
  if (withRecognizersOnly) modes.push({ label: 'recognizers only', model: null, workers });
  modes.push({ label: `recognizers + ${dtype === 'q8' ? 'int8' : 'fp32'} model, ${workers} worker thread(s)`, model: folder, workers });
  if (withRecognizersOnly && workers > 0) modes.push({ label: `recognizers + ${dtype === 'q8' ? 'int8' : 'fp32'} model, in the scanning thread`, model: folder, workers: 0 });
  for (const mode of modes) {
    if (typeof global.gc === 'function') global.gc();
    const cpuBefore = process.cpuUsage();
    const t = Date.now();
    const result = await scanFiles([csv], {
      model: mode.model,
      modelOptions: { dtype },
      unitsPerBatch: Number(option('--units', '256')),
      workers: mode.workers,
    });
    const seconds = (Date.now() - t) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const findings = result.files[0].findings.length;
    const tokens = result.stats.modelTokens;
    if (result.model.error) console.log(`  model error: ${result.model.error}`);
    console.log(
      `pipeline (${mode.label}): ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s, ` +
        `${(megabytes / seconds).toFixed(2)} MB/s, ${tokens > 0 ? `${Math.round(tokens / seconds).toLocaleString('en')} model tokens/s, ` : ''}` +
        `${findings.toLocaleString('en')} findings kept (100k cap per file), process CPU ${((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)} cores`,
    );
    if (tokens > 0) runs.push({ label: mode.label, modelTokensPerSecond: tokens / seconds });
  }
  console.log(`peak RSS so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  return runs;
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
  const megabytes = Number(option('--mb', '50'));
  const folder = option('--model', defaultModelFolder(__dirname) ?? '');
  const fp32File = option('--fp32', '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-pii-speed-'));
  const csv = path.join(dir, 'sample.csv');
  try {
    const t = Date.now();
    const rows = writeCsv(csv, megabytes);
    console.log(`generated ${megabytes} MB CSV, ${rows} rows, in ${Date.now() - t} ms (${csv})`);
    console.log(`cpus: ${os.cpus().length}`);
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
    const lines = fs.readFileSync(csv, 'utf8').slice(0, 2_000_000).split('\n').slice(1, 4001);
    const sequences: number[][] = [];
    for (const line of lines) {
      const tokens = classifier.tokenizer.tokenize(line);
      for (const w of tokenWindows(tokens, classifier.maxTokens)) sequences.push([classifier.tokenizer.clsId, ...tokens.ids.slice(w.start, w.end), classifier.tokenizer.sepId]);
    }
    await classifier.dispose();
    const meanLength = sequences.reduce((a, s) => a + s.length, 0) / sequences.length;
    for (const v of variants) {
      const name = v.dtype === 'q8' ? 'int8' : 'fp32';
      console.log(`raw onnxruntime, ${name}, ${sequences.length} row sequences (mean ${meanLength.toFixed(1)} tokens):`);
      let best = 0;
      for (const [batch, th, inFlight] of [[1, 1, 1], [8, 1, 1], [32, 1, 1], [32, 2, 1], [32, 1, 2], [8, 1, 2]]) {
        const perSecond = await rawThroughput(v.file, sequences, batch, th, inFlight);
        best = Math.max(best, perSecond);
        console.log(
          `  batch ${String(batch).padStart(2)}, ${th} intra-op thread(s), ${inFlight} run(s) in flight: ` +
            `${Math.round(perSecond).toLocaleString('en')} tokens/s (${Math.round(perSecond / meanLength).toLocaleString('en')} rows/s)`,
        );
      }
      const runs = await pipeline(csv, rows, megabytes, v.folder, v.dtype, v.dtype === 'q8');
      for (const run of runs) {
        console.log(`  ${run.label}: ${((run.modelTokensPerSecond / best) * 100).toFixed(0)}% of the best raw ${name} throughput (${Math.round(best).toLocaleString('en')} tokens/s)`);
      }
    }
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
