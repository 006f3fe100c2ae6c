import type { ReproduceOptions } from './ReproduceOptions.js';
import { shardShare } from './shardShare.js';

/**
 * The seeds whose chains this call runs: 0…seeds−1, or its shard's share of them. A chain (every
 * experiment of `order` on one model) is one job, since its runs cannot be split across
 * machines; all chains of a call cost the same, so the deal is by seed alone.
 */
export function chainSeeds(o: Pick<ReproduceOptions, 'seeds' | 'order' | 'shard'>): number[] {
  const seeds = Array.from({ length: o.seeds }, (_, seed) => seed);
  if (o.shard === undefined) return seeds;
  const id = (o.order ?? []).join('+');
  return shardShare(seeds, o.shard, (seed) => ({ id, seed, cost: 1 }));
}
