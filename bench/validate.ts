/**
 * `npm run bench -- validate`: diagnostics latency after one edit, Cardwright vs yaml-language-server
 * on the same schema and the same edits, on a realistic card and on a 5,000-line card.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MODEL_CARD_SCHEMA_ID } from '../core/analyzer';
import { packageRoot } from '../engine/packageRoot';
import { loadSchemas } from '../engine/schemaFiles';
import { startServer, TestServer } from '../test/support/lspClient';
import { bundleSchemas } from './bundleSchema';
import { largeCard, percentile, realisticCard } from './cards';

const EDITS = 40;

interface Result {
  times: number[];
  diagnostics: number;
}

export async function benchValidate(): Promise<void> {
  const root = packageRoot(__dirname);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-bench-'));
  const schemaFile = path.join(work, 'model-card.bundled.schema.json');
  fs.writeFileSync(schemaFile, JSON.stringify(bundleSchemas(loadSchemas(), MODEL_CARD_SCHEMA_ID)));
  const cards = [
    { name: 'realistic card', text: realisticCard() },
    { name: '5,000-line card', text: largeCard(5000) },
  ];
  const yamlLs = path.join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const started = Date.now();
  const cardwright = await startServer({ validation: { enable: true, debounceMs: 0 } });
  const activation = Date.now() - started;
  const other = await startServer(
    {},
    {
      script: yamlLs,
      configuration: (section) =>
        section === 'yaml' ? { validate: true, hover: true, completion: true, schemas: { [pathToFileURL(schemaFile).href]: ['model-card.yaml'] }, schemaStore: { enable: false } } : {},
    },
  );
  await other.connection.sendNotification('workspace/didChangeConfiguration', {
    settings: { yaml: { validate: true, schemas: { [pathToFileURL(schemaFile).href]: ['model-card.yaml'] }, schemaStore: { enable: false } } },
  });
  const rows: string[] = [];
  const pooled = { cardwright: [] as number[], yamlLs: [] as number[] };
  try {
    for (const [index, card] of cards.entries()) {
      const a = await measure(cardwright, `file://${work}/cw${index}/model-card.yaml`, card.text);
      const b = await measure(other, `file://${work}/yl${index}/model-card.yaml`, card.text);
      pooled.cardwright.push(...a.times);
      pooled.yamlLs.push(...b.times);
      rows.push(
        `${card.name} (${card.text.split('\n').length} lines): cardwright p50 ${ms(a.times, 50)} p95 ${ms(a.times, 95)} (${a.diagnostics} diagnostics); ` +
          `yaml-language-server p50 ${ms(b.times, 50)} p95 ${ms(b.times, 95)} (${b.diagnostics} diagnostics)`,
      );
    }
  } finally {
    await cardwright.stop();
    await other.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const bundles = ['client.js', 'server.js', 'cli.js'].map((name) => {
    const file = path.join(root, 'dist', name);
    return `${name} ${fs.existsSync(file) ? (fs.statSync(file).size / 1024).toFixed(0) : '?'} KiB`;
  });
  for (const row of rows) console.log(row);
  console.log(`cardwright server spawn to initialized: ${activation} ms; bundles: ${bundles.join(', ')}`);
  const ratio = percentile(pooled.cardwright, 50) / percentile(pooled.yamlLs, 50);
  console.log(
    `validate: cardwright p50 ${ms(pooled.cardwright, 50)} p95 ${ms(pooled.cardwright, 95)}; yaml-language-server p50 ${ms(pooled.yamlLs, 50)} p95 ${ms(pooled.yamlLs, 95)}; ratio ${ratio.toFixed(2)}`,
  );
}

function ms(times: number[], p: number): string {
  return `${percentile(times, p).toFixed(1)} ms`;
}

/** Opens the card, then makes EDITS single-character edits and times each until its diagnostics arrive. */
async function measure(server: TestServer, uri: string, text: string): Promise<Result> {
  const first = server.nextDiagnostics(uri, () => true, 60_000);
  server.open(uri, text, 'yaml');
  let published = await first;
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const version = i + 2;
    // Alternate a valid and an invalid value of the same key, as a person typing would.
    const edited = text.replace(/^license: .*$/m, i % 2 === 0 ? 'license: apache-2.1' : 'license: apache-2.0');
    const waiting = server.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version, 60_000);
    const started = process.hrtime.bigint();
    server.change(uri, version, edited);
    published = await waiting;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { times, diagnostics: published.diagnostics.length };
}
