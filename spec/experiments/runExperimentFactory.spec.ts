import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/experiments/ExperimentConfig';
import { runExperiment } from '../../src/experiments/runExperiment';
import type { ModelFactory } from '../../src/models/ModelFactory';
import { isMlpModelRecord } from '../../src/record/isMlpModelRecord';
import type { RunRecord } from '../../src/record/RunRecord';
import { validateRunRecord } from '../../src/record/runRecordIO';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import { DATA_DIR } from '../support/dataDir';
import { layerSeed, tanhMlpFactory } from '../support/factoryModels';

/**
 * A small conv net on channels-last input, as a user would write it: [H, W, C] from ctx.inputShape,
 * conv → batch norm → relu → flatten → logits, every initialiser seeded from ctx.rng, layers named.
 */
const convNet: ModelFactory = (ctx) => {
  const [c, h, w] = ctx.inputShape;
  return tf.sequential({
    layers: [
      tf.layers.conv2d({
        name: 'conv',
        inputShape: [h, w, c],
        filters: 4,
        kernelSize: 3,
        strides: 2,
        kernelInitializer: tf.initializers.heUniform({ seed: layerSeed(ctx) }),
      }),
      tf.layers.batchNormalization({ name: 'bn' }),
      tf.layers.activation({ name: 'relu', activation: 'relu' }),
      tf.layers.flatten({ name: 'flat' }),
      tf.layers.dense({ name: 'out', units: ctx.classes, kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(ctx) }) }),
    ],
  });
};

const experiment: ExperimentConfig = {
  id: 'spec/gurmukhi-conv',
  dataset: 'gurmukhi',
  section: 'spec',
  description: 'Gurmukhi digits, a factory conv net',
  model: { factory: convNet, name: './spec.ts#convNet' },
  optimizer: { ...TORCH_ADAM, lr: 3e-3 },
  penalties: [{ kind: 'l2', rate: 1e-4 }],
  epochs: 2,
  batchSize: 32,
};

const withoutTiming = (r: RunRecord) => ({ ...r, timing: null, epochs: r.epochs.map(({ seconds: _s, ...e }) => e) });

// Real data, a --limit'ed training set: seconds, not minutes. The conv net trains on cpu: wasm has no
// Conv2DBackpropFilter kernel (see the last case).
describe('runExperiment with a factory model on the shared Gurmukhi data', () => {
  const run = (seed: number) => runExperiment({ experiment, seed, dataDir: DATA_DIR, limit: 128, backend: 'cpu' });

  it('records the factory and what it built, valid against the schema, and learns', async () => {
    const r = await run(0);
    validateRunRecord(r);
    expect(r.config.model).toEqual({
      factory: './spec.ts#convNet',
      layers: [
        { className: 'Conv2D', name: 'conv', outputShape: [null, 15, 15, 4], params: 3 * 3 * 4 + 4 },
        { className: 'BatchNormalization', name: 'bn', outputShape: [null, 15, 15, 4], params: 16 },
        { className: 'Activation', name: 'relu', outputShape: [null, 15, 15, 4], params: 0 },
        { className: 'Flatten', name: 'flat', outputShape: [null, 900], params: 0 },
        { className: 'Dense', name: 'out', outputShape: [null, 10], params: 9010 },
      ],
      parameterCount: 40 + 8 + 9010,
    });
    expect(isMlpModelRecord(r.config.model)).toBe(false);
    expect(r.config.data).toMatchObject({ trainCount: 128, testCount: 178 });
    // Two weight layers (conv, out): two layer gradient norms.
    expect(r.epochs[0]!.layerGradNorms.firstBatch).toHaveLength(2);
    expect(r.epochs[1]!.trainLoss).toBeLessThan(r.epochs[0]!.trainLoss);
    expect(r.weights!.endSha256).not.toBe(r.weights!.startSha256);
  });

  it('gives byte-identical results for the same seed and different ones for another', async () => {
    const [a, b, c] = [await run(3), await run(3), await run(4)];
    expect(withoutTiming(b)).toStrictEqual(withoutTiming(a));
    expect(c.weights!.startSha256).not.toBe(a.weights!.startSha256);
    expect(c.epochs.map((e) => e.trainLoss)).not.toEqual(a.epochs.map((e) => e.trainLoss));
  });

  it('a factory tanh MLP on the default backend: learns, and repeats byte for byte', async () => {
    const mlp: ExperimentConfig = {
      ...experiment,
      id: 'spec/gurmukhi-tanh',
      model: { factory: tanhMlpFactory([64, 32]), name: './spec.ts#tanh' },
    };
    // One after the other: runs in one process share tfjs's engine.
    const ra = await runExperiment({ experiment: mlp, seed: 0, dataDir: DATA_DIR, limit: 256 });
    const rb = await runExperiment({ experiment: mlp, seed: 0, dataDir: DATA_DIR, limit: 256 });
    expect(withoutTiming(rb)).toStrictEqual(withoutTiming(ra));
    expect(ra.epochs[1]!.trainLoss).toBeLessThan(ra.epochs[0]!.trainLoss);
    expect(ra.epochs[1]!.testAcc).toBeGreaterThan(0.3);
  });

  it('refuses, before training, a conv net on wasm, whose backend lacks the conv filter gradient', async () => {
    await expect(runExperiment({ experiment, seed: 0, dataDir: DATA_DIR, limit: 128, backend: 'wasm' })).rejects.toThrow(
      /^createModel: factory \.\/spec\.ts#convNet: training its model needs the tfjs kernel Conv2DBackpropFilter, which the wasm backend does not have; run it on another backend/,
    );
  });

  it('refuses the chained protocol, which carries one MLP from run to run', async () => {
    const carry = {};
    await expect(
      runExperiment({ experiment, seed: 0, dataDir: DATA_DIR, chained: { carry, order: [experiment.id], position: 0 } }),
    ).rejects.toThrow(
      /^run: the chained protocol carries gradproof's MLP from run to run; spec\/gurmukhi-conv's model is the factory \.\/spec\.ts#convNet/,
    );
    expect(carry).toEqual({});
  });
});
