import { UsageError } from '../errors/UsageError.js';

/**
 * Parses a flag holding a positive decimal number (`--timeout 2.5`): `fallback` when absent, a
 * UsageError naming the command and flag and echoing the value unless it is in (0, max].
 */
export function positiveNumberFlag(command: string, name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0) || n > max) {
    throw new UsageError(`gradproof ${command}: --${name} must be a number in (0, ${max}], got ${JSON.stringify(value)}`);
  }
  return n;
}
