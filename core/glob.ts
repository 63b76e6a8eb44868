/** Globs (`**`, `*`, `?`, `{a,b}`) as regular expressions: shared by the CLI and the scan settings. */
/** Glob to an anchored regular expression over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        source += slashAfter ? '(?:[^/]*/)*' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) {
        source += '\\{';
        continue;
      }
      const options = glob.slice(i + 1, close).split(',').map((option) => option.replace(/[.+^$()|[\]\\]/g, '\\$&'));
      source += `(?:${options.join('|')})`;
      i = close;
    } else {
      source += char.replace(/[.+^$()|[\]\\}]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
