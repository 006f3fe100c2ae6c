import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureVariablesGradientFlow } from '../../src/gradflow/measureVariablesGradientFlow';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

describe('measureVariablesGradientFlow', () => {
  it('hand-worked: L_c = c·(½‖u‖² + ‖v‖²) has ‖∂L/∂u‖ = c‖u‖ and ‖∂L/∂v‖ = 2c‖v‖; first batch and mean over batches', () => {
    const u = tf.variable(tf.tensor1d([3, 4]), true, 'flowSpecU');
    const v = tf.variable(tf.tensor2d([[1, 2], [2, 4]]), true, 'flowSpecV');
    const loss = (c: number): tf.Scalar => tf.tidy(() => tf.mul(c, tf.add(tf.mul(0.5, tf.sum(tf.square(u))), tf.sum(tf.square(v))))) as tf.Scalar;
    const before = tf.memory().numTensors;
    const flow = measureVariablesGradientFlow([u, v], loss, [1, 3]);
    expect(tf.memory().numTensors).toBe(before);
    expect(flow.per).toBe('variable');
    expect(flow.names).toEqual(['flowSpecU', 'flowSpecV']);
    // ‖u‖ = 5, ‖v‖ = 5: float32 arithmetic on small integers is exact up to the square root.
    expect(flow.layerNorms[0]).toBeCloseTo(5, 5);
    expect(flow.layerNorms[1]).toBeCloseTo(10, 5);
    expect(flow.meanLayerNorms[0]).toBeCloseTo(10, 5); // (5 + 15) / 2
    expect(flow.meanLayerNorms[1]).toBeCloseTo(20, 5); // (10 + 30) / 2
    expect(flow.losses).toEqual([37.5, 112.5]);
    tf.dispose([u, v]);
  });

  it('keeps tiny (vanished) gradient norms instead of underflowing them to 0, and reports 0 for an unused variable', () => {
    const w = tf.variable(tf.fill([100], 1e-30), true, 'flowSpecTiny');
    const unused = tf.variable(tf.ones([2]), true, 'flowSpecUnused');
    // ∂/∂w of ½‖w‖² is w: norm 1e-29 (√Σw² in float32 would be 0: w² underflows).
    const flow = measureVariablesGradientFlow([w, unused], () => tf.mul(0.5, tf.sum(tf.square(w))) as tf.Scalar, [null], { names: ['w', 'unused'] });
    expect(flow.layerNorms[0]! / 1e-29).toBeCloseTo(1, 4);
    expect(flow.layerNorms[1]).toBe(0);
    tf.dispose([w, unused]);
  });

  it('usage errors name the API and echo the bad value', () => {
    const w = tf.variable(tf.ones([2]), true, 'flowSpecUsage');
    const loss = (): tf.Scalar => tf.sum(w) as tf.Scalar;
    expect(() => measureVariablesGradientFlow([], loss, [0])).toThrow(/measureVariablesGradientFlow: expected a non-empty array of tf.Variable, got an array of length 0/);
    expect(() => measureVariablesGradientFlow([w], loss, [])).toThrow(/batches must be a non-empty array, got an array of length 0/);
    expect(() => measureVariablesGradientFlow([w], () => tf.mul(w, 2) as never, [0])).toThrow(/the loss of batch 0 must be a scalar tensor, got a 1-D tensor of shape \[2\]/);
    expect(() => measureVariablesGradientFlow([w], loss, [0], { names: ['a', 'b'] })).toThrow(/names must name all 1 variables/);
    w.dispose();
  });
});
