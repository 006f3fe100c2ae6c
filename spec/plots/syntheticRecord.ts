import type { RunRecord } from '../../src/record/RunRecord';

/** What a synthetic run looks like; everything has a sensible default. */
export interface SyntheticRun {
  experiment: string;
  seed?: number;
  epochs?: number;
  /** Number of linear layers (from the input side). */
  layers?: number;
  /** Gradient norm of `layer` (0 = input side) at `epoch` (1-based). */
  grad?: (epoch: number, layer: number) => number;
  acc?: (epoch: number) => number;
  loss?: (epoch: number) => number;
}

/**
 * A schema-shaped RunRecord built in memory, so plot and report specs never train. By default
 * the gradient shrinks tenfold per layer towards the input, like a vanishing-gradient stack.
 */
export function syntheticRecord(run: SyntheticRun): RunRecord {
  const seed = run.seed ?? 0;
  const layers = run.layers ?? 7;
  const n = run.epochs ?? 3;
  const grad = run.grad ?? ((e, l) => 10 ** (l - layers + 1) * (1 + 0.1 * seed) / e);
  const acc = run.acc ?? ((e) => Math.min(0.99, 0.2 + 0.07 * e + 0.01 * seed));
  const loss = run.loss ?? ((e) => 2.3 / e + 0.05 * seed);
  const [dataset, name] = run.experiment.split('/') as [string, string];
  const gurmukhi = dataset === 'gurmukhi';
  return {
    schemaVersion: 1,
    experiment: run.experiment,
    seed,
    protocol: 'fresh',
    backend: { name: 'cpu', kernelPatches: [] },
    versions: { gradproof: '0.1.0', node: 'v20.0.0', tfjs: '4.22.0' },
    config: {
      model: {
        inputSize: gurmukhi ? 1024 : 3072,
        hidden: Array.from({ length: layers - 1 }, () => 16),
        outputSize: 10,
        activation: gurmukhi ? 'relu' : ((name.split('-')[0] ?? 'sigmoid') as 'sigmoid' | 'tanh' | 'relu'),
        batchNorm: name.endsWith('-bn'),
        init: name.endsWith('-bn') ? 'xavier' : 'torch-default',
        dropout: gurmukhi ? 0.2 : 0,
      },
      optimizer: { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
      penalties: name.includes('l2') ? [{ kind: 'l2', rate: 1e-3 }] : [],
      epochs: n,
      batchSize: 64,
      limit: null,
      data: { dataset: gurmukhi ? 'gurmukhi' : 'cifar10', source: 'synthetic', trainCount: 1000, testCount: 178 },
    },
    epochs: Array.from({ length: n }, (_, i) => {
      const e = i + 1;
      const g = Array.from({ length: layers }, (_, l) => grad(e, l));
      return {
        epoch: e,
        trainLoss: loss(e),
        trainAcc: acc(e),
        testLoss: loss(e) * 1.1,
        testAcc: acc(e) * 0.95,
        gradNorm: Math.hypot(...g),
        gradNormFirstBatch: Math.hypot(...g),
        gradNormLastBatch: Math.hypot(...g),
        layerGradNorms: { firstBatch: g, mean: g },
        seconds: 1,
      };
    }),
    timing: { startedAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:00:10.000Z', seconds: 10, trainExamplesPerSecond: 100 },
  };
}
