/** The sample files a card lists under `upstream.datasets[].samples`: one definition for server, CLI and sidebar. */
import { parse } from 'yaml';

/** From the card as plain data: paths in order, without duplicates. */
export function cardSampleList(card: unknown): string[] {
  const samples: string[] = [];
  const upstream = isRecord(card) ? card.upstream : undefined;
  const datasets = isRecord(upstream) ? upstream.datasets : undefined;
  for (const dataset of Array.isArray(datasets) ? datasets : []) {
    if (!isRecord(dataset)) continue;
    const list = Array.isArray(dataset.samples) ? dataset.samples : [dataset.samples];
    for (const sample of list) if (typeof sample === 'string' && sample.trim() && !samples.includes(sample)) samples.push(sample);
  }
  return samples;
}

export interface CardSamples {
  samples: string[];
  /** Why the card could not be read, if it could not. */
  errors: string[];
}

/** From a card's YAML text; never throws (a card mid-edit is normal). */
export function cardSamplesOfYaml(yamlText: string): CardSamples {
  try {
    return { samples: cardSampleList(parse(yamlText, { maxAliasCount: 100, uniqueKeys: false })), errors: [] };
  } catch (error) {
    return { samples: [], errors: [`the card is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
