import type { RunNode } from './runKey.js';

/**
 * One unit of work, and of resuming: at one seed and dropout, the fresh run of `root` and every
 * chain that starts with it, for each warm optimiser. A chain's end state lives only in memory,
 * so a job with any record missing is run whole.
 */
export interface ExplainJob {
  readonly seed: number;
  readonly root: string;
  readonly dropout?: number;
  /** Every run of the job, the root's first. */
  readonly nodes: readonly RunNode[];
}
