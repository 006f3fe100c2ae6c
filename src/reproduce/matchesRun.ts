import type { RunRecord } from '../record/RunRecord.js';

/** What a finished run's record must match to be the run asked for (see runWanted). */
export interface WantedRun {
  readonly experiment: string;
  readonly seed: number;
  readonly epochs: number;
  readonly limit: number | null;
}

/** Whether `record` is a finished run of `want`: the same experiment, seed, epochs and limit, and every epoch there. */
export function matchesRun(record: RunRecord, want: WantedRun): boolean {
  const same =
    record.experiment === want.experiment &&
    record.seed === want.seed &&
    record.config.epochs === want.epochs &&
    record.config.limit === want.limit;
  return same && record.epochs.length === want.epochs;
}
