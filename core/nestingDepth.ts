/**
 * A cheap scan for how deeply YAML text nests (block indentation levels plus open flow brackets),
 * so that absurdly deep input is refused with one clear finding before the parser recurses into it.
 * Quoted strings and comments are skipped; the result is an estimate that never undercounts brackets.
 */
export interface DepthReport {
  depth: number;
  /** Offset where the depth first exceeded the limit, if it did. */
  exceededAt?: number;
}

export function scanNestingDepth(text: string, limit: number): DepthReport {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text[i] === ' ') i++;
    const blank = i >= lineEnd || text[i] === '#' || text[i] === '\r';
    if (!blank && flow === 0) {
      let indent = i - lineStart;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // `- - - x` nests a sequence per dash.
      while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        indent += 2;
        indents.push(indent);
        i += 2;
        while (text[i] === ' ') i++;
      }
    }
    let quote = '';
    for (; i < lineEnd; i++) {
      const char = text[i];
      if (quote) {
        if (char === quote && !(quote === '"' && text[i - 1] === '\\')) quote = '';
        continue;
      }
      if (char === '"' || char === "'") quote = char;
      else if (char === '#' && (i === lineStart || /\s/.test(text[i - 1]))) break;
      else if (char === '[' || char === '{') flow++;
      else if ((char === ']' || char === '}') && flow > 0) flow--;
      const depth = indents.length + flow;
      if (depth > max) {
        max = depth;
        if (max > limit) return { depth: max, exceededAt: i };
      }
    }
    const depth = indents.length + flow;
    if (depth > max) {
      max = depth;
      if (max > limit) return { depth: max, exceededAt: lineStart };
    }
    lineStart = lineEnd + 1;
  }
  return { depth: max };
}
