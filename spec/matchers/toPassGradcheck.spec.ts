import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import type { GradcheckTarget } from '../../src/gradcheck/GradcheckTarget';
import { registerMatchers } from '../../src/matchers/index';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);
registerMatchers(expect);

const target = (): GradcheckTarget => ({
  f: ([w]) => tf.sum(tf.sigmoid(tf.mul(w!, tf.tensor1d([1, -2, 0.5])))),
  params: [tf.tensor1d([0.3, -0.1, 2])],
});
const doubled = (): GradcheckTarget => {
  const t = target();
  return { ...t, gradient: () => tf.grads((...p: tf.Tensor[]) => t.f(p))([...t.params]).map((g) => g.mul(2)) };
};
const quartic = { f: (x: Float64Array) => x.reduce((s, v) => s + v ** 4, 0), x: Float64Array.from([1, -0.5]) };

describe('toPassGradcheck', () => {
  describe('.toPassGradcheck', () => {
    it('passes when autodiff matches finite differences (float32 target, both modes)', () => {
      expect(target()).toPassGradcheck();
      expect(target()).toPassGradcheck({ mode: 'elements' });
    });
    it('passes when a float64 target is right', () => {
      expect({ ...quartic, gradient: Float64Array.from([4, -0.5]) }).toPassGradcheck();
    });
    it('fails, naming the mismatch and the seed, when the gradient is doubled', () => {
      expect(() => expect(doubled()).toPassGradcheck({ mode: 'elements', seed: 4 })).toThrow(/gradient mismatch at param0\[\d\].*seed 4/s);
    });
  });

  describe('.not.toPassGradcheck', () => {
    it('passes when the gradient is wrong', () => {
      expect(doubled()).not.toPassGradcheck();
      expect({ ...quartic, gradient: Float64Array.from([4, 0.5]) }).not.toPassGradcheck();
    });
    it('fails when the gradient is right', () => {
      expect(() => expect(target()).not.toPassGradcheck()).toThrow(/expected the gradient NOT to match/);
    });
  });

  it('says to wrap a LayersModel with layersModelTarget and a function with opTarget, with or without .not', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    for (const run of [() => expect(model).toPassGradcheck(), () => expect(model).not.toPassGradcheck()]) {
      expect(run).toThrow(UsageError);
      expect(run).toThrow(/toPassGradcheck: got a tf.LayersModel \(.+\); wrap it with layersModelTarget first: expect\(layersModelTarget\(model, \{ loss, x, y \}\)\)/);
    }
    const fn = (x: tf.Tensor): tf.Tensor => tf.tanh(x);
    expect(() => expect(fn).not.toPassGradcheck()).toThrow(/got a function \(fn\); for an op or a tf.customGrad function wrap it with opTarget first: expect\(opTarget\(fn, inputs\)\)/);
    expect(() => expect(tf.zeros([3, 4])).toPassGradcheck()).toThrow(/expected a gradcheck target .*got a 2-D tensor of shape \[3,4\] \(float32\)/);
    model.dispose();
  });

  it('throws a UsageError on the wrong kind of input, with or without .not', () => {
    for (const garbage of [undefined, null, 3, 'f', [tf.scalar(1)], { f: () => 0 }]) {
      expect(() => expect(garbage).toPassGradcheck()).toThrow(UsageError);
      expect(() => expect(garbage).not.toPassGradcheck()).toThrow(UsageError);
    }
  });
});
