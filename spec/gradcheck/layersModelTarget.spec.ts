import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { checkGradients } from '../../src/gradcheck/checkGradients';
import type { GradcheckOptions } from '../../src/gradcheck/GradcheckSettings';
import { layersModelTarget } from '../../src/gradcheck/layersModelTarget';
import { useCpuBackend } from '../support/cpuBackend';
import { denseStack, seededTensor, setSeededWeights, SwishLayer, weightBytes } from '../support/layersModels';

beforeAll(useCpuBackend);

// Explicit, generous settings (independent of the checker's defaults): every element on its own,
// step 1e-2, 5% relative tolerance. The planted bug below is off by ~10-20% per element.
const ELEMENTS: GradcheckOptions = { mode: 'elements', seed: 0, step: 1e-2, rtol: 0.05, atol: 1e-5, noiseFactor: 32 };
const DIRECTIONAL: GradcheckOptions = { mode: 'directional', seed: 0, step: 1e-2, rtol: 0.05, atol: 1e-5, directions: 8 };

/** 4 → 5 (swish, hand-written gradient) → 3 (linear), seeded weights; a batch of 6. */
function swishNet(buggy: boolean): { model: tf.Sequential; x: tf.Tensor; y: tf.Tensor } {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 5, inputShape: [4], kernelInitializer: 'zeros', biasInitializer: 'zeros' }),
      new SwishLayer(buggy),
      tf.layers.dense({ units: 3, kernelInitializer: 'zeros', biasInitializer: 'zeros' }),
    ],
  });
  setSeededWeights(model, 7, 1.2);
  return { model, x: seededTensor([6, 4], 7, 'x', -2, 2), y: seededTensor([6, 3], 7, 'y') };
}

describe('layersModelTarget', () => {
  it('a correct model passes, elements and directional, under its weights’ own names', () => {
    const { model, x, y } = swishNet(false);
    const target = layersModelTarget(model, { loss: 'meanSquaredError', x, y });
    expect(target.names).toEqual(model.trainableWeights.map((w) => w.name));
    expect(target.names![0]).toMatch(/^dense_Dense\d+\/kernel$/);
    for (const options of [ELEMENTS, DIRECTIONAL]) {
      const report = checkGradients(target, options);
      expect(report.ok, JSON.stringify(report.ok ? null : report.worst)).toBe(true);
    }
    model.dispose();
  });

  it('a layer whose custom gradient drops a product-rule term fails in elements mode, in the layers before it', () => {
    const { model, x, y } = swishNet(true);
    const report = checkGradients(layersModelTarget(model, { loss: 'meanSquaredError', x, y }), ELEMENTS);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.reason).toBe('mismatch');
    // Only the first Dense layer sits before the swish: its kernel and bias fail, the last layer's pass.
    const failing = report.tensors.filter((t) => t.failures > 0).map((t) => t.name);
    expect(failing).toEqual(model.trainableWeights.slice(0, 2).map((w) => w.name));
    model.dispose();
  });

  it('leaves every weight bit-identical (same variables, same bytes), after passing and failing checks', () => {
    for (const buggy of [false, true]) {
      const { model, x, y } = swishNet(buggy);
      const variables = model.weights.map((w) => w.read());
      const before = weightBytes(model);
      checkGradients(layersModelTarget(model, { loss: 'meanSquaredError', x, y }), ELEMENTS);
      checkGradients(layersModelTarget(model, { loss: 'meanSquaredError', x, y }), DIRECTIONAL);
      expect(model.weights.map((w) => w.read())).toEqual(variables);
      expect(weightBytes(model)).toEqual(before);
      model.dispose();
    }
  });

  it('runs batch norm on its moving statistics and leaves them untouched', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, inputShape: [3], kernelInitializer: 'zeros', biasInitializer: 'zeros' }),
        tf.layers.batchNormalization(),
        tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: 'zeros', biasInitializer: 'zeros' }),
      ],
    });
    setSeededWeights(model, 3);
    const before = weightBytes(model);
    const labels = tf.tensor1d([0, 1, 1, 0, 1], 'int32');
    const report = checkGradients(layersModelTarget(model, { loss: 'sparseCategoricalCrossentropy', x: seededTensor([5, 3], 3, 'x'), y: labels }), ELEMENTS);
    expect(report.ok).toBe(true);
    expect(weightBytes(model)).toEqual(before);
    model.dispose();
  });

  it('restores the weights when the loss throws inside f', () => {
    const { model, x, y } = swishNet(false);
    let boom = false;
    const loss = (t: tf.Tensor, p: tf.Tensor): tf.Tensor => {
      if (boom) throw new Error('boom');
      return tf.metrics.meanSquaredError(t, p);
    };
    const target = layersModelTarget(model, { loss, x, y });
    const before = weightBytes(model);
    const moved = target.params.map((p) => tf.add(p, 0.5));
    boom = true;
    expect(() => target.f(moved)).toThrow(/layersModelTarget: computing the loss on batch failed: boom/);
    expect(weightBytes(model)).toEqual(before);
    tf.dispose(moved);
    model.dispose();
  });

  it('f is the loss at the given weights: named losses match their formulas, and sparse = categorical on one-hot labels', () => {
    const model = denseStack([3, 4, 3], 'tanh', 'softmax');
    setSeededWeights(model, 5);
    const x = seededTensor([4, 3], 5, 'x');
    const labels = [2, 0, 1, 2];
    const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), 3).toFloat();
    const p = model.predict(x) as tf.Tensor2D;
    const probs = p.arraySync();
    const ce = -labels.reduce((s, k, i) => s + Math.log(probs[i]![k]!), 0) / labels.length;
    const mse = probs.flat().reduce((s, v, i) => s + (v - (oneHot.dataSync()[i] ?? 0)) ** 2, 0) / probs.flat().length;
    const value = (loss: Parameters<typeof layersModelTarget>[1]['loss'], y: tf.Tensor): number => {
      const t = layersModelTarget(model, { loss, x, y });
      return t.f(t.params).dataSync()[0]!;
    };
    // float32 forward pass against a float64 sum of its own outputs.
    expect(value('categoricalCrossentropy', oneHot)).toBeCloseTo(ce, 5);
    expect(value('sparseCategoricalCrossentropy', tf.tensor1d(labels, 'int32'))).toBeCloseTo(ce, 5);
    expect(value('meanSquaredError', oneHot)).toBeCloseTo(mse, 6);
    expect(value((t, q) => tf.losses.meanSquaredError(t, q), oneHot)).toBeCloseTo(mse, 6);
    tf.dispose([x, oneHot, p]);
    model.dispose();
  });

  it('does not leak tensors across a check', () => {
    const { model, x, y } = swishNet(true);
    const before = tf.memory().numTensors;
    checkGradients(layersModelTarget(model, { loss: 'meanSquaredError', x, y }), ELEMENTS);
    checkGradients(layersModelTarget(model, { loss: 'meanSquaredError', x, y }), DIRECTIONAL);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('usage errors name the API and echo what came instead', () => {
    const { model, x, y } = swishNet(false);
    expect(() => layersModelTarget((() => 0) as never, { loss: 'meanSquaredError', x, y })).toThrow(/layersModelTarget: expected a tf.LayersModel, got a function.*opTarget/);
    expect(() => layersModelTarget(model, { loss: 'mse2' as never, x, y })).toThrow(/layersModelTarget: loss must be .* got the string "mse2"/);
    expect(() => layersModelTarget(model, { loss: 'meanSquaredError', x, y: tf.zeros([6, 7]) })).toThrow(UsageError);
    expect(() => layersModelTarget(model, { loss: 'meanSquaredError', x: [] as never, y })).toThrow(/batch\.x must be a tensor .* got an array of length 0/);
    expect(() => layersModelTarget(model, { loss: 'meanSquaredError', x, y, names: ['a'] })).toThrow(/names must name all 4 trainable weights, got an array of length 1/);
    model.dispose();
  });
});
