import { describe, expect, it } from 'vitest';
import { orderedPartitions } from '../../src/explain/orderedPartitions';

describe('orderedPartitions', () => {
  it('lists every arrangement into chains once: Lah numbers 1, 3, 13, 73', () => {
    expect([1, 2, 3, 4].map((n) => orderedPartitions([...'abcd'].slice(0, n)).length)).toEqual([1, 3, 13, 73]);
    const all = orderedPartitions(['a', 'b', 'c', 'd']);
    const keys = all.map((chains) => chains.map((c) => c.join('>')).join(','));
    expect(new Set(keys).size).toBe(73);
    for (const chains of all) expect(chains.flat().sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives the arrangements of two items explicitly, chains listed by their first item', () => {
    expect(orderedPartitions(['a', 'b'])).toEqual([[['a'], ['b']], [['b', 'a']], [['a', 'b']]]);
  });
});
