import type { RunRecord } from '../../record/RunRecord.js';

/**
 * What a reproduce worker tells its parent, in order: each run's start, each finished epoch (the
 * report-style line `gradproof run` prints, and how far the run is), each record once it is
 * written, or, instead of the rest, why the job failed (the error's own message, line by line).
 * `position` is the run's place in the job's `runs` (always 0 for a fresh run).
 */
export type WorkerMessage =
  | { readonly kind: 'started'; readonly position: number; readonly experiment: string }
  | { readonly kind: 'epoch'; readonly position: number; readonly line: string; readonly done: number; readonly of: number }
  | { readonly kind: 'record'; readonly position: number; readonly out: string; readonly record: RunRecord }
  | { readonly kind: 'failed'; readonly lines: readonly string[] };
