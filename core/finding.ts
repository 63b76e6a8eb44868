/** A problem found in a document. Offsets are UTF-16 code units into the analysed text. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  /** Stable code, `area/kebab-case`, e.g. `license/unknown-id`. */
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Structured data a quick fix needs; never parsed out of `message`. */
  data?: Record<string, unknown>;
  /** Where the rule comes from (a spec section, a license clause), for hover and docs. */
  source?: string;
}

/** A text edit in offsets: replace [start, end) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}
