import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { layerNormsOf } from '../../src/matchers/layerNormsOf';
import { useCpuBackend } from '../support/cpuBackend';
import { fakeRecord } from '../support/fakeRecord';
import { denseStack } from '../support/layersModels';

beforeAll(useCpuBackend);

const norms = [1e-9, 0.5, 2];

describe('layerNormsOf', () => {
  it('reads number[], typed arrays and 1-D tensors', () => {
    expect(layerNormsOf('api', norms)).toEqual(norms);
    expect(layerNormsOf('api', Float64Array.from(norms))).toEqual(norms);
    expect(layerNormsOf('api', Float32Array.from([0.5, 2]))).toEqual([0.5, 2]);
    const t = tf.tensor1d([0.5, 2]);
    expect(layerNormsOf('api', t)).toEqual([0.5, 2]);
    t.dispose();
  });

  it('reads gradient flows: layerNorms by default, meanLayerNorms with which: mean', () => {
    const flow = { layerNorms: norms, meanLayerNorms: [1, 2, 3] };
    expect(layerNormsOf('api', flow)).toEqual(norms);
    expect(layerNormsOf('api', flow, { which: 'mean' })).toEqual([1, 2, 3]);
    expect(() => layerNormsOf('api', { seed: 0, loss: 1, layerNorms: norms }, { which: 'mean' })).toThrow(/no meanLayerNorms .*measureGradientFlow measures one batch/);
    expect(() => layerNormsOf('api', { layerNorms: [] })).toThrow(/the gradient flow's layerNorms must be a non-empty array of numbers, got an array of length 0/);
  });

  it('reads run records by epoch and which', () => {
    const r = fakeRecord('cifar/sigmoid-vg', 0, [{ layerGradNorms: { firstBatch: norms, mean: [4, 5, 6] } }]);
    expect(layerNormsOf('api', r)).toEqual(norms);
    expect(layerNormsOf('api', r, { which: 'mean' })).toEqual([4, 5, 6]);
    expect(() => layerNormsOf('api', r, { epoch: 2 })).toThrow(/no epoch 2/);
    expect(() => layerNormsOf('api', norms, { epoch: 1 })).toThrow(/options.epoch applies to run records only, got an array of length 3/);
  });

  it('says what it got and what it takes; for a LayersModel, how to measure its flow', () => {
    const model = denseStack([3, 2], 'tanh');
    const matrix = tf.zeros([3, 4]);
    const cases: [unknown, RegExp][] = [
      [model, /api: got a tf.LayersModel \(.+\), but this matcher reads gradient norms, not a model; measure its flow first: .*measureLayersModelGradientFlow\(model, \{ loss, batches/],
      [matrix, /got a 2-D tensor of shape \[3,4\] \(float32\)/],
      [new Float32Array(0), /got a Float32Array of length 0/],
      [[0.1, '0.2'], /got an array of length 2 \(item 1 is the string "0.2"\)/],
      [null, /got null$/],
      ['nope', /got the string "nope"/],
      [{ foo: 1 }, /got an object with keys \["foo"\]/],
    ];
    for (const [value, message] of cases) {
      expect(() => layerNormsOf('api', value)).toThrow(UsageError);
      expect(() => layerNormsOf('api', value)).toThrow(message);
    }
    expect(() => layerNormsOf('api', 'nope')).toThrow(/expected a run record, a gradient flow .*a non-empty array of numbers, a typed array or a 1-D tensor/);
    matrix.dispose();
    model.dispose();
  });
});
