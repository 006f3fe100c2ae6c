import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { measureLayersModelGradientFlow } from '../../src/gradflow/measureLayersModelGradientFlow';
import { registerMatchers } from '../../src/matchers/index';
import { useCpuBackend } from '../support/cpuBackend';
import { denseStack, seededTensor, setSeededWeights, weightBytes } from '../support/layersModels';

beforeAll(useCpuBackend);
registerMatchers(expect);

const norm = (t: tf.Tensor): number => Math.hypot(...Array.from(t.dataSync()));

/** ‖∂L/∂W‖ for every trainable weight, straight from tf.variableGrads (the reference). */
function referenceNorms(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): number[] {
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => tf.mean(tf.metrics.meanSquaredError(y, model.apply(x) as tf.Tensor)) as tf.Scalar, vars);
  const out = vars.map((v) => norm(grads[v.name]!));
  tf.dispose([value, ...Object.values(grads)]);
  return out;
}

describe('measureLayersModelGradientFlow', () => {
  it('per layer: a Dense layer’s norm is its kernel’s gradient norm, its bias reported apart (hand-checked against tf.variableGrads)', () => {
    const model = denseStack([4, 6, 5, 3], 'tanh');
    setSeededWeights(model, 1);
    const x = seededTensor([8, 4], 1, 'x');
    const y = seededTensor([8, 3], 1, 'y');
    const flow = measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: [{ x, y }] });
    const ref = referenceNorms(model, x, y);
    expect(flow.per).toBe('layer');
    expect(flow.names).toEqual(model.layers.map((l) => l.name));
    // The same float32 gradients, normed in float32 (scaled) vs float64 here: 1e-5 relative.
    flow.layerNorms.forEach((n, i) => expect(n / ref[2 * i]! - 1).toBeCloseTo(0, 5));
    flow.biasNorms!.forEach((n, i) => expect(n! / ref[2 * i + 1]! - 1).toBeCloseTo(0, 5));
    expect(flow.meanLayerNorms).toEqual(flow.layerNorms);
    expect(flow.losses).toHaveLength(1);
    model.dispose();
  });

  it('reports the first batch and the mean over batches', () => {
    const model = denseStack([3, 4, 2], 'tanh');
    setSeededWeights(model, 2);
    const batches = [0, 1, 2].map((b) => ({ x: seededTensor([5, 3], 2, `x${b}`), y: seededTensor([5, 2], 2, `y${b}`) }));
    const all = measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches });
    const each = batches.map((b) => measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: b }));
    expect(all.layerNorms).toEqual(each[0]!.layerNorms);
    all.meanLayerNorms.forEach((m, i) => expect(m).toBeCloseTo(each.reduce((s, f) => s + f.layerNorms[i]!, 0) / 3, 12));
    all.meanBiasNorms!.forEach((m, i) => expect(m!).toBeCloseTo(each.reduce((s, f) => s + f.biasNorms![i]!, 0) / 3, 12));
    expect(all.losses).toEqual(each.map((f) => f.losses[0]));
    model.dispose();
  });

  it('leaves batch norm out per layer and lists it per variable; a layer without bias has bias norm null', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, inputShape: [3], useBias: false, kernelInitializer: 'zeros' }),
        tf.layers.batchNormalization(),
        tf.layers.dense({ units: 2, kernelInitializer: 'zeros', biasInitializer: 'zeros' }),
      ],
    });
    setSeededWeights(model, 3);
    const batch = { x: seededTensor([6, 3], 3, 'x'), y: seededTensor([6, 2], 3, 'y') };
    const before = weightBytes(model);
    const byLayer = measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: [batch] });
    expect(byLayer.names).toEqual([model.layers[0]!.name, model.layers[2]!.name]);
    expect(byLayer.biasNorms![0]).toBeNull();
    expect(byLayer.biasNorms![1]).toBeGreaterThan(0);
    const byVariable = measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: [batch], per: 'variable' });
    expect(byVariable.names).toEqual(model.trainableWeights.map((w) => w.name));
    expect(byVariable.names.some((n) => n.endsWith('/gamma'))).toBe(true);
    expect(byVariable.biasNorms).toBeUndefined();
    // Inference mode: the moving statistics are not updated.
    expect(weightBytes(model)).toEqual(before);
    model.dispose();
  });

  it('sees vanishing gradients in a deep sigmoid stack the user built, and healthy ones in a shallow tanh net', () => {
    const deep = denseStack([8, 16, 16, 16, 16, 16, 16, 16, 16, 2], 'sigmoid');
    setSeededWeights(deep, 4, 0.25);
    const shallow = denseStack([8, 16, 2], 'tanh');
    setSeededWeights(shallow, 4, 0.5);
    const batches = [{ x: seededTensor([16, 8], 4, 'x'), y: seededTensor([16, 2], 4, 'y') }];
    const flow = measureLayersModelGradientFlow(deep, { loss: 'meanSquaredError', batches });
    expect(flow.layerNorms[0]!).toBeLessThan(flow.layerNorms.at(-1)! * 1e-3);
    expect(flow).toShowVanishingGradients({ below: 1e-4, layers: 2 });
    expect(flow).toShowVanishingGradients({ below: 1e-4, layers: 2, which: 'mean' });
    const healthy = measureLayersModelGradientFlow(shallow, { loss: 'meanSquaredError', batches });
    expect(healthy).toHaveHealthyGradients({ above: 1e-3 });
    expect(healthy).not.toShowVanishingGradients({ below: 1e-4 });
    deep.dispose();
    shallow.dispose();
  });

  it('does not leak tensors nor change the model', () => {
    const model = denseStack([3, 4, 2], 'tanh');
    setSeededWeights(model, 5);
    const batch = { x: seededTensor([5, 3], 5, 'x'), y: seededTensor([5, 2], 5, 'y') };
    const before = weightBytes(model);
    const count = tf.memory().numTensors;
    measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: [batch, batch] });
    measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: batch, per: 'variable' });
    expect(tf.memory().numTensors).toBe(count);
    expect(weightBytes(model)).toEqual(before);
    model.dispose();
  });

  it('measures what training sees: batch norm on batch statistics restores a deep sigmoid stack, and its moving averages are put back', () => {
    const model = tf.sequential();
    for (let i = 0; i < 10; i++) {
      model.add(tf.layers.dense({ units: 16, inputShape: i === 0 ? [8] : undefined, kernelInitializer: tf.initializers.leCunNormal({ seed: i }) }));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.activation({ activation: 'sigmoid' }));
    }
    model.add(tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.leCunNormal({ seed: 99 }) }));
    const batch = { x: seededTensor([32, 8], 6, 'x', -2, 2), y: seededTensor([32, 2], 6, 'y') };
    const before = weightBytes(model);
    const count = tf.memory().numTensors;
    const training = measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: batch });
    const inference = measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: batch, mode: 'inference' });
    // Batch statistics keep σ' near its peak: the first layer's gradient is within 100× of the last hidden one's.
    expect(training.layerNorms[0]! / training.layerNorms[9]!).toBeGreaterThan(1e-2);
    // On its (initial) moving statistics batch norm is nearly the identity, and the stack vanishes.
    expect(inference.layerNorms[0]! / inference.layerNorms[9]!).toBeLessThan(1e-3);
    expect(weightBytes(model)).toEqual(before);
    expect(model.nonTrainableWeights.length).toBe(20);
    expect(tf.memory().numTensors).toBe(count);
    model.dispose();
  });

  it('usage errors name the API and echo the bad value', () => {
    const model = denseStack([3, 2], 'tanh');
    const batch = { x: tf.zeros([2, 3]), y: tf.zeros([2, 2]) };
    const api = /^measureLayersModelGradientFlow: /;
    expect(() => measureLayersModelGradientFlow(tf.zeros([3]) as never, { loss: 'meanSquaredError', batches: [batch] })).toThrow(/expected a tf.LayersModel, got a 1-D tensor of shape \[3\]/);
    expect(() => measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: [] })).toThrow(/batches must be .* got an array of length 0/);
    expect(() => measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: [batch], per: 'weight' as never })).toThrow(/per must be 'layer' or 'variable', got the string "weight"/);
    expect(() => measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: [{ x: batch.x, y: tf.zeros([2, 5]) }] })).toThrow(UsageError);
    expect(() => measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: [{ x: batch.x, y: tf.zeros([2, 5]) }] })).toThrow(api);
    model.dispose();
  });
});
