import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealShards, type ShardJob } from '../../src/reproduce/dealShards';
import { FC_SEED } from '../support/fcSeed';

const self = (j: ShardJob) => j;
const key = (j: ShardJob) => `${j.id}#${j.seed}`;
const load = (shard: readonly ShardJob[]) => shard.reduce((s, j) => s + j.cost, 0);

/** Jobs with distinct (id, seed), costs that include zeros, ties and one job dwarfing the rest. */
const jobsArb = fc
  .uniqueArray(
    fc.record({ id: fc.constantFrom('a/x', 'a/y', 'b', 'B', 'é', '😀', 'ｚ'), seed: fc.nat(6), cost: fc.constantFrom(0, 1, 1, 2.5, 3, 40, 0.1) }),
    { selector: key, maxLength: 40 },
  )
  .map((js) => js as ShardJob[]);

describe('dealShards (properties)', () => {
  it('puts every job in exactly one shard, keeps each shard in input order, and depends only on the set of jobs', () => {
    fc.assert(
      fc.property(jobsArb, fc.integer({ min: 1, max: 7 }), fc.infiniteStream(fc.nat()), (jobs, n, shuffle) => {
        const shards = dealShards(jobs, n, self);
        expect(shards).toHaveLength(n);
        expect(shards.flat().map(key).sort()).toEqual(jobs.map(key).sort());
        for (const s of shards) expect(s).toEqual(jobs.filter((j) => s.includes(j)));
        // The same jobs in another order (as another machine might list them): the same shards.
        const ranks = new Map(jobs.map((j) => [key(j), shuffle.next().value as number]));
        const shuffled = [...jobs].sort((a, b) => ranks.get(key(a))! - ranks.get(key(b))!);
        const again = dealShards(shuffled, n, self);
        expect(again.map((s) => s.map(key).sort())).toEqual(shards.map((s) => s.map(key).sort()));
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });

  it('balances by cost: no shard ends more than the costliest job above another (greedy longest first)', () => {
    fc.assert(
      fc.property(jobsArb, fc.integer({ min: 1, max: 7 }), (jobs, n) => {
        const loads = dealShards(jobs, n, self).map(load);
        const maxCost = Math.max(0, ...jobs.map((j) => j.cost));
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(maxCost + 1e-9); // float sums: 1e-9 absolute
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });

});
