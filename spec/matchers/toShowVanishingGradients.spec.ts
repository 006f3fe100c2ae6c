import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { registerMatchers } from '../../src/matchers/index';
import { useCpuBackend } from '../support/cpuBackend';
import { fakeRecord } from '../support/fakeRecord';

beforeAll(useCpuBackend);
registerMatchers(expect);

const vanished = [1e-14, 1e-12, 1e-9, 1e-5, 1e-2];
const healthy = [0.3, 0.2, 0.25, 0.4, 0.5];

describe('toShowVanishingGradients', () => {
  it('passes when the first layers are below the threshold (array, flow or run record)', () => {
    expect(vanished).toShowVanishingGradients({ below: 1e-10, layers: 2 });
    expect({ layerNorms: vanished }).toShowVanishingGradients({ below: 1e-10 });
    expect(fakeRecord('cifar/sigmoid-vg', 0, [{ layerGradNorms: { firstBatch: vanished, mean: healthy } }])).toShowVanishingGradients({ below: 1e-10 });
  });

  it('fails, naming the offending layer and value, when a checked layer is not below', () => {
    expect(() => expect(vanished).toShowVanishingGradients({ below: 1e-10, layers: 3 })).toThrow(/layer 3 has 1\.00e-9/);
    expect(() => expect(healthy).toShowVanishingGradients({ below: 1e-3 })).toThrow(/layer 1 has 3\.00e-1/);
  });

  it('.not passes on healthy gradients and fails on vanished ones', () => {
    expect(healthy).not.toShowVanishingGradients({ below: 1e-3 });
    expect(() => expect(vanished).not.toShowVanishingGradients({ below: 1e-10 })).toThrow(/NOT to vanish/);
  });

  it('reads typed arrays, 1-D tensors and measured flows (first batch or mean) too', () => {
    expect(Float64Array.from(vanished)).toShowVanishingGradients({ below: 1e-10, layers: 2 });
    const t = tf.tensor1d(vanished);
    expect(t).toShowVanishingGradients({ below: 1e-10, layers: 2 });
    t.dispose();
    const flow = { per: 'layer', names: ['a', 'b', 'c', 'd', 'e'], layerNorms: vanished, meanLayerNorms: healthy, losses: [1] };
    expect(flow).toShowVanishingGradients({ below: 1e-10 });
    expect(flow).not.toShowVanishingGradients({ below: 1e-10, which: 'mean' });
  });

  it('a LayersModel or a 2-D tensor is a usage error saying what it got and what to pass, with or without .not', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    expect(() => expect(model).not.toShowVanishingGradients({ below: 1 })).toThrow(UsageError);
    expect(() => expect(model).toShowVanishingGradients({ below: 1 })).toThrow(/got a tf.LayersModel .*measureLayersModelGradientFlow/);
    const m = tf.zeros([3, 4]);
    expect(() => expect(m).not.toShowVanishingGradients({ below: 1 })).toThrow(/got a 2-D tensor of shape \[3,4\]/);
    expect(() => expect(new Float32Array(0)).not.toShowVanishingGradients({ below: 1 })).toThrow(/got a Float32Array of length 0/);
    tf.dispose([m]);
    model.dispose();
  });

  it('the record’s epoch-mean norms can be chosen instead of the first batch', () => {
    const r = fakeRecord('cifar/sigmoid-vg', 0, [{ layerGradNorms: { firstBatch: vanished, mean: healthy } }]);
    expect(r).not.toShowVanishingGradients({ below: 1e-10, which: 'mean' });
  });

  it('the wrong kind of input is a usage error, with or without .not', () => {
    expect(() => expect('nope').toShowVanishingGradients({ below: 1 })).toThrow(UsageError);
    expect(() => expect('nope').not.toShowVanishingGradients({ below: 1 })).toThrow(UsageError);
    expect(() => expect([]).not.toShowVanishingGradients({ below: 1 })).toThrow(/non-empty array/);
    expect(() => expect(vanished).toShowVanishingGradients({ below: -1 })).toThrow(/below must be a positive number, got -1/);
    expect(() => expect(vanished).toShowVanishingGradients({ below: 1, layers: 9 })).toThrow(/layers must be an integer in \[1, 5\], got 9/);
  });
});
