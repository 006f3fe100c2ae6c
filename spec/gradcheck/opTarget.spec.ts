import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradients } from '../../src/gradcheck/checkGradients';
import type { GradcheckOptions } from '../../src/gradcheck/GradcheckSettings';
import { opTarget } from '../../src/gradcheck/opTarget';
import { useCpuBackend } from '../support/cpuBackend';
import { seededTensor, swish } from '../support/layersModels';

beforeAll(useCpuBackend);

// Explicit, generous settings, independent of the checker's defaults.
const ELEMENTS: GradcheckOptions = { mode: 'elements', seed: 0, step: 1e-2, rtol: 0.05, atol: 1e-5, noiseFactor: 32 };

/** A·B with a hand-written gradient; `transposed` forgets a transpose: dA = dY·B instead of dY·Bᵀ. */
function matMul(transposed: boolean): (a: tf.Tensor, b: tf.Tensor) => tf.Tensor {
  return tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
    save([a, b]);
    return {
      value: tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
      gradFunc: (dy: tf.Tensor, [sa, sb]: tf.Tensor[]) => [
        tf.matMul(dy as tf.Tensor2D, sb as tf.Tensor2D, false, !transposed),
        tf.matMul(sa as tf.Tensor2D, dy as tf.Tensor2D, true, false),
      ],
    };
  }) as never) as unknown as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
}

/** The identity with a gradient that reverses dy: right whenever dy is constant (the plain Σ output), wrong otherwise. */
const reversedIdentity = tf.customGrad(((x: tf.Tensor) => ({ value: tf.clone(x), gradFunc: (dy: tf.Tensor) => tf.reverse(dy) })) as never) as unknown as (x: tf.Tensor) => tf.Tensor;

const fails = (report: ReturnType<typeof checkGradients>): string[] => report.tensors.filter((t) => t.failures > 0).map((t) => t.name);

describe('opTarget', () => {
  it('correct ops and custom gradients pass (built-in matMul, softmax, a right swish, a right custom matMul)', () => {
    const a = seededTensor([3, 4], 1, 'a');
    const b = seededTensor([4, 2], 1, 'b');
    const x = seededTensor([2, 5], 1, 'x', -3, 3);
    for (const target of [
      opTarget((p, q) => tf.matMul(p as tf.Tensor2D, q as tf.Tensor2D), [a, b]),
      opTarget((p) => tf.softmax(p), x),
      opTarget(swish(false), x),
      opTarget(matMul(false), [a, b]),
    ]) {
      const report = checkGradients(target, ELEMENTS);
      expect(report.ok, JSON.stringify(report.ok ? null : report.worst)).toBe(true);
    }
  });

  it('fails a custom gradient that drops a product-rule term, naming the input', () => {
    const report = checkGradients(opTarget(swish(true), seededTensor([2, 5], 1, 'x', -3, 3), { names: ['x'] }), ELEMENTS);
    expect(report.ok).toBe(false);
    expect(fails(report)).toEqual(['x']);
  });

  it('fails a forgotten transpose in one input’s gradient and passes the other input', () => {
    const a = seededTensor([3, 3], 2, 'a');
    const b = seededTensor([3, 3], 2, 'b');
    const report = checkGradients(opTarget(matMul(true), [a, b]), ELEMENTS);
    expect(fails(report)).toEqual(['input0']);
  });

  it('checks every output element’s gradient, not only the sum’s: a gradient that permutes dy fails', () => {
    const x = seededTensor([6], 3, 'x');
    const report = checkGradients(opTarget(reversedIdentity, x), ELEMENTS);
    expect(report.ok).toBe(false);
    // The plain sum Σ fn(x) (dy all ones) cannot see it.
    const plain = checkGradients({ f: ([p]) => tf.sum(reversedIdentity(p!)), params: [x] }, ELEMENTS);
    expect(plain.ok).toBe(true);
  });

  it('holds non-float inputs fixed (gather’s int32 indices) and checks the others', () => {
    const x = seededTensor([5, 2], 4, 'x');
    const indices = tf.tensor1d([4, 0, 0, 2], 'int32');
    const target = opTarget((p, i) => tf.gather(p, i!), [x, indices]);
    expect(target.params).toEqual([x]);
    expect(target.names).toEqual(['input0']);
    expect(checkGradients(target, ELEMENTS).ok).toBe(true);
  });

  it('the cotangent is seeded: same seed → identical bytes, another seed → another value', () => {
    const x = seededTensor([3, 3], 5, 'x');
    const value = (seed: number): number => {
      const t = opTarget((p) => tf.tanh(p), x, { seed });
      return t.f(t.params).dataSync()[0]!;
    };
    expect(Object.is(value(3), value(3))).toBe(true);
    expect(value(3)).not.toBe(value(4));
  });

  it('does not leak tensors across a check, nor modify its inputs', () => {
    const a = seededTensor([3, 3], 6, 'a');
    const b = seededTensor([3, 3], 6, 'b');
    const bytes = [Float32Array.from(a.dataSync()), Float32Array.from(b.dataSync())];
    const before = tf.memory().numTensors;
    checkGradients(opTarget(matMul(true), [a, b]), ELEMENTS);
    checkGradients(opTarget(swish(false), a), { ...ELEMENTS, mode: 'directional' });
    expect(tf.memory().numTensors).toBe(before);
    expect([a.dataSync(), b.dataSync()]).toEqual(bytes);
  });

  it('usage errors name the API and echo the bad value', () => {
    const x = seededTensor([2], 7, 'x');
    expect(() => opTarget('tanh' as never, x)).toThrow(/opTarget: expected a function of tensors, got the string "tanh"/);
    expect(() => opTarget((p) => p, [])).toThrow(/opTarget: inputs must be a tensor or a non-empty array of tensors, got an array of length 0/);
    expect(() => opTarget((p) => p, [x], { wrt: [1] })).toThrow(/opTarget: options.wrt must list distinct indices of float32 inputs \(0…0\), got \[1\]/);
    expect(() => opTarget((p) => [p, p] as never, x)).toThrow(/opTarget: fn must return one tensor, got an array of length 2/);
    expect(() => opTarget((p) => tf.cast(p, 'int32'), x)).toThrow(/non-empty float32 tensor, got a 1-D tensor of shape \[2\] \(int32\)/);
    expect(() => opTarget((p) => p, x, { seed: -1 })).toThrow(/opTarget: options.seed must be a non-negative integer, got -1/);
  });
});
