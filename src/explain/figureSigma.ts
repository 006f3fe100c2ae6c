import type { Metric } from '../golden/GoldenFile.js';

/**
 * The smallest run-to-run sd a figure is allowed: a few seeds can agree by chance (or exactly,
 * e.g. accuracy pinned at chance), and a zero sd would make one figure infinitely sure. Accuracies:
 * 0.002 (about two images of the Gurmukhi 1,000); losses and gradient norms: 1% of the mean.
 */
export const SIGMA_FLOOR = { accuracy: 0.002, relative: 0.01 } as const;

/** The printed resolution of a report figure: 4 decimals for losses and norms, 0.01% for accuracies. */
export const FIGURE_RESOLUTION: Readonly<Record<Metric, number>> = { trainLoss: 1e-4, gradNorm: 1e-4, trainAcc: 1e-4, testAcc: 1e-4 };

/**
 * The scale of a reported figure's predictive distribution under a hypothesis measured at `n`
 * seeds: σ = √(max(s, floor)²·(1 + 1/n) + r²), with s the sd over seeds, floor from SIGMA_FLOOR,
 * (1 + 1/n) for the uncertainty of the mean itself, and r the printed resolution (a rounded
 * figure is uncertain by that much even when runs agree exactly).
 */
export function figureSigma(metric: Metric, sd: number, mean: number, n: number): number {
  const floor = metric === 'trainAcc' || metric === 'testAcc' ? SIGMA_FLOOR.accuracy : Math.max(SIGMA_FLOOR.relative * Math.abs(mean), 1e-6);
  const s = Math.max(sd, floor);
  return Math.sqrt(s * s * (1 + 1 / n) + FIGURE_RESOLUTION[metric] ** 2);
}
