import { fmt } from '../../card/fmt.js';
import type { Quantity } from '../../golden/GoldenFile.js';

/** Accuracies as percentages (as the logs print them), everything else as the card prints numbers. */
export function formatMetric(q: Quantity, v: number): string {
  return q.endsWith('Acc') ? `${Number((v * 100).toFixed(2))}%` : fmt(v);
}
