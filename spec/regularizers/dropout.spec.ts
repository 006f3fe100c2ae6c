import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDropout, checkDropoutRate, dropoutMask } from '../../src/regularizers/dropout';
import { createRng } from '../../src/random/Rng';
import { UsageError } from '../../src/errors/UsageError';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

describe('dropout', () => {
  it('mask values are 0 or 1/(1−p), with the drop fraction within a 5-sigma bound of p', () => {
    const p = 0.2;
    const n = 50_000;
    const mask = dropoutMask(createRng(0, 'dropout'), n, p);
    const keep = Math.fround(1 / (1 - p));
    expect(mask.every((v) => v === 0 || v === keep)).toBe(true);
    const dropped = mask.filter((v) => v === 0).length / n;
    expect(Math.abs(dropped - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    // Inverted dropout preserves the mean: E[mask] = 1.
    const mean = mask.reduce((s, v) => s + v, 0) / n;
    expect(Math.abs(mean - 1)).toBeLessThan(5 * keep * Math.sqrt((p * (1 - p)) / n));
  });

  it('same seed gives the same mask; another seed another', () => {
    const a = dropoutMask(createRng(3, 'dropout'), 1000, 0.5);
    expect(dropoutMask(createRng(3, 'dropout'), 1000, 0.5)).toEqual(a);
    expect(dropoutMask(createRng(4, 'dropout'), 1000, 0.5)).not.toEqual(a);
  });

  it('p = 0 keeps everything; eval mode (no mask) is the identity', () => {
    expect(dropoutMask(createRng(0, 'd'), 100, 0).every((v) => v === 1)).toBe(true);
    const x = tf.tensor2d([[1, -2, 3]]);
    expect(applyDropout(x, undefined)).toBe(x);
    expect(applyDropout(x, tf.tensor2d([[0, 2, 2]])).arraySync()).toEqual([[0, -4, 6]]);
  });

  it('rejects probabilities outside [0, 1), naming the value', () => {
    for (const bad of [1, -0.1, Number.NaN, 2]) expect(() => checkDropoutRate(bad)).toThrow(UsageError);
    expect(() => dropoutMask(createRng(0, 'd'), 10, 1)).toThrow(/dropoutMask: rate must be in \[0, 1\), got 1/);
  });
});
