import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { registerMatchers } from '../../src/matchers/index';
import { l1Gradient, l1Penalty } from '../../src/regularizers/l1';
import { l2Gradient, l2Penalty } from '../../src/regularizers/l2';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);
registerMatchers(expect);

const theta = (): tf.Tensor => tf.tensor2d([[0.4, -1.5], [0.25, 2]]);
const l2 = ([p]: readonly tf.Tensor[]) => l2Penalty([p!], 0.1);

describe('toMatchNumericGradient', () => {
  describe('.toMatchNumericGradient', () => {
    it('passes for the closed-form L2 and L1 gradients (float32 tensors)', () => {
      expect(l2Gradient(theta(), 0.1)).toMatchNumericGradient(l2, [theta()], { mode: 'elements' });
      expect([l1Gradient(theta(), 0.1)]).toMatchNumericGradient(([p]) => l1Penalty([p!], 0.1), [theta()], { mode: 'elements' });
    });
    it('passes for a float64 gradient of a plain-number function', () => {
      expect(Float64Array.from([Math.cos(1), -Math.sin(2)])).toMatchNumericGradient((x: Float64Array) => Math.sin(x[0]!) + Math.cos(x[1]!), Float64Array.from([1, 2]));
    });
    it('fails when the gradient is missing its factor 2 (λθ instead of 2λθ), naming the element', () => {
      const half = tf.mul(theta(), 0.1);
      expect(() => expect(half).toMatchNumericGradient(l2, [theta()], { mode: 'elements' })).toThrow(/gradient mismatch at param0\[\d, \d\]/);
    });
  });

  describe('.not.toMatchNumericGradient', () => {
    it('passes when the gradient is wrong', () => {
      expect(tf.mul(theta(), 0.1)).not.toMatchNumericGradient(l2, [theta()]);
    });
    it('fails when the gradient is right', () => {
      expect(() => expect(l2Gradient(theta(), 0.1)).not.toMatchNumericGradient(l2, [theta()])).toThrow(/NOT to match/);
    });
  });

  it('leaves the caller\'s gradient tensors alive', () => {
    const g = l2Gradient(theta(), 0.1);
    expect(g).toMatchNumericGradient(l2, [theta()]);
    expect(g.isDisposed).toBe(false);
  });

  it('throws a UsageError on the wrong kind of input, with or without .not', () => {
    const bad: [unknown, unknown, unknown][] = [
      [[1, 2], l2, [theta()]],
      [l2Gradient(theta(), 0.1), 'f', [theta()]],
      [l2Gradient(theta(), 0.1), l2, [theta(), theta()]],
      [new Float64Array(2), (x: Float64Array) => x[0]!, [1, 2]],
    ];
    for (const [received, f, at] of bad) {
      expect(() => expect(received).toMatchNumericGradient(f as never, at as never)).toThrow(UsageError);
      expect(() => expect(received).not.toMatchNumericGradient(f as never, at as never)).toThrow(UsageError);
    }
  });
});
