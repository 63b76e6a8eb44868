/**
 * PII speed bench: raw onnxruntime on the model vs the whole scan pipeline on a generated CSV.
 *   node out/bench/piiSpeed.js [--mb 50] [--model PATH] [--threads 1] [--pipeline-only]
 *                              [--units 256] [--in-flight 2] [--concurrency 2]
 * Generates the CSV in a temporary folder (deleted afterwards). Prints tokens/s, rows/s, CPU use
 * (cores busy on average) and peak RSS; asserts nothing.
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

/** The whole pipeline: read, recognizers, model, fusion, offsets. */
async function pipeline(csv: string, rows: number, megabytes: number, folder: string, threads: number): Promise<void> {
  let t: number;
  for (const mode of ['recognizers only', 'recognizers + model'] as const) {
    if (typeof global.gc === 'function') global.gc();
    const cpuBefore = process.cpuUsage();
    t = Date.now();
    const result = await scanFiles([csv], {
      model: mode === 'recognizers only' ? null : folder,
      modelOptions: { intraOpThreads: threads },
      unitsPerBatch: Number(option('--units', '256')),
      batchesInFlight: Number(option('--in-flight', '2')),
      modelConcurrency: Number(option('--concurrency', '2')),
    });
    const seconds = (Date.now() - t) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const findings = result.files[0].findings.length;
    const tokens = result.stats.modelTokens;
    console.log(
      `pipeline (${mode}): ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s, ` +
        `${(megabytes / seconds).toFixed(2)} MB/s, ${tokens > 0 ? `${Math.round(tokens / seconds).toLocaleString('en')} model tokens/s, ` : ''}` +
        `${findings.toLocaleString('en')} findings kept (100k cap per file), main-thread CPU ${((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)} cores`,
    );
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

async function main(): Promise<void> {
  const megabytes = Number(option('--mb', '50'));
  const threads = Number(option('--threads', '1'));
  const folder = option('--model', defaultModelFolder(__dirname) ?? '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-pii-speed-'));
  const csv = path.join(dir, 'sample.csv');
  try {
    let t = Date.now();
    const rows = writeCsv(csv, megabytes);
    console.log(`generated ${megabytes} MB CSV, ${rows} rows, in ${Date.now() - t} ms (${csv})`);
    console.log(`cpus: ${os.cpus().length}, onnxruntime intra-op threads: ${threads}`);

    if (process.argv.includes('--pipeline-only')) {
      await pipeline(csv, rows, megabytes, folder, threads);
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
    console.log(`raw onnxruntime, ${sequences.length} row sequences (mean ${meanLength.toFixed(1)} tokens):`);
    for (const dtype of ['int8', 'fp32'] as const) {
      const file = path.join(folder, 'onnx', dtype === 'int8' ? 'model_quantized.onnx' : 'model.onnx');
      if (!fs.existsSync(file)) {
        console.log(`  ${dtype}: no ${path.basename(file)} in the model folder`);
        continue;
      }
      for (const [batch, th, inFlight] of [[1, 1, 1], [8, 1, 1], [32, 1, 1], [32, 2, 1], [32, 1, 2]]) {
        const perSecond = await rawThroughput(file, sequences, batch, th, inFlight);
        console.log(
          `  ${dtype} batch ${String(batch).padStart(2)}, ${th} intra-op thread(s), ${inFlight} run(s) in flight: ` +
            `${Math.round(perSecond).toLocaleString('en')} tokens/s (${Math.round(perSecond / meanLength).toLocaleString('en')} rows/s)`,
        );
      }
    }

    await pipeline(csv, rows, megabytes, folder, threads);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
