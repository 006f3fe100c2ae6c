import { initBackend } from '../backend/initBackend.js';
import { keepingUserBackend } from '../backend/keepingUserBackend.js';
import type { BackendChoice } from '../backend/BackendInfo.js';
import { UsageError } from '../errors/UsageError.js';
import { createModel } from '../models/createModel.js';
import { isFactoryModelSpec } from '../models/isFactoryModelSpec.js';
import { weightsDigest } from '../models/weightsDigest.js';
import { buildRunRecord } from '../record/buildRunRecord.js';
import type { RunRecord } from '../record/RunRecord.js';
import { trainModel } from '../train/trainModel.js';
import type { TrainProgress } from '../train/TrainOptions.js';
import type { Adam } from '../train/Adam.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import { getExperiment } from './getExperiment.js';
import type { LoadDataOptions } from './loadExperimentData.js';
import type { ModelCarry } from './ModelCarry.js';
import { prepareRunData } from './prepareRunData.js';

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
   * The chained protocol: this run's place in the chain, and the chain's one model (created by
   * its first run, trained further by the others, left alive for the next; see runChain).
   */
  readonly chained?: {
    readonly carry: ModelCarry;
    readonly order: readonly string[];
    readonly position: number;
    /** Step with this optimiser, carried from the previous run (see TrainOptions.carriedOptimizer); absent = a new one. */
    readonly optimizer?: Adam;
  };
  /** Record each epoch's AltMetrics too (see TrainOptions.altMetrics). */
  readonly altMetrics?: boolean;
}

/**
 * Runs one experiment from a fresh, seeded start (or, chained, from the chain's carried MLP) and
 * returns its run record (not yet written). Every run, fresh or chained, in this process or in a
 * reproduce worker, is these steps: the backend (initBackend), the data (prepareRunData), the
 * model from its seed (createModel: gradproof's MLP, or a user's factory), training
 * (trainModel), the record (buildRunRecord). Random streams derived from the seed: `init`
 * (weights), `split` (CIFAR's 80/20 split), `limit` (the --limit subset), and trainModel's
 * `shuffle` and `dropout`. The run uses `options.backend`; the caller's active tfjs backend is
 * restored afterwards.
 */
export async function runExperiment(options: RunOptions): Promise<RunRecord> {
  return keepingUserBackend(() => runOnBackend(options));
}

async function runOnBackend(options: RunOptions): Promise<RunRecord> {
  const exp = typeof options.experiment === 'string' ? getExperiment(options.experiment) : options.experiment;
  const { seed, chained } = options;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`run: seed must be a non-negative integer, got ${seed}`);
  if (chained && isFactoryModelSpec(exp.model)) {
    throw new UsageError(`run: the chained protocol carries gradproof's MLP from run to run; ${exp.id}'s model is the factory ${exp.model.name}: run it fresh`);
  }
  const epochs = options.epochs ?? exp.epochs;
  const backend = await initBackend(
    options.backend ?? 'auto',
    options.wasmThreads !== undefined ? { wasmThreads: options.wasmThreads } : {},
  );
  const startedAt = new Date();
  const data = await prepareRunData(exp, seed, {
    dataDir: options.dataDir,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.data ? { data: options.data } : {}),
  });
  const model = chained?.carry.model ?? (await createModel(exp.model, seed, data.data.train));
  if (chained) chained.carry.model = model;
  try {
    const startSha256 = weightsDigest(model);
    const trained = await trainModel({
      experiment: exp.id,
      seed,
      model: exp.model,
      optimizer: exp.optimizer,
      penalties: exp.penalties,
      epochs,
      batchSize: exp.batchSize,
      train: data.train,
      ...(data.val ? { val: data.val } : {}),
      test: data.test,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      startFrom: model,
      ...(chained?.optimizer ? { carriedOptimizer: chained.optimizer } : {}),
      ...(options.altMetrics ? { altMetrics: true } : {}),
    });
    return buildRunRecord({
      experiment: exp,
      seed,
      epochs,
      limit: options.limit,
      ...(chained ? { chain: { order: chained.order, position: chained.position, ...(chained.optimizer ? { optimizer: 'carried' as const } : {}) } } : {}),
      backend,
      data,
      model,
      weights: { startSha256, endSha256: weightsDigest(model) },
      metrics: trained.epochs,
      trainSeconds: trained.trainSeconds,
      startedAt,
      finishedAt: new Date(),
    });
  } finally {
    // A chain's model lives on in its carry; a fresh run's ends with the run.
    if (!chained) model.dispose();
  }
}
