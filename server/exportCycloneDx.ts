/** `cardwright/exportCycloneDx`: the card as a CycloneDX ML-BOM, with the last scan of its samples when one ran. */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { cycloneDxFromText } from '../core/export/cycloneDx';
import type { PiiScanSummary } from '../core/rules/scanResults';
import { packageVersion } from '../engine/packageRoot';
import { ExportCycloneDxParams, ExportCycloneDxResult } from '../protocol/messages';
import { fileNameOf, folderOf } from './documentUris';

export function exportCycloneDx(params: ExportCycloneDxParams, scan: PiiScanSummary | undefined): ExportCycloneDxResult {
  if (typeof params?.uri !== 'string' || typeof params.text !== 'string') return { leftOut: [], error: 'No card was given to export.' };
  const folder = folderOf(params.uri);
  const result = cycloneDxFromText(params.text, fileNameOf(params.uri), {
    serialNumber: `urn:uuid:${randomUUID()}`,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    toolVersion: packageVersion(),
    fallbackName: folder ? path.basename(folder) : undefined,
    scan: scan && { found: scan.found, date: scan.date.slice(0, 10), tool: scan.tool, model: scan.model },
  });
  return 'error' in result ? { leftOut: [], error: result.error } : { bom: result.bom, leftOut: result.leftOut };
}
