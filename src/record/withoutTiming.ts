import type { RunRecord } from './RunRecord.js';

/** The fields of a run record that measure wall-clock time, not what the run computed. */
export const TIMING_FIELDS = ['timing', 'epochs[].seconds'] as const;

/**
 * `record` without its wall-clock fields ({@link TIMING_FIELDS}): what two runs of the same job
 * on the same backend must agree on byte for byte (JSON.stringify keeps the key order), since
 * the time a run took depends on the machine and its load, never on the seed.
 */
export function withoutTiming(record: RunRecord): Omit<RunRecord, 'timing'> {
  const { timing: _timing, ...rest } = record;
  return { ...rest, epochs: record.epochs.map(({ seconds: _seconds, ...epoch }) => epoch) as RunRecord['epochs'] };
}
