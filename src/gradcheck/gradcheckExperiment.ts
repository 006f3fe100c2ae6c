import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/initBackend';
import type { BackendChoice } from '../backend/BackendInfo';
import { UsageError } from '../errors/UsageError';
import { getExperiment } from '../experiments/getExperiment';
import { loadExperimentData } from '../experiments/loadExperimentData';
import { checkGradients } from './checkGradients';
import { experimentTarget } from './experimentTarget';
import type { GradcheckReport } from './GradcheckReport';
import type { GradcheckOptions } from './GradcheckSettings';

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
 * `experimentId`'s model, fresh from `seed`, on a small batch of REAL training examples, dropout
 * masks held fixed (see experimentTarget). Returns the report; a mismatch is `ok: false`, not a throw.
 */
export async function gradcheckExperiment(experimentId: string, options: GradcheckExperimentOptions): Promise<ExperimentGradcheckReport> {
  const experiment = getExperiment(experimentId);
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new UsageError(`gradcheckExperiment: seed must be a non-negative integer, got ${String(options.seed)}`);
  }
  const backend = options.backend === undefined ? undefined : await initBackend(options.backend);
  const data = await loadExperimentData(experiment.dataset, options.dataDir);
  const batchSize = options.batchSize ?? GRADCHECK_BATCH_SIZE;
  const prepared = experimentTarget(experiment, data.train, options.seed, batchSize);
  try {
    const report = checkGradients(prepared.target, options);
    return { ...report, experiment: experiment.id, backend: backend?.name ?? tf.getBackend(), batchSize, examples: prepared.examples };
  } finally {
    prepared.dispose();
  }
}
