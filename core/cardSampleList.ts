/** The sample files a card lists under `upstream.datasets[].samples`, in order, without duplicates. */
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
