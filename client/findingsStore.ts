/** The last PII scan's results as the client shows them (Findings view, status bar), with the view's filter. */
import * as vscode from 'vscode';
import type { PiiFindingDto, ScanDatasetResult, ScannedFileDto } from '../protocol/messages';

export interface FindingsFilter {
  /** Entity types to show; empty shows all. */
  types: string[];
  minScore: number;
}

export class FindingsStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private findingsByUri = new Map<string, PiiFindingDto[]>();
  private scannedFiles = new Map<string, ScannedFileDto>();
  private last: ScanDatasetResult | undefined;
  filter: FindingsFilter = { types: [], minScore: 0 };

  /** Replaces everything with a full scan's result. */
  setScan(result: ScanDatasetResult): void {
    this.findingsByUri.clear();
    this.scannedFiles.clear();
    this.merge(result);
  }

  /** Replaces only the files a (re)scan covered, e.g. a sample rescanned on save. */
  merge(result: ScanDatasetResult): void {
    for (const file of result.files) {
      const uri = canonical(file.uri);
      this.scannedFiles.set(uri, { ...file, uri });
      this.findingsByUri.delete(uri);
    }
    for (const finding of result.findings) {
      const uri = canonical(finding.uri);
      const list = this.findingsByUri.get(uri) ?? [];
      list.push({ ...finding, uri });
      this.findingsByUri.set(uri, list);
    }
    this.last = result;
    void vscode.commands.executeCommand('setContext', 'cardwright.hasFindings', this.total() > 0);
    this.changed.fire();
  }

  clear(): void {
    this.findingsByUri.clear();
    this.scannedFiles.clear();
    this.last = undefined;
    void vscode.commands.executeCommand('setContext', 'cardwright.hasFindings', false);
    this.changed.fire();
  }

  setFilter(filter: FindingsFilter): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'cardwright.findingsFiltered', filter.types.length > 0 || filter.minScore > 0);
    this.changed.fire();
  }

  get lastScan(): ScanDatasetResult | undefined {
    return this.last;
  }

  wasScanned(uri: string): boolean {
    return this.scannedFiles.has(canonical(uri));
  }

  scannedUris(): string[] {
    return [...this.scannedFiles.keys()];
  }

  /** Every finding of a file, unfiltered (redaction works on all of them). */
  findingsOf(uri: string): PiiFindingDto[] {
    return this.findingsByUri.get(canonical(uri)) ?? [];
  }

  /** Findings that pass the filter, by file, files in path order, findings in file order. */
  visible(): Map<string, PiiFindingDto[]> {
    const out = new Map<string, PiiFindingDto[]>();
    const types = new Set(this.filter.types);
    for (const uri of [...this.findingsByUri.keys()].sort()) {
      const list = this.findingsByUri
        .get(uri)!
        .filter((f) => (types.size === 0 || types.has(f.type)) && f.score >= this.filter.minScore)
        .sort((a, b) => (a.start ?? a.row ?? 0) - (b.start ?? b.row ?? 0));
      if (list.length > 0) out.set(uri, list);
    }
    return out;
  }

  /** Entity types present in the results (for the filter's choices). */
  types(): string[] {
    const types = new Set<string>();
    for (const list of this.findingsByUri.values()) for (const f of list) types.add(f.type);
    return [...types].sort();
  }

  total(): number {
    let n = 0;
    for (const list of this.findingsByUri.values()) n += list.length;
    return n;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The server and VS Code may spell the same file URI differently (percent-encoding); compare VS Code's spelling. */
function canonical(uri: string): string {
  try {
    return vscode.Uri.parse(uri).toString();
  } catch {
    return uri;
  }
}
