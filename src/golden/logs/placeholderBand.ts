import type { GoldenFile, Metric } from '../GoldenFile.js';

type Figure = GoldenFile['figures'][number];

/** Half-width of an accuracy's band when no spread stands behind it: five accuracy points. */
export const PLACEHOLDER_ACCURACY = 0.05;
/** Half-width of a loss's or gradient norm's band when no spread stands behind it, relative: a quarter. */
export const PLACEHOLDER_RELATIVE = 0.25;

/**
 * The band of a figure whose run-to-run spread was never measured: reported ± 0.05 for an
 * accuracy (clipped to [0, 1]), ± 25% for a loss or gradient norm (at least the printed
 * resolution), never gating. These widths are guesses and the reason says so, with the commands
 * that replace them by measured ones; a band that claimed more would be a number nobody measured.
 */
export function placeholderBand(experiment: string, metric: Metric, reported: number, resolution: number): Pick<Figure, 'band' | 'gating'> {
  const accuracy = metric.endsWith('Acc');
  const half = Math.max(accuracy ? PLACEHOLDER_ACCURACY : PLACEHOLDER_RELATIVE * Math.abs(reported), resolution);
  const lo = Math.max(0, reported - half);
  const hi = accuracy ? Math.min(1, reported + half) : reported + half;
  return {
    band: {
      // Six significant digits, but never rounded past the figure itself (a CSV may print ten).
      lo: Math.min(Number(lo.toPrecision(6)), reported),
      hi: Math.max(Number(hi.toPrecision(6)), reported),
      reason:
        `placeholder: reported ± ${accuracy ? `${PLACEHOLDER_ACCURACY} (five accuracy points)` : `${PLACEHOLDER_RELATIVE * 100}%`}, a guess, not a measurement. ` +
        `No seed spread measured, so not gating; run \`gradproof reproduce --only ${experiment} --seeds 5 --out DIR\`, ` +
        `then \`gradproof golden init … --spread DIR\` to set the band from the run-to-run spread.`,
    },
    gating: false,
  };
}
