import type { Quantity } from '../../golden/GoldenFile.js';

/** One handed-in run (a log section or a run record), matched to an experiment. */
export interface SubmittedRun {
  readonly experiment: string;
  /** Where it came from, for messages: `file:line "Training with …"` or the record file and seed. */
  readonly source: string;
  /** How it was matched: `experiment id`, `the report's header` or `keywords "…"`. */
  readonly matchedBy: string;
  /** Values per epoch, only those the input carries (logs: trainLoss, trainAcc, testAcc, gradNorm). */
  readonly epochs: ReadonlyMap<number, Partial<Record<Quantity, number>>>;
  /** A run record's --limit (reduced scale, not the protocol); null for logs and full runs. */
  readonly limit: number | null;
}
