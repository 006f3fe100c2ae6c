import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/experiments/ExperimentConfig';
import { gradproofVersion } from '../../src/experiments/gradproofVersion';
import { prepareRunData, type RunData } from '../../src/experiments/prepareRunData';
import { Mlp } from '../../src/models/Mlp';
import { createRng } from '../../src/random/Rng';
import { buildRunRecord, type RunRecordParts } from '../../src/record/buildRunRecord';
import { validateRunRecord } from '../../src/record/runRecordIO';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import type { EpochMetrics } from '../../src/train/EpochMetrics';
import { useCpuBackend } from '../support/cpuBackend';
import { syntheticDataset } from '../support/syntheticDataset';

const train = syntheticDataset(50);
const test = syntheticDataset(10, 2);
const experiment: ExperimentConfig = {
  id: 'spec/toy',
  section: 'spec',
  description: 'a toy MLP on toy data',
  dataset: { kind: 'loader', name: 'toy', load: () => ({ train, test }) },
  normalize: { mean: [0.25], std: 0.5 },
  model: { inputSize: 16, hidden: [3], outputSize: 2, activation: 'relu', batchNorm: false, init: 'he', dropout: 0 },
  optimizer: TORCH_ADAM,
  penalties: [{ kind: 'l2', rate: 1e-3 }],
  epochs: 2,
  batchSize: 8,
  valFraction: 0.2,
};
const metrics = (epoch: number): EpochMetrics => ({
  epoch,
  trainLoss: 0.5,
  trainAcc: 0.75,
  valLoss: 0.6,
  valAcc: 0.7,
  testLoss: 0.65,
  testAcc: 0.7,
  gradNorm: 1.5,
  gradNormFirstBatch: 2,
  gradNormLastBatch: 1,
  layerGradNorms: { firstBatch: [1, 2], mean: [0.5, 1] },
  seconds: 0.25,
});

let data: RunData;
let parts: RunRecordParts;
beforeAll(async () => {
  await useCpuBackend();
  data = await prepareRunData(experiment, 0, { dataDir: '/unused', limit: 16 });
  parts = {
    experiment,
    seed: 7,
    epochs: 2,
    limit: 16,
    backend: { name: 'cpu', requested: 'cpu', kernelPatches: ['cpu:Example'], versions: { '@tensorflow/tfjs-core': '4.22.0' } },
    data,
    model: Mlp.create(experiment.model as never, createRng(7, 'init')),
    weights: { startSha256: 'a'.repeat(64), endSha256: 'b'.repeat(64) },
    metrics: [metrics(1), metrics(2)],
    trainSeconds: 4,
    startedAt: new Date('2026-01-01T00:00:00.000Z'),
    finishedAt: new Date('2026-01-01T00:00:10.500Z'),
  };
});
afterAll(() => parts.model.dispose());

describe('buildRunRecord', () => {
  it('makes a valid record of a fresh run from the parts, keys in the schema order', () => {
    const r = validateRunRecord(buildRunRecord(parts));
    expect(Object.keys(r)).toEqual(['schemaVersion', 'experiment', 'seed', 'protocol', 'weights', 'backend', 'versions', 'config', 'epochs', 'timing']);
    expect(r).toMatchObject({ experiment: 'spec/toy', seed: 7, protocol: 'fresh', weights: parts.weights });
    expect(r.backend).toEqual({ name: 'cpu', requested: 'cpu', kernelPatches: ['cpu:Example'] });
    expect(r.versions).toEqual({ gradproof: gradproofVersion(), '@tensorflow/tfjs-core': '4.22.0', node: process.version });
    expect(r.config).toEqual({
      model: experiment.model,
      optimizer: TORCH_ADAM,
      penalties: [{ kind: 'l2', rate: 1e-3 }],
      epochs: 2,
      batchSize: 8,
      limit: 16,
      data: { dataset: 'loader', normalize: { mean: [0.25], std: 0.5 }, source: 'loader:toy', valFraction: 0.2, trainCount: 16, valCount: 10, testCount: 10 },
    });
    expect(r.epochs).toEqual([metrics(1), metrics(2)]);
    // 16 examples × 2 epochs in 4 s of steps: 8 examples/s (exact in binary floating point).
    expect(r.timing).toEqual({
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:10.500Z',
      seconds: 10.5,
      dataSeconds: data.seconds,
      trainExamplesPerSecond: 8,
    });
  });

  it('a chained run says so and where it stands; no limit is null; no training time gives 0 examples/s', () => {
    const r = buildRunRecord({ ...parts, chain: { order: ['a', 'spec/toy'], position: 1 }, limit: undefined, trainSeconds: 0 });
    expect(r).toMatchObject({ protocol: 'chained', chain: { order: ['a', 'spec/toy'], position: 1 } });
    expect(Object.keys(r).indexOf('chain')).toBe(4);
    expect(r.config.limit).toBeNull();
    expect(r.timing.trainExamplesPerSecond).toBe(0);
  });

  it('copies what it is given: changing the parts later leaves the record as it was', () => {
    const order = ['a', 'spec/toy'];
    const given = [metrics(1)];
    const patches = ['cpu:Example'];
    const r = buildRunRecord({ ...parts, chain: { order, position: 1 }, metrics: given, backend: { ...parts.backend, kernelPatches: patches } });
    const before = JSON.stringify(r);
    order.push('b');
    patches.push('cpu:Other');
    given[0]!.layerGradNorms.mean.push(9);
    expect(JSON.stringify(r)).toBe(before);
  });
});
