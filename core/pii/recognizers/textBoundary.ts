/** Boundary checks shared by the recognizers (regex `\b` does not know Unicode letters). */

export function isAlnumAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 128) return false;
  return /[\p{L}\p{N}]/u.test(text[index]);
}

export function isDigitAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** True when [start, end) is not glued to letters or digits on either side. */
export function standsAlone(text: string, start: number, end: number): boolean {
  return !isAlnumAt(text, start - 1) && !isAlnumAt(text, end);
}
