import type { Measured } from '../card/CardEntry.js';
import { studentTQuantile } from './studentT.js';

/**
 * Mean, sample sd (n − 1) and a two-sided `level` confidence interval for the mean
 * (mean ± t_{(1+level)/2, n−1}·sd/√n) of `values`. With one value the interval is [mean, mean].
 */
export function summarize(values: readonly number[], level = 0.95): Measured {
  const n = values.length;
  if (n === 0) throw new Error('summarize: no values');
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const half = n > 1 ? studentTQuantile((1 + level) / 2, n - 1) * (sd / Math.sqrt(n)) : 0;
  return { values: [...values], mean, sd, n, ci: [mean - half, mean + half] };
}
