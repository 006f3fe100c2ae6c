import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { registerMatchers } from '../../src/matchers/index';
import { fakeRecord } from '../support/fakeRecord';

registerMatchers(expect);

const run = (loss: number, seconds = 1) => fakeRecord('gurmukhi/dropout', 0, [{ trainLoss: 0.5 }, { trainLoss: loss, seconds }]);

describe('toBeReproducible', () => {
  it('passes for bit-identical epochs, timings ignored', async () => {
    expect([run(0.25), run(0.25, 7)]).toBeReproducible();
    await expect(() => run(0.25)).toBeReproducible();
  });

  it('fails naming the first differing epoch, field and values', async () => {
    expect(() => expect([run(0.25), run(0.25000001)]).toBeReproducible()).toThrow(/first difference: epoch 2, trainLoss: 0\.25 vs 0\.25000001/);
    let calls = 0;
    await expect(expect(() => run(calls++)).toBeReproducible()).rejects.toThrow(/epoch 2, trainLoss: 0 vs 1/);
  });

  it('.not passes when runs differ', () => {
    expect([run(0.25), run(0.3)]).not.toBeReproducible();
  });

  it('fewer than two records or the wrong kind of input is a usage error, with or without .not', () => {
    expect(() => expect([run(1)]).not.toBeReproducible()).toThrow(UsageError);
    expect(() => expect('x').not.toBeReproducible()).toThrow(/expected an array of run records or a function/);
  });
});
