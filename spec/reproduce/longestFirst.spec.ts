import { describe, expect, it } from 'vitest';
import { longestFirst } from '../../src/reproduce/longestFirst';

describe('longestFirst', () => {
  it('keeps seeds in order and puts the costliest runs of each seed first, stably', () => {
    const ids = ['cifar/relu-plain', 'gurmukhi/dropout', 'cifar/relu-bn', 'gurmukhi/l2-dropout', 'cifar/relu-vg'];
    const runs = [0, 1].flatMap((seed) => ids.map((experiment) => ({ experiment, seed, out: `${experiment}-${seed}` })));
    const order = longestFirst(runs).map((r) => `${r.seed}:${r.experiment}`);
    const perSeed = ['cifar/relu-bn', 'cifar/relu-vg', 'cifar/relu-plain', 'gurmukhi/dropout', 'gurmukhi/l2-dropout'];
    expect(order).toEqual([0, 1].flatMap((seed) => perSeed.map((id) => `${seed}:${id}`)));
    expect(runs[0]!.experiment).toBe('cifar/relu-plain');
  });
});
