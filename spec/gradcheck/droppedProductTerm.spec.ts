import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertGradients } from '../../src/gradcheck/assertGradients';
import { checkGradients } from '../../src/gradcheck/checkGradients';
import type { GradcheckTarget } from '../../src/gradcheck/GradcheckTarget';
import { registerMatchers } from '../../src/matchers/index';
import { createRng } from '../../src/random/Rng';
import { useCpuBackend } from '../support/cpuBackend';
import { activation, type OpBug } from './corpus/corpusOps';

beforeAll(useCpuBackend);
registerMatchers(expect);

const rng = createRng(14, 'spec/dropped-product-term');
const fill = (shape: number[], scale: number) => tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => scale * rng.normal()), shape);
const x = fill([8, 6], 1);
const y = fill([8, 3], 1);
const params = [fill([6, 16], 0.6), fill([16, 3], 0.4)];

/** Issue 16's model: two weight matrices and swish(z) = z·σ(z) with a hand-written gradient. */
const target = (bug?: OpBug): GradcheckTarget => ({
  f: ([w1, w2]) => tf.tidy(() => tf.mean(tf.square(tf.matMul(activation('swish', bug)(tf.matMul(x, w1!)) as tf.Tensor2D, w2 as tf.Tensor2D).sub(y)))),
  params,
  names: ['W1', 'W2'],
});
/**
 * Its gradient drops the z·σ'(z) term of the product rule: σ instead of σ + z·σ(1 − σ). W1's
 * gradient is then off by 12.9% in norm (up to 5× per element); the directional check before issue
 * 16 passed this very model at default settings, with 10 directions and with rtol 0.05.
 */
const dropped = target({ kind: 'dropped-term' });

describe('issue 16: a custom gradient that drops a product-rule term', () => {
  it('is a real error of the first layer’s gradient (measured against autodiff of the plain forward)', () => {
    const [a, g] = tf.tidy(() => {
      const plain = (w1: tf.Tensor, w2: tf.Tensor) => tf.mean(tf.square(tf.matMul(tf.matMul(x, w1).mul(tf.sigmoid(tf.matMul(x, w1))) as tf.Tensor2D, w2 as tf.Tensor2D).sub(y))) as tf.Scalar;
      const bad = tf.grads((w1: tf.Tensor, w2: tf.Tensor) => dropped.f([w1, w2]))(params);
      const good = tf.grads(plain)(params);
      return [tf.norm(bad[0]!.sub(good[0]!)).dataSync()[0]!, tf.norm(good[0]!).dataSync()[0]!];
    });
    expect(a / g).toBeGreaterThan(0.1);
  });

  it('fails at default settings, naming the tensor, the seed and the allowance', () => {
    const report = checkGradients(dropped);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.worst!.tensor).toBe('W1');
    expect(report.tensors[0]!.failures).toBeGreaterThan(0);
    expect(() => assertGradients(dropped)).toThrow(/gradient mismatch at W1 .*allowed = tolerance .*; tensor W1 \[6, 16\]: estimated relative error .*seed 0/);
  });

  it('fails with the options that passed it before (10 directions, rtol 0.05), and through the matcher', () => {
    expect(checkGradients(dropped, { directions: 10 }).ok).toBe(false);
    expect(checkGradients(dropped, { rtol: 0.05 }).ok).toBe(false);
    expect(dropped).not.toPassGradcheck();
  });

  it('passes the correct custom gradient, every tensor resolved to rtol', () => {
    const report = checkGradients(target());
    expect(report.ok).toBe(true);
    expect(report.unresolved).toEqual([]);
    expect(target()).toPassGradcheck();
  });
});
