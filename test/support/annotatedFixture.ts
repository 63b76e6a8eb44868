/**
 * Inline-annotated fixtures. A line made of `#`, spaces, a run of `^` and a tag marks columns of the
 * nearest preceding code line:
 *
 *     licence: mit
 *     #^^^^^^ warning[hub/unknown-key] did you mean
 *
 * `#^` means the marker starts at column 0 (the `#` counts as the first caret). The tag is
 * `severity[code]`, optionally followed by text that the message must contain. Annotation lines are
 * YAML comments, so they never change what the card means. `$0` marks a cursor and is removed.
 */
export interface Expectation {
  code: string;
  severity: string;
  start: number;
  end: number;
  /** Text the message must contain, if given. */
  contains?: string;
}

export interface AnnotatedFixture {
  text: string;
  expectations: Expectation[];
  cursor?: number;
}

const ANNOTATION = /^(\s*)#(\s*)(\^+)\s+(error|warning|information|hint)\[([^\]]+)\](?:\s+(.*))?$/;

export function parseFixture(source: string, options: { crlf?: boolean } = {}): AnnotatedFixture {
  const lines = dedent(source).split('\n');
  const expectations: Expectation[] = [];
  const newline = options.crlf ? '\r\n' : '\n';
  let offset = 0;
  let lastCodeLineStart = -1;
  let text = '';
  let cursor: number | undefined;
  for (const line of lines) {
    const match = ANNOTATION.exec(line);
    if (match && lastCodeLineStart >= 0) {
      const [, indent, gap, carets, severity, code, contains] = match;
      const hashColumn = indent.length;
      const firstCaret = gap.length === 0 ? hashColumn : hashColumn + 1 + gap.length;
      const length = gap.length === 0 ? carets.length + 1 : carets.length;
      expectations.push({
        code,
        severity,
        start: lastCodeLineStart + firstCaret,
        end: lastCodeLineStart + firstCaret + length,
        contains: contains?.trim() || undefined,
      });
    } else {
      lastCodeLineStart = offset;
    }
    let content = line;
    const cursorAt = content.indexOf('$0');
    if (cursorAt >= 0) {
      cursor = offset + cursorAt;
      content = content.replace('$0', '');
    }
    text += content + newline;
    offset += content.length + newline.length;
  }
  return { text: text.slice(0, text.length - newline.length), expectations, cursor };
}

/** Removes the common leading indentation and a leading/trailing blank line (for template literals). */
export function dedent(source: string): string {
  let lines = source.split('\n');
  if (lines.length && lines[0].trim() === '') lines = lines.slice(1);
  if (lines.length && lines[lines.length - 1].trim() === '') lines = lines.slice(0, -1);
  const indents = lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}
