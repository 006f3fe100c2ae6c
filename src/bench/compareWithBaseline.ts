import type { BenchBaseline } from './BenchBaseline.js';
import type { BenchResult } from './BenchResult.js';

/** gradproof's throughput beside a baseline's for one experiment and phase. */
export interface BenchComparison {
  readonly experiment: string;
  readonly phase: 'train' | 'eval';
  readonly examplesPerSecond: number;
  /** Undefined when the baseline did not measure this experiment and phase. */
  readonly baselineExamplesPerSecond: number | undefined;
  /** examplesPerSecond ÷ baselineExamplesPerSecond: above 1 when gradproof is faster. */
  readonly ratio: number | undefined;
}

/** Pairs each result with the baseline's figure for the same experiment and phase. */
export function compareWithBaseline(results: readonly BenchResult[], baseline: BenchBaseline): BenchComparison[] {
  return results.map((r) => {
    const b = baseline.entries.find((e) => e.experiment === r.experiment && e.phase === r.phase);
    return {
      experiment: r.experiment,
      phase: r.phase,
      examplesPerSecond: r.examplesPerSecond,
      baselineExamplesPerSecond: b?.examplesPerSecond,
      ratio: b === undefined ? undefined : r.examplesPerSecond / b.examplesPerSecond,
    };
  });
}
