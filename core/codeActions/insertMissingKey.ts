/**
 * A missing key that a rule or the schema requires: write it where it belongs (creating its section
 * when needed) with a placeholder to replace. Placeholders that would be a legal or factual claim
 * (lawful basis, DPIA) are `TODO`, so that the schema then asks for a real choice.
 */
import { Path } from '../cardDocument';
import { Finding } from '../finding';
import { cardOf, dataString, fixFromText, FixProvider, setKey } from './yamlEdits';

/** Placeholder value lines by key (the first line follows `key:`; further lines are relative to the key). */
const PLACEHOLDERS: Record<string, string[]> = {
  name: ['my-model'],
  results: ['', '- task:', '    type: text-generation', '  dataset:', '    type: owner/dataset', '    name: Dataset name', '  metrics:', '    - type: accuracy', '      value: 0.0'],
  task: ['', 'type: text-generation'],
  dataset: ['', 'type: owner/dataset', 'name: Dataset name'],
  metrics: ['', '- type: accuracy', '  value: 0.0'],
  value: ['0.0'],
  url: ['https://example.com/evaluation'],
  id: ['owner/name'],
  pii_categories: ['[PERSON]'],
  anonymization: ['none'],
  lawful_basis: ['TODO'],
  technical_documentation: ['TODO-path/to/technical-documentation.md'],
  training_content_summary: ['TODO-link-to-the-training-content-summary'],
};

/** Keys whose type-dependent placeholder depends on where they are. */
function placeholderFor(path: Path, key: string): string[] {
  if (key === 'type') return [path.includes('metrics') ? 'accuracy' : path[path.length - 1] === 'dataset' ? 'owner/dataset' : 'text-generation'];
  return PLACEHOLDERS[key] ?? ['TODO'];
}

function target(finding: Finding): { path: Path; key: string } | undefined {
  const key = dataString(finding, 'key');
  const path = finding.data?.path ?? finding.data?.section;
  if (!key || !Array.isArray(path) || !path.every((s) => typeof s === 'string' || typeof s === 'number')) return undefined;
  return { path: path as Path, key };
}

/** `schema/missing-key`, `privacy/missing-*`, `compliance/*-needs-*`: insert the key with a placeholder. */
export const insertMissingKey: FixProvider = (text, finding, fileName) => {
  const where = target(finding);
  const card = cardOf(text, fileName);
  if (!where || !card) return [];
  const value = placeholderFor(where.path, where.key);
  const shown = [...where.path, where.key].filter((s) => typeof s === 'string').join('.');
  return fixFromText(`Add \`${shown}\` with a placeholder to fill in`, text, setKey(card, where.path, where.key, value), fileName, true);
};

/** `privacy/special-categories-need-dpia`: record the completed DPIA (with a reference to fill in). */
export const recordDpia: FixProvider = (text, finding, fileName) => {
  const where = target(finding) ?? { path: ['compliance', 'gdpr', 'dpia'], key: 'completed' };
  let card = cardOf(text, fileName);
  let next = card ? setKey(card, where.path, 'completed', ['true']) : undefined;
  card = next !== undefined ? cardOf(next, fileName) : undefined;
  const dpia = card?.value as { compliance?: { gdpr?: { dpia?: { reference?: unknown } } } } | undefined;
  if (card && next !== undefined && dpia?.compliance?.gdpr?.dpia?.reference === undefined) next = setKey(card, where.path, 'reference', ['TODO-DPIA-reference']);
  return fixFromText('Record a completed DPIA (`dpia.completed: true`; add its reference)', text, next, fileName);
};
