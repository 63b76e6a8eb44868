/**
 * `cardwright export --format cyclonedx [card or folder] [-o file] [--scan]`: the card as a CycloneDX
 * 1.6 ML-BOM. The BOM goes to stdout (or the file); what the BOM leaves out goes to stderr.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cardSamplesOfYaml } from '../core/cardSampleList';
import { locateCard, sourceKindOf } from '../core/cardSource';
import { cycloneDxFromText, LeftOut, ScanFacts } from '../core/export/cycloneDx';
import { packageVersion } from '../engine/packageRoot';
import { countByType, scanFiles } from '../engine/pii/scanFiles';
import { CliIo, EXIT_CLEAN, EXIT_USAGE } from './io';
import { parseOptions } from './options';

export const EXPORT_USAGE = `Usage: cardwright export --format cyclonedx [card or folder] [-o file] [--scan]

Writes the model card as a CycloneDX 1.6 ML-BOM (JSON): the model with its model card, its base
models and datasets with their licenses, and the dependencies between them.
The card is a model-card.yaml or a README.md with front matter; a folder is searched for
model-card.yaml, then README.md (default: the current folder).

Options:
  --format cyclonedx   the BOM format (default cyclonedx)
  -o, --output FILE    write the BOM to FILE instead of stdout
  --scan               scan the card's samples for personal data first and record what was found
                       in each dataset (else the card's privacy.pii_scan is used, if any)

What the BOM leaves out of the card is listed on stderr.
SOURCE_DATE_EPOCH (seconds), when set, fixes the BOM's timestamp for reproducible builds.
Exit code: 0 exported, 2 usage error or a card that cannot be read.`;

export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv, { format: ['cyclonedx'], output: [] }, { aliases: { '-o': 'output' }, flags: ['scan'] });
  if (options.help) {
    io.stdout(`${EXPORT_USAGE}\n`);
    return EXIT_CLEAN;
  }
  const usageError = options.error ?? (options.positional.length > 1 ? 'give one card or folder' : undefined);
  if (usageError) {
    io.stderr(`cardwright export: ${usageError}\n\n${EXPORT_USAGE}\n`);
    return EXIT_USAGE;
  }
  const card = findCard(path.resolve(io.cwd, options.positional[0] ?? '.'));
  if ('error' in card) {
    io.stderr(`cardwright export: ${card.error}\n`);
    return EXIT_USAGE;
  }
  let text: string;
  try {
    text = fs.readFileSync(card.file, 'utf8');
  } catch (error) {
    io.stderr(`cardwright export: ${display(card.file, io.cwd)}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const scan = options.values.scan ? await scanSamples(card.file, text, io) : undefined;
  const result = cycloneDxFromText(text, card.file, {
    serialNumber: `urn:uuid:${randomUUID()}`,
    timestamp: exportTimestamp(),
    toolVersion: packageVersion(),
    fallbackName: path.basename(path.dirname(card.file)),
    scan,
  });
  if ('error' in result) {
    io.stderr(`cardwright export: ${display(card.file, io.cwd)}: ${result.error}\n`);
    return EXIT_USAGE;
  }
  const json = `${JSON.stringify(result.bom, null, 2)}\n`;
  if (options.values.output) {
    const output = path.resolve(io.cwd, options.values.output);
    try {
      fs.writeFileSync(output, json);
    } catch (error) {
      io.stderr(`cardwright export: cannot write ${options.values.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`cardwright export: wrote ${display(output, io.cwd)} (CycloneDX 1.6, ${(result.bom.components as unknown[]).length} components)\n`);
  } else {
    io.stdout(json);
  }
  io.stderr(leftOutReport(result.leftOut));
  return EXIT_CLEAN;
}

/** One line per fact the BOM could not hold, for the terminal and the editor's message. */
export function leftOutReport(leftOut: LeftOut[]): string {
  if (leftOut.length === 0) return 'Everything in the card is in the BOM.\n';
  return `Left out of the BOM (${leftOut.length}):\n${leftOut.map((item) => `  ${item.path}: ${item.reason}\n`).join('')}`;
}

function findCard(target: string): { file: string } | { error: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return { error: `${target}: no such file or folder` };
  }
  if (stat.isFile()) return { file: target };
  for (const name of ['model-card.yaml', 'model-card.yml', 'README.md']) {
    const file = path.join(target, name);
    if (fs.existsSync(file)) return { file };
  }
  return { error: `${target}: no model-card.yaml or README.md in this folder` };
}

async function scanSamples(cardFile: string, text: string, io: CliIo): Promise<ScanFacts | undefined> {
  const source = locateCard(text, sourceKindOf(cardFile) ?? 'yaml');
  const samples = source ? cardSamplesOfYaml(source.yaml).samples : [];
  if (samples.length === 0) {
    io.stderr('cardwright export: the card lists no samples to scan (upstream.datasets[].samples)\n');
    return undefined;
  }
  const folder = path.dirname(cardFile);
  io.stderr(`cardwright export: scanning ${samples.length} sample file${samples.length === 1 ? '' : 's'}...\n`);
  const result = await scanFiles(samples.map((sample) => path.resolve(folder, sample)));
  if (result.model.error) io.stderr(`cardwright export: the PII model could not be loaded (${result.model.error}); scanned with the recognizers only\n`);
  const byFile: Record<string, Record<string, number>> = {};
  for (const file of result.files) {
    const relative = path.relative(folder, file.file).split(path.sep).join('/');
    if (file.skipped) {
      io.stderr(`cardwright export: ${relative}: not scanned: ${file.skipped}\n`);
      continue;
    }
    byFile[relative] = countByType([file]);
  }
  return {
    found: countByType(result.files.filter((file) => !file.skipped)),
    date: exportTimestamp().slice(0, 10),
    tool: 'cardwright',
    model: result.model.used ? result.model.name : undefined,
    files: Object.keys(byFile),
    byFile,
  };
}

function exportTimestamp(): string {
  const fixed = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : undefined;
  const date = fixed && !Number.isNaN(fixed.getTime()) ? fixed : new Date();
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}
