/** Sample files listed under `upstream.datasets[].samples` must exist, relative to the card's folder. */
import { rangeOfPath } from '../cardDocument';
import { Finding } from '../finding';
import { asList, isRecord, RuleContext } from './rule';

export function samplePaths({ card, value, fileExists }: RuleContext): Finding[] {
  const upstream = value.upstream;
  if (!isRecord(upstream)) return [];
  const findings: Finding[] = [];
  asList(upstream.datasets).forEach((dataset, datasetIndex) => {
    if (!isRecord(dataset)) return;
    asList(dataset.samples).forEach((sample, sampleIndex) => {
      if (typeof sample !== 'string') return;
      const path = ['upstream', 'datasets', datasetIndex, 'samples', sampleIndex];
      if (/^([a-zA-Z]:)?[\\/]/.test(sample) || sample.split(/[\\/]/).includes('..')) {
        findings.push({
          code: 'upstream/sample-outside-card',
          severity: 'warning',
          message: `\`${sample}\` points outside the card's folder; sample paths are relative to the card so that the card and its samples travel together.`,
          ...rangeOfPath(card, path),
          data: { sample },
        });
        return;
      }
      if (fileExists?.(sample) === false) {
        findings.push({
          code: 'upstream/sample-not-found',
          severity: 'error',
          message: `The sample file \`${sample}\` does not exist (paths are relative to the card's folder).`,
          ...rangeOfPath(card, path),
          data: { sample },
        });
      }
    });
  });
  return findings;
}
