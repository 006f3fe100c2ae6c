import { UsageError } from '../errors/UsageError.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import { EXPERIMENTS } from './experiments.js';

/**
 * The experiment with this id among `experiments` (default: the report's; a project's come from
 * loadProject); a UsageError listing the valid ids otherwise.
 */
export function getExperiment(id: string, experiments: readonly ExperimentConfig[] = EXPERIMENTS): ExperimentConfig {
  const found = experiments.find((e) => e.id === id);
  if (!found) {
    throw new UsageError(`unknown experiment ${JSON.stringify(id)}; try one of: ${experiments.map((e) => e.id).join(', ')}`);
  }
  return found;
}
