/**
 * The language service facade: one analyzer per set of schemas, pure and synchronous.
 * Adapters (server, CLI) inject the schemas and the file-existence check and convert offsets.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { CardDocument, clampSpan, firstKeySpan, parseCard } from './cardDocument';
import { atLineBoundary, withLfBreaks } from './lineIndex';
import { CardSource, locateCard, SourceKind, sourceKindOf } from './cardSource';
import { Finding } from './finding';
import { normalizeLicense } from './licenses';
import { checkSchema } from './schemaCheck';
import { createSchemaNavigator, JsonSchema, SchemaNavigator } from './schemaNavigator';
import { aiActRisk } from './rules/aiActRisk';
import { CardModelFacts, cardModelChecks } from './rules/cardModel';
import { licenseCompatibility } from './rules/licenseCompatibility';
import { licenseOther } from './rules/licenseOther';
import { personalData } from './rules/personalData';
import { isRecord, Rule, RuleContext } from './rules/rule';
import { samplePaths } from './rules/samplePaths';
import { PiiScanSummary, scanResults } from './rules/scanResults';
import { specialCategories } from './rules/specialCategories';
import { unknownTopLevelKeys } from './rules/unknownTopLevelKeys';
import { upstreamConsistency } from './rules/upstreamConsistency';

export const MODEL_CARD_SCHEMA_ID = 'https://cardwright.dev/schemas/model-card.schema.json';
export const DATASET_CARD_SCHEMA_ID = 'https://cardwright.dev/schemas/dataset-card.schema.json';

/** Larger cards are not parsed: a card is a page of metadata, and the editor must stay responsive. */
export const MAX_CARD_CHARS = 2_000_000;

/** Findings kept per rule: a card with 40,000 upstream entries must not become 40,000 diagnostics. */
const MAX_FINDINGS_PER_RULE = 1000;

const MODEL_RULES: Rule[] = [licenseOther, licenseCompatibility, personalData, specialCategories, aiActRisk, upstreamConsistency, samplePaths];

/** Keys that only dataset cards use; a front matter with these and no model keys is a dataset card. */
const DATASET_KEYS = ['task_categories', 'size_categories', 'pretty_name', 'dataset_info', 'configs', 'annotations_creators', 'language_creators', 'multilinguality', 'source_datasets', 'task_ids', 'paperswithcode_id'];
const MODEL_KEYS = ['base_model', 'model-index', 'pipeline_tag', 'library_name', 'model_name', 'upstream', 'privacy', 'compliance'];

export type CardKind = 'model-card' | 'dataset-card';

export interface AnalysisInput {
  text: string;
  /** File name or path; decides YAML vs Markdown front matter. */
  fileName: string;
  /** Whether a path relative to the card's folder exists; omit when unknown. */
  fileExists?: (relativePath: string) => boolean | undefined;
  /** The last PII scan of this card's samples, if any. */
  piiScan?: PiiScanSummary;
  /** What the server found out about the card's own model (config, outputs on the examples, PII in them). */
  cardModel?: CardModelFacts;
}

export interface Analysis {
  /** Undefined when the file holds no card (e.g. a README without front matter). */
  kind?: CardKind;
  source?: CardSource;
  card?: CardDocument;
  findings: Finding[];
}

export interface AnalyzerDeps {
  /** Every schema document under schemas/, parsed; each has an `$id`. */
  schemas: JsonSchema[];
}

export interface Analyzer {
  analyze(input: AnalysisInput): Analysis;
  /** The schema navigator for a card kind (completion, hover). */
  schemaFor(kind: CardKind): SchemaNavigator;
}

export function createAnalyzer(deps: AnalyzerDeps): Analyzer {
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateFormats: false });
  for (const schema of deps.schemas) ajv.addSchema(schema);
  const validators = new Map<CardKind, ValidateFunction | undefined>();
  const navigators = new Map<CardKind, SchemaNavigator>();
  const schemaId = (kind: CardKind) => (kind === 'model-card' ? MODEL_CARD_SCHEMA_ID : DATASET_CARD_SCHEMA_ID);

  function validatorFor(kind: CardKind): ValidateFunction | undefined {
    if (!validators.has(kind)) validators.set(kind, ajv.getSchema(schemaId(kind)));
    return validators.get(kind);
  }

  function schemaFor(kind: CardKind): SchemaNavigator {
    let navigator = navigators.get(kind);
    if (!navigator) {
      navigator = createSchemaNavigator(deps.schemas, schemaId(kind));
      navigators.set(kind, navigator);
    }
    return navigator;
  }

  function analyze(input: AnalysisInput): Analysis {
    const sourceKind: SourceKind = sourceKindOf(input.fileName) ?? 'yaml';
    const guard = guardInput(input.text);
    if (guard) return { findings: [guard], kind: sourceKind === 'yaml' ? 'model-card' : undefined };
    const text = withLfBreaks(input.text);
    const source = locateCard(text, sourceKind);
    if (!source) return { findings: [] };
    const card = parseCard(text, source);
    const findings = [...card.findings];
    const value = card.value;
    // An empty card (or one of only comments, or `{}`) documents nothing: one finding, nothing else to judge.
    if (value === null || (value === undefined && findings.length === 0) || (isRecord(value) && Object.keys(value).length === 0)) {
      return { kind: sourceKind === 'yaml' ? 'model-card' : undefined, source, card, findings: [...findings, emptyCard(input.text, source, sourceKind)].map((f) => inside(text, f)) };
    }
    const kind = cardKindOf(value, sourceKind);
    if (value !== undefined && !isRecord(value)) {
      findings.push({
        code: 'card/not-a-mapping',
        severity: 'error',
        message: `The card must be a mapping of keys to values (\`license: mit\`), not ${Array.isArray(value) ? 'a list' : value === null ? 'empty' : 'a single value'}.`,
        ...firstKeySpan(card),
      });
      return { kind, source, card, findings: sortFindings(findings.map((f) => inside(text, f))) };
    }
    if (value === undefined) return { kind, source, card, findings: sortFindings(findings.map((f) => inside(text, f))) };
    const validate = validatorFor(kind);
    // Loops, not push(...list): a card with 100,000 unknown keys has that many findings (too many arguments).
    if (validate) for (const finding of checkSchema(card, validate)) findings.push(withLicenseSuggestion(finding));
    if (kind === 'model-card') {
      const context: RuleContext = { card, value, fileExists: input.fileExists };
      const rules: Rule[] = [...MODEL_RULES, (c) => unknownTopLevelKeys(c, schemaFor(kind)), (c) => scanResults(c, input.piiScan), (c) => cardModelChecks(c, input.cardModel)];
      for (const rule of rules) for (const finding of safely(rule, context).slice(0, MAX_FINDINGS_PER_RULE)) findings.push(finding);
    }
    return { kind, source, card, findings: sortFindings(dedupe(findings.map((f) => inside(text, f)))) };
  }

  return { analyze, schemaFor };
}

/**
 * `card/empty`: a model-card.yaml with no keys is an error (it documents nothing); empty README
 * front matter is a warning (the Hub reads it as a README without metadata). Placed on the first
 * line (the opening `---` of front matter).
 */
function emptyCard(text: string, source: CardSource, sourceKind: SourceKind): Finding {
  const start = source.block ? source.block.start : 0;
  const lineEnd = text.indexOf('\n', start);
  const end = Math.max(start, (lineEnd < 0 ? text.length : lineEnd) - (text[lineEnd - 1] === '\r' ? 1 : 0));
  return sourceKind === 'yaml'
    ? { code: 'card/empty', severity: 'error', message: 'The model card has no keys: add at least `license`, and what the model derives from (`base_model`, `datasets`).', start, end }
    : { code: 'card/empty', severity: 'warning', message: 'The front matter is empty: the Hub reads this README as one without metadata. Add `license` and the other card keys, or remove the empty block.', start, end };
}

/** An unknown license id gets the tolerant recognizer's answer (`Apache 2.0` -> `apache-2.0`) as its suggestion. */
function withLicenseSuggestion(finding: Finding): Finding {
  if (finding.code !== 'license/unknown-id' || typeof finding.data?.value !== 'string') return finding;
  const normalized = normalizeLicense(finding.data.value);
  if (!normalized || normalized.confidence === 'exact') return finding;
  const note = normalized.note ? ` ${normalized.note}` : '';
  return {
    ...finding,
    message: `\`${finding.data.value}\` is not a Hub license id; ${normalized.confidence === 'high' ? 'use' : 'did you mean'} \`${normalized.id}\`${normalized.confidence === 'high' ? '.' : '?'}${note}`,
    data: { ...finding.data, suggestion: normalized.id, confidence: normalized.confidence },
  };
}

function cardKindOf(value: unknown, sourceKind: SourceKind): CardKind {
  if (sourceKind === 'yaml' || !isRecord(value)) return 'model-card';
  const keys = Object.keys(value);
  const datasetish = keys.some((key) => DATASET_KEYS.includes(key));
  const modelish = keys.some((key) => MODEL_KEYS.includes(key));
  return datasetish && !modelish ? 'dataset-card' : 'model-card';
}

/** Inputs that are not cards at all get one clear finding instead of a parse. */
function guardInput(text: string): Finding | undefined {
  if (text.length > MAX_CARD_CHARS) {
    return {
      code: 'card/too-large',
      severity: 'error',
      message: `This file has ${text.length.toLocaleString('en-US')} characters; Cardwright reads cards of up to ${MAX_CARD_CHARS.toLocaleString('en-US')}. A model card is metadata: keep data in separate files.`,
      start: 0,
      end: Math.min(text.length, Math.max(1, text.indexOf('\n') < 0 ? 1 : text.indexOf('\n'))),
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return {
      code: 'card/binary',
      severity: 'error',
      message: 'This file holds binary data (NUL characters), not YAML text.',
      start: nul,
      end: nul + 1,
    };
  }
  return undefined;
}

/** A rule that throws on odd input must not take the others down with it. */
function safely(rule: Rule, context: RuleContext): Finding[] {
  try {
    return rule(context);
  } catch (error) {
    return [
      {
        code: 'card/internal-error',
        severity: 'information',
        message: `A Cardwright check failed on this card (${error instanceof Error ? error.message : String(error)}); other checks still ran. Please report this.`,
        ...firstKeySpan(context.card),
      },
    ];
  }
}

/** Every finding's span lies inside the text, whatever a rule computed. */
function inside(text: string, finding: Finding): Finding {
  const ordered = finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length;
  if (ordered && atLineBoundary(text, finding.start) === finding.start && atLineBoundary(text, finding.end) === finding.end) return finding;
  return { ...finding, ...clampSpan(text, finding.start, finding.end) };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.code}|${finding.start}|${finding.end}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}
