import { describe, expect, it } from 'vitest';
import { getExperiment } from '../../src/experiments/getExperiment';
import { runCost } from '../../src/reproduce/runCost';

describe('runCost', () => {
  it('ranks deep batch-norm nets above deep plain ones, those above the 6-layer nets, and Gurmukhi last', () => {
    const cost = (id: string) => runCost(getExperiment(id));
    expect(cost('cifar/tanh-bn')).toBeGreaterThan(cost('cifar/tanh-vg'));
    expect(cost('cifar/tanh-vg')).toBeGreaterThan(cost('cifar/tanh-plain'));
    expect(cost('cifar/relu-plain')).toBeGreaterThan(20 * cost('gurmukhi/l1-l2-dropout'));
  });

  it('grows in proportion to the epochs', () => {
    const exp = getExperiment('cifar/relu-plain');
    expect(runCost(exp, 4)).toBeCloseTo(2 * runCost(exp, 2), 9);
    expect(runCost(exp)).toBeCloseTo(runCost(exp, exp.epochs), 9);
  });
});
