/**
 * `npm run bench -- complete`: completion and hover latency on a 5,000-line card, Cardwright vs
 * yaml-language-server on the same schema and the same positions, measured as LSP round trips
 * (plus Cardwright's core functions in-process, for reference). Prints numbers; asserts nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MODEL_CARD_SCHEMA_ID } from '../core/analyzer';
import { complete } from '../core/completion';
import { hover } from '../core/hover';
import { createAnalyzer } from '../core/analyzer';
import { loadSchemas } from '../engine/schemaFiles';
import { packageRoot } from '../engine/packageRoot';
import { startServer, TestServer } from '../test/support/lspClient';
import { bundleSchemas } from './bundleSchema';
import { largeCard, percentile } from './cards';

const ROUNDS = 30;

interface Probe {
  name: string;
  method: 'textDocument/completion' | 'textDocument/hover';
  line: number;
  character: number;
}

/** Positions in the card: top-level keys, a license value, a section's keys, a key deep in model-index, hovers. */
function probes(text: string): Probe[] {
  const lines = text.split('\n');
  const find = (pattern: RegExp, from = 0) => {
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line));
    if (index < 0) throw new Error(`no line matches ${pattern}`);
    return index;
  };
  const license = find(/^license: /);
  const privacy = find(/^ {2}personal_data: /);
  const deep = find(/^ {10}name: Ticket reply/, Math.floor(lines.length * 0.8));
  return [
    { name: 'top-level key (end of card)', method: 'textDocument/completion', line: lines.length - 1, character: 0 },
    { name: 'license value', method: 'textDocument/completion', line: license, character: 'license: '.length },
    { name: 'privacy key', method: 'textDocument/completion', line: privacy, character: 2 },
    { name: 'model-index key, 80% down', method: 'textDocument/completion', line: deep, character: 10 },
    { name: 'hover license value', method: 'textDocument/hover', line: license, character: 'license: '.length + 1 },
    { name: 'hover privacy key', method: 'textDocument/hover', line: privacy, character: 4 },
    { name: 'hover model-index key, 80% down', method: 'textDocument/hover', line: deep, character: 11 },
  ];
}

export async function benchComplete(): Promise<void> {
  const root = packageRoot(__dirname);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-bench-complete-'));
  const schemaFile = path.join(work, 'model-card.bundled.schema.json');
  fs.writeFileSync(schemaFile, JSON.stringify(bundleSchemas(loadSchemas(), MODEL_CARD_SCHEMA_ID)));
  const text = largeCard(5000);
  const positions = probes(text);
  const yamlSettings = { validate: true, hover: true, completion: true, schemas: { [pathToFileURL(schemaFile).href]: ['model-card.yaml'] }, schemaStore: { enable: false } };
  const cardwright = await startServer({ validation: { enable: true, debounceMs: 0 } }, { script: process.env.CARDWRIGHT_SERVER || undefined });
  const other = await startServer({}, { script: path.join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), configuration: (section) => (section === 'yaml' ? yamlSettings : {}) });
  await other.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  const results = { cardwright: new Map<string, number[]>(), yamlLs: new Map<string, number[]>() };
  const counts = new Map<string, string>();
  try {
    for (const [label, server, store] of [['cardwright', cardwright, results.cardwright], ['yaml-language-server', other, results.yamlLs]] as const) {
      const uri = pathToFileURL(path.join(work, label, 'model-card.yaml')).href;
      const opened = server.nextDiagnostics(uri, () => true, 60_000);
      server.open(uri, text, 'yaml');
      await opened;
      for (const probe of positions) {
        const params = { textDocument: { uri }, position: { line: probe.line, character: probe.character } };
        let answer: unknown;
        try {
          answer = await server.connection.sendRequest(probe.method, params); // warm-up
        } catch (error) {
          console.log(`${label}: ${probe.method} not served (${error instanceof Error ? error.message : String(error)}); register the features in server/main.ts`);
          break;
        }
        counts.set(`${label}|${probe.name}`, describeAnswer(answer));
        const times: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const started = process.hrtime.bigint();
          await server.connection.sendRequest(probe.method, params);
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        store.set(probe.name, times);
      }
    }
  } finally {
    // A server may close its input before the test client's `exit` notification is written.
    process.on('unhandledRejection', ignoreClosedStream);
    await cardwright.stop();
    await other.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`card: ${text.split('\n').length} lines; ${ROUNDS} requests per position (after one warm-up)`);
  for (const probe of positions) {
    const a = results.cardwright.get(probe.name);
    const b = results.yamlLs.get(probe.name);
    console.log(
      `${probe.name}: cardwright ${a ? `p50 ${ms(a, 50)} p95 ${ms(a, 95)}` : 'n/a'} (${counts.get(`cardwright|${probe.name}`) ?? '-'}); ` +
        `yaml-language-server ${b ? `p50 ${ms(b, 50)} p95 ${ms(b, 95)}` : 'n/a'} (${counts.get(`yaml-language-server|${probe.name}`) ?? '-'})`,
    );
  }
  inProcess(text, positions);
  for (const method of ['textDocument/completion', 'textDocument/hover'] as const) {
    const pool = (store: Map<string, number[]>) => positions.filter((p) => p.method === method).flatMap((p) => store.get(p.name) ?? []);
    const a = pool(results.cardwright);
    const b = pool(results.yamlLs);
    const ratio = a.length && b.length ? (percentile(a, 50) / percentile(b, 50)).toFixed(2) : 'n/a';
    console.log(`${method === 'textDocument/completion' ? 'complete' : 'hover'}: cardwright p50 ${ms(a, 50)} p95 ${ms(a, 95)}; yaml-language-server p50 ${ms(b, 50)} p95 ${ms(b, 95)}; ratio ${ratio}`);
  }
}

/** The core functions alone, without the transport: what the server's handlers spend. */
function inProcess(text: string, positions: Probe[]): void {
  const analyzer = createAnalyzer({ schemas: loadSchemas() });
  const lines = text.split('\n');
  const offsetOf = (p: Probe) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  const findings = analyzer.analyze({ text, fileName: 'model-card.yaml' }).findings;
  const times = { completion: [] as number[], hover: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const probe of positions) {
      const started = process.hrtime.bigint();
      if (probe.method === 'textDocument/completion') complete(analyzer, { text, fileName: 'model-card.yaml', offset: offsetOf(probe) });
      else hover(analyzer, { text, fileName: 'model-card.yaml', offset: offsetOf(probe), findings });
      (probe.method === 'textDocument/completion' ? times.completion : times.hover).push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  console.log(`in-process core: complete() p50 ${ms(times.completion, 50)} p95 ${ms(times.completion, 95)}; hover() p50 ${ms(times.hover, 50)} p95 ${ms(times.hover, 95)}`);
}

function ignoreClosedStream(reason: unknown): void {
  if ((reason as { code?: string } | undefined)?.code !== 'ERR_STREAM_DESTROYED') throw reason;
}

function describeAnswer(answer: unknown): string {
  if (answer === null || answer === undefined) return 'no answer';
  const items = Array.isArray(answer) ? answer : (answer as { items?: unknown[] }).items;
  if (Array.isArray(items)) return `${items.length} items`;
  const contents = (answer as { contents?: unknown }).contents;
  const value = typeof contents === 'string' ? contents : (contents as { value?: string } | undefined)?.value ?? '';
  return `hover ${value.length} chars`;
}

function ms(times: number[], p: number): string {
  return times.length ? `${percentile(times, p).toFixed(2)} ms` : 'n/a';
}
