import { describe, expect, it } from 'vitest';
import { chainSeeds } from '../../src/reproduce/chainSeeds';

describe('chainSeeds', () => {
  it('is every seed without a shard, and deals whole chains by seed with one', () => {
    const order = ['gurmukhi/dropout', 'gurmukhi/l2-dropout'];
    expect(chainSeeds({ seeds: 5, order })).toEqual([0, 1, 2, 3, 4]);
    const shares = [1, 2].map((k) => chainSeeds({ seeds: 5, order, shard: { k, n: 2 } }));
    expect(shares).toEqual([
      [0, 2, 4],
      [1, 3],
    ]);
    expect(chainSeeds({ seeds: 1, order, shard: { k: 2, n: 2 } })).toEqual([]);
  });
});
