import { UsageError } from '../../errors/UsageError.js';
import type { Shard } from './Shard.js';

/** At most this many shards: far more machines than any class needs, and small enough to print. */
export const MAX_SHARDS = 10_000;

/**
 * Parses `--shard k/n` (`"2/3"`) into `{ k: 2, n: 3 }`; a UsageError echoing the value unless
 * k and n are integers with 1 ≤ k ≤ n ≤ {@link MAX_SHARDS}. `api` names the caller in the message.
 */
export function parseShard(text: string, api = 'gradproof grade'): Shard {
  const m = /^(\d{1,5})\/(\d{1,5})$/.exec(text.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!(k >= 1 && n >= k && n <= MAX_SHARDS)) {
    throw new UsageError(`${api}: --shard must be k/n with 1 <= k <= n <= ${MAX_SHARDS}, got ${JSON.stringify(text)}`);
  }
  return { k, n };
}
