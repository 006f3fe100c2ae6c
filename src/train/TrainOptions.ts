import type { Subset } from '../data/Subset.js';
import type { ModelSpec } from '../models/ModelSpec.js';
import type { TrainableModel } from '../models/TrainableModel.js';
import type { PenaltySpec } from '../regularizers/PenaltySpec.js';
import type { Adam } from './Adam.js';
import type { AdamConfig } from './AdamConfig.js';

/** Progress of a training run, for bars and log lines. */
export interface TrainProgress {
  readonly experiment: string;
  readonly epoch: number;
  readonly epochs: number;
  readonly batch: number;
  readonly batches: number;
  /** Running mean training loss of this epoch so far. */
  readonly loss: number;
  /** Set once an epoch ends. */
  readonly epochDone?: import('./EpochMetrics.js').EpochMetrics;
}

/** Everything `trainModel` needs; plain data except the subsets and the callback. */
export interface TrainOptions {
  readonly experiment: string;
  readonly seed: number;
  /** The experiment's model: an MlpConfig or a user's factory (see createModel). */
  readonly model: ModelSpec;
  readonly optimizer: AdamConfig;
  readonly penalties: readonly PenaltySpec[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly train: Subset;
  readonly val?: Subset;
  readonly test: Subset;
  readonly onProgress?: (p: TrainProgress) => void;
  /**
   * Train this model instead of creating one from `model` and `seed`: one the caller made with
   * createModel (runExperiment does, to digest its starting weights), or an Mlp carried over from
   * an earlier run (the chained protocol: a notebook that never re-initialises; MLPs only). An
   * Mlp's architecture must equal `model`; a new optimiser is made either way. The caller keeps
   * ownership.
   */
  readonly startFrom?: TrainableModel;
  /**
   * Step with this Adam (state and step count carried over from an earlier run on `startFrom`:
   * a notebook that re-runs its training cell without re-creating the optimiser) instead of a new
   * one. It must have been made for `startFrom`'s trainable variables; the caller keeps ownership.
   */
  readonly carriedOptimizer?: Adam;
  /** Also measure each epoch's AltMetrics (one more eval-mode pass over the training set per epoch). */
  readonly altMetrics?: boolean;
}
