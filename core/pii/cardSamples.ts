/**
 * The sample files a card lists under `upstream.datasets[].samples` (paths relative to the card).
 * A small stand-in until the shared card helper exists; it never throws on a malformed card.
 */
import { parse } from 'yaml';

export interface CardSamples {
  samples: string[];
  errors: string[];
}

export function cardSamplePaths(yamlText: string): CardSamples {
  const errors: string[] = [];
  let value: unknown;
  try {
    value = parse(yamlText);
  } catch (error) {
    return { samples: [], errors: [`the card is not valid YAML: ${(error as Error).message}`] };
  }
  const samples: string[] = [];
  const upstream = isRecord(value) ? value.upstream : undefined;
  const datasets = isRecord(upstream) ? upstream.datasets : undefined;
  for (const dataset of Array.isArray(datasets) ? datasets : []) {
    if (!isRecord(dataset)) continue;
    const list = Array.isArray(dataset.samples) ? dataset.samples : dataset.samples === undefined ? [] : [dataset.samples];
    for (const sample of list) {
      if (typeof sample === 'string' && sample.length > 0) samples.push(sample);
      else errors.push('a sample entry is not a path');
    }
  }
  return { samples, errors };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
