/** A fresh run of `reproduce` that ended without a valid record. */
export interface FailedRun {
  readonly experiment: string;
  readonly seed: number;
  /** How it ended: `exit 2`, `killed by SIGKILL`, `no valid record`. */
  readonly ended: string;
  /** Why, in the run's own words: its last meaningful stderr lines (the error and how to fix it). */
  readonly cause: readonly string[];
}
