/**
 * Redaction of PII findings in a sample file: a pure function of (text, format, findings) to text
 * edits. A replacement is written in the syntax of the value it lands in (JSON-escaped inside a JSON
 * string, `"` doubled inside a quoted CSV field, the field quoted when a bare CSV field would need
 * it, a JSON number replaced by a string), and a range never splits an escape, a `""` or a surrogate
 * pair, so the redacted file parses into the same records with the same shape.
 */
import { TextEdit } from '../finding';
import { sniffDelimiter } from '../pii/readers/csvReader';
import { formatOfContent, formatOfPath } from '../pii/readers/sampleFormat';
import { createPseudonymizer, placeholderFor, RedactionStyle } from './pseudonyms';
import { decodedSlice, pieceEnd, pieceStart, RedactionFormat, valueRegions, ValueRegion } from './sampleRegions';

export type { RedactionFormat } from './sampleRegions';
export type { RedactionStyle } from './pseudonyms';

/** A finding to redact: file offsets and its entity type. */
export interface RedactionTarget {
  start: number;
  end: number;
  type: string;
}

export interface RedactionOptions {
  format: RedactionFormat;
  style: RedactionStyle;
  /** CSV delimiter; sniffed from the text when absent. */
  delimiter?: string;
  /** Only redact targets overlapping this range; the others still number the pseudonyms. */
  only?: { start: number; end: number };
}

export interface RedactionPlan {
  /** Sorted, not overlapping; apply all of them as one edit. */
  edits: TextEdit[];
  /** Targets that lie outside any value (e.g. on a delimiter) and were left alone. */
  skipped: RedactionTarget[];
}

interface Segment {
  region: ValueRegion;
  start: number;
  end: number;
  replacement: string;
}

/** Which syntax a sample file's text follows, from its name (then its first characters). Undefined: not redactable (Parquet). */
export function redactionFormatOf(fileName: string, text = ''): RedactionFormat | undefined {
  const format = formatOfPath(fileName) ?? formatOfContent(text.slice(0, 4096));
  return format === 'parquet' ? undefined : format;
}

export function planRedaction(text: string, targets: readonly RedactionTarget[], options: RedactionOptions): RedactionPlan {
  const delimiter = options.delimiter ?? (options.format === 'csv' ? sniffDelimiter(text.slice(0, 65536)) : undefined);
  const regions = valueRegions(text, options.format, delimiter);
  const pseudonym = createPseudonymizer();
  const skipped: RedactionTarget[] = [];
  const segments: Segment[] = [];
  for (const target of mergeTargets(text.length, targets)) {
    const parts = segmentsOf(text, regions, target);
    if (parts.length === 0) {
      skipped.push(target);
      continue;
    }
    const decoded = parts.map((p) => decodedSlice(text, p.region, p.start, p.end)).join(' ');
    const replacement = options.style === 'pseudonym' ? pseudonym(target.type, decoded) : placeholderFor(target.type);
    const wanted = !options.only || (target.start < options.only.end && target.end > options.only.start) || target.start === options.only.start;
    if (wanted) for (const part of parts) segments.push({ ...part, replacement });
  }
  return { edits: editsFor(text, segments, delimiter ?? ','), skipped };
}

/** Applies sorted, non-overlapping edits. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** The redacted text of a whole file. */
export function redactText(text: string, targets: readonly RedactionTarget[], options: RedactionOptions): string {
  return applyTextEdits(text, planRedaction(text, targets, options).edits);
}

/** Sorted, clamped, overlapping targets merged (the longer one names the type). */
function mergeTargets(length: number, targets: readonly RedactionTarget[]): RedactionTarget[] {
  const clean = targets
    .map((t) => ({ start: Math.max(0, Math.floor(t.start)), end: Math.min(length, Math.floor(t.end)), type: t.type }))
    .filter((t) => Number.isFinite(t.start) && Number.isFinite(t.end) && t.end > t.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: RedactionTarget[] = [];
  for (const t of clean) {
    const last = merged[merged.length - 1];
    if (last && t.start < last.end) {
      if (t.end - t.start > last.end - last.start) last.type = t.type;
      last.end = Math.max(last.end, t.end);
    } else {
      merged.push({ ...t });
    }
  }
  return merged;
}

/** The target's intersection with each value region, widened so no escape or pair is split. */
function segmentsOf(text: string, regions: ValueRegion[], target: RedactionTarget): Omit<Segment, 'replacement'>[] {
  const parts: Omit<Segment, 'replacement'>[] = [];
  for (let i = firstRegionEndingAfter(regions, target.start); i < regions.length && regions[i].start < target.end; i++) {
    const region = regions[i];
    let start = Math.max(target.start, region.start);
    let end = Math.min(target.end, region.end);
    if (end <= start) continue;
    if (region.kind === 'json-bare') {
      start = region.start;
      end = region.end;
    } else {
      start = pieceStart(text, region, start);
      end = pieceEnd(text, region, end);
    }
    parts.push({ region, start, end });
  }
  return parts;
}

function firstRegionEndingAfter(regions: ValueRegion[], offset: number): number {
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function editsFor(text: string, segments: Segment[], delimiter: string): TextEdit[] {
  const edits: TextEdit[] = [];
  let i = 0;
  while (i < segments.length) {
    const region = segments[i].region;
    const group: Segment[] = [];
    while (i < segments.length && segments[i].region === region) {
      const seg = segments[i++];
      const last = group[group.length - 1];
      if (last && seg.start < last.end) last.end = Math.max(last.end, seg.end);
      else group.push({ ...seg });
    }
    edits.push(...regionEdits(text, region, group, delimiter));
  }
  return edits;
}

function regionEdits(text: string, region: ValueRegion, group: Segment[], delimiter: string): TextEdit[] {
  switch (region.kind) {
    case 'json-string':
      return group.map((s) => ({ start: s.start, end: s.end, text: JSON.stringify(s.replacement).slice(1, -1) }));
    case 'json-bare':
      return [{ start: region.start, end: region.end, text: JSON.stringify(group[0].replacement) }];
    case 'csv-quoted':
      return group.map((s) => ({ start: s.start, end: s.end, text: s.replacement.replace(/"/g, '""') }));
    case 'csv-bare': {
      let content = '';
      let at = region.start;
      for (const s of group) {
        content += text.slice(at, s.start) + s.replacement;
        at = s.end;
      }
      content += text.slice(at, region.end);
      const needsQuotes = content.includes(delimiter) || /["\r\n]/.test(content);
      if (needsQuotes) return [{ start: region.start, end: region.end, text: `"${content.replace(/"/g, '""')}"` }];
      return group.map((s) => ({ start: s.start, end: s.end, text: s.replacement }));
    }
    default:
      return group.map((s) => ({ start: s.start, end: s.end, text: s.replacement }));
  }
}
