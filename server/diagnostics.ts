/** Findings (offsets) to LSP diagnostics (line/character): the one place where the conversion happens. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, Severity } from '../core/finding';

export const DIAGNOSTIC_SOURCE = 'Cardwright';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { ...(finding.data ?? {}), start: finding.start, end: finding.end, ...(finding.source ? { source: finding.source } : {}) },
  };
}
