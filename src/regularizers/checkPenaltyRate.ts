import { UsageError } from '../errors/UsageError.js';

/** Throws a UsageError unless `rate` is a finite number ≥ 0 (NaN and negatives are named). */
export function checkPenaltyRate(rate: number, api: string): void {
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
    throw new UsageError(`${api}: rate must be a finite number >= 0, got ${String(rate)}`);
  }
}
