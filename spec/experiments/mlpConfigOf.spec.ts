import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { getExperiment } from '../../src/experiments/getExperiment';
import { mlpConfigOf } from '../../src/experiments/mlpConfigOf';
import { tanhMlpFactory } from '../support/factoryModels';

describe('mlpConfigOf', () => {
  it('gives an MLP experiment’s config as it is', () => {
    const exp = getExperiment('gurmukhi/dropout');
    expect(mlpConfigOf(exp, 'bench: spec')).toBe(exp.model);
  });

  it('refuses a factory model with the caller’s reason and the factory’s name', () => {
    const exp = { ...getExperiment('gurmukhi/dropout'), id: 'hw/conv', model: { factory: tanhMlpFactory(), name: './model.ts#build' } };
    expect(() => mlpConfigOf(exp, 'bench: measures gradproof’s MLP')).toThrow(UsageError);
    expect(() => mlpConfigOf(exp, 'bench: measures gradproof’s MLP')).toThrow(
      /^bench: measures gradproof’s MLP; hw\/conv's model is the factory \.\/model\.ts#build$/,
    );
  });
});
