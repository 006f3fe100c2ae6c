import { describe, expect, it } from 'vitest';
import { buildShardManifest } from '../../src/reproduce/buildShardManifest';
import { sweepGaps } from '../../src/reproduce/sweepGaps';
import { fakeRecord } from '../support/fakeRecord';

const order = ['gurmukhi/dropout', 'gurmukhi/l2-dropout'];
const chainSweep = { protocol: 'chained', order, seeds: 2 } as const;
const chainJob = (seed: number) => ({ experiment: order.join('+'), seed });
const chained = (seed: number, position: number) =>
  fakeRecord(order[position]!, seed, [{}], { protocol: 'chained', chain: { order, position } });

describe('sweepGaps', () => {
  it('a chained sweep is complete only with every position of every chain of every shard', () => {
    const m1 = buildShardManifest(chainSweep, { k: 1, n: 2 }, [chainJob(0)], 2);
    const m2 = buildShardManifest(chainSweep, { k: 2, n: 2 }, [chainJob(1)], 2);
    const all = [chained(0, 0), chained(0, 1), chained(1, 0), chained(1, 1)];
    expect(sweepGaps([m1, m2], all)).toEqual([expect.objectContaining({ n: 2, of: 2, given: [1, 2], missingShards: [], missingJobs: [] })]);
    // Seed 1's chain stopped after its first run; shard 2's folder alone lacks shard 1.
    expect(sweepGaps([m1, m2], all.slice(0, 3))[0]!.missingJobs).toEqual([{ k: 2, experiment: order.join('+'), seed: 1 }]);
    expect(sweepGaps([m2], all)[0]!.missingShards).toEqual([1]);
  });

  it('keeps sweeps with different flags apart, and counts a shard given twice once', () => {
    const a = buildShardManifest({ protocol: 'fresh', only: 'gurmukhi/dropout', seeds: 1 }, { k: 1, n: 1 }, [{ experiment: 'gurmukhi/dropout', seed: 0 }], 1);
    const b = buildShardManifest({ protocol: 'fresh', only: 'gurmukhi/dropout', seeds: 2 }, { k: 2, n: 2 }, [{ experiment: 'gurmukhi/dropout', seed: 1 }], 2);
    const gaps = sweepGaps([a, a, b], [fakeRecord('gurmukhi/dropout', 0, [{}]), fakeRecord('gurmukhi/dropout', 1, [{}])]);
    expect(gaps.map((g) => [g.sweep.seeds, g.given, g.missingShards])).toEqual([
      [1, [1], []],
      [2, [2], [1]],
    ]);
    expect(sweepGaps([], [])).toEqual([]);
  });
});
