import type { Shard } from '../grade/batch/Shard.js';
import { UsageError } from '../errors/UsageError.js';
import { dealShards, type ShardJob } from './dealShards.js';

/** Shard `k` of `n` of `jobs` as {@link dealShards} deals them, in their order in `jobs`. */
export function shardShare<J>(jobs: readonly J[], shard: Shard, describe: (job: J) => ShardJob): J[] {
  const { k, n } = shard;
  if (!Number.isSafeInteger(k) || !Number.isSafeInteger(n) || k < 1 || k > n) {
    throw new UsageError(`reproduce: shard must have integers 1 <= k <= n, got ${JSON.stringify(shard)}`);
  }
  return dealShards(jobs, n, describe)[k - 1]!;
}
