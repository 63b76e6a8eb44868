/**
 * `npm run bench -- fuzz-scan [--seconds N] [--seed S] [--model] [--timeout-seconds T]`: mutated
 * sample files (damaged CSV, JSON, JSON Lines and Parquet, UTF-16, huge lines, binary) through the
 * bundled CLI's `scan`, one process per file, as a user would run it. Prints how many files ran,
 * crashes (an exit code other than 0, 1 or 2, a signal, or a stack trace), hangs (killed after the
 * timeout), bad reports (not JSON, or a finding outside the decoded file), latency p50/p99/max
 * and the peak RSS of any run. Recognizers only unless --model (the shipped model is slow here).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeSampleBytes } from '../core/pii/readers/textEncoding';
import { packageRoot } from '../engine/packageRoot';
import { seededRandom } from '../test/unit/pii/seededRandom';
import { writeTinyParquet } from '../test/unit/pii/tinyParquet';
import { percentile } from './cards';

interface Seed {
  name: string;
  bytes: Buffer;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  milliseconds: number;
  maxRssKb: number;
  timedOut: boolean;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}

const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ';

function utf16(text: string, bigEndian: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (bigEndian) body.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
}

/** Sample files to mutate: the project's examples and fixtures, plus shapes that stress the readers. */
function seeds(folder: string): Seed[] {
  const root = packageRoot(__dirname);
  const out: Seed[] = [];
  for (const dir of [path.join(root, 'examples', 'data'), path.join(root, 'test', 'fixtures', 'pii')]) {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isFile() && fs.statSync(file).size < 1 << 20) out.push({ name, bytes: fs.readFileSync(file) });
    }
  }
  const parquet = path.join(folder, 'seed.parquet');
  writeTinyParquet(parquet, { name: ['Ada Lovelace', 'Grace Hopper', 'x'], contact: ['ada@analytical.co.uk', '+1 415 555 2671', 'none'] });
  out.push({ name: 'people.parquet', bytes: fs.readFileSync(parquet) });
  const csv = 'name,email,phone\r\nZoë 😀 Ruiz,zoe.ruiz@corp-mail.com,+1 415 555 2671\r\n"Ünal, ""the"" 🎉",unal@corp-mail.com,n/a\r\n';
  out.push({ name: 'utf16le.csv', bytes: utf16(csv, false) });
  out.push({ name: 'utf16be.txt', bytes: utf16(`${LOREM}ana.ruiz@example.com\n`.repeat(50), true) });
  out.push({ name: 'bom.jsonl', bytes: Buffer.from(`\uFEFF{"e": "ana.ruiz@example.com"}\r\n{"p": "+1 415 555 2671"}\n`) });
  out.push({ name: 'hugeline.jsonl', bytes: Buffer.from(`${JSON.stringify({ text: LOREM.repeat(20000) })}\n`) });
  out.push({ name: 'hugekey.json', bytes: Buffer.from(`{"${LOREM.repeat(10000)}": {"mail": "bob@example.org"}}`) });
  out.push({ name: 'wide.csv', bytes: Buffer.from(`${Array.from({ length: 20000 }, (_, i) => `x${i}`).join(',')}\n${Array.from({ length: 20000 }, (_, i) => `x${(i * 7) % 999}`).join(',')}\n`) });
  out.push({ name: 'deep.json', bytes: Buffer.from(`${'['.repeat(100000)}"ana.ruiz@example.com"`) });
  out.push({ name: 'noline.txt', bytes: Buffer.from('x'.repeat(1 << 20)) });
  const random = seededRandom(7);
  out.push({ name: 'binary.bin', bytes: Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))) });
  out.push({ name: 'empty.parquet', bytes: Buffer.alloc(0) });
  return out;
}

const TOKENS = ['"', '""', '\\', '\\u', '\\ud83d', '{', '}', '[', ']', ',', ':', '\r', '\n', '\r\n', '\t', '\u0000', '\uFEFF', '😀', 'PAR1', 'ana.ruiz@example.com', '4111 1111 1111 1111'];
const EXTENSIONS = ['.csv', '.tsv', '.json', '.jsonl', '.txt', '.parquet', ''];

/** A few random edits: byte flips, inserted tokens or bytes, deleted, duplicated or cut ranges. */
function mutate(seed: Seed, random: () => number): { name: string; bytes: Buffer } {
  let bytes = Buffer.from(seed.bytes);
  const pick = (n: number) => Math.floor(random() * n);
  const edits = 1 + pick(6);
  for (let e = 0; e < edits; e++) {
    const at = pick(bytes.length + 1);
    switch (pick(6)) {
      case 0:
        if (bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = pick(256);
        break;
      case 1:
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(TOKENS[pick(TOKENS.length)]), bytes.subarray(at)]);
        break;
      case 2:
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + pick(64)))]);
        break;
      case 3: {
        const length = pick(Math.min(4096, bytes.length - at) + 1);
        bytes = Buffer.concat([bytes.subarray(0, at + length), bytes.subarray(at, at + length), bytes.subarray(at + length)]);
        break;
      }
      case 4:
        bytes = bytes.subarray(0, at);
        break;
      default:
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(Array.from({ length: 1 + pick(16) }, () => pick(256))), bytes.subarray(at)]);
    }
  }
  const dot = seed.name.lastIndexOf('.');
  const extension = random() < 0.15 ? EXTENSIONS[pick(EXTENSIONS.length)] : dot > 0 ? seed.name.slice(dot) : '';
  return { name: `sample${extension}`, bytes };
}

/** Runs `cardwright scan` on one file; a preload script reports the process's peak RSS at exit. */
function runScan(cli: string, preload: string, file: string, rssFile: string, model: boolean, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const args = ['--require', preload, cli, 'scan', file, '--format', 'json', ...(model ? [] : ['--model', 'none'])];
    const child = spawn(process.execPath, args, { env: { ...process.env, CARDWRIGHT_FUZZ_RSS: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text.length < 65536 ? text : ''));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let maxRssKb = 0;
      try {
        maxRssKb = Number(fs.readFileSync(rssFile, 'utf8'));
        fs.rmSync(rssFile);
      } catch {
        // killed before it could write
      }
      resolve({ code, signal, stdout, stderr, milliseconds: Number(process.hrtime.bigint() - started) / 1e6, maxRssKb, timedOut });
    });
  });
}

/** What is wrong with a report, if anything: not JSON, or a finding outside the decoded file. */
function badReport(run: RunResult, bytes: Buffer): string | undefined {
  let report: { files: Array<{ format: string | null; skipped?: string }>; findings: Array<{ start: number; end: number; row?: number }> };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    return 'stdout is not JSON';
  }
  const file = report.files[0];
  if (!file) return 'no file in the report';
  if (file.skipped || file.format === 'parquet') return undefined;
  const length = decodeSampleBytes(bytes).length;
  const outside = report.findings.find((f) => !(f.start >= 0 && f.start < f.end && f.end <= length));
  return outside ? `finding [${outside.start}, ${outside.end}) outside a text of ${length}` : undefined;
}

export async function benchFuzzScan(): Promise<void> {
  const seconds = option('seconds', 60);
  const timeoutMs = option('timeout-seconds', 30) * 1000;
  const model = process.argv.includes('--model');
  const random = seededRandom(option('seed', 13));
  const cli = path.join(packageRoot(__dirname), 'dist', 'cli.js');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-fuzz-scan-'));
  const preload = path.join(folder, 'peakRss.js');
  fs.writeFileSync(preload, "process.on('exit', () => { try { require('fs').writeFileSync(process.env.CARDWRIGHT_FUZZ_RSS, String(process.resourceUsage().maxRSS)); } catch {} });\n");
  const bases = seeds(folder);
  const latencies: number[] = [];
  let crashes = 0;
  let hangs = 0;
  let bad = 0;
  let peakRssKb = 0;
  let skipped = 0;
  const exitCodes: Record<string, number> = {};
  const kept = path.join(folder, 'failures');
  const deadline = Date.now() + seconds * 1000;
  try {
    while (Date.now() < deadline) {
      const seed = bases[Math.floor(random() * bases.length)];
      const sample = mutate(seed, random);
      const file = path.join(folder, sample.name);
      fs.writeFileSync(file, sample.bytes);
      const run = await runScan(cli, preload, file, path.join(folder, 'rss'), model, timeoutMs);
      latencies.push(run.milliseconds);
      peakRssKb = Math.max(peakRssKb, run.maxRssKb);
      exitCodes[String(run.code ?? run.signal)] = (exitCodes[String(run.code ?? run.signal)] ?? 0) + 1;
      let problem: string | undefined;
      if (run.timedOut) {
        hangs++;
        problem = 'hang';
      } else if (run.code === null || run.code > 2 || /\n\s+at .+:\d+:\d+\)?\n/.test(run.stderr)) {
        crashes++;
        problem = `crash (exit ${run.code ?? run.signal}): ${run.stderr.slice(-400)}`;
      } else {
        problem = badReport(run, sample.bytes);
        if (problem) bad++;
        else if (/skipped:/.test(run.stderr)) skipped++;
      }
      if (problem) {
        fs.mkdirSync(kept, { recursive: true });
        const copy = path.join(kept, `${latencies.length}-${seed.name}-${sample.name}`);
        fs.writeFileSync(copy, sample.bytes);
        console.log(`  ${problem}\n    kept ${copy}`);
      }
    }
  } finally {
    for (const entry of fs.readdirSync(folder)) if (entry !== 'failures') fs.rmSync(path.join(folder, entry), { recursive: true, force: true });
    if (!fs.existsSync(kept)) fs.rmSync(folder, { recursive: true, force: true });
  }
  const ms = (p: number) => percentile(latencies, p).toFixed(0);
  console.log(`  ${latencies.length} files in ${seconds} s (${bases.length} seeds, ${model ? 'with the shipped model' : 'recognizers only'}), ${skipped} skipped with a reason`);
  console.log(`  crashes ${crashes}, hangs (> ${timeoutMs / 1000} s) ${hangs}, bad reports ${bad}; exit codes ${JSON.stringify(exitCodes)}`);
  console.log(`  latency per file (process start to exit): p50 ${ms(50)} ms, p99 ${ms(99)} ms, max ${Math.max(0, ...latencies).toFixed(0)} ms`);
  console.log(`  peak RSS of any run: ${(peakRssKb / 1024).toFixed(0)} MB`);
}
