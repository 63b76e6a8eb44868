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
  const names: string[] = [];
  const indexOf = new Map<string, number>();
  const labelIndex = tokens.map((token) => {
    let index = indexOf.get(token.label);
    if (index === undefined) {
      index = names.length;
      names.push(token.label);
      indexOf.set(token.label, index);
    }
    return index;
  });
  return groupBioTokens(
    {
      count: tokens.length,
      label: labelIndex,
      probability: tokens.map((t) => t.probability),
      starts: tokens.map((t) => t.start),
      ends: tokens.map((t) => t.end),
      continuation: tokens.map((t) => t.continuation),
    },
    labelInfos(names, mapping),
    detector,
    text,
  );
}

/** What grouping needs to know of a label: its BIO role and the entity type it maps to. */
export interface LabelInfo {
  /** 'B' opens, 'I' continues, 'O' (or an unmapped entity) closes. */
  prefix: string;
  type: PiiEntityType | undefined;
  /**
   * The index of the same entity's other label (`I-X` for `B-X` and back), -1 when there is none:
   * a token's score for its type is the probability of both, since the model splits its belief
   * between opening and continuing an entity (B 0.45 + I 0.35 is a token 80% sure of the type).
   */
  partner: number;
}

export function labelInfos(labels: readonly string[], mapping: LabelMapping): LabelInfo[] {
  const split = labels.map((label) => splitLabel(label ?? 'O'));
  return split.map(({ prefix, entity }, index) => {
    const type = entity === undefined ? undefined : (mapping[entity] ?? undefined);
    let partner = -1;
    if (type !== undefined) {
      for (let other = 0; other < split.length && partner < 0; other++) {
        if (other !== index && split[other].entity === entity && split[other].prefix !== prefix && (split[other].prefix === 'B' || split[other].prefix === 'I')) partner = other;
      }
    }
    return { prefix, type, partner };
  });
}

/** Tokens as parallel arrays (a model's output for one text): `label` indexes the LabelInfo list. */
export interface BioTokens {
  count: number;
  label: ArrayLike<number>;
  probability: ArrayLike<number>;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  continuation: ArrayLike<boolean>;
}

/** groupBioLabels on parallel arrays, without an object per token. */
export function groupBioTokens(tokens: BioTokens, infos: readonly LabelInfo[], detector = 'model', text?: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  let openType: PiiEntityType | undefined;
  let openStart = 0;
  let openEnd = 0;
  let sum = 0;
  let count = 0;
  for (let t = 0; t < tokens.count; t++) {
    const start = tokens.starts[t];
    if (tokens.continuation[t]) {
      if (openType && openEnd <= start) {
        openEnd = tokens.ends[t];
        sum += tokens.probability[t];
        count++;
      }
      continue;
    }
    const info = infos[tokens.label[t]];
    const type = info?.type;
    if (!type) {
      if (openType) spans.push(bioSpan(openType, openStart, openEnd, sum, count, detector));
      openType = undefined;
      continue;
    }
    // Right after the open entity, with at most one space or tab between.
    const adjacent = openType !== undefined && text !== undefined && (start <= openEnd || (start - openEnd === 1 && (text.charCodeAt(openEnd) === 32 || text.charCodeAt(openEnd) === 9)));
    if ((info.prefix === 'I' || adjacent) && openType === type) {
      openEnd = tokens.ends[t];
      sum += tokens.probability[t];
      count++;
      continue;
    }
    if (openType) spans.push(bioSpan(openType, openStart, openEnd, sum, count, detector));
    openType = type;
    openStart = start;
    openEnd = tokens.ends[t];
    sum = tokens.probability[t];
    count = 1;
  }
  if (openType) spans.push(bioSpan(openType, openStart, openEnd, sum, count, detector));
  return spans;
}

/** A grouped entity: its score is the mean probability of its tokens' labels. */
function bioSpan(type: PiiEntityType, start: number, end: number, sum: number, count: number, detector: string): PiiSpan {
  return { type, start, end, score: Math.round((sum / count) * 1000) / 1000, detector };
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
  // Context types (optional in scans): CoNLL-style models (dslim/bert-base-NER: PER, ORG, LOC,
  // MISC) and OntoNotes-style ones (GPE: countries, cities, states) expose them too.
  ORGANIZATION: 'ORGANIZATION',
  ORG: 'ORGANIZATION',
  CORPORATION: 'ORGANIZATION',
  LOCATION: 'LOCATION',
  LOC: 'LOCATION',
  GPE: 'LOCATION',
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
