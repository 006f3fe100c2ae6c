import { UsageError } from '../errors/UsageError.js';
import type { RunRecord } from '../record/RunRecord.js';
import type { GoldenFile } from './GoldenFile.js';

/** The runs a golden file's bands are measured from, and the `spread` block that says so. */
export interface MeasuredSpread {
  /** Fresh protocol-scale runs of the experiment, one per seed. */
  readonly runs: readonly RunRecord[];
  /** Their seeds, ascending. */
  readonly seeds: readonly number[];
  readonly spread: NonNullable<GoldenFile['spread']>;
}

/** Fewer seeds than this give no usable standard deviation. */
export const MIN_SPREAD_SEEDS = 3;

/**
 * Picks the runs of `experiment` in `records` that measure run-to-run spread: fresh starts
 * (a chained run starts from another run's weights) at protocol scale (no `--limit`), at least
 * MIN_SPREAD_SEEDS of them, else a UsageError that starts with `api` and says what to run.
 * `note` describes those runs in the golden file.
 */
export function measuredSpread(records: readonly RunRecord[], experiment: string, k: number, api: string, note: string): MeasuredSpread {
  const runs = records.filter((r) => r.experiment === experiment && r.protocol === 'fresh' && r.config.limit === null);
  if (runs.length < MIN_SPREAD_SEEDS) {
    throw new UsageError(`${api}: need fresh protocol-scale runs of ${experiment} for at least ${MIN_SPREAD_SEEDS} seeds to measure spread, got ${runs.length}`);
  }
  const seeds = runs.map((r) => r.seed).sort((a, b) => a - b);
  const first = runs[0]!;
  return {
    runs,
    seeds,
    spread: {
      seeds,
      // The bytes depend on the kernels too (the native addon changes them), so name those.
      backend: [first.backend.name, ...first.backend.kernelPatches].join(' '),
      gradproof: first.versions['gradproof'] ?? 'unknown',
      k,
      note,
    },
  };
}
