/** Offset <-> line/character conversion with LSP semantics (0-based; \n, \r\n and \r end lines; UTF-16 units). */
export interface Position {
  line: number;
  character: number;
}

export interface LineIndex {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  lineCount: number;
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) {
      starts.push(i + 1);
    }
  }
  return {
    lineCount: starts.length,
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= clamped) low = mid;
        else high = mid - 1;
      }
      return { line: low, character: clamped - starts[low] };
    },
    offsetAt(position) {
      if (position.line < 0) return 0;
      if (position.line >= starts.length) return text.length;
      const lineStart = starts[position.line];
      const nextStart = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
      return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
    },
  };
}

/**
 * The one line-break rule of the language service: `\n`, `\r\n` and a bare `\r` end a line, as in
 * LSP and in the YAML 1.2 spec. The `yaml` package reads a bare `\r` as text, so every entry point
 * hands it this view of the text, where each bare `\r` is a `\n`: same length, so every offset in it
 * is an offset in the original, and editors, the parser and the cursor helpers see the same lines.
 */
export function withLfBreaks(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r(?!\n)/g, '\n');
}

/** An offset LSP can name: one between the CR and the LF of a line break moves to before the CR. */
export function atLineBoundary(text: string, offset: number): number {
  return text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}
