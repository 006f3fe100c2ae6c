import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { wholeDataset } from '../../src/data/Subset';
import { Mlp } from '../../src/models/Mlp';
import { weightsDigest } from '../../src/models/weightsDigest';
import { createRng } from '../../src/random/Rng';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import { trainModel } from '../../src/train/trainModel';
import type { TrainOptions } from '../../src/train/TrainOptions';
import { useCpuBackend } from '../support/cpuBackend';
import { tanhMlpFactory } from '../support/factoryModels';
import { syntheticDataset } from '../support/syntheticDataset';

beforeAll(useCpuBackend);

const data = wholeDataset(syntheticDataset(160));
const base: TrainOptions = {
  experiment: 'spec/factory',
  seed: 0,
  model: { factory: tanhMlpFactory([12, 8]), name: './spec.ts#tanh' },
  optimizer: { ...TORCH_ADAM, lr: 1e-2 },
  penalties: [{ kind: 'l2', rate: 1e-3 }],
  epochs: 2,
  batchSize: 32,
  train: data,
  test: data,
};

async function run(options: TrainOptions) {
  const r = await trainModel(options);
  const digest = weightsDigest(r.model);
  r.model.dispose();
  return { digest, epochs: r.epochs.map(({ seconds: _s, ...rest }) => rest) };
}

describe('trainModel on a factory model (3 tanh Dense layers, seeded glorot)', () => {
  it('learns: the loss falls and test accuracy ends high; one layer gradient norm per Dense kernel', async () => {
    const { epochs } = await run(base);
    expect(epochs[1]!.trainLoss).toBeLessThan(epochs[0]!.trainLoss);
    expect(epochs[1]!.testAcc).toBeGreaterThan(0.9);
    expect(epochs[0]!.layerGradNorms.firstBatch).toHaveLength(3);
  });

  it('is byte-identical for the same seed (weights and metrics) and differs for another', async () => {
    const a = await run(base);
    const b = await run(base);
    const c = await run({ ...base, seed: 1 });
    expect(b).toStrictEqual(a);
    expect(c.digest).not.toBe(a.digest);
    expect(c.epochs).not.toStrictEqual(a.epochs);
  });

  it('leaves no tensors behind once the model is disposed', async () => {
    const before = tf.memory().numTensors;
    await run({ ...base, epochs: 1 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses to continue an MLP (startFrom) under a factory experiment, and a factory model under an MLP one', async () => {
    const mlpConfig = {
      inputSize: 16,
      hidden: [4],
      outputSize: 2,
      activation: 'tanh',
      batchNorm: false,
      init: 'xavier',
      dropout: 0,
    } as const;
    const mlp = Mlp.create(mlpConfig, createRng(0, 'init'));
    await expect(trainModel({ ...base, startFrom: mlp })).rejects.toThrow(
      /startFrom is an MLP but spec\/factory's model is the factory \.\/spec\.ts#tanh/,
    );
    const fresh = await trainModel({ ...base, epochs: 1 });
    await expect(trainModel({ ...base, model: mlpConfig, startFrom: fresh.model })).rejects.toThrow(
      /startFrom model a model not made from an MlpConfig does not match/,
    );
    mlp.dispose();
    fresh.model.dispose();
  });
});
