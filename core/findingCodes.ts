/**
 * Every finding code Cardwright can emit, with what it means: one registry for the README's rule
 * table (scripts/generateRuleTable.js), the SARIF rule descriptions of `check` and `scan`, and the
 * test that keeps code and documentation together (test/unit/findingCodes.test.ts).
 */
import { LICENSE_RULES } from './licenses/licenseRuleMatrix';
import { isOptionalEntityType, PII_ENTITY_TYPES, PiiEntityType } from './pii/piiTypes';

export interface FindingCodeInfo {
  code: string;
  /** The severity it is reported with, in words ("error", "warning", "error (warning for ...)"). */
  severity: string;
  /** What it means, in one or two sentences. */
  summary: string;
  /** A public page with the rule behind it, when there is one. */
  link?: string;
}

const HUB_METADATA = 'https://huggingface.co/docs/hub/model-cards#model-card-metadata';
const HUB_LICENSES = 'https://huggingface.co/docs/hub/repositories-licenses';
const HUB_DATASET_CARDS = 'https://huggingface.co/docs/hub/datasets-cards';
const YAML_SPEC = 'https://yaml.org/spec/1.2.2/';
const GDPR = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';
const AI_ACT = 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj';

const CARD_CODES: readonly FindingCodeInfo[] = [
  { code: 'yaml/syntax', severity: 'error', summary: 'The YAML cannot be parsed here. One finding per place, at most 25 per file.', link: YAML_SPEC },
  { code: 'yaml/duplicate-key', severity: 'error', summary: 'A key appears twice in the same mapping; the Hub rejects the card.', link: YAML_SPEC },
  { code: 'yaml/warning', severity: 'warning', summary: 'YAML that parses but is probably not what was meant (the parser\'s warning).', link: YAML_SPEC },
  { code: 'yaml/complex-key', severity: 'error', summary: 'A key that is a list or a mapping, such as an unrendered template placeholder (`{{card_data}}`); card keys are plain strings.' },
  { code: 'yaml/too-deep', severity: 'error', summary: 'The YAML nests more than 64 levels; it is not read further.' },
  { code: 'yaml/alias-limit', severity: 'error', summary: 'Aliases expand to more than 1,000 nodes (an alias bomb); the card is not read further.' },
  { code: 'yaml/unreadable', severity: 'error', summary: 'The YAML could not be turned into data.' },
  { code: 'card/not-a-mapping', severity: 'error', summary: 'The card is a list or a single value, not a mapping of keys to values.', link: HUB_METADATA },
  { code: 'card/empty', severity: 'error (warning for empty README front matter)', summary: 'The card has no keys: it documents nothing.' },
  { code: 'card/binary', severity: 'error', summary: 'The file holds binary data, not YAML text. `cardwright check` reports it as a file it cannot check.' },
  { code: 'card/too-large', severity: 'error', summary: 'The file is over 2,000,000 characters; a model card is metadata, data belongs in separate files.' },
  { code: 'card/internal-error', severity: 'error', summary: 'A check failed on this card (a bug in Cardwright; the other checks still ran).' },
  { code: 'card/misplaced-key', severity: 'warning', summary: 'A key of Cardwright\'s `upstream`, `privacy` or `compliance` sections written at the top level, where nothing reads it.' },
  { code: 'hub/unknown-key', severity: 'warning', summary: 'A top-level key the Hub does not know (it keeps it, with no meaning); with a did-you-mean.', link: HUB_METADATA },
  { code: 'hub/language-code', severity: 'error', summary: '`language` entries are ISO 639-1/2/3 codes: no region suffixes (`es-ES`) or placeholders.', link: HUB_METADATA },
  { code: 'hub/dataset-id', severity: 'error', summary: '`datasets` lists Hub dataset ids (`org/name`), not prose.', link: HUB_METADATA },
  { code: 'hub/model-id', severity: 'error', summary: '`base_model` is a Hub model id (`org/name`) or a list of them.', link: HUB_METADATA },
  { code: 'license/unknown-id', severity: 'error', summary: '`license` is not a Hub license id (SPDX expressions and spellings such as `Apache 2.0` are rejected); suggests the id.', link: HUB_LICENSES },
  { code: 'license/other-incomplete', severity: 'error', summary: '`license: other` needs `license_name` and `license_link`.', link: HUB_LICENSES },
  { code: 'license/name-without-other', severity: 'warning', summary: '`license_name` and `license_link` are ignored unless `license: other`.', link: HUB_LICENSES },
  { code: 'schema/missing-key', severity: 'error', summary: 'A required key is missing (e.g. `dataset` in a `model-index` result).' },
  { code: 'schema/unknown-key', severity: 'error', summary: 'A key the schema does not allow inside a Cardwright section or a Hub structure; with a did-you-mean.' },
  { code: 'schema/invalid-value', severity: 'error', summary: 'A value outside the allowed list; with a did-you-mean.' },
  { code: 'schema/wrong-type', severity: 'error', summary: 'A value of the wrong type (a list where text is expected, ...).' },
  { code: 'schema/invalid-format', severity: 'error', summary: 'A value that does not have the expected form (a date, an id, a duration ...).' },
  { code: 'schema/min-items', severity: 'error', summary: 'A list with fewer entries than it needs (an empty `language:` list, ...).' },
  { code: 'schema/min-length', severity: 'error', summary: 'An empty text where one is needed.' },
  { code: 'schema/minimum', severity: 'error', summary: 'A number below its minimum (a negative count, ...).' },
  { code: 'schema/maximum', severity: 'error', summary: 'A number above its maximum (a widget score over 1, ...).' },
  { code: 'schema/unique-items', severity: 'error', summary: 'A list that repeats an entry.' },
  { code: 'schema/property-names', severity: 'error', summary: 'A mapping key that is not one of the allowed names (e.g. an unknown PII type in `privacy.pii_scan.counts`).' },
  { code: 'upstream/missing-base-model', severity: 'warning', summary: 'A `base_model` with no entry in `upstream.base_models`, so its license cannot be checked.' },
  { code: 'upstream/missing-dataset', severity: 'warning', summary: 'A `datasets` entry with no entry in `upstream.datasets`, so its license cannot be checked.' },
  { code: 'upstream/unlisted-base-model', severity: 'warning', summary: 'An `upstream.base_models` id that `base_model` does not name (the Hub links only what `base_model` names).' },
  { code: 'upstream/unlisted-dataset', severity: 'warning', summary: 'An `upstream.datasets` id that `datasets` does not name.' },
  { code: 'upstream/sample-not-found', severity: 'error', summary: 'A sample file listed under `upstream.datasets[].samples` does not exist (paths are relative to the card).' },
  { code: 'upstream/sample-outside-card', severity: 'warning', summary: 'A sample path points outside the card\'s folder.' },
  { code: 'privacy/missing-pii-categories', severity: 'error', summary: '`personal_data: true` needs `privacy.pii_categories`.', link: GDPR },
  { code: 'privacy/missing-anonymization', severity: 'error', summary: '`personal_data: true` needs `privacy.anonymization`.', link: GDPR },
  { code: 'privacy/missing-lawful-basis', severity: 'error', summary: '`personal_data: true` needs a GDPR Art. 6(1) lawful basis in `compliance.gdpr.lawful_basis`.', link: GDPR },
  { code: 'privacy/special-categories-need-dpia', severity: 'error', summary: 'Special categories of personal data (GDPR Art. 9) need a completed DPIA (Art. 35).', link: GDPR },
  { code: 'privacy/special-categories-contradiction', severity: 'error', summary: '`special_categories` lists personal data while `personal_data` is false.', link: GDPR },
  { code: 'privacy/scan-found-personal-data', severity: 'error', summary: 'A PII scan of the card\'s samples found personal data the card does not declare (`personal_data` is not true).' },
  { code: 'privacy/pii-in-widget-example', severity: 'warning', summary: 'A `widget` example, published with the card, holds personal data (found by the PII detector); quick fixes put a placeholder or a pseudonym in its place.' },
  { code: 'widget/model-not-found', severity: 'warning', summary: '`cardwright.model_path` points at a folder without a transformers.js model (config.json, tokenizer files, onnx/model*.onnx).' },
  { code: 'widget/task-mismatch', severity: 'warning', summary: 'The card\'s `pipeline_tag` is a task the model\'s head (config.json `architectures`, `id2label`) cannot serve.' },
  { code: 'widget/unknown-label', severity: 'warning', summary: 'A label in a widget example\'s expected `output` that the model\'s `id2label` does not have.' },
  { code: 'widget/output-mismatch', severity: 'warning', summary: 'The card\'s model answers a widget example differently from the `output` the card records.' },
  { code: 'privacy/undeclared-pii-category', severity: 'warning', summary: 'A PII scan found a kind of personal data missing from `privacy.pii_categories`.' },
  { code: 'compliance/high-risk-needs-documentation', severity: 'error', summary: 'An EU AI Act high-risk system needs Annex IV technical documentation (`technical_documentation`).', link: AI_ACT },
  { code: 'compliance/prohibited-practice', severity: 'error', summary: '`risk_category: prohibited`: an AI practice that may not be placed on the EU market (Art. 5).', link: AI_ACT },
  { code: 'compliance/gpai-needs-training-summary', severity: 'error', summary: 'A general-purpose AI model needs a training content summary (Art. 53(1)(d)).', link: AI_ACT },
];

const PII_TYPE_WORDS: Record<PiiEntityType, string> = {
  PERSON: 'a person\'s name',
  EMAIL_ADDRESS: 'an email address',
  PHONE_NUMBER: 'a phone number',
  STREET_ADDRESS: 'a street address',
  CREDIT_CARD: 'a credit card number (Luhn and issuer checked)',
  IBAN_CODE: 'an IBAN (mod-97 checked)',
  US_SSN: 'a US social security number',
  IP_ADDRESS: 'an IP address',
  DATE_OF_BIRTH: 'a date of birth',
  SECRET: 'a secret (an API token, a private key, a password in a connection string)',
  MAC_ADDRESS: 'a MAC address',
  ORGANIZATION: 'an organization\'s name (a company, an institution)',
  LOCATION: 'a place (a city, a country, a landmark)',
};

/** The SARIF rule id of a PII finding type (`cardwright scan`). */
export function piiCode(type: PiiEntityType): string {
  return `pii/${type.toLowerCase().replace(/_/g, '-')}`;
}

const PII_CODES: readonly FindingCodeInfo[] = PII_ENTITY_TYPES.map((type) => ({
  code: piiCode(type),
  severity: isOptionalEntityType(type) ? 'information' : 'error (score 0.8 or more) / warning',
  summary: isOptionalEntityType(type)
    ? `\`cardwright scan\`: ${PII_TYPE_WORDS[type]} in a dataset sample (\`${type}\`). Optional, off by default: reported only when \`--entities\` or \`cardwright.pii.entities\` lists it; context, not personal data by itself.`
    : `\`cardwright scan\`: ${PII_TYPE_WORDS[type]} in a dataset sample (\`${type}\`).`,
}));

/** Rules about the model's own license (no upstream subject), with the severity they are reported with. */
const MODEL_LICENSE_SEVERITY: Record<string, string> = { 'license/family-id': 'information' };

const LICENSE_CODES: readonly FindingCodeInfo[] = LICENSE_RULES.map((rule) => ({
  code: rule.code,
  severity: MODEL_LICENSE_SEVERITY[rule.code] ?? (rule.baseModel === rule.dataset ? rule.baseModel : `${rule.baseModel} (base model) / ${rule.dataset} (dataset)`),
  summary: `${rule.when}. ${rule.why}`,
  link: HUB_LICENSES,
}));

const ALL: readonly FindingCodeInfo[] = [...CARD_CODES, ...LICENSE_CODES, ...PII_CODES];
const BY_CODE = new Map(ALL.map((info) => [info.code, info]));

/** Every code, in the README's order (card codes by area, license rules, PII types). */
export function findingCodes(): readonly FindingCodeInfo[] {
  return ALL;
}

export function findingCodeInfo(code: string): FindingCodeInfo | undefined {
  return BY_CODE.get(code);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The README's table of every finding code (`npm run docs:rules` writes it between its markers). */
export function findingCodesMarkdown(): string {
  return [
    '| code | severity | meaning |',
    '| --- | --- | --- |',
    ...ALL.map((info) => `| \`${info.code}\` | ${cell(info.severity)} | ${cell(info.summary)}${info.link ? ` ([rule](${info.link}))` : ''} |`),
  ].join('\n');
}
