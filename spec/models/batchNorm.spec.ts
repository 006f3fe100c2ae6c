import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNorm, updateRunningMoments, type BatchNormState } from '../../src/models/batchNorm';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

const state = (): BatchNormState => ({
  gamma: tf.variable(tf.tensor1d([2, 1])),
  beta: tf.variable(tf.tensor1d([0.5, 0])),
  runningMean: tf.variable(tf.zeros([2]), false),
  runningVar: tf.variable(tf.ones([2]), false),
});

describe('batchNorm', () => {
  it('training: normalises with the biased batch variance, then scales and shifts (hand-worked)', () => {
    // Column 0: [1, 3] → mean 2, biased var 1 → (±1)/√(1+1e-5) · 2 + 0.5.
    const s = state();
    const { y, moments } = batchNorm(tf.tensor2d([[1, 10], [3, 10]]), s, true);
    const out = y.arraySync();
    const k = 1 / Math.sqrt(1 + 1e-5);
    expect(out[0]![0]).toBeCloseTo(-2 * k + 0.5, 5);
    expect(out[1]![0]).toBeCloseTo(2 * k + 0.5, 5);
    expect(out[0]![1]).toBeCloseTo(0, 5); // constant column → 0 · γ + β
    expect(moments!.variance.arraySync()).toEqual([1, 0]);
  });

  it('running statistics: momentum 0.1 and the unbiased variance, as PyTorch', () => {
    const s = state();
    const { moments } = batchNorm(tf.tensor2d([[1, 10], [3, 10]]), s, true);
    updateRunningMoments(s, moments!);
    const rm = s.runningMean.arraySync() as number[];
    const rv = s.runningVar.arraySync() as number[];
    expect(rm[0]).toBeCloseTo(0.2, 6);
    expect(rm[1]).toBeCloseTo(1.0, 6);
    // unbiased var of [1, 3] is 2: 0.9·1 + 0.1·2.
    expect(rv[0]).toBeCloseTo(1.1, 6);
    expect(rv[1]).toBeCloseTo(0.9, 6);
  });

  it('eval: uses the running statistics, not the batch', () => {
    const s = state();
    s.runningMean.assign(tf.tensor1d([1, 0]));
    s.runningVar.assign(tf.tensor1d([4, 1]));
    const { y, moments } = batchNorm(tf.tensor2d([[3, 0]]), s, false);
    expect(moments).toBeUndefined();
    expect((y.arraySync() as number[][])[0]![0]).toBeCloseTo((2 / Math.sqrt(4 + 1e-5)) * 2 + 0.5, 5);
  });
});
