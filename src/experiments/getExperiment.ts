import { UsageError } from '../errors/UsageError.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import { EXPERIMENTS } from './experiments.js';

/** The experiment with this id; a UsageError listing the valid ids otherwise. */
export function getExperiment(id: string): ExperimentConfig {
  const found = EXPERIMENTS.find((e) => e.id === id);
  if (!found) {
    throw new UsageError(`unknown experiment ${JSON.stringify(id)}; try one of: ${EXPERIMENTS.map((e) => e.id).join(', ')}`);
  }
  return found;
}
