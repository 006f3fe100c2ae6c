import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { wholeDataset } from '../../src/data/Subset';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import { trainModel } from '../../src/train/trainModel';
import { syntheticDataset } from '../support/syntheticDataset';
import { WASM_MODES } from './wasmModes';

const data = wholeDataset(syntheticDataset(160));

describe.each(WASM_MODES)('training on $label', ({ options }) => {
  it('holds the same tensors and backend buffers at the end of every epoch, and none once done', async () => {
    await initBackend('wasm', options);
    const before = { tensors: tf.memory().numTensors, buffers: tf.engine().backend.numDataIds() };
    const perEpoch: { tensors: number; buffers: number }[] = [];
    const { model } = await trainModel({
      experiment: 'spec/leaks',
      seed: 0,
      model: { inputSize: 16, hidden: [8, 8], outputSize: 2, activation: 'relu', batchNorm: true, init: 'he', dropout: 0.2 },
      optimizer: TORCH_ADAM,
      penalties: [{ kind: 'l2', rate: 1e-3 }],
      epochs: 3,
      batchSize: 32,
      train: data,
      val: data,
      test: data,
      onProgress: (p) => {
        if (p.epochDone) perEpoch.push({ tensors: tf.memory().numTensors, buffers: tf.engine().backend.numDataIds() });
      },
    });
    expect(perEpoch).toHaveLength(3);
    expect(perEpoch[1]).toEqual(perEpoch[0]);
    expect(perEpoch[2]).toEqual(perEpoch[0]);
    model.dispose();
    expect({ tensors: tf.memory().numTensors, buffers: tf.engine().backend.numDataIds() }).toEqual(before);
  });

  it('is bit-identical for the same seed', async () => {
    await initBackend('wasm', options);
    const run = async () => {
      const r = await trainModel({
        experiment: 'spec/determinism',
        seed: 3,
        model: { inputSize: 16, hidden: [12, 8], outputSize: 2, activation: 'relu', batchNorm: false, init: 'torch-default', dropout: 0 },
        optimizer: TORCH_ADAM,
        penalties: [],
        epochs: 2,
        batchSize: 32,
        train: data,
        test: data,
      });
      const weights = r.model.layerWeights().map(([w]) => Array.from(w!.dataSync()));
      r.model.dispose();
      return { epochs: r.epochs.map(({ seconds: _s, ...rest }) => rest), weights };
    };
    const a = await run();
    expect(await run()).toStrictEqual(a);
  });
});
