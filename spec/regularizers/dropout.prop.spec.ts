import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDropout, dropoutMask } from '../../src/regularizers/dropout';
import { createRng } from '../../src/random/Rng';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

const settings = (numRuns: number) => ({ seed: Number(process.env.FC_SEED ?? 42), numRuns });
const rate = fc.double({ min: 0, max: 0.95, noNaN: true });

describe('dropout (property)', () => {
  it('is the identity in eval mode (no mask) and at p = 0', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.nat(1000), (xs, seed) => {
        const x = tf.tensor2d(xs, [1, xs.length]);
        expect(applyDropout(x, undefined)).toBe(x);
        const mask = tf.tensor2d(dropoutMask(createRng(seed, 'dropout'), xs.length, 0), [1, xs.length]);
        const y = applyDropout(x, mask);
        expect(Array.from(y.dataSync())).toEqual(Array.from(x.dataSync()));
        tf.dispose([x, mask, y]);
      }),
      settings(50),
    );
  });

  it('same seed and stream → the same mask, byte for byte', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 500 }), rate, (seed, n, p) => {
        expect(dropoutMask(createRng(seed, 'dropout'), n, p)).toEqual(dropoutMask(createRng(seed, 'dropout'), n, p));
      }),
      settings(50),
    );
  });

  it('preserves the mean: |mean(mask) − 1| ≤ 6·σ with σ = √(p/((1−p)·n)), the sd of the mean of n inverted-dropout draws', () => {
    // Each draw is 0 w.p. p, 1/(1−p) otherwise: mean 1, variance p/(1−p). A 6σ bound fails by chance
    // with probability ≈ 2e-9 per case.
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 2_000, max: 20_000 }), rate, (seed, n, p) => {
        const mask = dropoutMask(createRng(seed, 'dropout'), n, p);
        const mean = mask.reduce((s, v) => s + v, 0) / n;
        expect(Math.abs(mean - 1)).toBeLessThanOrEqual(6 * Math.sqrt(p / ((1 - p) * n)) + 1e-6);
      }),
      settings(40),
    );
  });
});
