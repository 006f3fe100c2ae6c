import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { wholeDataset } from '../../src/data/Subset';
import { TrainingError } from '../../src/errors/TrainingError';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import { trainModel } from '../../src/train/trainModel';
import type { TrainOptions } from '../../src/train/TrainOptions';
import { useCpuBackend } from '../support/cpuBackend';
import { syntheticDataset } from '../support/syntheticDataset';

beforeAll(useCpuBackend);

const data = wholeDataset(syntheticDataset(200));
const base: TrainOptions = {
  experiment: 'spec/toy',
  seed: 0,
  model: { inputSize: 16, hidden: [8, 8], outputSize: 2, activation: 'relu', batchNorm: true, init: 'he', dropout: 0.2 },
  optimizer: { ...TORCH_ADAM, lr: 1e-2 },
  penalties: [{ kind: 'l2', rate: 1e-3 }],
  epochs: 4,
  batchSize: 32,
  train: data,
  val: data,
  test: data,
};

async function epochsOf(options: TrainOptions) {
  const r = await trainModel(options);
  r.model.dispose();
  return r.epochs.map(({ seconds: _s, ...rest }) => rest);
}

describe('trainModel', () => {
  it('learns a learnable task: loss falls and test accuracy ends high', async () => {
    const epochs = await epochsOf(base);
    expect(epochs.at(-1)!.trainLoss).toBeLessThan(epochs[0]!.trainLoss);
    expect(epochs.at(-1)!.testAcc).toBeGreaterThan(0.9);
    expect(epochs[0]!.layerGradNorms.firstBatch).toHaveLength(3);
    expect(epochs[0]!.layerGradNorms.mean).toHaveLength(3);
  });

  it('is bit-identical for the same seed and differs for another', async () => {
    const a = await epochsOf(base);
    const b = await epochsOf(base);
    const c = await epochsOf({ ...base, seed: 1 });
    expect(b).toStrictEqual(a);
    expect(c).not.toStrictEqual(a);
  });

  it('leaves no tensors behind once the model is disposed', async () => {
    const before = tf.memory().numTensors;
    await epochsOf({ ...base, epochs: 1 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops on a non-finite loss with an error naming experiment, epoch and batch', async () => {
    // An absurd learning rate overflows the weights after the first update.
    const run = trainModel({ ...base, optimizer: { ...TORCH_ADAM, lr: 1e38 }, model: { ...base.model, batchNorm: false } });
    await expect(run).rejects.toBeInstanceOf(TrainingError);
    await expect(
      trainModel({ ...base, optimizer: { ...TORCH_ADAM, lr: 1e38 }, model: { ...base.model, batchNorm: false } }),
    ).rejects.toThrow(/spec\/toy at epoch 1, batch 2\/7/);
  });

  it('rejects bad epochs and batch sizes, echoing them', async () => {
    await expect(trainModel({ ...base, epochs: 0 })).rejects.toThrow(/epochs must be a positive integer, got 0/);
    await expect(trainModel({ ...base, batchSize: 2.5 })).rejects.toThrow(/batchSize must be a positive integer, got 2.5/);
  });
});
