/**
 * What crosses the boundary between the scanning thread and a detection worker, packed into a
 * few typed arrays and string tables. Structured clone costs about a microsecond per object, and
 * a batch holds several objects per row each way (fields in, findings out); typed arrays are
 * copied (or transferred) whole, and repeated strings (column names, detector lists) go once.
 */
import { PiiEntityType, PiiFinding, RecognizerInput } from '../../core/pii/piiTypes';

export interface PackedInputs {
  texts: string[];
  /** Fields per input; -1 for an input without field information. */
  fieldCounts: Int32Array;
  fieldStarts: Int32Array;
  fieldEnds: Int32Array;
  /** Index into `names` per field. */
  fieldNames: Int32Array;
  names: string[];
}

export interface PackedFindings {
  /** Findings per input. */
  counts: Int32Array;
  /** Index into `strings` for the type and for the detector list (joined by NUL). */
  types: Int32Array;
  detectors: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  scores: Float64Array;
  testValues: Uint8Array;
  strings: string[];
}

/**
 * A string table: each distinct string gets the next index. A class, like the loops below
 * (rather than closures and callbacks made per batch, which V8 would optimize again for each).
 */
class StringTable {
  readonly strings: string[] = [];
  private readonly indices = new Map<string, number>();

  index(value: string): number {
    let index = this.indices.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(value);
      this.indices.set(value, index);
    }
    return index;
  }
}

export function packInputs(inputs: readonly RecognizerInput[]): PackedInputs {
  let total = 0;
  for (const input of inputs) total += input.fields?.length ?? 0;
  const packed: PackedInputs = {
    texts: [],
    fieldCounts: new Int32Array(inputs.length),
    fieldStarts: new Int32Array(total),
    fieldEnds: new Int32Array(total),
    fieldNames: new Int32Array(total),
    names: [],
  };
  const names = new StringTable();
  let f = 0;
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k];
    packed.texts.push(input.text);
    if (!input.fields) {
      packed.fieldCounts[k] = -1;
      continue;
    }
    packed.fieldCounts[k] = input.fields.length;
    for (const field of input.fields) {
      packed.fieldStarts[f] = field.start;
      packed.fieldEnds[f] = field.end;
      packed.fieldNames[f] = names.index(field.name);
      f++;
    }
  }
  packed.names = names.strings;
  return packed;
}

export function unpackInputs(packed: PackedInputs): RecognizerInput[] {
  let f = 0;
  const inputs: RecognizerInput[] = [];
  for (let k = 0; k < packed.texts.length; k++) {
    const text = packed.texts[k];
    const count = packed.fieldCounts[k];
    if (count < 0) {
      inputs.push({ text });
      continue;
    }
    const fields = new Array(count);
    for (let i = 0; i < count; i++, f++) fields[i] = { start: packed.fieldStarts[f], end: packed.fieldEnds[f], name: packed.names[packed.fieldNames[f]] };
    inputs.push({ text, fields });
  }
  return inputs;
}

export function packFindings(findings: readonly (readonly PiiFinding[])[]): PackedFindings {
  let total = 0;
  for (const list of findings) total += list.length;
  const packed: PackedFindings = {
    counts: new Int32Array(findings.length),
    types: new Int32Array(total),
    detectors: new Int32Array(total),
    starts: new Int32Array(total),
    ends: new Int32Array(total),
    scores: new Float64Array(total),
    testValues: new Uint8Array(total),
    strings: [],
  };
  const strings = new StringTable();
  let f = 0;
  for (let k = 0; k < findings.length; k++) {
    const list = findings[k];
    packed.counts[k] = list.length;
    for (const finding of list) {
      packed.types[f] = strings.index(finding.type);
      packed.detectors[f] = strings.index(finding.detectors.join('\u0000'));
      packed.starts[f] = finding.start;
      packed.ends[f] = finding.end;
      packed.scores[f] = finding.score;
      packed.testValues[f] = finding.testValue ? 1 : 0;
      f++;
    }
  }
  packed.strings = strings.strings;
  return packed;
}

export function unpackFindings(packed: PackedFindings): PiiFinding[][] {
  const detectorLists = packed.strings.map((value) => value.split('\u0000'));
  const out: PiiFinding[][] = [];
  let f = 0;
  for (let k = 0; k < packed.counts.length; k++) {
    const list: PiiFinding[] = new Array(packed.counts[k]);
    for (let i = 0; i < list.length; i++, f++) {
      const finding: PiiFinding = {
        type: packed.strings[packed.types[f]] as PiiEntityType,
        start: packed.starts[f],
        end: packed.ends[f],
        score: packed.scores[f],
        detectors: [...detectorLists[packed.detectors[f]]],
      };
      if (packed.testValues[f]) finding.testValue = true;
      list[i] = finding;
    }
    out.push(list);
  }
  return out;
}

/** The buffers of a packed batch, to transfer rather than copy. */
export function transferables(packed: PackedInputs | PackedFindings): ArrayBuffer[] {
  return Object.values(packed)
    .filter((value): value is Int32Array | Float64Array | Uint8Array => ArrayBuffer.isView(value))
    .map((view) => view.buffer as ArrayBuffer);
}
