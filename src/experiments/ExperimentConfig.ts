import type { MlpConfig } from '../models/MlpConfig.js';
import type { PenaltySpec } from '../regularizers/PenaltySpec.js';
import type { AdamConfig } from '../train/AdamConfig.js';

/** One of the report's experiments as a plain, serialisable object (see ../shared/PROTOCOL.md). */
export interface ExperimentConfig {
  /** `cifar/<activation>-<plain|vg|bn>` or `gurmukhi/<regularisers>`. */
  readonly id: string;
  readonly dataset: 'cifar10' | 'gurmukhi';
  /** Report section the experiment reproduces, for records and report cards. */
  readonly section: 'Q1' | 'Q2';
  readonly description: string;
  readonly model: MlpConfig;
  readonly optimizer: AdamConfig;
  readonly penalties: readonly PenaltySpec[];
  readonly epochs: number;
  readonly batchSize: number;
  /** Fraction of the training images held out for validation (CIFAR: 0.2); absent = none. */
  readonly valFraction?: number;
}
