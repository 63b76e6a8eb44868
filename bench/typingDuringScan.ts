/**
 * `npm run bench -- typing`: how responsive the card stays while a scan runs in the same server.
 * Diagnostics latency after an edit of the example card, idle and during a scan of a generated CSV.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Requests, ScanDatasetResult } from '../protocol/messages';
import { startServer, TestServer } from '../test/support/lspClient';
import { percentile, realisticCard } from './cards';

const EDITS = 25;

export async function benchTypingDuringScan(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-typing-'));
  const csv = path.join(work, 'big.csv');
  const rows = ['id,name,email,phone,note'];
  for (let i = 0; i < 60_000; i++) rows.push(`${i},Customer ${i},c${i}@example.com,+1 415 555 ${String(1000 + (i % 9000))},"Order ${i} arrived, thanks!"`);
  fs.writeFileSync(csv, rows.join('\n'));
  const server = await startServer({ validation: { enable: true, debounceMs: 0 }, pii: { parallelism: 2 } });
  try {
    const uri = pathToFileURL(path.join(work, 'model-card.yaml')).href;
    const text = realisticCard();
    const opened = server.nextDiagnostics(uri, () => true, 60_000);
    server.open(uri, text, 'yaml');
    await opened;
    let version = 1;
    const edits = async (): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        version++;
        const current = version;
        const waiting = server.nextDiagnostics(uri, (p) => p.version === current, 60_000);
        const started = process.hrtime.bigint();
        server.change(uri, current, text.replace(/^license: .*$/m, i % 2 ? 'license: mit' : 'license: apache-2.0'));
        await waiting;
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return times;
    };
    const idle = await edits();
    const scanStarted = Date.now();
    let scanDone = false;
    const reported = new Promise<void>((resolve) => server.onProgress((p) => p.token === 'typing' && p.value.kind === 'report' && resolve()));
    const scan = (server.connection.sendRequest(Requests.scanDataset, { uris: [pathToFileURL(csv).href], workDoneToken: 'typing' }) as Promise<ScanDatasetResult>).then((result) => {
      scanDone = true;
      return result;
    });
    // Type once the model is loaded and the scan has reported progress.
    await reported;
    const during = await edits();
    const stillScanning = !scanDone;
    const result = await scan;
    const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(1)} ms`;
    console.log(`scan of ${(fs.statSync(csv).size / 1e6).toFixed(1)} MB CSV: ${result.findings.length} findings in ${((Date.now() - scanStarted) / 1000).toFixed(1)} s`);
    console.log(`typing: idle p50 ${ms(idle, 50)} p95 ${ms(idle, 95)}; during scan p50 ${ms(during, 50)} p95 ${ms(during, 95)}${stillScanning ? '' : ' (the scan ended before the last edit)'}`);
  } finally {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
