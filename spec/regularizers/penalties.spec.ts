import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { l1Gradient, l1Penalty } from '../../src/regularizers/l1';
import { l2Gradient, l2Penalty } from '../../src/regularizers/l2';
import { penaltyTerm } from '../../src/regularizers/penaltyTerm';
import { UsageError } from '../../src/errors/UsageError';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

const params = (): tf.Tensor[] => [tf.tensor2d([[1, -2], [0, 0.5]]), tf.tensor1d([-3])];

describe('L1 and L2 penalties', () => {
  it('match hand-worked values: λ1·Σ|θ| and λ2·Σθ² (no ½)', () => {
    // Σ|θ| = 1 + 2 + 0 + 0.5 + 3 = 6.5; Σθ² = 1 + 4 + 0 + 0.25 + 9 = 14.25.
    expect(l1Penalty(params(), 0.001).dataSync()[0]).toBeCloseTo(0.0065, 7);
    expect(l2Penalty(params(), 0.001).dataSync()[0]).toBeCloseTo(0.01425, 7);
    expect(penaltyTerm([{ kind: 'l1', rate: 0.001 }, { kind: 'l2', rate: 0.001 }], params()).dataSync()[0]).toBeCloseTo(0.02075, 7);
    expect(penaltyTerm([], params()).dataSync()[0]).toBe(0);
  });

  it('L1 autodiff takes PyTorch\'s subgradient 0 at θ = 0, where plain tf.abs would give −λ1', () => {
    const zero = tf.tensor1d([0, 0]);
    expect(tf.grad((x: tf.Tensor) => l1Penalty([x], 0.5))(zero).arraySync()).toEqual([0, 0]);
    expect(tf.grad((x: tf.Tensor) => tf.sum(tf.abs(x)).mul(0.5))(zero).arraySync()).toEqual([-0.5, -0.5]);
  });

  it('closed-form gradients equal autodiff (sign(θ)·λ1 with 0 at 0; 2·λ2·θ)', () => {
    const [w] = params();
    const auto1 = tf.grad((x: tf.Tensor) => l1Penalty([x], 0.01))(w!);
    const auto2 = tf.grad((x: tf.Tensor) => l2Penalty([x], 0.01))(w!);
    expect(l1Gradient(w!, 0.01).arraySync()).toEqual(auto1.arraySync());
    const c = Math.fround(0.01);
    expect(l1Gradient(w!, 0.01).arraySync()).toEqual([[c, -c], [0, c]]);
    const g2 = l2Gradient(w!, 0.01).arraySync() as number[][];
    (auto2.arraySync() as number[][]).forEach((row, i) => row.forEach((v, j) => expect(g2[i]![j]).toBeCloseTo(v, 7)));
  });

  it('reject negative, NaN and infinite rates with a named error', () => {
    expect(() => l1Penalty(params(), -1)).toThrow(UsageError);
    expect(() => l1Penalty(params(), -1)).toThrow('l1: rate must be a finite number >= 0, got -1');
    expect(() => l2Penalty(params(), Number.NaN)).toThrow('l2: rate must be a finite number >= 0, got NaN');
    expect(() => l2Gradient(params()[0]!, Infinity)).toThrow(UsageError);
  });
});
