import type { RunRecord } from '../../src/record/RunRecord';

/**
 * A minimal valid run record whose epochs carry the given per-epoch values (missing fields get
 * neutral numbers). For card and report specs that must not train.
 */
export function fakeRecord(
  experiment: string,
  seed: number,
  epochs: readonly Partial<RunRecord['epochs'][number]>[],
  extra: Partial<RunRecord> = {},
): RunRecord {
  return {
    schemaVersion: 1,
    experiment,
    seed,
    protocol: 'fresh',
    backend: { name: 'cpu', kernelPatches: [] },
    versions: { gradproof: '0.1.0', node: 'v20' },
    config: {
      model: { inputSize: 4, hidden: [3], outputSize: 2, activation: 'relu', batchNorm: false, init: 'torch-default', dropout: 0 },
      optimizer: { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
      penalties: [],
      epochs: epochs.length,
      batchSize: 2,
      limit: null,
      data: { dataset: experiment.startsWith('cifar') ? 'cifar10' : 'gurmukhi', source: 'fake', trainCount: 4, testCount: 2 },
    },
    epochs: epochs.map((e, i) => ({
      epoch: i + 1,
      trainLoss: 1,
      trainAcc: 0.5,
      testLoss: 1,
      testAcc: 0.5,
      gradNorm: 1,
      gradNormFirstBatch: 1,
      gradNormLastBatch: 1,
      layerGradNorms: { firstBatch: [1, 1], mean: [1, 1] },
      seconds: 1,
      ...e,
    })),
    timing: { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', seconds: 1, trainExamplesPerSecond: 1 },
    ...extra,
  };
}
