import { mlpFlops } from '../bench/mlpFlops.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';

/** Training examples per epoch by data set, as the protocol splits them (CIFAR keeps 80% of 50,000). */
const TRAIN_EXAMPLES: Record<ExperimentConfig['dataset'], number> = { cifar10: 40_000, gurmukhi: 1_000 };

/**
 * A rough relative cost of one run, for ordering work, not for reporting: per step, the matrix
 * products at ~30 GFLOP/s plus a fixed dispatch cost per layer (more with batch norm), which is
 * what dominates the deep 16-unit nets. These put sigmoid-bn at 1.6× relu-plain; on the bench
 * (wasm + OpenBLAS) it trains at about half relu-plain's examples/s.
 */
export function runCost(exp: ExperimentConfig, epochs = exp.epochs): number {
  const steps = epochs * Math.ceil(TRAIN_EXAMPLES[exp.dataset] / exp.batchSize);
  const layers = exp.model.hidden.length + 1;
  const perStep = (mlpFlops(exp.model, 'train') * exp.batchSize) / 30e9 + layers * (exp.model.batchNorm ? 1.5e-3 : 0.6e-3);
  return steps * perStep;
}
