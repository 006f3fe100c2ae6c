import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureLayersModelGradientFlow } from '../../src/gradflow/measureLayersModelGradientFlow';
import { LayersTrainableModel } from '../../src/models/LayersTrainableModel';
import { penaltyTerm } from '../../src/regularizers/penaltyTerm';
import { Adam } from '../../src/train/Adam';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import { trainStep } from '../../src/train/trainStep';
import { useCpuBackend } from '../support/cpuBackend';
import { seededTensor, setSeededWeights, weightBytes } from '../support/layersModels';

beforeAll(useCpuBackend);

/** 6 → Dense 5 → BatchNorm → tanh → Dense 3: weights seeded by setSeededWeights, not by tf. */
function bnNet(): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 5, inputShape: [6], kernelInitializer: 'zeros' }),
      tf.layers.batchNormalization({}),
      tf.layers.activation({ activation: 'tanh' }),
      tf.layers.dense({ units: 3, kernelInitializer: 'zeros' }),
    ],
  });
  setSeededWeights(model, 11, 0.9);
  return model;
}
const IMAGE: readonly [number, number, number] = [1, 2, 3];

describe('LayersTrainableModel', () => {
  it('penalises every Dense kernel and bias (not γ, β): L1 and L2 equal the hand-computed sums', () => {
    const model = new LayersTrainableModel('spec', bnNet(), IMAGE);
    const linear = model.linearVariables();
    expect(linear.map((v) => v.shape)).toEqual([[6, 5], [5], [5, 3], [3]]);
    // Hand-computed in float64 from the bytes.
    const values = linear.flatMap((v) => Array.from(v.dataSync()));
    const l1 = values.reduce((s, x) => s + Math.abs(x), 0);
    const l2 = values.reduce((s, x) => s + x * x, 0);
    const of = (specs: Parameters<typeof penaltyTerm>[0]): number => tf.tidy(() => penaltyTerm(specs, linear).dataSync()[0]!);
    // float32 sums of ~50 terms of size ≤ 1: relative error well under 1e-6.
    expect(of([{ kind: 'l1', rate: 1e-3 }])).toBeCloseTo(1e-3 * l1, 8);
    expect(of([{ kind: 'l2', rate: 2e-3 }])).toBeCloseTo(2e-3 * l2, 8);
    expect(
      of([
        { kind: 'l1', rate: 1e-3 },
        { kind: 'l2', rate: 1e-3 },
      ]),
    ).toBeCloseTo(1e-3 * (l1 + l2), 8);
    model.dispose();
  });

  it('lists trainable variables with their names, one layer-norm group per Dense kernel from the input side, and BN state', () => {
    const net = bnNet();
    const model = new LayersTrainableModel('spec', net, IMAGE);
    expect(model.trainableVariables()).toEqual(net.trainableWeights.map((w) => w.read()));
    expect(model.parameterNames()).toEqual(net.trainableWeights.map((w) => w.name));
    expect(model.layerWeights().map((g) => g.map((v) => v.shape))).toEqual([[[6, 5]], [[5, 3]]]);
    expect(model.stateVariables().map((v) => v.shape)).toEqual([[5], [5]]);
    expect(model.parameterCount()).toBe(6 * 5 + 5 + 5 + 5 + 5 * 3 + 3);
    expect([model.dropoutRate, model.hiddenWidths]).toEqual([0, []]);
    model.dispose();
  });

  it('feeds CHW rows as the model wants them: flat, [C, H, W], or [H, W, C] (reshaped, then transposed)', () => {
    // Image [C, H, W] = [2, 2, 3]; row value = its CHW index; flattened and passed through an identity
    // Dense layer, the output shows the order the model saw.
    const x = tf.tensor2d([Array.from({ length: 12 }, (_, i) => i)]);
    const flattenFrom = (inputShape: number[]) =>
      new LayersTrainableModel(
        'spec',
        tf.sequential({
          layers: [
            tf.layers.reshape({ targetShape: [12], inputShape }),
            tf.layers.dense({ units: 12, kernelInitializer: 'identity', useBias: false }),
          ],
        }),
        [2, 2, 3],
      );
    const hwcOrder = [0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11];
    const cases: [number[], number[]][] = [
      [[12], [...Array(12).keys()]],
      [[2, 2, 3], [...Array(12).keys()]],
      [[2, 3, 2], hwcOrder],
    ];
    for (const [shape, expected] of cases) {
      const model = flattenFrom(shape);
      const out = tf.tidy(() => Array.from(model.forward(x, { training: false }).logits.dataSync()));
      expect(out, `input shape [${shape}]`).toEqual(expected);
      model.dispose();
    }
    x.dispose();
  });

  it('batch norm: a training forward changes no state; a refused step leaves weights and moving statistics bit-identical', () => {
    const net = bnNet();
    const model = new LayersTrainableModel('spec', net, IMAGE);
    const batch = {
      x: seededTensor([8, 6], 3, 'x', -2, 2) as tf.Tensor2D,
      y: tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3).toFloat() as tf.Tensor2D,
      labels: new Int32Array(8),
      rows: 8,
    };
    const start = weightBytes(net);
    tf.tidy(() => {
      model.forward(batch.x, { training: true });
    });
    expect(weightBytes(net)).toEqual(start);

    const adam = new Adam(model.trainableVariables(), TORCH_ADAM);
    const refused = trainStep(model, adam, [{ kind: 'l2', rate: 1e-3 }], batch, [], () => false);
    expect(Number.isFinite(refused.loss)).toBe(true);
    expect(refused.layerGradNorms).toHaveLength(2);
    expect(weightBytes(net)).toEqual(start);

    // Accepted: the moving statistics become what tfjs's own training pass writes.
    const twin = bnNet();
    tf.tidy(() => {
      twin.apply(batch.x, { training: true });
    });
    const expected = twin.nonTrainableWeights.map((w) => Array.from(w.read().dataSync()));
    trainStep(model, adam, [], batch, [], () => true);
    expect(net.nonTrainableWeights.map((w) => Array.from(w.read().dataSync()))).toEqual(expected);
    expect(weightBytes(net)).not.toEqual(start);
    adam.dispose();
    model.dispose();
    twin.dispose();
    tf.dispose([batch.x, batch.y]);
  });

  it('leaves no tensors behind: forward in training and eval, a step, dispose', () => {
    const before = tf.memory().numTensors;
    const model = new LayersTrainableModel('spec', bnNet(), IMAGE);
    const x = seededTensor([4, 6], 5, 'x') as tf.Tensor2D;
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 0], 'int32'), 3).toFloat() as tf.Tensor2D);
    const adam = new Adam(model.trainableVariables(), TORCH_ADAM);
    // A tidy keeps what it returns: return nothing.
    for (const training of [true, false]) tf.tidy(() => void model.forward(x, { training }));
    trainStep(model, adam, [{ kind: 'l1', rate: 1e-3 }], { x, y, labels: new Int32Array(4), rows: 4 }, [], () => true);
    adam.dispose();
    model.dispose();
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the wrapped tf.LayersModel still measures with measureLayersModelGradientFlow, one norm per layer-norm group', () => {
    const model = new LayersTrainableModel('spec', bnNet(), IMAGE);
    const x = seededTensor([8, 6], 4, 'x');
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3).toFloat();
    const flow = measureLayersModelGradientFlow(model.model, { loss: (t, p) => tf.losses.softmaxCrossEntropy(t, p), batches: { x, y } });
    expect(flow.layerNorms).toHaveLength(model.layerWeights().length);
    for (const n of flow.layerNorms) expect(n).toBeGreaterThan(0);
    tf.dispose([x, y]);
    model.dispose();
  });
});
