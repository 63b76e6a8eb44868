/**
 * Hover in a card: what a field means and the rule behind it, the facts of a license id with its
 * link, the meaning of an enum value or language code, and why a finding under the cursor exists.
 */
import { MAX_CARD_CHARS, type Analyzer } from './analyzer';
import { atLineBoundary, withLfBreaks } from './lineIndex';
import { Path } from './cardDocument';
import { locateCard, sourceKindOf } from './cardSource';
import { describe } from './completion';
import { languageName } from './languageCodes';
import { tokenAt } from './yamlCursor';
import { Finding } from './finding';
import { COMMERCIAL_LABELS, KIND_LABELS, LicenseFact, licenseFacts, normalizeLicense, summarizeLicense } from './licenses';
import { displayPath } from './schemaCheck';
import { SchemaNavigator } from './schemaNavigator';

export interface HoverInput {
  text: string;
  fileName: string;
  offset: number;
  /** The document's current findings, for "why" on a finding under the cursor. */
  findings?: Finding[];
}

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  /** The hovered word (file offsets). */
  start: number;
  end: number;
}

/** Rules behind fields that JSON Schema cannot state, by path (`[]` for any list index). */
const RULE_NOTES: Record<string, string> = {
  license: 'Hub rule: one of the Hub\'s license ids; `other` needs `license_name` and `license_link`. Cardwright checks it against the licenses in `upstream`.',
  license_name: 'Read by the Hub only when `license: other`: a lower-case slug naming the custom license.',
  license_link: 'Read by the Hub only when `license: other`: `LICENSE`, `LICENSE.md` or a URL to the license text.',
  language: 'Hub rule: ISO 639-1/2/3 codes only; region or script suffixes (`es-ES`, `zh-CN`) are rejected.',
  base_model: 'Cardwright: every base model needs an entry in `upstream.base_models` so that its license can be checked.',
  datasets: 'Hub rule: dataset ids, not descriptions. Cardwright: every dataset needs an entry in `upstream.datasets`.',
  upstream: 'Cardwright compares every upstream license with `license`: non-commercial, share-alike, use restrictions and vendor terms must carry over.',
  'upstream.base_models[].id': 'Must also be listed in `base_model`, which is what the Hub links.',
  'upstream.datasets[].id': 'Must also be listed in `datasets`, which is what the Hub links.',
  'upstream.datasets[].samples': 'Paths relative to the card; each must exist. `cardwright scan` checks them for personal data.',
  'privacy.personal_data': 'When true, the card needs `privacy.pii_categories`, `privacy.anonymization` and `compliance.gdpr.lawful_basis` (GDPR Art. 6(1), 13, 25).',
  'privacy.special_categories': 'Any entry needs a completed DPIA: `compliance.gdpr.dpia.completed: true` (GDPR Art. 9, Art. 35(3)(b)).',
  'compliance.gdpr.lawful_basis': 'Required when `privacy.personal_data` is true (GDPR Art. 6(1)).',
  'compliance.gdpr.dpia': 'Required, completed, when `privacy.special_categories` is not empty (GDPR Art. 35).',
  'compliance.eu_ai_act.risk_category': '`high` needs `technical_documentation` (EU AI Act Art. 11, Annex IV); `prohibited` practices may not be placed on the EU market (Art. 5).',
  'compliance.eu_ai_act.gpai': '`true` needs `training_content_summary` (EU AI Act Art. 53(1)(d)).',
  'model-index': 'Hub rule: each result needs `task.type`, `dataset.type`, `dataset.name`, and metrics with `type` and `value`.',
};

/** Why a finding exists, by code prefix (longest match wins); the finding's own source is added. */
const WHY: Record<string, string> = {
  'schema/': 'The card does not match Cardwright\'s schema (the Hub\'s metadata rules plus Cardwright\'s sections).',
  'schema/unknown-key': 'Inside Cardwright\'s sections only known keys are read; a misspelled key is silently ignored by every tool.',
  'hub/unknown-key': 'The Hub keeps keys it does not know but gives them no meaning: a typo here means the real key is missing.',
  'hub/language-code': 'The Hub validates language codes on push and rejects region suffixes.',
  'license/unknown-id': 'The Hub accepts only its own license ids; anything else is rejected on push and hides the license from search filters.',
  'license/': 'License terms of what a model derives from travel with it; Cardwright flags combinations a reviewer would question. Guidance, not legal advice.',
  'privacy/': 'Training on personal data brings GDPR duties; the card is where a reviewer looks for them.',
  'compliance/': 'The EU AI Act attaches obligations to the declared role, risk category and GPAI status.',
  'upstream/': '`upstream` must describe exactly what `base_model` and `datasets` name, or the license check is incomplete.',
  'card/misplaced-key': 'Cardwright reads this key only inside its section; at the top level nothing reads it.',
  'yaml/': 'The YAML cannot be read as written, so the Hub would reject the whole card.',
};

export function hover(analyzer: Analyzer, input: HoverInput): HoverResult | undefined {
  try {
    return hoverUnsafe(analyzer, input);
  } catch {
    return undefined;
  }
}

function hoverUnsafe(analyzer: Analyzer, { text: fileText, fileName, offset, findings = [] }: HoverInput): HoverResult | undefined {
  if (fileText.length > MAX_CARD_CHARS) return undefined;
  const text = withLfBreaks(fileText);
  const source = locateCard(text, sourceKindOf(fileName) ?? 'yaml');
  if (!source) return undefined;
  const position = offset - source.offset;
  const here = findings.filter((f) => f.start <= offset && offset <= f.end && f.end > f.start);
  if (position < 0 || position > source.yaml.length) return undefined;
  const token = tokenAt(source.yaml, position);
  const kind = sourceKindOf(fileName) === 'markdown' && /^(task_categories|size_categories|pretty_name):/m.test(source.yaml) ? 'dataset-card' : 'model-card';
  const navigator = analyzer.schemaFor(kind);
  const sections: string[] = [];
  if (token) {
    const about = token.part === 'key' ? keyHover(navigator, token.path) : valueHover(navigator, token.path, token.text);
    if (about) sections.push(about);
  }
  for (const finding of here.slice(0, 3)) sections.push(whyHover(finding));
  if (sections.length === 0) return undefined;
  const start = token ? token.start + source.offset : Math.min(...here.map((f) => f.start));
  const end = token ? token.end + source.offset : Math.max(...here.map((f) => f.end));
  return { markdown: sections.join('\n\n---\n\n'), start: atLineBoundary(text, start), end: atLineBoundary(text, end) };
}

function patternOf(path: Path): string {
  return displayPath(path.map((segment) => (typeof segment === 'number' ? -1 : segment))).replace(/\[-1\]/g, '[]');
}

function keyHover(navigator: SchemaNavigator, path: Path): string | undefined {
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  const schema = navigator.propertiesAt(parent).get(key) ?? navigator.at(path).find((s) => s.description);
  if (!schema) return undefined;
  const required = navigator.requiredAt(parent).has(key);
  const lines = [`**${key}**${parent.length ? ` in \`${patternOf(parent)}\`` : ''}${required ? ' (required)' : ''}`];
  const description = describe(schema) ?? describe(navigator.at(path).find((s) => s.description));
  if (description) lines.push(description);
  const rule = RULE_NOTES[patternOf(path)];
  if (rule) lines.push(`_Rule:_ ${rule}`);
  const values = navigator.at(path).flatMap((s) => (Array.isArray(s.enum) ? s.enum : []));
  if (values.length > 0 && values.length <= 10) lines.push(`Values: ${values.map((v) => `\`${String(v)}\``).join(', ')}`);
  return lines.join('\n\n');
}

function valueHover(navigator: SchemaNavigator, path: Path, value: string): string | undefined {
  const field = [...path].reverse().find((segment) => typeof segment === 'string');
  if (field === 'license') return licenseHover(value);
  if (field === 'language' && path[0] === 'language') {
    const name = languageName(value);
    if (name) return `**${value}**: ${name} (ISO 639)`;
    const base = /^([a-z]{2,3})[-_]/i.exec(value)?.[1].toLowerCase();
    return base && languageName(base) ? `\`${value}\` has a region or script suffix; the Hub accepts only \`${base}\` (${languageName(base)}).` : undefined;
  }
  for (const schema of navigator.at(path)) {
    if (!Array.isArray(schema.enum)) continue;
    const index = schema.enum.findIndex((v) => String(v) === value);
    const docs = (schema.markdownEnumDescriptions ?? schema.enumDescriptions) as unknown[] | undefined;
    if (index >= 0 && Array.isArray(docs) && typeof docs[index] === 'string') return `**${value}**: ${docs[index] as string}`;
  }
  // The field's own meaning, when the value itself says nothing more.
  const key = typeof path[path.length - 1] === 'string' ? path : path.slice(0, -1);
  return typeof key[key.length - 1] === 'string' ? keyHover(navigator, key) : undefined;
}

/** A license id's facts: kind, commercial use, share-alike, restrictions, naming, conditions, link. */
export function licenseHover(value: string): string | undefined {
  const fact = licenseFacts(value);
  if (!fact) {
    const guess = normalizeLicense(value);
    return guess && guess.id !== value
      ? `\`${value}\` is not a Hub license id; it reads as \`${guess.id}\` (${licenseFacts(guess.id)?.name ?? guess.id}).${guess.note ? ` ${guess.note}` : ''}`
      : undefined;
  }
  return describeLicense(fact);
}

function describeLicense(fact: LicenseFact): string {
  const lines = [`**${fact.name}** (\`${fact.id}\`${fact.spdx ? `, SPDX \`${fact.spdx}\`` : ''})`, summarizeLicense(fact)];
  const facts: string[] = [`Kind: ${KIND_LABELS[fact.kind]}; ${COMMERCIAL_LABELS[fact.commercial]}.`];
  const sourced: Array<[string, { summary: string; source: string } | undefined]> = [
    ['Commercial use', fact.commercialTerms],
    ['Share-alike', fact.shareAlikeTerms],
    ['No derivatives', fact.noDerivatives],
    ['Use restrictions', fact.useRestrictions],
    ['Derivatives', fact.termsGovernDerivatives],
    ['Naming', fact.naming],
    ['Attribution', fact.attribution],
    ['Trained models', fact.trainedModelsExempt],
    ...(fact.conditions ?? []).map((c): [string, { summary: string; source: string }] => ['Condition', c]),
  ];
  for (const [label, item] of sourced) if (item) facts.push(`${label}: ${item.summary} _(${item.source})_`);
  if (fact.shareAlikeTerms?.compatible.length) facts.push(`Compatible licenses for adaptations: ${fact.shareAlikeTerms.compatible.map((id) => `\`${id}\``).join(', ')}.`);
  lines.push(facts.map((f) => `- ${f}`).join('\n'));
  if (fact.link) lines.push(`[License terms](${fact.link})`);
  lines.push('_Guidance, not legal advice._');
  return lines.join('\n\n');
}

function whyHover(finding: Finding): string {
  const prefix = Object.keys(WHY)
    .filter((key) => finding.code === key || (key.endsWith('/') && finding.code.startsWith(key)))
    .sort((a, b) => b.length - a.length)[0];
  const parts = [`**Why \`${finding.code}\`:** ${prefix ? WHY[prefix] : finding.message}`];
  if (finding.source) parts.push(`Source: ${/^https?:\/\//.test(finding.source) ? `<${finding.source}>` : finding.source}`);
  return parts.join('\n\n');
}
