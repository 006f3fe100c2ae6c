import { UsageError } from '../errors/UsageError.js';
import type { Rng } from '../random/Rng.js';
import type { Subset } from './Subset.js';

/**
 * A seeded random subset of `limit` examples (kept in their original order), or `subset`
 * itself when limit is undefined or not smaller than it.
 */
export function limitSubset(subset: Subset, limit: number | undefined, rng: Rng): Subset {
  if (limit === undefined) return subset;
  if (!Number.isSafeInteger(limit) || limit <= 0) {
    throw new UsageError(`limit: must be a positive integer, got ${String(limit)}`);
  }
  const n = subset.indices.length;
  if (limit >= n) return subset;
  const chosen = rng.permutation(n).subarray(0, limit).sort();
  const indices = new Uint32Array(limit);
  for (let i = 0; i < limit; i++) indices[i] = subset.indices[chosen[i]!]!;
  return { data: subset.data, indices };
}
