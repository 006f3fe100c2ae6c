import type { DatasetSpec } from '../data/DatasetSpec.js';
import type { NormalizeSpec } from '../data/NormalizeSpec.js';
import type { FactoryModelSpec } from '../models/FactoryModelSpec.js';
import type { MlpConfig } from '../models/MlpConfig.js';
import type { PenaltySpec } from '../regularizers/PenaltySpec.js';
import type { AdamConfig } from '../train/AdamConfig.js';

/**
 * One experiment, resolved: every default filled in, paths absolute, module references loaded.
 * The report's are in experiments/report.gradproof.json; a project declares its own in
 * gradproof.config.ts or .json (see loadProject and schema/project.schema.json).
 */
export interface ExperimentConfig {
  /** `<namespace>/<name>`, e.g. `cifar/sigmoid-vg` or `hw4/tanh3`. */
  readonly id: string;
  readonly dataset: DatasetSpec;
  /** Report section the experiment reproduces, grouping cards and plots (Q1, Q2, or a project's own). */
  readonly section: string;
  readonly description: string;
  /** Choices the report leaves open, and why they were made. */
  readonly notes?: string;
  /** Absent: ToTensor then Normalize(0.5, 0.5), as the report does. */
  readonly normalize?: NormalizeSpec;
  /** gradproof's MLP, or a user's model factory (see createModel). */
  readonly model: MlpConfig | FactoryModelSpec;
  readonly optimizer: AdamConfig;
  readonly penalties: readonly PenaltySpec[];
  readonly epochs: number;
  readonly batchSize: number;
  /** Fraction of the training images held out for validation (CIFAR: 0.2); absent = none. */
  readonly valFraction?: number;
}
