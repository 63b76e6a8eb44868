import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startDetectorPool } from '../../../engine/pii/detectorPool';
import { countByType, expandPaths, scanFiles, ScanProgress, unrecordedCount } from '../../../engine/pii/scanFiles';

describe('pii scanFiles', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-scan-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(path.join(dir, '.git', 'config'), 'mail me@corp-mail.com');
    fs.writeFileSync(path.join(dir, 'nested', 'bom.txt'), '\uFEFFwrite to ada@analytical.co.uk\r\n');
    fs.writeFileSync(path.join(dir, 'utf16.txt'), Buffer.from('\uFEFFhello', 'utf16le'));
    fs.writeFileSync(path.join(dir, 'many.csv'), 'email\n' + Array.from({ length: 50 }, (_, i) => `user${i}@corp-mail.com`).join('\n'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('walks folders, skipping hidden ones', () => {
    const { files, missing } = expandPaths([dir, path.join(dir, 'nope')]);
    assert.deepEqual(files.map((f) => path.relative(dir, f)).sort(), ['many.csv', path.join('nested', 'bom.txt'), 'utf16.txt']);
    assert.equal(missing.length, 1);
  });

  it('reports offsets in the text without its byte order mark', async () => {
    const result = await scanFiles([path.join(dir, 'nested', 'bom.txt')], { model: null });
    const [finding] = result.files[0].findings;
    const text = fs.readFileSync(path.join(dir, 'nested', 'bom.txt'), 'utf8').replace(/^\uFEFF/, '');
    assert.equal(text.slice(finding.start, finding.end), 'ada@analytical.co.uk');
    assert.deepEqual([finding.line, finding.character], [0, 9]);
  });

  it('reports personal data in JSON keys at their place, and no finding covers the syntax between a key and its value', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-keyed-')), 'keyed.json');
    const text = '{"ana.ruiz@example.com": {"phone": "+1 415 555 2671"}, "536-22-1234": "ssn on file"}\n';
    fs.writeFileSync(file, text);
    const result = await scanFiles([file], { model: null });
    const found = result.files[0].findings.map((f) => [f.type, text.slice(f.start, f.end)]);
    assert.deepEqual(found, [
      ['EMAIL_ADDRESS', 'ana.ruiz@example.com'],
      ['PHONE_NUMBER', '+1 415 555 2671'],
      ['US_SSN', '536-22-1234'],
    ]);
    for (const f of result.files[0].findings) assert.doesNotMatch(text.slice(f.start, f.end), /":|"\s*,/);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('counts a type that first appears after the per-file cap', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-late-')), 'late.csv');
    fs.writeFileSync(file, 'note\n' + Array.from({ length: 12 }, (_, i) => `mail user${i}@corp-mail.com`).join('\n') + '\nssn 536-22-1234 on file\n');
    const result = await scanFiles([file], { model: null, maxFindingsPerFile: 12 });
    assert.ok(result.files[0].findings.every((f) => f.type === 'EMAIL_ADDRESS'));
    assert.deepEqual(countByType(result.files), { EMAIL_ADDRESS: 12, US_SSN: 1 });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('reads UTF-16 (little and big endian) and UTF-8 with a byte order mark: the same findings at the offsets of the decoded text', async () => {
    // Characters outside the BMP (two code units), CRLF and values past the 64 KiB chunk
    // boundary of the UTF-16 files; offsets are UTF-16 code units of the text without the mark.
    const filler = 'row 😀 of filler text\r\n'.repeat(3000);
    const text = `name,email\r\nAda 😀,ada@analytical.co.uk\r\n${filler}Bob,bob.stone@corp-mail.com\n"quoted 😀 ""x""",+1 415 555 2671\n`;
    const encodings: Record<string, Buffer> = {
      'utf8.csv': Buffer.from(text, 'utf8'),
      'utf8bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'utf16le.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf16be.csv': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    };
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-encodings-'));
    for (const [name, bytes] of Object.entries(encodings)) fs.writeFileSync(path.join(folder, name), bytes);
    const result = await scanFiles(Object.keys(encodings).map((name) => path.join(folder, name)), { model: null });
    const seen = result.files.map((file) => {
      assert.equal(file.skipped, undefined, `${file.file}: ${file.skipped}`);
      return file.findings.map((f) => [f.type, text.slice(f.start, f.end), f.start, f.line, f.character, f.endLine, f.endCharacter]);
    });
    assert.deepEqual(seen[0].map((f) => f[1]), ['ada@analytical.co.uk', 'bob.stone@corp-mail.com', '+1 415 555 2671']);
    for (const other of seen.slice(1)) assert.deepEqual(other, seen[0]);
    // Line 1 is `Ada 😀,ada@...`: the emoji counts two characters, as in an editor.
    assert.deepEqual(seen[0][0].slice(3), [1, 7, 1, 27]);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('refuses UTF-32, UTF-16 without a byte order mark, and UTF-16 holding NUL characters, with a reason', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-encodings-'));
    const files: Record<string, Buffer> = {
      'utf32.txt': Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]),
      'nobom.txt': Buffer.from('hello ada@analytical.co.uk', 'utf16le'),
      'nul.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\u0000b', 'utf16le')]),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), bytes);
    const result = await scanFiles(Object.keys(files).map((name) => path.join(folder, name)), { model: null });
    const reasons = result.files.map((file) => file.skipped ?? '');
    assert.match(reasons[0], /UTF-32 text is not supported/);
    assert.match(reasons[1], /UTF-16 text without a byte order mark/);
    assert.match(reasons[2], /NUL characters/);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads the UTF-16 file of a folder walk like any other text', async () => {
    const result = await scanFiles([path.join(dir, 'utf16.txt')], { model: null });
    assert.equal(result.files[0].skipped, undefined);
    assert.equal(result.files[0].format, 'text');
  });

  it('reports progress, stops when cancelled, and caps findings per file', async () => {
    const progress: ScanProgress[] = [];
    const capped = await scanFiles([path.join(dir, 'many.csv')], { model: null, maxFindingsPerFile: 10 }, { onProgress: (p) => progress.push(p) });
    assert.equal(capped.files[0].findings.length, 10);
    assert.match(capped.files[0].warnings.join('\n'), /stopped recording findings after 10/);
    // The rest are counted by type.
    assert.deepEqual(capped.files[0].unrecorded, { EMAIL_ADDRESS: 40 });
    assert.deepEqual(countByType(capped.files), { EMAIL_ADDRESS: 50 });
    assert.equal(unrecordedCount(capped.files), 40);
    assert.ok(progress.length >= 2);
    assert.equal(progress[progress.length - 1].bytesDone, progress[progress.length - 1].bytesTotal);
    const cancelled = await scanFiles([dir], { model: null }, { isCancelled: () => true });
    assert.equal(cancelled.cancelled, true);
    assert.equal(cancelled.files.length, 0);
  });

  it('scans several files at once with the same results, in input order', async () => {
    const paths = [path.join(dir, 'many.csv'), path.join(dir, 'nested', 'bom.txt'), path.join(dir, 'utf16.txt')];
    const one = await scanFiles(paths, { model: null, parallelism: 1 });
    let concurrent = 0;
    let peak = 0;
    const progress: ScanProgress[] = [];
    const three = await scanFiles(paths, { model: null, parallelism: 3 }, {
      onProgress: (p) => {
        progress.push(p);
        concurrent = new Set(progress.filter((q) => q.filesDone === 0 && q.file).map((q) => q.file)).size;
        peak = Math.max(peak, concurrent);
      },
    });
    const summary = (r: typeof one) => r.files.map((f) => [path.basename(f.file), f.skipped ?? '', f.findings.map((x) => [x.type, x.start, x.end])]);
    assert.deepEqual(summary(three), summary(one));
    assert.ok(peak >= 2, 'files should start before the first one is done');
    assert.equal(progress[progress.length - 1].filesDone, 3);
  });

  it('skips files over the size limit unread, and filters walked folders (not named files) by pattern', async () => {
    const big = await scanFiles([path.join(dir, 'many.csv')], { model: null, maxFileBytes: 100 });
    assert.match(big.files[0].skipped ?? '', /^larger than/);
    assert.equal(big.files[0].findings.length, 0);
    const onlyCsv = await scanFiles([dir], { model: null, acceptInFolder: (relative) => relative.endsWith('.csv') });
    assert.deepEqual(onlyCsv.files.map((f) => path.basename(f.file)), ['many.csv']);
    const named = await scanFiles([path.join(dir, 'nested', 'bom.txt')], { model: null, acceptInFolder: () => false });
    assert.equal(named.files.length, 1);
  });

  it('records why the model could not be loaded and still runs the recognizers', async () => {
    const result = await scanFiles([path.join(dir, 'many.csv')], { model: path.join(dir, 'no-model') });
    assert.match(result.model.error ?? '', /not found/);
    assert.equal(result.model.used, false);
    assert.equal(result.files[0].findings.length, 50);
  });

  describe('detection workers', () => {
    let mixed: string;
    before(() => {
      mixed = path.join(dir, 'people.csv');
      const rows = Array.from({ length: 120 }, (_, i) => `${i},Grace Hopper,grace${i}@navy-mail.org,"Ticket about order ${i}, call (415) 555-${String(1000 + i)}"`);
      fs.writeFileSync(mixed, 'id,name,email,note\n' + rows.join('\n') + '\n');
    });

    it('find what this thread finds, at the same places, with the recognizers only and with the shipped model', async () => {
      // Same batches on both sides: int8 dynamic quantization scales per batch, so other batches
      // could move a score in its third decimal.
      for (const model of [null, undefined]) {
        const here = await scanFiles([mixed], { model, workers: 0, unitsPerBatch: 16 });
        const workers = await scanFiles([mixed], { model, workers: 2, workersFromBytes: 0, unitsPerBatch: 16 });
        assert.equal(here.model.workers, 0);
        assert.equal(workers.model.workers, 2);
        assert.equal(workers.model.used, model !== null);
        assert.ok(here.files[0].findings.length >= 240, `${here.files[0].findings.length} findings`);
        assert.deepEqual(workers.files[0].findings, here.files[0].findings);
        assert.equal(workers.stats.modelTokens, here.stats.modelTokens);
      }
    });

    it('report a model that does not load and still run the recognizers in the workers', async () => {
      const result = await scanFiles([mixed], { model: path.join(dir, 'no-model'), workers: 2, workersFromBytes: 0 });
      assert.match(result.model.error ?? '', /not found/);
      assert.equal(result.model.used, false);
      assert.equal(result.model.workers, 2);
      assert.ok(result.files[0].findings.some((f) => f.type === 'EMAIL_ADDRESS'));
    });

    it('finish the scan in this thread, with the model, when a worker dies mid-scan', async () => {
      const crashing = path.join(dir, 'crashing-worker.js');
      fs.writeFileSync(
        crashing,
        "const { parentPort } = require('node:worker_threads');\n" +
          "parentPort.postMessage({ type: 'ready', model: 'cardwright-pii-mini' });\n" +
          "parentPort.on('message', (m) => { if (m.type === 'detect') process.exit(3); });\n",
      );
      const here = await scanFiles([mixed], { workers: 0, unitsPerBatch: 16 });
      const rescued = await scanFiles([mixed], { workers: 2, workersFromBytes: 0, unitsPerBatch: 16, workerScript: crashing });
      assert.equal(rescued.model.workers, 0, 'the scan reports that it left the workers');
      assert.equal(rescued.model.used, true);
      assert.deepEqual(rescued.files[0].findings, here.files[0].findings);
    });

    it('refuse to start without the worker script, and a scan then detects in this thread', async () => {
      await assert.rejects(startDetectorPool(1, null, { threshold: 0.5 }, path.join(dir, 'missing-worker.js')), /missing/);
      const result = await scanFiles([mixed], { model: null, workers: 0, workersFromBytes: 0 });
      assert.equal(result.model.workers, 0);
    });
  });
});
