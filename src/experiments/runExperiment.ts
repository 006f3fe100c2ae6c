import { initBackend } from '../backend/initBackend.js';
import { keepingUserBackend } from '../backend/keepingUserBackend.js';
import type { BackendChoice } from '../backend/BackendInfo.js';
import { limitSubset } from '../data/limitSubset.js';
import { splitSubset } from '../data/splitSubset.js';
import { datasetLabel } from '../data/datasetLabel.js';
import { withNormalization } from '../data/withNormalization.js';
import { wholeDataset, type Subset } from '../data/Subset.js';
import { createRng } from '../random/Rng.js';
import type { RunRecord } from '../record/RunRecord.js';
import { trainModel } from '../train/trainModel.js';
import { createModel } from '../models/createModel.js';
import { isFactoryModelSpec } from '../models/isFactoryModelSpec.js';
import type { Mlp } from '../models/Mlp.js';
import { weightsDigest } from '../models/weightsDigest.js';
import { modelRecord } from '../record/modelRecord.js';
import type { TrainProgress } from '../train/TrainOptions.js';
import type { Adam } from '../train/Adam.js';
import { UsageError } from '../errors/UsageError.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import { getExperiment } from './getExperiment.js';
import { loadExperimentData, type LoadDataOptions } from './loadExperimentData.js';
import { gradproofVersion } from './gradproofVersion.js';

/** How to run one experiment. Unset fields take the experiment's protocol values. */
export interface RunOptions {
  readonly experiment: string | ExperimentConfig;
  readonly seed: number;
  readonly dataDir: string;
  readonly epochs?: number;
  /** Train on a seeded subset of this many training examples; evaluation stays on the full sets. */
  readonly limit?: number;
  readonly backend?: BackendChoice;
  /** Threads for matrix products on pure wasm (see BackendOptions.wasmThreads); results do not depend on it. */
  readonly wasmThreads?: number;
  readonly data?: LoadDataOptions;
  readonly onProgress?: (p: TrainProgress) => void;
  /**
   * The chained protocol: train this model (left alive for the next run) instead of a fresh one,
   * and record the run's place in the chain.
   */
  readonly chained?: {
    readonly model: Mlp;
    readonly order: readonly string[];
    readonly position: number;
    /** Step with this optimiser, carried from the previous run (see TrainOptions.carriedOptimizer); absent = a new one. */
    readonly optimizer?: Adam;
  };
  /** Record each epoch's AltMetrics too (see TrainOptions.altMetrics). */
  readonly altMetrics?: boolean;
}

/**
 * Runs one experiment from a fresh, seeded start (or, chained, from a given MLP) and returns its
 * run record (not yet written). The model comes from createModel (gradproof's MLP, or a user's
 * factory). Random streams derived from the seed: `init` (weights), `split`
 * (CIFAR's 80/20 split), `limit` (the --limit subset), and trainModel's `shuffle` and `dropout`.
 * The run uses `options.backend`; the caller's active tfjs backend is restored afterwards.
 */
export async function runExperiment(options: RunOptions): Promise<RunRecord> {
  return keepingUserBackend(() => runOnBackend(options));
}

async function runOnBackend(options: RunOptions): Promise<RunRecord> {
  const exp = typeof options.experiment === 'string' ? getExperiment(options.experiment) : options.experiment;
  const { seed } = options;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`run: seed must be a non-negative integer, got ${seed}`);
  if (options.chained && isFactoryModelSpec(exp.model)) {
    throw new UsageError(`run: the chained protocol carries gradproof's MLP from run to run; ${exp.id}'s model is the factory ${exp.model.name}: run it fresh`);
  }
  const epochs = options.epochs ?? exp.epochs;
  const backend = await initBackend(
    options.backend ?? 'auto',
    options.wasmThreads !== undefined ? { wasmThreads: options.wasmThreads } : {},
  );
  const startedAt = new Date();
  const dataStart = performance.now();
  const data = withNormalization(await loadExperimentData(exp.dataset, options.dataDir, options.data), exp.normalize);
  const dataSeconds = (performance.now() - dataStart) / 1000;

  let train: Subset = wholeDataset(data.train);
  let val: Subset | undefined;
  if (exp.valFraction !== undefined) {
    ({ train, val } = splitSubset(train, exp.valFraction, createRng(seed, 'split')));
  }
  train = limitSubset(train, options.limit, createRng(seed, 'limit'));
  const test = wholeDataset(data.test);

  const model = options.chained?.model ?? (await createModel(exp.model, seed, data.train));
  const startSha256 = weightsDigest(model);
  let trained: Awaited<ReturnType<typeof trainModel>>;
  try {
    trained = await trainModel({
      experiment: exp.id,
      seed,
      model: exp.model,
      optimizer: exp.optimizer,
      penalties: exp.penalties,
      epochs,
      batchSize: exp.batchSize,
      train,
      ...(val ? { val } : {}),
      test,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      startFrom: model,
      ...(options.chained?.optimizer ? { carriedOptimizer: options.chained.optimizer } : {}),
      ...(options.altMetrics ? { altMetrics: true } : {}),
    });
  } catch (e) {
    if (!options.chained) model.dispose();
    throw e;
  }
  const { epochs: metrics, trainSeconds } = trained;
  const endSha256 = weightsDigest(model);
  if (!options.chained) model.dispose();
  const finishedAt = new Date();

  return {
    schemaVersion: 1,
    experiment: exp.id,
    seed,
    protocol: options.chained ? 'chained' : 'fresh',
    ...(options.chained
      ? {
          chain: {
            order: [...options.chained.order],
            position: options.chained.position,
            ...(options.chained.optimizer ? { optimizer: 'carried' as const } : {}),
          },
        }
      : {}),
    weights: { startSha256, endSha256 },
    backend: {
      name: backend.name,
      requested: backend.requested,
      ...(backend.simd !== undefined ? { simd: backend.simd } : {}),
      ...(backend.threads !== undefined ? { threads: backend.threads } : {}),
      kernelPatches: [...backend.kernelPatches],
    },
    versions: { gradproof: gradproofVersion(), ...backend.versions, node: process.version },
    config: {
      model: modelRecord(exp.model, model),
      optimizer: { ...exp.optimizer },
      penalties: exp.penalties.map((p) => ({ ...p })),
      epochs,
      batchSize: exp.batchSize,
      limit: options.limit ?? null,
      data: {
        dataset: datasetLabel(exp.dataset),
        ...(exp.normalize ? { normalize: { mean: copyValues(exp.normalize.mean), std: copyValues(exp.normalize.std) } } : {}),
        source: data.source,
        ...(exp.valFraction !== undefined ? { valFraction: exp.valFraction } : {}),
        trainCount: train.indices.length,
        ...(val ? { valCount: val.indices.length } : {}),
        testCount: test.indices.length,
      },
    },
    epochs: metrics.map((m) => ({
      ...m,
      layerGradNorms: { firstBatch: [...m.layerGradNorms.firstBatch], mean: [...m.layerGradNorms.mean] },
      ...(m.alt ? { alt: { ...m.alt } } : {}),
    })),
    timing: {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
      dataSeconds,
      trainExamplesPerSecond: trainSeconds > 0 ? (train.indices.length * epochs) / trainSeconds : 0,
    },
  };
}

function copyValues(v: number | readonly number[]): number | number[] {
  return typeof v === 'number' ? v : [...v];
}
