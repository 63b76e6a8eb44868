/**
 * SARIF 2.1.0 output shared by `check` and `scan` (GitHub code scanning accepts it). Results are
 * streamed: each is appended to a temporary file as it is found, and the report is written at the
 * end (its rules, which come first, are known only then), so memory does not grow with the findings.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findingCodeInfo } from '../core/findingCodes';

export interface SarifRule {
  id: string;
  shortDescription: string;
  fullDescription?: string;
  helpUri?: string;
}

/** A rule as the registry (core/findingCodes) describes it; every code Cardwright emits is there. */
export function sarifRule(code: string): SarifRule {
  const info = findingCodeInfo(code);
  if (!info) return { id: code, shortDescription: code };
  return { id: code, shortDescription: info.summary, fullDescription: `${info.summary} Severity: ${info.severity}.`, ...(info.link ? { helpUri: info.link } : {}) };
}

export interface SarifResult {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  /** File path as given or found; made relative to `cwd` for the report. */
  file: string;
  /** 0-based LSP-style positions; SARIF wants 1-based lines and columns. */
  line?: number;
  character?: number;
  endLine?: number;
  endCharacter?: number;
  /** Extra properties, e.g. score and detectors for PII findings. */
  properties?: Record<string, unknown>;
}

export function toSarif(toolVersion: string, rules: SarifRule[], results: SarifResult[], cwd: string): object {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const report = sarifSkeleton(toolVersion, rules);
  report.runs[0].results = results.map((result) => sarifResultObject(result, ruleIndex, cwd));
  return report;
}

function sarifSkeleton(toolVersion: string, rules: SarifRule[]) {
  const results: object[] = [];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Cardwright',
            version: toolVersion,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.shortDescription },
              ...(rule.fullDescription ? { fullDescription: { text: rule.fullDescription } } : {}),
              ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
              help: { text: rule.fullDescription ?? rule.shortDescription, markdown: `**\`${rule.id}\`**: ${rule.fullDescription ?? rule.shortDescription}${rule.helpUri ? ` [More](${rule.helpUri})` : ''}` },
            })),
          },
        },
        results,
      },
    ],
  };
}

function sarifResultObject(result: SarifResult, ruleIndex: ReadonlyMap<string, number>, cwd: string): object {
  const uri = toSarifUri(result.file, cwd);
  const region =
    result.line === undefined
      ? undefined
      : {
          startLine: result.line + 1,
          startColumn: (result.character ?? 0) + 1,
          endLine: (result.endLine ?? result.line) + 1,
          endColumn: (result.endCharacter ?? result.character ?? 0) + 1,
        };
  return {
    ruleId: result.ruleId,
    ...(ruleIndex.has(result.ruleId) ? { ruleIndex: ruleIndex.get(result.ruleId) } : {}),
    level: result.level,
    message: { text: result.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          ...(region ? { region } : {}),
        },
      },
    ],
    ...(result.properties ? { properties: result.properties } : {}),
  };
}

function toSarifUri(file: string, cwd: string): string {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

export interface SarifWriter {
  add(result: SarifResult): void;
  /** Writes the whole report (`JSON.stringify(toSarif(...), null, 2)` and a line break) and removes the temporary file. */
  finish(rules: SarifRule[]): void;
  /** Removes the temporary file without writing (after an error). */
  dispose(): void;
}

const FLUSH_CHARS = 1 << 16;

/** A SARIF report written piece by piece through `write`, byte for byte what toSarif would print. */
export function createSarifWriter(toolVersion: string, cwd: string, write: (text: string) => void): SarifWriter {
  let folder: string | undefined;
  let fd: number | undefined;
  let pending = '';
  let count = 0;
  const flush = () => {
    if (pending.length === 0) return;
    if (fd === undefined) {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cardwright-sarif-'));
      fd = fs.openSync(path.join(folder, 'results.jsonl'), 'w+');
    }
    fs.writeSync(fd, pending);
    pending = '';
  };
  const dispose = () => {
    if (fd !== undefined) fs.closeSync(fd);
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
    fd = undefined;
    folder = undefined;
    pending = '';
  };
  return {
    add(result) {
      pending += `${JSON.stringify(result)}\n`;
      count++;
      if (pending.length >= FLUSH_CHARS) flush();
    },
    finish(rules) {
      try {
        const skeleton = JSON.stringify(sarifSkeleton(toolVersion, rules), null, 2);
        if (count === 0) {
          write(`${skeleton}\n`);
          return;
        }
        const marker = '"results": []';
        const at = skeleton.lastIndexOf(marker);
        write(`${skeleton.slice(0, at)}"results": [\n`);
        const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
        let first = true;
        const emit = (line: string) => {
          const object = sarifResultObject(JSON.parse(line) as SarifResult, ruleIndex, cwd);
          // Split on \n only: JSON.stringify leaves U+2028 inside strings, which /^/m would treat as a line start.
          const text = indent(JSON.stringify(object, null, 2), '        ');
          write(first ? text : `,\n${text}`);
          first = false;
        };
        if (fd === undefined) {
          for (const line of pending.split('\n')) if (line) emit(line);
        } else {
          flush();
          forEachLine(fd, emit);
        }
        write(`\n      ]${skeleton.slice(at + marker.length)}\n`);
      } finally {
        dispose();
      }
    },
    dispose,
  };
}

function indent(text: string, prefix: string): string {
  return prefix + text.split('\n').join(`\n${prefix}`);
}

/** Calls `onLine` for each line of the file behind `fd`, reading it in chunks from the start. */
function forEachLine(fd: number, onLine: (line: string) => void): void {
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new TextDecoder('utf-8');
  let position = 0;
  let rest = '';
  for (;;) {
    const read = fs.readSync(fd, buffer, 0, buffer.length, position);
    if (read === 0) break;
    position += read;
    rest += decoder.decode(buffer.subarray(0, read), { stream: true });
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      if (end > start) onLine(rest.slice(start, end));
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest) onLine(rest);
}
