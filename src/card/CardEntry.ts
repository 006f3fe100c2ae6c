/** The verdict on one reported figure or claim. */
export type Verdict = 'reproduced' | 'not-reproduced' | 'inconclusive';

/** What was measured for an entry over seeds. */
export interface Measured {
  /** One value per seed, in seed order. */
  readonly values: readonly number[];
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 when n = 1. */
  readonly sd: number;
  readonly n: number;
  /** Two-sided confidence interval for the mean (t distribution); equal to [mean, mean] when n = 1. */
  readonly ci: readonly [number, number];
}

/** The band (or test) an entry is judged against, with its reason. */
export interface Band {
  readonly lo: number;
  readonly hi: number;
  /** Why the band is this wide: the report's rounding, run-to-run spread, the claim's wording. */
  readonly reason: string;
}

/**
 * One line of the report card. Figure ids are `<experiment>/epoch-<e>/<metric>`
 * (metric: trainLoss | trainAcc | testAcc | gradNorm); claims have readable ids such as
 * `cifar/claim/relu-beats-tanh-beats-sigmoid`.
 */
export interface CardEntry {
  readonly id: string;
  readonly section: string;
  /** The report's figure (accuracies as fractions) or, for a claim, its wording. */
  readonly reported: number | string;
  /** null when nothing was measured for it (the runs it needs are missing). */
  readonly measured: Measured | null;
  readonly band: Band | null;
  readonly verdict: Verdict;
  /** One line: why this verdict. */
  readonly reason: string;
  /** A gating entry that was measured and not reproduced makes `gradproof check` exit non-zero. */
  readonly gating: boolean;
  /** True when the runs this entry needs are absent: it is reported, but cannot fail the gate. */
  readonly missing: boolean;
}
