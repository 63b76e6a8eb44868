import { CardDocument } from '../cardDocument';
import { Finding } from '../finding';

/** What a rule sees: the parsed card and the injected view of the outside world. */
export interface RuleContext {
  card: CardDocument;
  /** The card as a plain mapping (rules run only when the card is one). */
  value: Record<string, unknown>;
  /** Whether a path relative to the card's folder exists; undefined when unknown (unsaved buffer, no workspace). */
  fileExists?: (relativePath: string) => boolean | undefined;
}

export type Rule = (context: RuleContext) => Finding[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}
