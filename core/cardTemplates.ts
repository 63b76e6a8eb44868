/**
 * Card text that Cardwright writes: section skeletons (snippets with tab stops, for completion and
 * snippets/model-card.json), a complete new card for a chosen license, and the export of a card's
 * Hub keys into a README.md front matter that leaves the README's body alone.
 */
import { isMap, isPair, isScalar, Node, Pair } from 'yaml';
import { parseCard } from './cardDocument';
import { locateFrontMatter } from './cardSource';
import { allLicenseFacts, licenseFacts, summarizeLicense } from './licenses';

export type SectionName = 'privacy' | 'compliance' | 'upstream' | 'model-index' | 'model-index-entry';

export interface SectionTemplate {
  name: SectionName;
  /** What the snippet is, for completion details and the snippets file. */
  description: string;
  /** Lines in VS Code snippet syntax, indented relative to column 0 with two spaces per level. */
  lines: readonly string[];
}

const ANONYMIZATION = 'none,pseudonymization,anonymization,synthetic,aggregation,differential_privacy';
const LAWFUL_BASES = 'consent,contract,legal_obligation,vital_interests,public_task,legitimate_interests';
const AI_ACT_ROLES = 'provider,deployer,importer,distributor,authorised_representative,product_manufacturer';
const RISK_CATEGORIES = 'minimal,limited,high,prohibited';

const MODEL_INDEX_ENTRY = [
  '- name: ${1:my-model}',
  '  results:',
  '    - task:',
  '        type: ${2:text-generation}',
  '      dataset:',
  '        type: ${3:owner/dataset}',
  '        name: ${4:Dataset name}',
  '        split: ${5:test}',
  '      metrics:',
  '        - type: ${6:accuracy}',
  '          value: ${7:0.0}',
];

/** Section skeletons, in the order they are offered. */
export const SECTION_TEMPLATES: readonly SectionTemplate[] = [
  {
    name: 'upstream',
    description: 'Licenses of the base models and datasets the model derives from',
    lines: [
      'upstream:',
      '  base_models:',
      '    - id: ${1:owner/base-model}',
      '      license: ${2:apache-2.0}',
      '  datasets:',
      '    - id: ${3:owner/dataset}',
      '      license: ${4:cc-by-4.0}',
      '      samples: [${5:data/sample.jsonl}]',
    ],
  },
  {
    name: 'privacy',
    description: 'Personal data in the training data and how it was protected',
    lines: [
      'privacy:',
      '  personal_data: ${1|true,false|}',
      '  pii_categories: [${2:PERSON}]',
      '  special_categories: []',
      `  anonymization: \${3|${ANONYMIZATION}|}`,
      '  data_subjects: [${4:customers}]',
      '  retention: ${5:P2Y}',
    ],
  },
  {
    name: 'compliance',
    description: 'GDPR, CCPA and EU AI Act facts',
    lines: [
      'compliance:',
      '  gdpr:',
      `    lawful_basis: \${1|${LAWFUL_BASES}|}`,
      '    controller: ${2:Organisation name}',
      '    dpia:',
      '      completed: ${3|false,true|}',
      '      reference: ${4:DPIA-ID}',
      '  ccpa:',
      '    sells_or_shares: ${5|false,true|}',
      '    categories: [${6:identifiers}]',
      '  eu_ai_act:',
      `    role: \${7|${AI_ACT_ROLES}|}`,
      `    risk_category: \${8|${RISK_CATEGORIES}|}`,
      '    gpai: ${9|false,true|}',
    ],
  },
  { name: 'model-index', description: 'Evaluation results (Papers with Code format)', lines: ['model-index:', ...MODEL_INDEX_ENTRY.map((line) => `  ${line}`)] },
  { name: 'model-index-entry', description: 'One model-index entry with a result', lines: MODEL_INDEX_ENTRY },
];

export function sectionTemplate(name: SectionName): SectionTemplate {
  return SECTION_TEMPLATES.find((template) => template.name === name)!;
}

/**
 * A template's snippet text for insertion at `column`: the first line goes where the cursor is,
 * the others are indented by `column` spaces (the text is inserted as is, not re-indented by the editor).
 */
export function indentSnippet(lines: readonly string[], column: number, newline = '\n'): string {
  const pad = ' '.repeat(column);
  return lines.map((line, index) => (index === 0 ? line : pad + line)).join(newline);
}

/** Snippet text without tab stops: `${1:text}` → text, `${1|a,b|}` → a, `$1` → nothing. */
export function snippetToPlain(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}

/** Lines of the full card snippet (snippets/model-card.json), with tab stops; the upstream ids mirror base_model and datasets. */
export function fullCardSnippetLines(): string[] {
  return [
    '# Model card for ${1:my-model}: checked by Cardwright as you type.',
    'license: ${2:apache-2.0}',
    'language:',
    '  - ${3:en}',
    'library_name: ${4:transformers}',
    'pipeline_tag: ${5:text-generation}',
    'tags: []',
    'base_model: ${6:owner/base-model}',
    'datasets:',
    '  - ${7:owner/dataset}',
    'upstream:',
    '  base_models:',
    '    - id: ${6}',
    '      license: ${8:unknown}',
    '  datasets:',
    '    - id: ${7}',
    '      license: ${9:unknown}',
    '      samples: []',
    'privacy:',
    '  personal_data: ${10|false,true|}',
    '  pii_categories: []',
    '  special_categories: []',
    `  anonymization: \${11|${ANONYMIZATION}|}`,
    'compliance:',
    '  eu_ai_act:',
    `    role: \${12|${AI_ACT_ROLES}|}`,
    `    risk_category: \${13|${RISK_CATEGORIES}|}`,
    '    gpai: ${14|false,true|}',
    'intended_use: ${15:What the model is for, and for whom.}',
    'out_of_scope_use: ${16:Uses the model is not meant or suitable for.}',
    'limitations: ${17:Known limitations, biases and risks.}',
  ];
}

/** The contents of snippets/model-card.json (VS Code snippets for yaml and markdown), built from the templates above. */
export function snippetFile(): Record<string, { prefix: string; description: string; body: string[] }> {
  const card = fullCardSnippetLines();
  const out: Record<string, { prefix: string; description: string; body: string[] }> = {
    'Model card': { prefix: 'model-card', description: 'A complete model-card.yaml: Hub metadata, upstream licenses, privacy and compliance', body: card },
    'Model card front matter': {
      prefix: 'model-card-front-matter',
      description: 'A README.md front matter with the complete model card, then the title',
      body: ['---', ...card, '---', '', '# ${1:my-model}', '', '$0'],
    },
  };
  for (const template of SECTION_TEMPLATES) {
    const title = template.name === 'model-index-entry' ? 'model-index entry' : `${template.name} section`;
    out[title] = { prefix: `card-${template.name}`, description: template.description, body: [...template.lines] };
  }
  return out;
}

export interface NewCardOptions {
  modelName?: string;
}

/** The license choices for a new card: Hub license ids (no family entries), sorted. */
export function newCardLicenseChoices(): Array<{ id: string; name: string; summary: string }> {
  return allLicenseFacts()
    .filter((fact) => !fact.isFamily)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((fact) => ({ id: fact.id, name: fact.name, summary: summarizeLicense(fact) }));
}

/**
 * A complete model-card.yaml for a new model under `licenseId` (a Hub id, or `other`): every
 * section present with placeholders a person replaces, and comments saying what each part is for.
 */
export function newCardSkeleton(licenseId: string, options: NewCardOptions = {}): string {
  const license = /^[a-z0-9][a-z0-9.+_-]*$/.test(licenseId) ? licenseId : 'unknown';
  const fact = licenseFacts(license);
  const name = (options.modelName ?? 'my-model').replace(/[\r\n]/g, ' ').trim() || 'my-model';
  const lines = [
    `# Model card for ${name}. Hover a key for its meaning; Cardwright checks the card as you type.`,
    `# Replace the placeholders (owner/base-model, owner/dataset, unknown) with the real values.`,
    `license: ${license}`,
    ...(fact ? [`# ${fact.name}: ${summarizeLicense(fact)}`] : []),
    ...(license === 'other' ? ['license_name: my-license', 'license_link: LICENSE'] : []),
    `model_name: ${JSON.stringify(name)}`,
    'language:',
    '  - en',
    'library_name: transformers',
    'pipeline_tag: text-generation',
    'tags: []',
    '# The model this one was fine-tuned, quantized or merged from (delete if trained from scratch).',
    'base_model: owner/base-model',
    'datasets:',
    '  - owner/dataset',
    '# The licenses of what the model derives from; Cardwright checks them against `license`.',
    'upstream:',
    '  base_models:',
    '    - id: owner/base-model',
    '      license: unknown',
    '  datasets:',
    '    - id: owner/dataset',
    '      license: unknown',
    '      # Bundled sample files (relative to this card) that `cardwright scan` checks for personal data.',
    '      samples: []',
    'privacy:',
    '  # Set to true if the training data holds personal data, then list pii_categories and anonymization.',
    '  personal_data: false',
    '  pii_categories: []',
    '  special_categories: []',
    '  anonymization: none',
    'compliance:',
    '  eu_ai_act:',
    '    role: provider',
    '    risk_category: minimal',
    '    gpai: false',
    'intended_use: What the model is for, and for whom.',
    'out_of_scope_use: Uses the model is not meant or suitable for.',
    'limitations: Known limitations, biases and risks.',
  ];
  return `${lines.join('\n')}\n`;
}

/** The Hub's own card metadata keys: what a README.md front matter should hold. */
export const HUB_KEYS: readonly string[] = [
  'language', 'license', 'license_name', 'license_link', 'library_name', 'tags', 'datasets', 'buckets', 'metrics',
  'base_model', 'base_model_relation', 'pipeline_tag', 'widget', 'thumbnail', 'co2_eq_emissions', 'new_version',
  'inference', 'model_name', 'extra_gated_prompt', 'extra_gated_heading', 'extra_gated_description',
  'extra_gated_button_content', 'extra_gated_eu_disallowed', 'extra_gated_fields', 'model-index',
];

export interface HubExport {
  /** The new README.md text (unchanged when `error` is set). */
  text: string;
  /** Card keys written into the front matter. */
  exported: string[];
  /** Card keys left out (Cardwright sections and keys the Hub does not know). */
  dropped: string[];
  /** README keys kept because the card does not set them. */
  kept: string[];
  /** Why nothing was exported (the card could not be read). */
  error?: string;
}

/**
 * Writes the card's Hub keys into README.md's front matter (creating it when absent), keeping each
 * key's text as written in the card, the README's other front matter keys, and the README's body.
 */
export function exportHubFrontMatter(cardText: string, readmeText: string, options: { hubKeys?: Iterable<string> } = {}): HubExport {
  const hubKeys = new Set(options.hubKeys ?? HUB_KEYS);
  const card = parseCard(cardText, { yaml: cardText, offset: 0 });
  const unchanged = { text: readmeText, exported: [], dropped: [], kept: [] };
  if (card.findings.some((f) => f.severity === 'error') || !isMap(card.doc.contents)) {
    return { ...unchanged, error: 'The card has YAML errors or is not a mapping; fix them before exporting.' };
  }
  const newline = readmeText.includes('\r\n') || (!readmeText && cardText.includes('\r\n')) ? '\r\n' : '\n';
  const exported: string[] = [];
  const dropped: string[] = [];
  const blocks: string[] = [];
  for (const pair of topLevelPairs(cardText, card.doc.contents.items)) {
    if (hubKeys.has(pair.key)) {
      exported.push(pair.key);
      blocks.push(pair.text);
    } else {
      dropped.push(pair.key);
    }
  }
  const source = locateFrontMatter(readmeText);
  const kept: string[] = [];
  if (source) {
    const readme = parseCard(readmeText, source);
    if (isMap(readme.doc.contents) && readme.doc.errors.length === 0) {
      for (const pair of topLevelPairs(source.yaml, readme.doc.contents.items)) {
        if (exported.includes(pair.key)) continue;
        kept.push(pair.key);
        blocks.push(pair.text);
      }
    }
  }
  const yaml = blocks.map((block) => block.replace(/\r?\n/g, newline) + newline).join('');
  let text: string;
  if (source) {
    text = readmeText.slice(0, source.offset) + yaml + readmeText.slice(source.offset + source.yaml.length);
  } else {
    const bom = readmeText.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    const body = readmeText.slice(bom.length);
    text = `${bom}---${newline}${yaml}---${newline}${body && !/^\r?\n/.test(body) ? newline : ''}${body}`;
  }
  return { text, exported, dropped, kept };
}

interface PairText {
  key: string;
  text: string;
}

/** Each top-level pair's text from its key to the end of its value's last line. */
function topLevelPairs(yaml: string, items: Pair<unknown, unknown>[]): PairText[] {
  const out: PairText[] = [];
  for (const item of items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const key = item.key as Node;
    const value = item.value as Node | null;
    if (!key.range) continue;
    const start = yaml.lastIndexOf('\n', key.range[0] - 1) + 1;
    let end = value?.range ? value.range[1] : key.range[1];
    while (end > start && /\s/.test(yaml[end - 1])) end--;
    const newline = yaml.indexOf('\n', end);
    end = newline < 0 ? yaml.length : newline;
    out.push({ key: String((item.key as { value: unknown }).value), text: yaml.slice(start, end).replace(/\r$/, '') });
  }
  return out;
}
