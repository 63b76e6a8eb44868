/**
 * JSON and JSON Lines reader: a streaming, tolerant tokenizer (never builds the document). Each
 * string and number value becomes part of a unit as `key: value` lines, the value decoded
 * (`\n`, `\"`, `\u00e9`, surrogate pairs) and mapped back to its exact file offsets, each escape
 * to the characters that spell it. Keys are mapped the same way (a key can itself be personal
 * data: `{"ana.ruiz@example.com": {...}}`); the key of an object or array value is a line of its
 * own (`contact:`) before the values inside. A unit is one record: an element of the top-level
 * array, one line of JSON Lines, or, deeper down, enough small objects to fill a few kilobytes.
 */
import { LineTracker } from './lineTracker';
import { TextUnit } from './textUnit';
import { MAX_UNIT_CHARS, UnitReader } from './unitReader';

export interface JsonOptions {
  /** JSON Lines: a newline outside a string ends a record, even a malformed one. */
  lineDelimited?: boolean;
  maxUnitChars?: number;
  /** Flush a unit at the end of any object once it holds this many characters. */
  softUnitChars?: number;
}

interface Frame {
  kind: 'object' | 'array';
  expectKey: boolean;
  key: string | undefined;
  /** How the file spells the key: its runs and escapes, for mapping it. */
  keyPieces: KeyPiece[];
}

/** A run of a key's characters at `start` in the file, or one decoded escape spelled by [start, end). */
interface KeyPiece {
  text: string;
  start: number;
  end: number;
  escape: boolean;
}

const enum Mode {
  Between,
  InString,
  Escape,
  Unicode,
  Literal,
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const MAX_DEPTH = 512;
/**
 * A key longer than this is not a name but data (a whole document used as a key): it is read as
 * a value, in file order and split like a long value, so no unit, key or field name grows with it.
 */
export const MAX_KEY_CHARS = 4096;

export function createJsonReader(options: JsonOptions = {}): UnitReader {
  const maxUnitChars = options.maxUnitChars ?? MAX_UNIT_CHARS;
  const softUnitChars = options.softUnitChars ?? 2048;
  const lineDelimited = options.lineDelimited ?? false;
  const lines = new LineTracker();
  const warnings: string[] = [];
  const stack: Frame[] = [];
  let unit = lines.newUnit();
  let out: TextUnit[] = [];
  let offset = 0;
  let record = 0;
  let mode = Mode.Between;
  // Current string
  let stringIsKey = false;
  let keyText = '';
  let keyPieces: KeyPiece[] = [];
  let escapeStart = 0;
  let unicodeDigits = '';
  let lastValueEnd = 0;
  // Current literal
  let literal = '';
  let literalStart = 0;
  /** A number too long for one unit: its first parts are already in units. */
  let literalSpilled = false;

  const warn = (message: string) => {
    if (warnings.length < 20) warnings.push(`line ${lines.line + 1}: ${message}`);
  };
  const flush = (fileEnd: number) => {
    if (!unit.isEmpty) {
      unit.record ??= record;
      out.push(unit.finish());
    }
    unit = lines.newUnit();
  };
  const currentKey = (): string | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].key !== undefined) return stack[i].key;
    return undefined;
  };
  /** The key as the file spells it (mapped, so findings in it are reported), then `separator`. */
  const appendKey = (top: Frame, separator: string, at: number) => {
    for (const piece of top.keyPieces) {
      if (piece.escape) unit.appendDecoded(piece.text, piece.start, piece.end);
      else unit.appendVerbatim(piece.text, piece.start);
    }
    unit.appendSynthetic(separator, at);
  };
  /** Separator and `key: ` before a value. */
  const beginValue = (valueStart: number) => {
    if (unit.record === undefined) unit.record = record;
    if (!unit.isEmpty) unit.appendSynthetic('\n', lastValueEnd);
    const top = stack[stack.length - 1];
    const key = top?.kind === 'object' ? top.key : undefined;
    if (key !== undefined && top.kind === 'object') appendKey(top, ': ', valueStart);
    unit.beginField(currentKey());
  };
  /** `key:` on a line of its own before an object or array value. */
  const beginContainerValue = (parent: Frame, at: number) => {
    if (unit.record === undefined) unit.record = record;
    if (!unit.isEmpty) unit.appendSynthetic('\n', lastValueEnd);
    appendKey(parent, ':', at);
    lastValueEnd = at;
  };
  const endValue = (fileEnd: number) => {
    unit.endField();
    lastValueEnd = fileEnd;
    if (unit.textLength >= maxUnitChars) flush(fileEnd);
  };
  const appendValueText = (text: string, fileOffset: number) => {
    unit.appendVerbatim(text, fileOffset);
    if (unit.textLength >= maxUnitChars) {
      // A huge string: split it, keeping the field name for the rest.
      flush(fileOffset + text.length);
      unit.record = record;
      unit.beginField(currentKey());
    }
  };
  /** Adds a piece of the key being read; a key grown too long goes on as a value. */
  const addKeyPiece = (piece: KeyPiece) => {
    keyText += piece.text;
    keyPieces.push(piece);
    if (keyText.length <= MAX_KEY_CHARS) return;
    // Nothing was flushed since the key began, so its pieces still belong to the open unit.
    stringIsKey = false;
    beginValue(keyPieces[0].start);
    for (const p of keyPieces) {
      if (p.escape) unit.appendDecoded(p.text, p.start, p.end);
      else appendValueText(p.text, p.start);
    }
    keyText = '';
    keyPieces = [];
  };
  const closeContainer = (fileEnd: number) => {
    stack.pop();
    const top = stack[stack.length - 1];
    if (top?.kind === 'object') {
      top.key = undefined;
    }
    if (stack.length <= 1 || unit.textLength >= softUnitChars) flush(fileEnd);
    if (stack.length === 0) record++;
    else if (stack.length === 1 && stack[0].kind === 'array') record++;
  };
  const endLiteral = () => {
    if (literalSpilled || /^-?\d/.test(literal)) {
      if (!literalSpilled) beginValue(literalStart);
      appendValueText(literal, literalStart);
      endValue(literalStart + literal.length);
    } else if (!/^(true|false|null)$/.test(literal)) {
      warn(`unexpected \`${literal.slice(0, 20)}\``);
    }
    literal = '';
    literalSpilled = false;
    const top = stack[stack.length - 1];
    if (top?.kind === 'object') top.key = undefined;
  };
  /** A literal grown to a unit's size: a number goes into units part by part, anything else keeps only its start (for the warning). */
  const spillLiteral = () => {
    if (literalSpilled || /^-?\d/.test(literal)) {
      if (!literalSpilled) beginValue(literalStart);
      literalSpilled = true;
      appendValueText(literal, literalStart);
      literalStart += literal.length;
      literal = '';
    }
  };

  const push = (chunk: string): TextUnit[] => {
    out = [];
    const base = offset;
    let runStart = mode === Mode.InString ? 0 : -1;
    const flushRun = (endIndex: number) => {
      if (runStart >= 0 && endIndex > runStart) {
        const text = chunk.slice(runStart, endIndex);
        if (stringIsKey) addKeyPiece({ text, start: base + runStart, end: base + endIndex, escape: false });
        else appendValueText(text, base + runStart);
      }
      runStart = -1;
    };
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      const here = base + i;
      lines.step(code, here, unit);
      switch (mode) {
        case Mode.InString:
          if (code === 34) {
            flushRun(i);
            mode = Mode.Between;
            if (stringIsKey) {
              const top = stack[stack.length - 1];
              if (top) {
                top.key = keyText;
                top.keyPieces = keyPieces;
              }
            } else {
              endValue(here);
              const top = stack[stack.length - 1];
              if (top?.kind === 'object') top.key = undefined;
            }
          } else if (code === 92) {
            flushRun(i);
            escapeStart = here;
            mode = Mode.Escape;
          } else if (runStart < 0) {
            runStart = i;
          }
          continue;
        case Mode.Escape: {
          const ch = chunk[i];
          if (ch === 'u') {
            unicodeDigits = '';
            mode = Mode.Unicode;
            continue;
          }
          const decoded = ESCAPES[ch] ?? ch;
          if (!(ch in ESCAPES)) warn(`invalid escape \\${ch}`);
          if (stringIsKey) addKeyPiece({ text: decoded, start: escapeStart, end: here + 1, escape: true });
          else unit.appendDecoded(decoded, escapeStart, here + 1);
          mode = Mode.InString;
          continue;
        }
        case Mode.Unicode:
          unicodeDigits += chunk[i];
          if (unicodeDigits.length === 4) {
            const value = /^[0-9A-Fa-f]{4}$/.test(unicodeDigits) ? parseInt(unicodeDigits, 16) : 0xfffd;
            const decoded = String.fromCharCode(value);
            if (stringIsKey) addKeyPiece({ text: decoded, start: escapeStart, end: here + 1, escape: true });
            else unit.appendDecoded(decoded, escapeStart, here + 1);
            mode = Mode.InString;
          }
          continue;
        case Mode.Literal:
          if (code === 44 || code === 93 || code === 125 || code === 58 || code === 34 || code <= 32) {
            endLiteral();
            mode = Mode.Between;
            break; // handle the delimiter below
          }
          if (literal.length < maxUnitChars) literal += chunk[i];
          else if (literalSpilled || /^-?\d/.test(literal)) {
            spillLiteral();
            literal = chunk[i];
          }
          continue;
        case Mode.Between:
          break;
      }
      // Between tokens.
      if (code === 34) {
        const top = stack[stack.length - 1];
        stringIsKey = top?.kind === 'object' && top.expectKey;
        mode = Mode.InString;
        if (stringIsKey) {
          keyText = '';
          keyPieces = [];
        } else {
          beginValue(here + 1);
        }
      } else if (code === 123 || code === 91) {
        if (stack.length >= MAX_DEPTH) {
          warn('nesting too deep');
          continue;
        }
        const parent = stack[stack.length - 1];
        if (parent?.kind === 'object' && parent.key !== undefined) beginContainerValue(parent, here);
        stack.push({ kind: code === 123 ? 'object' : 'array', expectKey: code === 123, key: undefined, keyPieces: [] });
        if (parent?.kind === 'object') parent.expectKey = false;
      } else if (code === 125 || code === 93) {
        if (stack.length === 0) {
          warn('unmatched closing bracket');
          continue;
        }
        closeContainer(here + 1);
      } else if (code === 58) {
        const top = stack[stack.length - 1];
        if (top?.kind === 'object') top.expectKey = false;
      } else if (code === 44) {
        const top = stack[stack.length - 1];
        if (top?.kind === 'object') {
          top.expectKey = true;
          top.key = undefined;
        }
      } else if (code === 10 || code === 13) {
        if (lineDelimited && stack.length > 0) {
          warn('a JSON Lines record ends before its brackets close');
          stack.length = 0;
          flush(here);
          record++;
        }
      } else if (code > 32) {
        literal = chunk[i];
        literalStart = here;
        mode = Mode.Literal;
      }
    }
    if (mode === Mode.InString) flushRun(chunk.length);
    offset = base + chunk.length;
    return out;
  };

  return {
    warnings,
    push,
    end() {
      out = [];
      if (mode === Mode.Literal) endLiteral();
      if (mode === Mode.InString || mode === Mode.Escape || mode === Mode.Unicode) warn('the file ends inside a string');
      if (stack.length > 0 && !lineDelimited) warn('the file ends before its brackets close');
      flush(offset);
      return out;
    },
  };
}
