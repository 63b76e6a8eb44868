/**
 * `npm run bench -- fuzz [--seconds N] [--documents N] [--seed N]`: mutated cards and README front
 * matters through the bundled server (dist/server.js) over stdio, as an editor would send them:
 * open or change a document, wait for its diagnostics, then completion, hover, code actions, outline
 * and folding at random positions, each timed. Prints documents, requests, crashes, hangs (> 2 s),
 * latency percentiles and the server's peak RSS. Asserts nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../engine/packageRoot';
import { startServer, TestServer } from '../test/support/lspClient';
import { percentile } from './cards';
import { int, mutate, pick, Random, seededRandom } from './fuzzMutate';

const HANG_MS = 2000;
/** A request unanswered this long means the server is stuck: it is restarted and counted. */
const GIVE_UP_MS = 30_000;
/** Documents open at once; every so often one is closed and another opened (open/close churn). */
const OPEN_DOCUMENTS = 4;

interface Options {
  seconds: number;
  documents: number;
  seed: number;
}

function parseOptions(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const at = args.indexOf(`--${name}`);
    const parsed = at >= 0 ? Number(args[at + 1]) : NaN;
    return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
  };
  return { seconds: value('seconds', 60), documents: value('documents', Infinity), seed: value('seed', 13) };
}

function seedTexts(): string[] {
  const root = packageRoot(__dirname);
  const cards = [path.join(root, 'examples', 'model-card.yaml'), path.join(root, 'test', 'fixtures', 'pii', 'model-card.yaml')]
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8'));
  return cards;
}

/** The text of a fuzzed document: a mutated card, as `model-card.yaml` or inside a README's front matter. */
function nextDocument(random: Random, seeds: string[]): { text: string; readme: boolean } {
  const readme = random() < 0.4;
  const card = mutate(random, pick(random, seeds));
  return { readme, text: readme ? mutate(random, `---\n${card}---\n\n# Model\n\nSome prose.\n`) : card };
}

function randomPosition(random: Random, text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  const line = int(random, lines.length - 1);
  return { line, character: int(random, lines[line].length) };
}

function peakRssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

function rssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

class Stuck extends Error {}

export async function benchFuzzServer(args: string[] = []): Promise<void> {
  const options = parseOptions(args);
  const random = seededRandom(options.seed);
  const seeds = seedTexts();
  const latencies = new Map<string, number[]>();
  let documents = 0;
  let requests = 0;
  let crashes = 0;
  let hangs = 0;
  let stuck = 0;
  let peakRss = 0;
  let lastRss = 0;
  const slowest: { method: string; ms: number; size: number }[] = [];

  let server: TestServer;
  let exited = false;
  const start = async () => {
    server = await startServer({ validation: { enable: true, debounceMs: 0 } }, { script: process.env.CARDWRIGHT_SERVER || undefined });
    exited = false;
    server.process.on('exit', () => (exited = true));
  };
  const restart = async () => {
    peakRss = Math.max(peakRss, peakRssMb(server.process.pid));
    server.process.kill('SIGKILL');
    server.connection.dispose();
    await start();
    open.clear();
  };
  await start();
  const open = new Map<string, number>(); // uri -> version
  let nextId = 0;

  const timed = async <T>(method: string, size: number, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        run(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Stuck(method)), GIVE_UP_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      const ms = performance.now() - started;
      requests++;
      let list = latencies.get(method);
      if (!list) latencies.set(method, (list = []));
      list.push(ms);
      if (ms > HANG_MS) hangs++;
      if (slowest.length < 5 || ms > slowest[slowest.length - 1].ms) {
        slowest.push({ method, ms, size });
        slowest.sort((a, b) => b.ms - a.ms);
        slowest.length = Math.min(slowest.length, 5);
      }
    }
  };

  const began = performance.now();
  let lastReport = began;
  while (performance.now() - began < options.seconds * 1000 && documents < options.documents) {
    const { text, readme } = nextDocument(random, seeds);
    // Change an open document, or (sometimes) close one and open a new one.
    let uri: string;
    let version: number;
    if (open.size < OPEN_DOCUMENTS || random() < 0.1) {
      if (open.size >= OPEN_DOCUMENTS) {
        const victim = pick(random, [...open.keys()]);
        open.delete(victim);
        void server!.connection.sendNotification('textDocument/didClose', { textDocument: { uri: victim } });
      }
      uri = `file:///tmp/cardwright-fuzz/${nextId++}/${readme ? 'README.md' : 'model-card.yaml'}`;
      version = 1;
    } else {
      uri = pick(random, [...open.keys()]);
      version = open.get(uri)! + 1;
    }
    // A README keeps its name: a change of kind would be another file.
    const body = uri.endsWith('README.md') && !readme ? `---\n${text}---\n` : text;
    try {
      await timed('diagnostics', body.length, async () => {
        const published = server!.nextDiagnostics(uri, (p) => p.version === version, GIVE_UP_MS);
        if (version === 1) server!.open(uri, body);
        else server!.change(uri, version, body);
        return published;
      }).then((published) => {
        open.set(uri, version);
        return published;
      }).then(async (published) => {
        const id = { uri };
        const connection = server!.connection;
        await timed('completion', body.length, () => connection.sendRequest('textDocument/completion', { textDocument: id, position: randomPosition(random, body) }));
        await timed('hover', body.length, () => connection.sendRequest('textDocument/hover', { textDocument: id, position: randomPosition(random, body) }));
        const diagnostics = published.diagnostics.slice(0, 3);
        const range = diagnostics[0]?.range ?? { start: randomPosition(random, body), end: randomPosition(random, body) };
        await timed('codeAction', body.length, () => connection.sendRequest('textDocument/codeAction', { textDocument: id, range, context: { diagnostics } }));
        await timed('documentSymbol', body.length, () => connection.sendRequest('textDocument/documentSymbol', { textDocument: id }));
        await timed('foldingRange', body.length, () => connection.sendRequest('textDocument/foldingRange', { textDocument: id }));
      });
    } catch (error) {
      if (exited) crashes++;
      else if (error instanceof Stuck) stuck++;
      else crashes++;
      console.log(`  ${exited ? 'crash' : 'stuck'} on a document of ${body.length} characters: ${error instanceof Error ? error.message : String(error)}`);
      fs.writeFileSync(path.join(process.cwd(), `fuzz-failure-${documents}.txt`), body);
      await restart();
      continue;
    }
    documents++;
    const now = performance.now();
    if (now - lastReport > 10_000) {
      lastRss = rssMb(server!.process.pid);
      console.log(`  ${documents} documents, ${requests} requests, ${((documents * 1000) / (now - began)).toFixed(0)} docs/s, server RSS ${lastRss.toFixed(0)} MB`);
      lastReport = now;
    }
  }
  const elapsed = (performance.now() - began) / 1000;
  lastRss = rssMb(server!.process.pid);
  peakRss = Math.max(peakRss, peakRssMb(server!.process.pid));
  await server!.stop();

  const all = [...latencies.values()].flat();
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  // A loop, not Math.max(...list): hundreds of thousands of arguments overflow the stack.
  const max = (list: number[]) => list.reduce((a, b) => Math.max(a, b), 0);
  console.log(`documents ${documents} in ${elapsed.toFixed(0)} s (${(documents / elapsed).toFixed(0)}/s), requests ${requests}, crashes ${crashes}, hangs (> ${HANG_MS} ms) ${hangs}, stuck (> ${GIVE_UP_MS} ms) ${stuck}`);
  console.log(`latency all: p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}, max ${ms(max(all))}`);
  for (const [method, list] of latencies) console.log(`  ${method.padEnd(14)} n=${list.length} p50 ${ms(percentile(list, 50))} p99 ${ms(percentile(list, 99))} max ${ms(max(list))}`);
  console.log(`server RSS at the end ${lastRss.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB`);
  console.log(`slowest: ${slowest.map((s) => `${s.method} ${s.ms.toFixed(0)} ms (${s.size} chars)`).join('; ')}`);
}
