import { describe, expect, it } from 'vitest';
import { dealShards, type ShardJob } from '../../src/reproduce/dealShards';
import { shardShare } from '../../src/reproduce/shardShare';
import { UsageError } from '../../src/errors/UsageError';

const self = (j: ShardJob) => j;
const key = (j: ShardJob) => `${j.id}#${j.seed}`;

describe('dealShards', () => {
  it('beats round robin where costs differ: two long jobs go to different shards', () => {
    // In plan order, round robin over 2 shards would give shard 1 both cifar runs (cost 10 each).
    const jobs: ShardJob[] = [
      { id: 'cifar/relu-bn', seed: 0, cost: 10 },
      { id: 'gurmukhi/dropout', seed: 0, cost: 1 },
      { id: 'cifar/relu-bn', seed: 1, cost: 10 },
      { id: 'gurmukhi/dropout', seed: 1, cost: 1 },
    ];
    const [one, two] = dealShards(jobs, 2, self).map((s) => s.map(key));
    expect(one).toEqual(['cifar/relu-bn#0', 'gurmukhi/dropout#0']);
    expect(two).toEqual(['cifar/relu-bn#1', 'gurmukhi/dropout#1']);
  });

  it('orders ids by code point, not by locale, and gives ties to the lowest shard', () => {
    const jobs: ShardJob[] = ['b', 'B', 'a', 'ｚ', '😀'].map((id) => ({ id, seed: 0, cost: 1 }));
    // Code points: B (0x42) < a < b < ｚ (0xFF5A) < 😀 (0x1F600), dealt to shards 1, 2, 3, 1, 2
    // (a locale would put a before B, UTF-16 order 😀 before ｚ); each shard keeps the input order.
    expect(dealShards(jobs, 3, self).map((s) => s.map((j) => j.id))).toEqual([['B', 'ｚ'], ['a', '😀'], ['b']]);
  });

  it('leaves shards empty when there are fewer jobs than shards', () => {
    expect(dealShards([{ id: 'x', seed: 0, cost: 1 }], 3, self)).toEqual([[{ id: 'x', seed: 0, cost: 1 }], [], []]);
    expect(dealShards([], 2, self)).toEqual([[], []]);
  });

  it('refuses a bad n or cost, echoing it', () => {
    expect(() => dealShards([], 0, self)).toThrow(new UsageError('dealShards: n must be an integer >= 1, got 0'));
    expect(() => dealShards([{ id: 'x', seed: 1, cost: Number.NaN }], 2, self)).toThrow(/cost must be a finite number >= 0, got NaN for x seed 1/);
    expect(() => dealShards([{ id: 'x', seed: 1, cost: -1 }], 2, self)).toThrow(UsageError);
  });
});

describe('shardShare', () => {
  it('is shard k of dealShards, and the shares of 1…n partition the jobs', () => {
    const jobs: ShardJob[] = Array.from({ length: 10 }, (_, i) => ({ id: `e${i % 3}`, seed: i, cost: 1 + (i % 4) }));
    const shares = [1, 2, 3, 4].map((k) => shardShare(jobs, { k, n: 4 }, self));
    expect(shares).toEqual(dealShards(jobs, 4, self));
    expect(shares.flat()).toHaveLength(jobs.length);
  });

  it('refuses k outside 1…n', () => {
    expect(() => shardShare([], { k: 3, n: 2 }, self)).toThrow('reproduce: shard must have integers 1 <= k <= n, got {"k":3,"n":2}');
    expect(() => shardShare([], { k: 0, n: 2 }, self)).toThrow(UsageError);
  });
});
