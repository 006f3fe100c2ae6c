import { UsageError } from '../../errors/UsageError.js';
import { byCodePoint } from './byCodePoint.js';
import type { Shard } from './Shard.js';

/**
 * The student ids of shard `k` of `n`: the ids sorted by code point ({@link byCodePoint}), and
 * student i (0-based) in that order belongs to shard (i mod n) + 1. Round-robin rather than
 * contiguous blocks, so shards differ in size by at most one student and a run of similar
 * names (one group's submissions) is spread over the machines. Depends only on the set of ids,
 * so every machine of a CI matrix computes the same split from the same class folder.
 */
export function shardOf(ids: readonly string[], shard: Shard): string[] {
  const { k, n } = shard;
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 1 || k > n) {
    throw new UsageError(`shardOf: shard must have integers 1 <= k <= n, got ${JSON.stringify(shard)}`);
  }
  return [...ids].sort(byCodePoint).filter((_, i) => i % n === k - 1);
}
