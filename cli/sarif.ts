/** SARIF 2.1.0 output shared by `check` and `scan` (GitHub code scanning accepts it). */
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
        results: results.map((result) => {
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
        }),
      },
    ],
  };
}

function toSarifUri(file: string, cwd: string): string {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
