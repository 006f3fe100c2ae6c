import { fmt } from '../card/fmt.js';
import { summarize } from '../stats/summarize.js';
import type { GoldenFile } from './GoldenFile.js';

type Figure = GoldenFile['figures'][number];

/** How a figure's band is set from run-to-run spread. */
export interface SpreadBandOptions {
  /** Band half-width in run-to-run standard deviations. */
  readonly k: number;
  /** The smallest half-width: half a unit in the last place the figure was printed with. */
  readonly resolution: number;
  /** Accuracies are fractions, so the band stops at 1. */
  readonly accuracy: boolean;
  /** The seeds behind `values`, named in the reason. */
  readonly seeds: readonly number[];
}

/**
 * The band and gating flag of one reported figure, from the same quantity measured over fresh
 * seeds (`values`): band = reported ± max(k·σ, resolution), σ the values' sample sd, clipped to
 * [0, ∞) (to [0, 1] for accuracies). The figure gates only if the seeds' mean was within
 * max((k − 1)·σ, resolution) of the report when the golden was set, so that a single typical
 * seed (within ±σ of the mean) also lands inside the band.
 */
export function spreadFigureBand(reported: number, values: readonly number[], options: SpreadBandOptions): Pick<Figure, 'band' | 'gating'> {
  const { k, resolution, accuracy, seeds } = options;
  const s = summarize(values);
  const half = Math.max(k * s.sd, resolution);
  // Every figure gradproof keeps is non-negative, and accuracies are at most 1.
  const lo = Math.max(0, reported - half);
  const hi = accuracy ? Math.min(1, reported + half) : reported + half;
  const gating = Math.abs(s.mean - reported) <= Math.max((k - 1) * s.sd, resolution);
  return {
    band: {
      // Six significant digits, but never rounded past the figure itself (a CSV may print ten).
      lo: Math.min(Number(lo.toPrecision(6)), reported),
      hi: Math.max(Number(hi.toPrecision(6)), reported),
      reason:
        `reported ± ${k}σ, σ = ${fmt(s.sd)}: the run-to-run sd of this figure over seeds ${seeds.join(', ')} under the protocol ` +
        `(the report is one run, so a faithful fresh start lands within ±${k}σ about 95% of the time). ` +
        (gating
          ? `Gating: those seeds' mean ${fmt(s.mean)} was within ${k - 1}σ of the report when the golden was set, so losing it is a regression.`
          : `Not gating: those seeds' mean ${fmt(s.mean)} was ${Math.abs(s.mean - reported) <= half ? 'inside the band by less than one σ' : 'outside the band — a finding about the report, not a regression'}.`),
    },
    gating,
  };
}
