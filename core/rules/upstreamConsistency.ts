/** `upstream` records the licenses of what the model derives from; its ids must match `base_model` and `datasets`. */
import { rangeOfPath } from '../cardDocument';
import { Finding } from '../finding';
import { asList, isRecord, RuleContext } from './rule';

interface Pairing {
  topKey: 'base_model' | 'datasets';
  upstreamKey: 'base_models' | 'datasets';
  noun: string;
}

const PAIRINGS: Pairing[] = [
  { topKey: 'base_model', upstreamKey: 'base_models', noun: 'base model' },
  { topKey: 'datasets', upstreamKey: 'datasets', noun: 'dataset' },
];

export function upstreamConsistency({ card, value }: RuleContext): Finding[] {
  const upstream = value.upstream;
  if (!isRecord(upstream)) return [];
  const findings: Finding[] = [];
  for (const { topKey, upstreamKey, noun } of PAIRINGS) {
    const declared = asList(value[topKey]).filter((id): id is string => typeof id === 'string');
    const entries = asList(upstream[upstreamKey]);
    const recorded = entries.map((entry) => (isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined));
    entries.forEach((_, index) => {
      const id = recorded[index];
      if (id !== undefined && !declared.includes(id)) {
        findings.push({
          code: `upstream/unlisted-${topKey === 'base_model' ? 'base-model' : 'dataset'}`,
          severity: 'warning',
          message: `\`${id}\` is recorded in \`upstream.${upstreamKey}\` but not listed in \`${topKey}\`; the Hub only links what \`${topKey}\` names.`,
          ...rangeOfPath(card, ['upstream', upstreamKey, index, 'id']),
          data: { id, addTo: topKey },
        });
      }
    });
    if (upstream[upstreamKey] === undefined && declared.length === 0) continue;
    declared.forEach((id, index) => {
      if (!recorded.includes(id)) {
        const path = Array.isArray(value[topKey]) ? [topKey, index] : [topKey];
        findings.push({
          code: `upstream/missing-${topKey === 'base_model' ? 'base-model' : 'dataset'}`,
          severity: 'warning',
          message: `The ${noun} \`${id}\` has no entry in \`upstream.${upstreamKey}\`, so its license cannot be checked against this model's.`,
          ...rangeOfPath(card, path),
          data: { id, upstreamKey },
        });
      }
    });
  }
  return findings;
}
