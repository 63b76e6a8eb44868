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
    return { samples: [], errors: [`the card could not be read: it is not valid YAML (${yamlProblem(error)})`] };
  }
}

/** The parser's first line without its trailing "at line L, column C:", which becomes ", line L, column C". */
function yamlProblem(error: unknown): string {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
  const at = / at line (\d+), column (\d+):?$/.exec(first);
  const problem = (at ? first.slice(0, at.index) : first.replace(/:$/, '')).replace(/\.$/, '');
  return at ? `${problem}, line ${at[1]}, column ${at[2]}` : problem;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
