/**
 * `cardwright scan [paths...] [--format text|json|sarif] [--threshold X] [--entities A,B] [--model PATH|ID|none] [--country CC] [--workers N]`
 * Scans sample files, folders, or the samples a card lists, for personal data and secrets.
 * stdout holds only the report; progress and warnings go to stderr.
 * Exit codes: 0 nothing found, 1 findings, 2 usage or read error (a file named on the command line,
 * or listed by a named card, that is missing or cannot be scanned; inside a folder it is a note).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { locateCard, sourceKindOf } from '../core/cardSource';
import { cardSamplesOfYaml } from '../core/cardSampleList';
import { sampleFileFilter } from '../core/sampleFiles';
import { piiCode } from '../core/findingCodes';
import { DEFAULT_PII_ENTITY_TYPES, isOptionalEntityType, isPiiEntityType, OPTIONAL_PII_ENTITY_TYPES, PII_ENTITY_TYPES, PiiEntityType } from '../core/pii/piiTypes';
import { packageVersion } from '../engine/packageRoot';
import { HUB_ID } from '../engine/pii/modelRuntime';
import { countByType, DEFAULT_THRESHOLD, scanFiles, ScanFinding, ScanOptions, ScanResult, unrecordedCount } from '../engine/pii/scanFiles';
import { CliIo, EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './io';
import { createSarifWriter, SarifRule, sarifRule } from './sarif';
import { selectCardSamples } from './cardSampleFilter';

type Format = 'text' | 'json' | 'sarif';

interface ScanArgs {
  paths: string[];
  format: Format;
  threshold: number;
  entities?: Set<PiiEntityType>;
  model?: string | null;
  country?: string;
  workers?: number;
  /** Keep only cards and the files a card lists as samples (for pre-commit's staged files). */
  cardSamplesOnly?: boolean;
}

/** A list of type names for the help text, wrapped under the option descriptions. */
function typeLines(title: string, types: readonly string[]): string {
  const indent = ' '.repeat(29);
  const lines: string[] = [];
  let line = `${indent}${title}`;
  types.forEach((type, i) => {
    const word = `${type}${i < types.length - 1 ? ',' : ''}`;
    if (line.length + word.length + 1 > 94 && line.trim().length > 0) {
      lines.push(line.trimEnd());
      line = `${indent}  `;
    }
    line += `${line.endsWith(' ') ? '' : ' '}${word}`;
  });
  lines.push(line);
  return lines.join('\n');
}

export const SCAN_USAGE = `Usage: cardwright scan [paths...] [options]

Scans sample files (CSV, TSV, JSON, JSON Lines, Parquet, text), folders, or the samples a
model card lists under upstream.datasets[].samples, for personal data and secrets.
In folders it reads the files the editor's cardwright.pii.sampleGlobs default selects
(*.csv, *.tsv, *.jsonl, *.ndjson, *.json, *.txt, *.parquet), never the card files
(model-card.yaml, README.md); a file named on the command line is always read.

Options:
  --format text|json|sarif   report format (default text)
  --threshold X              minimum score 0..1 (default ${DEFAULT_THRESHOLD})
  --entities A,B             only these types (default: every default type)
${typeLines('default types: ', DEFAULT_PII_ENTITY_TYPES)}
${typeLines('optional, off by default: ', OPTIONAL_PII_ENTITY_TYPES)}
                             (organizations and places: not personal data by themselves;
                             the model uses them to tell a name from a company or a city)
  --model PATH|ID|none       token classification model folder (default: the shipped model),
                             a Hub id (org/name, needs a network or HF_ENDPOINT), or none for
                             the recognizers only
  --country CC               country for phone numbers without + (default US)
  --workers N                detection threads for scans of 1 MB or more (default: one per
                             core, at most 2); 0 detects in the main thread
  --card-samples-only        scan only the cards given and the files a model card in their
                             folder or above lists as samples; skip other files (pre-commit)

Exit codes: 0 nothing found, 1 findings, 2 usage or read error: a file named on the command
line (or listed by a named card) that is missing or cannot be scanned; inside a folder such a
file is skipped with a note.
`;

export function parseScanArgs(argv: readonly string[]): ScanArgs | { error: string } | 'help' {
  const args: ScanArgs = { paths: [], format: 'text', threshold: DEFAULT_THRESHOLD };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | undefined => (arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '--format': {
        const value = takeValue();
        if (value !== 'text' && value !== 'json' && value !== 'sarif') return { error: `--format must be text, json or sarif (got ${value ?? 'nothing'})` };
        args.format = value;
        break;
      }
      case '--threshold': {
        const value = takeValue();
        const threshold = Number(value);
        if (value === undefined || value.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
          return { error: `--threshold must be a number from 0 to 1 (got ${value ?? 'nothing'})` };
        }
        args.threshold = threshold;
        break;
      }
      case '--entities': {
        const value = takeValue();
        if (!value) return { error: '--entities needs a comma-separated list of types' };
        const types = value.split(',').map((t) => t.trim().toUpperCase()).filter((t) => t.length > 0);
        const unknown = types.filter((t) => !isPiiEntityType(t));
        if (unknown.length > 0) return { error: `unknown entity type ${unknown.join(', ')}; known: ${PII_ENTITY_TYPES.join(', ')}` };
        args.entities = new Set(types as PiiEntityType[]);
        break;
      }
      case '--model': {
        const value = takeValue();
        if (!value) return { error: '--model needs a folder (or none)' };
        args.model = value === 'none' ? null : value;
        break;
      }
      case '--card-samples-only':
        args.cardSamplesOnly = true;
        break;
      case '--country': {
        const value = takeValue();
        if (!value || !/^[A-Za-z]{2}$/.test(value)) return { error: '--country needs a two-letter country code' };
        args.country = value.toUpperCase();
        break;
      }
      case '--workers': {
        const value = takeValue();
        const workers = Number(value);
        if (value === undefined || !/^\d+$/.test(value) || workers > 8) return { error: `--workers must be a whole number from 0 to 8 (got ${value ?? 'nothing'})` };
        args.workers = workers;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` };
        args.paths.push(arg);
    }
  }
  if (args.paths.length === 0) return { error: 'no paths to scan' };
  return args;
}

/** Replaces each card (model-card.yaml, or Markdown with a card in its front matter) by the samples it lists. */
function expandCards(paths: string[], cwd: string, io: CliIo): { paths: string[]; errors: number } {
  const out: string[] = [];
  let errors = 0;
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    const kind = sourceKindOf(full);
    if (!kind || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
      out.push(full);
      continue;
    }
    const source = locateCard(fs.readFileSync(full, 'utf8'), kind);
    if (!source) {
      out.push(full); // Markdown without a card: scan it as text
      continue;
    }
    const { samples, errors: cardErrors } = cardSamplesOfYaml(source.yaml);
    if (cardErrors.length > 0) {
      io.stderr(`cardwright scan: ${given}: ${cardErrors[0]}; \`cardwright check ${given}\` shows where\n`);
      errors++;
      continue;
    }
    if (samples.length === 0) io.stderr(`${given}: the card lists no samples under upstream.datasets[].samples\n`);
    for (const sample of samples) out.push(path.resolve(path.dirname(full), sample));
  }
  return { paths: out, errors };
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

export async function runScan(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseScanArgs(argv);
  if (parsed === 'help') {
    io.stdout(SCAN_USAGE);
    return EXIT_CLEAN;
  }
  if ('error' in parsed) {
    io.stderr(`cardwright scan: ${parsed.error}\n\n${SCAN_USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.cardSamplesOnly) {
    parsed.paths = selectCardSamples(parsed.paths, io.cwd).kept;
    if (parsed.paths.length === 0) {
      io.stderr('cardwright scan: no card or card sample among the given files\n');
      return EXIT_CLEAN;
    }
  }
  const expanded = expandCards(parsed.paths, io.cwd, io);
  const options: ScanOptions = {
    threshold: parsed.threshold,
    entities: parsed.entities,
    defaultCountry: parsed.country,
    workers: parsed.workers,
    // Folders: the same samples the editor scans, never the card files.
    acceptInFolder: sampleFileFilter(),
  };
  if (parsed.model === null) options.model = null;
  else if (parsed.model !== undefined) {
    const folder = path.resolve(io.cwd, parsed.model);
    // Not a folder but `org/name`: a Hub id, downloaded by transformers.js (`HF_ENDPOINT` names a mirror).
    if (!fs.existsSync(folder) && HUB_ID.test(parsed.model)) {
      options.model = parsed.model;
      options.modelOptions = { allowRemote: true };
    } else options.model = folder;
  }

  let lastProgress = 0;
  let lastFile = '';
  const result = await scanFiles(expanded.paths, options, {
    onProgress(progress) {
      if (!progress.file) {
        if (io.stderrIsTty) io.stderr('\r\x1b[K');
        return;
      }
      const percent = progress.bytesTotal > 0 ? Math.floor((progress.bytesDone / progress.bytesTotal) * 100) : 100;
      const label = `scanning ${displayPath(progress.file, io.cwd)} (${progress.filesDone + 1}/${progress.filesTotal}, ${percent}%)`;
      if (io.stderrIsTty) {
        const now = Date.now();
        if (now - lastProgress > 100) {
          io.stderr(`\r\x1b[K${label}`);
          lastProgress = now;
        }
      } else if (progress.file !== lastFile) {
        io.stderr(`${label}\n`);
      }
      lastFile = progress.file;
    },
  });

  if (result.model.error) {
    io.stderr(`cardwright scan: the PII model could not be loaded (${result.model.error}); scanning with the recognizers only\n`);
  }
  // Named on the command line or by a named card: cannot be scanned is an error. Inside a folder: a note.
  const named = new Set(expanded.paths);
  let unscannable = 0;
  for (const file of result.files) {
    if (file.skipped && named.has(file.file)) {
      io.stderr(`cardwright scan: ${displayPath(file.file, io.cwd)}: cannot be scanned: ${file.skipped}\n`);
      unscannable++;
    } else if (file.skipped) io.stderr(`${displayPath(file.file, io.cwd)}: skipped: ${file.skipped}\n`);
    for (const warning of file.warnings) io.stderr(`${displayPath(file.file, io.cwd)}: ${warning}\n`);
  }

  // Findings with their file, one at a time (no list of them all is built).
  const findings: ReportFindings = {
    count: result.files.reduce((sum, file) => sum + file.findings.length, 0),
    *[Symbol.iterator]() {
      for (const file of result.files) {
        const shown = displayPath(file.file, io.cwd);
        for (const finding of file.findings) yield { file: shown, finding };
      }
    },
  };
  writeReport(parsed.format, result, findings, parsed, io);

  if (expanded.errors > 0 || unscannable > 0 || (parsed.model !== undefined && parsed.model !== null && result.model.error)) return EXIT_USAGE;
  return findings.count > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

interface ReportFindings extends Iterable<{ file: string; finding: ScanFinding }> {
  count: number;
}

/** Collects small writes into chunks of about 64 KiB for `io.stdout`. */
function chunkedWriter(io: CliIo): { write(text: string): void; end(): void } {
  let pending = '';
  return {
    write(text) {
      pending += text;
      if (pending.length >= 65536) {
        io.stdout(pending);
        pending = '';
      }
    },
    end() {
      if (pending) io.stdout(pending);
      pending = '';
    },
  };
}

function writeReport(format: Format, result: ScanResult, findings: ReportFindings, args: ScanArgs, io: CliIo): void {
  // Every type found, including findings counted past a file's cap (not listed).
  const byType = countByType(result.files);
  const unrecorded = unrecordedCount(result.files);
  if (format === 'json') {
    const report = {
      files: result.files.map((file) => ({
        file: displayPath(file.file, io.cwd),
        format: file.format ?? null,
        bytes: file.bytes,
        findings: file.findings.length,
        ...(file.skipped ? { skipped: file.skipped } : {}),
      })),
      findings: [] as object[],
      summary: {
        files: result.files.length,
        scanned: result.files.filter((f) => !f.skipped).length,
        skipped: result.files.filter((f) => f.skipped).length,
        findings: findings.count,
        ...(unrecorded > 0 ? { unrecorded } : {}),
        byType,
        threshold: args.threshold,
        model: result.model.used ? result.model.name : null,
        workers: result.model.workers ?? 0,
        ...(result.model.error ? { modelError: result.model.error } : {}),
        cancelled: result.cancelled,
        milliseconds: result.stats.milliseconds,
      },
    };
    // Written finding by finding: exactly JSON.stringify(report, null, 2) with every finding in it.
    const skeleton = JSON.stringify(report, null, 2);
    const marker = '\n  "findings": [],\n';
    const at = skeleton.indexOf(marker);
    const out = chunkedWriter(io);
    if (findings.count === 0) out.write(skeleton);
    else {
      out.write(`${skeleton.slice(0, at)}\n  "findings": [\n`);
      let first = true;
      for (const { file, finding } of findings) {
        const entry = {
          file,
          type: finding.type,
          start: finding.start,
          end: finding.end,
          line: finding.line,
          character: finding.character,
          endLine: finding.endLine,
          endCharacter: finding.endCharacter,
          score: finding.score,
          detectors: finding.detectors,
          ...(finding.row !== undefined ? { row: finding.row, column: finding.column } : {}),
        };
        out.write(`${first ? '' : ',\n'}    ${JSON.stringify(entry, null, 2).split('\n').join('\n    ')}`);
        first = false;
      }
      out.write(`\n  ],\n${skeleton.slice(at + marker.length)}`);
    }
    out.write('\n');
    out.end();
    return;
  }
  if (format === 'sarif') {
    const writer = createSarifWriter(packageVersion(), io.cwd, (text) => io.stdout(text));
    try {
      const types = new Set<PiiEntityType>();
      for (const { file, finding } of findings) {
        types.add(finding.type);
        writer.add({
          ruleId: piiCode(finding.type),
          // Organizations and places are context, not personal data: a note at any score.
          level: isOptionalEntityType(finding.type) ? 'note' : finding.score >= 0.8 ? 'error' : 'warning',
          message: `Possible ${finding.type} (score ${finding.score}; ${finding.detectors.join(', ')})`,
          file,
          line: finding.line,
          character: finding.character,
          endLine: finding.endLine,
          endCharacter: finding.endCharacter,
          properties: { score: finding.score, detectors: finding.detectors, ...(finding.row !== undefined ? { row: finding.row, column: finding.column } : {}) },
        });
      }
      const rules: SarifRule[] = [...types].sort().map((type) => sarifRule(piiCode(type)));
      writer.finish(rules);
    } finally {
      writer.dispose();
    }
    return;
  }
  const text = chunkedWriter(io);
  for (const { file, finding } of findings) {
    const where = finding.row !== undefined ? `${file}:row ${finding.row + 1}:${finding.column}` : `${file}:${finding.line + 1}:${finding.character + 1}`;
    text.write(`${where}  ${finding.type}  ${finding.score.toFixed(2)}  ${finding.detectors.join(',')}\n`);
  }
  text.end();
  const scanned = result.files.filter((f) => !f.skipped).length;
  const summary = Object.entries(byType).map(([type, count]) => `${count} ${type}`).join(', ');
  const more = unrecorded > 0 ? `, and ${unrecorded} more past the per-file limit (counted above, not listed)` : '';
  io.stdout(`${findings.count} finding${findings.count === 1 ? '' : 's'} in ${scanned} file${scanned === 1 ? '' : 's'}${summary ? ` (${summary})` : ''}${more}${result.model.used ? '' : ' [recognizers only]'}\n`);
}

