/**
 * Turns per-token BIO labels into character spans. Grouping is done here rather than by the
 * transformers.js pipeline, whose "simple" aggregation merges entities across gaps:
 *   - `B-X` opens an entity of type X; `I-X` continues an open X and opens one otherwise;
 *   - a `##` piece always follows its word's first piece: it extends an open entity and is
 *     ignored otherwise (the first piece labels the word, as in training);
 *   - `O` closes the open entity;
 *   - with the text given, `B-X` right after an open X with at most one space or tab between them
 *     continues it: the model often restarts inside a name (`Dana` B, `Whitfield` B), and two
 *     separate people are written with punctuation or a line break between them.
 * A span runs from its first token's start to its last token's end in the original text; its
 * score is the mean probability of its tokens' labels.
 */
import { PiiEntityType, PiiSpan } from './piiTypes';

export interface TokenLabel {
  /** Label name as the model's config spells it (`B-PERSON`, `I-LOC`, `O`). */
  label: string;
  probability: number;
  start: number;
  end: number;
  continuation: boolean;
}

/** Maps a model's entity names (after the B-/I- prefix) to Cardwright's; null drops the entity. */
export type LabelMapping = Readonly<Record<string, PiiEntityType | null>>;

export function groupBioLabels(tokens: readonly TokenLabel[], mapping: LabelMapping, detector = 'model', text?: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  let open: { type: PiiEntityType; start: number; end: number; sum: number; count: number } | undefined;
  const close = () => {
    if (open) spans.push({ type: open.type, start: open.start, end: open.end, score: Math.round((open.sum / open.count) * 1000) / 1000, detector });
    open = undefined;
  };
  for (const token of tokens) {
    if (token.continuation) {
      if (open && open.end <= token.start) {
        open.end = token.end;
        open.sum += token.probability;
        open.count++;
      }
      continue;
    }
    const { prefix, entity } = splitLabel(token.label);
    const type = entity === undefined ? undefined : mapping[entity];
    if (!type) {
      close();
      continue;
    }
    const adjacent = open !== undefined && text !== undefined && token.start - open.end <= 1 && /^[ \t]?$/.test(text.slice(open.end, token.start));
    if ((prefix === 'I' || adjacent) && open && open.type === type) {
      open.end = token.end;
      open.sum += token.probability;
      open.count++;
      continue;
    }
    close();
    open = { type, start: token.start, end: token.end, sum: token.probability, count: 1 };
  }
  close();
  return spans;
}

function splitLabel(label: string): { prefix: string; entity: string | undefined } {
  if (label === 'O' || label.length === 0) return { prefix: 'O', entity: undefined };
  const match = /^([BIES])[-_](.+)$/.exec(label);
  if (!match) return { prefix: 'B', entity: label };
  // BIOES: S (single) and E (end) behave like B and I here.
  return { prefix: match[1] === 'E' ? 'I' : match[1] === 'S' ? 'B' : match[1], entity: match[2] };
}

/** Common names other NER models use, mapped onto Cardwright's types. */
export const COMMON_LABEL_ALIASES: Readonly<Record<string, PiiEntityType>> = {
  PER: 'PERSON',
  PERSON: 'PERSON',
  NAME: 'PERSON',
  EMAIL: 'EMAIL_ADDRESS',
  EMAIL_ADDRESS: 'EMAIL_ADDRESS',
  PHONE: 'PHONE_NUMBER',
  PHONE_NUMBER: 'PHONE_NUMBER',
  TELEPHONENUM: 'PHONE_NUMBER',
  ADDRESS: 'STREET_ADDRESS',
  STREET_ADDRESS: 'STREET_ADDRESS',
  STREET: 'STREET_ADDRESS',
  CREDIT_CARD: 'CREDIT_CARD',
  CREDITCARDNUMBER: 'CREDIT_CARD',
  IBAN: 'IBAN_CODE',
  IBAN_CODE: 'IBAN_CODE',
  SSN: 'US_SSN',
  US_SSN: 'US_SSN',
  SOCIALNUM: 'US_SSN',
  IP: 'IP_ADDRESS',
  IP_ADDRESS: 'IP_ADDRESS',
  DOB: 'DATE_OF_BIRTH',
  DATE_OF_BIRTH: 'DATE_OF_BIRTH',
  SECRET: 'SECRET',
  PASSWORD: 'SECRET',
  MAC_ADDRESS: 'MAC_ADDRESS',
};

/**
 * The mapping for a model's labels: `overrides` first (a setting), then the common aliases above
 * (Cardwright's own names map to themselves); anything else is dropped.
 */
export function labelMappingFor(labels: readonly string[], overrides: Readonly<Record<string, string | null>> = {}): LabelMapping {
  const mapping: Record<string, PiiEntityType | null> = {};
  for (const label of labels) {
    const { entity } = splitLabel(label);
    if (entity === undefined) continue;
    const override = overrides[entity];
    if (override === null) mapping[entity] = null;
    else if (override !== undefined) mapping[entity] = (COMMON_LABEL_ALIASES[override.toUpperCase()] ?? null) as PiiEntityType | null;
    else mapping[entity] = COMMON_LABEL_ALIASES[entity.toUpperCase()] ?? null;
  }
  return mapping;
}
