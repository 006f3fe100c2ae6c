import * as tf from '@tensorflow/tfjs';
import { keepingUserBackend } from '../backend/keepingUserBackend.js';
import { initBackend } from '../backend/initBackend.js';
import type { BackendChoice } from '../backend/BackendInfo.js';
import { UsageError } from '../errors/UsageError.js';
import { getExperiment } from '../experiments/getExperiment.js';
import { loadExperimentData } from '../experiments/loadExperimentData.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import { withNormalization } from '../data/withNormalization.js';
import { checkGradients } from './checkGradients.js';
import { experimentTarget } from './experimentTarget.js';
import type { GradcheckReport } from './GradcheckReport.js';
import type { GradcheckOptions } from './GradcheckSettings.js';

/** Options of gradcheckExperiment: the check's own options plus where the data is. */
export interface GradcheckExperimentOptions extends GradcheckOptions {
  readonly seed: number;
  readonly dataDir: string;
  /** Training examples in the checked batch (default 16). */
  readonly batchSize?: number;
  /** Starts this backend first; unset leaves the current one. */
  readonly backend?: BackendChoice;
}

/** A gradcheck report on an experiment, with what was checked. */
export type ExperimentGradcheckReport = GradcheckReport & {
  readonly experiment: string;
  readonly backend: string;
  readonly batchSize: number;
  readonly examples: readonly number[];
};

/** Default batch: small enough to be quick, large enough that batch statistics are not degenerate. */
export const GRADCHECK_BATCH_SIZE = 16;

/**
 * Checks the full training loss (cross-entropy + the experiment's penalties) of experiment
 * `experiment`'s model (an id of the report's, or a project's ExperimentConfig), fresh from `seed`, on a small batch of REAL training examples, dropout
 * masks held fixed (see experimentTarget). Returns the report; a mismatch is `ok: false`, not a throw.
 * `options.backend`, when given, is used for the check; the caller's active backend is restored afterwards.
 */
export async function gradcheckExperiment(
  experiment: string | ExperimentConfig,
  options: GradcheckExperimentOptions,
): Promise<ExperimentGradcheckReport> {
  return keepingUserBackend(() => checkOnBackend(typeof experiment === 'string' ? getExperiment(experiment) : experiment, options));
}

async function checkOnBackend(experiment: ExperimentConfig, options: GradcheckExperimentOptions): Promise<ExperimentGradcheckReport> {
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new UsageError(`gradcheckExperiment: seed must be a non-negative integer, got ${String(options.seed)}`);
  }
  const backend = options.backend === undefined ? undefined : await initBackend(options.backend);
  const data = withNormalization(await loadExperimentData(experiment.dataset, options.dataDir), experiment.normalize);
  const batchSize = options.batchSize ?? GRADCHECK_BATCH_SIZE;
  const prepared = await experimentTarget(experiment, data.train, options.seed, batchSize);
  try {
    const report = checkGradients(prepared.target, options);
    return { ...report, experiment: experiment.id, backend: backend?.name ?? tf.getBackend(), batchSize, examples: prepared.examples };
  } finally {
    prepared.dispose();
  }
}
