import { getExperiment } from '../experiments/getExperiment.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import type { PlannedRun } from './planRuns.js';
import { runCost } from './runCost.js';

/**
 * The runs reordered for a pool of workers: seed by seed (so early results still cover every
 * experiment), and within a seed the costliest first (runCost), so the short runs fill the
 * cores at the end instead of one long run finishing alone. Stable for equal costs.
 */
export function longestFirst(runs: readonly PlannedRun[], experiments?: readonly ExperimentConfig[]): PlannedRun[] {
  const cost = new Map(runs.map((r) => [r.experiment, runCost(getExperiment(r.experiment, experiments))]));
  return [...runs].sort((a, b) => a.seed - b.seed || cost.get(b.experiment)! - cost.get(a.experiment)!);
}
