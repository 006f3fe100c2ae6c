import { UsageError } from '../errors/UsageError.js';
import { byCodePoint } from '../grade/batch/byCodePoint.js';

/** What dealing needs to know of a job: its unit's id (an experiment, a chain), its seed, its expected cost. */
export interface ShardJob {
  readonly id: string;
  readonly seed: number;
  /** Any unit, the same for every job (runCost's); only its order and sums matter. */
  readonly cost: number;
}

/**
 * Deals `jobs` into `n` shards balanced by expected cost: the jobs sorted by (cost descending,
 * id by code point, seed), each given in turn to the shard with the least cost so far (ties to
 * the lowest shard index): greedy longest-processing-time, so no shard ends more than one job's
 * cost above another. The deal depends only on the set of jobs (not their order, the machine,
 * its locale or the time): every machine of a CI matrix computes the same shards. Each shard
 * keeps its jobs in their order in `jobs`. Every job is in exactly one shard; a shard can be
 * empty when there are fewer jobs than shards.
 */
export function dealShards<J>(jobs: readonly J[], n: number, describe: (job: J) => ShardJob): J[][] {
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`dealShards: n must be an integer >= 1, got ${n}`);
  const described = jobs.map((job, index) => ({ index, ...describe(job) }));
  for (const d of described) {
    if (!Number.isFinite(d.cost) || d.cost < 0) {
      throw new UsageError(`dealShards: cost must be a finite number >= 0, got ${d.cost} for ${d.id} seed ${d.seed}`);
    }
  }
  described.sort((a, b) => b.cost - a.cost || byCodePoint(a.id, b.id) || a.seed - b.seed);
  const load = new Array<number>(n).fill(0);
  const shardOfJob = new Array<number>(jobs.length);
  for (const d of described) {
    let least = 0;
    for (let s = 1; s < n; s++) if (load[s]! < load[least]!) least = s;
    load[least]! += d.cost;
    shardOfJob[d.index] = least;
  }
  const shards = Array.from({ length: n }, (): J[] => []);
  jobs.forEach((job, i) => shards[shardOfJob[i]!]!.push(job));
  return shards;
}
