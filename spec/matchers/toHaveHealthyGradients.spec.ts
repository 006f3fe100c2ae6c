import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { registerMatchers } from '../../src/matchers/index';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);
registerMatchers(expect);

describe('toHaveHealthyGradients', () => {
  it('passes when every layer is within [1e-3, 1e3] by default, or the given bounds', () => {
    expect([0.3, 2, 40]).toHaveHealthyGradients();
    expect([0.3, 2, 40]).toHaveHealthyGradients({ above: 0.1, below: 50 });
  });

  it('fails on a vanished, exploded or non-finite layer, naming it', () => {
    expect(() => expect([1e-13, 0.2]).toHaveHealthyGradients()).toThrow(/layer 1 has 1\.00e-13/);
    expect(() => expect([0.2, 1e5]).toHaveHealthyGradients()).toThrow(/layer 2 has 1\.00e\+5/);
    expect(() => expect([0.2, Number.NaN]).toHaveHealthyGradients()).toThrow(/layer 2 has NaN/);
  });

  it('.not passes on a vanished stack and fails on a healthy one', () => {
    expect([1e-13, 0.2]).not.toHaveHealthyGradients();
    expect(() => expect([0.3]).not.toHaveHealthyGradients()).toThrow(/but all are inside/);
  });

  it('reads typed arrays, 1-D tensors and measured flows', () => {
    expect(Float32Array.from([0.3, 2])).toHaveHealthyGradients();
    const t = tf.tensor1d([0.3, 1e-9]);
    expect(t).not.toHaveHealthyGradients();
    t.dispose();
    expect({ layerNorms: [1e-9], meanLayerNorms: [0.5] }).toHaveHealthyGradients({ which: 'mean' });
  });

  it('a LayersModel or a tensor of the wrong rank is a usage error naming it, with or without .not', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    expect(() => expect(model).not.toHaveHealthyGradients()).toThrow(/toHaveHealthyGradients: got a tf.LayersModel .*measureLayersModelGradientFlow/);
    const s = tf.scalar(1);
    expect(() => expect(s).not.toHaveHealthyGradients()).toThrow(/got a scalar tensor \(float32\)/);
    tf.dispose([s]);
    model.dispose();
  });

  it('the wrong kind of input or bounds is a usage error, with or without .not', () => {
    expect(() => expect(42).not.toHaveHealthyGradients()).toThrow(UsageError);
    expect(() => expect([1]).toHaveHealthyGradients({ above: 2, below: 1 })).toThrow(/need 0 <= above < below/);
  });
});
