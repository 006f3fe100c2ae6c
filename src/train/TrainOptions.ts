import type { Subset } from '../data/Subset.js';
import type { MlpConfig } from '../models/MlpConfig.js';
import type { PenaltySpec } from '../regularizers/PenaltySpec.js';
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
  readonly model: MlpConfig;
  readonly optimizer: AdamConfig;
  readonly penalties: readonly PenaltySpec[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly train: Subset;
  readonly val?: Subset;
  readonly test: Subset;
  readonly onProgress?: (p: TrainProgress) => void;
  /**
   * Continue training this model instead of initialising a new one (the chained protocol: a
   * notebook that never re-initialises). Its architecture must equal `model`; a new optimiser
   * is made either way. The caller keeps ownership.
   */
  readonly startFrom?: import('../models/Mlp.js').Mlp;
}
