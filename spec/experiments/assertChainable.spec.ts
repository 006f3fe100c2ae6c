import { describe, expect, it } from 'vitest';
import { assertChainable } from '../../src/experiments/assertChainable';
import type { ExperimentConfig } from '../../src/experiments/ExperimentConfig';
import { getExperiment } from '../../src/experiments/getExperiment';
import { mlpConfigOf } from '../../src/experiments/mlpConfigOf';
import { UsageError } from '../../src/errors/UsageError';
import { tanhMlpFactory } from '../support/factoryModels';

const dropout = getExperiment('gurmukhi/dropout');
const l2 = getExperiment('gurmukhi/l2-dropout');

describe('assertChainable', () => {
  it('passes experiments that share one MLP architecture and data set', () => {
    expect(() => assertChainable([dropout, l2, getExperiment('gurmukhi/l1-dropout')], 'spec')).not.toThrow();
    expect(() => assertChainable([dropout], 'spec')).not.toThrow();
    // A project's experiments each hold their own copy of one declaration: the same data.
    const load = (): never => {
      throw new Error('unused');
    };
    const a: ExperimentConfig = { ...dropout, id: 'lab/a', dataset: { kind: 'loader', name: './d.mjs#load', load } };
    const b: ExperimentConfig = { ...l2, id: 'lab/b', dataset: { kind: 'loader', name: './d.mjs#load', load } };
    expect(() => assertChainable([a, b], 'spec')).not.toThrow();
    const other: ExperimentConfig = { ...b, dataset: { kind: 'loader', name: './e.mjs#load', load } };
    expect(() => assertChainable([a, other], 'spec')).toThrow(/cannot chain lab\/a and lab\/b/);
  });

  it('refuses an empty chain, a factory model, another architecture or other data, naming the API and the experiments', () => {
    expect(() => assertChainable([], 'spec')).toThrow(new UsageError('spec: a chain needs at least one experiment'));
    const factory: ExperimentConfig = { ...dropout, id: 'spec/factory', model: { factory: tanhMlpFactory(), name: 'tanh' } };
    expect(() => assertChainable([dropout, factory], 'spec')).toThrow(/^spec: the chained protocol carries one MLP from run to run \(factory models run fresh only\); spec\/factory's model is the factory tanh$/);
    expect(() => assertChainable([dropout, getExperiment('cifar/relu-plain')], 'spec')).toThrow(/^spec: cannot chain gurmukhi\/dropout and cifar\/relu-plain: /);
    const wider: ExperimentConfig = { ...l2, id: 'spec/wider', model: { ...mlpConfigOf(l2, 'spec'), hidden: [7] } };
    expect(() => assertChainable([dropout, wider], 'spec')).toThrow(/cannot chain gurmukhi\/dropout and spec\/wider: one model can only carry over/);
  });
});
