/** Cards for benchmarks: the example card, and a long card grown from realistic repeated sections. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../engine/packageRoot';

export function realisticCard(): string {
  return fs.readFileSync(path.join(packageRoot(__dirname), 'examples', 'model-card.yaml'), 'utf8');
}

/** A card of about `lines` lines: the realistic card plus a long model-index with many results. */
export function largeCard(lines: number): string {
  const head = realisticCard();
  const out = [head.trimEnd(), 'model-index:', '  - name: support-assistant', '    results:'];
  let i = 0;
  while (out.length < lines) {
    out.push(
      '      - task:',
      '          type: text-generation',
      `          name: Ticket reply ${i}`,
      '        dataset:',
      '          type: acme/support-tickets',
      `          name: Support tickets split ${i}`,
      '        metrics:',
      '          - type: rouge',
      `            value: ${(0.3 + (i % 50) / 100).toFixed(2)}`,
      '        source:',
      `          url: https://example.com/evals/${i}`,
    );
    i++;
  }
  return `${out.join('\n')}\n`;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}
