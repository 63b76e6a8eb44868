/** `cardwright check [paths or globs...] [--format text|json|sarif]`: validate model cards and front matter. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, createAnalyzer, MAX_CARD_CHARS } from '../core/analyzer';
import { sourceKindOf } from '../core/cardSource';
import { Finding } from '../core/finding';
import { createLineIndex } from '../core/lineIndex';
import { packageVersion } from '../engine/packageRoot';
import { loadSchemas } from '../engine/schemaFiles';
import { findFiles } from './files';
import { CliIo, EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './io';
import { parseOptions } from './options';
import { createSarifWriter, sarifRule } from './sarif';

export const CHECK_USAGE = `Usage: cardwright check [paths or globs...] [--format text|json|sarif]

Validates model-card.yaml files and the YAML front matter of README.md files.
Folders are searched for model-card.yaml, model-card.yml and README.md (node_modules and .git skipped).
A file named on the command line that is missing or cannot be checked (binary, too large) is an
error (exit 2); such a file found inside a folder is skipped with a note.
Exit code: 0 no errors, 1 findings at error level, 2 usage or I/O error.`;

export interface CheckedFinding extends Finding {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface CheckedFile {
  file: string;
  findings: CheckedFinding[];
}

export async function runCheck(argv: string[], io: CliIo, analyzer?: Analyzer): Promise<number> {
  const options = parseOptions(argv, { format: ['text', 'json', 'sarif'] });
  if (options.help) {
    io.stdout(`${CHECK_USAGE}\n`);
    return EXIT_CLEAN;
  }
  if (options.error) {
    io.stderr(`cardwright check: ${options.error}\n\n${CHECK_USAGE}\n`);
    return EXIT_USAGE;
  }
  const format = options.values.format ?? 'text';
  const { files, named, missing } = findFiles(options.positional.length ? options.positional : ['.'], io.cwd, isCardFile);
  for (const { argument, reason } of missing) io.stderr(`cardwright check: ${argument}: ${reason}\n`);
  const engine = analyzer ?? createAnalyzer({ schemas: loadSchemas() });
  // Each file's findings are written (or, for SARIF, spooled to a temporary file) as soon as it is
  // checked: memory does not grow with the number of cards.
  const report = createCheckReport(format, io);
  let ioErrors = missing.length;
  let anyError = false;
  try {
    for (const file of files) {
      const result = checkFile(file, engine);
      if ('error' in result) {
        io.stderr(`cardwright check: ${display(file, io.cwd)}: ${result.error}\n`);
        ioErrors++;
        continue;
      }
      if (result.unreadable) {
        // Named: the user asked for this file and gets an error. Found in a folder: a note.
        if (named.has(file)) {
          io.stderr(`cardwright check: ${display(file, io.cwd)}: cannot be checked: ${result.unreadable}\n`);
          ioErrors++;
        } else io.stderr(`${display(file, io.cwd)}: skipped: ${result.unreadable}\n`);
        continue;
      }
      if (!result.isCard) continue;
      report.add({ file: display(file, io.cwd), findings: result.findings });
      if (result.findings.some((finding) => finding.severity === 'error')) anyError = true;
    }
    report.finish();
  } finally {
    report.dispose();
  }
  if (ioErrors > 0) return EXIT_USAGE;
  return anyError ? EXIT_FINDINGS : EXIT_CLEAN;
}

function isCardFile(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  return base === 'model-card.yaml' || base === 'model-card.yml' || base === 'readme.md';
}

/** `unreadable`: why the file is not a text card at all (binary, too large); it then has no findings. */
type FileResult = { isCard: boolean; findings: CheckedFinding[]; unreadable?: string } | { error: string };

/** Findings that say the file could not be read as a card at all. */
const UNREADABLE_CODES = new Set(['card/binary', 'card/too-large']);

function checkFile(file: string, analyzer: Analyzer): FileResult {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    // Cards are small; reading a huge file only to refuse it would waste memory.
    text = size > MAX_CARD_CHARS * 4 ? ' '.repeat(MAX_CARD_CHARS + 1) : fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const fileName = sourceKindOf(file) ? file : 'model-card.yaml';
  const folder = path.dirname(file);
  const analysis = analyzer.analyze({ text, fileName, fileExists: (relative) => fs.existsSync(path.resolve(folder, relative)) });
  const lines = createLineIndex(text);
  const findings = analysis.findings.map((finding) => {
    const start = lines.positionAt(finding.start);
    const end = lines.positionAt(finding.end);
    return { ...finding, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
  });
  const unreadable = findings.find((finding) => UNREADABLE_CODES.has(finding.code));
  if (unreadable) return { isCard: false, findings: [], unreadable: unreadable.message };
  return { isCard: analysis.kind !== undefined || findings.length > 0, findings };
}

function jsonFinding(finding: CheckedFinding) {
  const { code, severity, message, start, end, line, character, endLine, endCharacter } = finding;
  return { code, severity, message, start, end, line, character, endLine, endCharacter };
}

interface CheckReport {
  add(file: CheckedFile): void;
  finish(): void;
  dispose(): void;
}

/** The report in the chosen format, written file by file; byte for byte what one JSON.stringify of all files would print. */
function createCheckReport(format: string, io: CliIo): CheckReport {
  if (format === 'json') return jsonReport(io);
  if (format === 'sarif') return sarifReport(io);
  return textReport(io);
}

function textReport(io: CliIo): CheckReport {
  let cards = 0;
  let errors = 0;
  let warnings = 0;
  return {
    add({ file, findings }) {
      cards++;
      if (findings.length === 0) return;
      const lines: string[] = [];
      for (const finding of findings) {
        if (finding.severity === 'error') errors++;
        else if (finding.severity === 'warning') warnings++;
        lines.push(`${file}:${finding.line + 1}:${finding.character + 1}: ${finding.severity} ${finding.code}: ${finding.message}\n`);
      }
      io.stdout(lines.join(''));
    },
    finish() {
      const checked = cards === 1 ? '1 card' : `${cards} cards`;
      io.stdout(`${checked} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
    },
    dispose() {},
  };
}

function jsonReport(io: CliIo): CheckReport {
  let count = 0;
  return {
    add({ file, findings }) {
      const text = JSON.stringify({ file, findings: findings.map(jsonFinding) }, null, 2).split('\n').join('\n    ');
      io.stdout(`${count === 0 ? '{\n  "files": [\n' : ',\n'}    ${text}`);
      count++;
    },
    finish() {
      io.stdout(count === 0 ? '{\n  "files": []\n}\n' : '\n  ]\n}\n');
    },
    dispose() {},
  };
}

function sarifReport(io: CliIo): CheckReport {
  const writer = createSarifWriter(packageVersion(), io.cwd, (text) => io.stdout(text));
  const ruleIds = new Set<string>();
  return {
    add({ file, findings }) {
      for (const finding of findings) {
        ruleIds.add(finding.code);
        writer.add({
          ruleId: finding.code,
          level: finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'note',
          message: finding.message,
          file,
          line: finding.line,
          character: finding.character,
          endLine: finding.endLine,
          endCharacter: finding.endCharacter,
        });
      }
    },
    finish() {
      writer.finish([...ruleIds].sort().map(sarifRule));
    },
    dispose: () => writer.dispose(),
  };
}

function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}
