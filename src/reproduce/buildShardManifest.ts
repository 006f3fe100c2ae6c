import { gradproofVersion } from '../experiments/gradproofVersion.js';
import type { Shard } from '../grade/batch/Shard.js';
import type { ReproduceOptions } from './ReproduceOptions.js';
import type { ShardManifest } from './ShardManifest.js';

/** The manifest of shard `shard` of the sweep `o` asks for, holding `jobs` of `of`. */
export function buildShardManifest(
  o: Pick<ReproduceOptions, 'protocol' | 'only' | 'order' | 'seeds' | 'epochs' | 'limit'>,
  shard: Shard,
  jobs: readonly { readonly experiment: string; readonly seed: number }[],
  of: number,
): ShardManifest {
  return {
    schemaVersion: 1,
    shard: { k: shard.k, n: shard.n },
    sweep: {
      protocol: o.protocol,
      only: o.only ?? null,
      order: o.protocol === 'chained' ? [...(o.order ?? [])] : null,
      seeds: o.seeds,
      epochs: o.epochs ?? null,
      limit: o.limit ?? null,
    },
    jobs: jobs.map(({ experiment, seed }) => ({ experiment, seed })),
    of,
    gradproof: gradproofVersion(),
  };
}
