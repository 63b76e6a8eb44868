/**
 * Sorts in place as Array.prototype.sort does (stable, so the same order for the same
 * comparator), by insertion for short arrays. V8's sort allocates about a kilobyte of scratch
 * space per call; detection sorts a few short span lists per record, and on a scan those sorts
 * made about a seventh of all the garbage the detection code creates.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > 32) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    while (j >= 0 && compare(items[j], item) > 0) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/** Code-unit order of strings, as Array.prototype.sort without a comparator orders them. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Range {
  start: number;
  end: number;
}

// Comparators declared once: an arrow written at the call site is a new function on every call,
// which V8 optimizes again each time it gets hot.

/** By start offset. */
export function byStart(a: Range, b: Range): number {
  return a.start - b.start;
}

/** By start offset, then end offset. */
export function byStartThenEnd(a: Range, b: Range): number {
  return a.start - b.start || a.end - b.end;
}

/** By start offset, the longest first. */
export function byStartLongestFirst(a: Range, b: Range): number {
  return a.start - b.start || b.end - a.end;
}
