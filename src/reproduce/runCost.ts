import { mlpFlops } from '../bench/mlpFlops.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import { isFactoryModelSpec } from '../models/isFactoryModelSpec.js';

/** Training examples per epoch by data set, as the protocol splits them (CIFAR keeps 80% of 50,000). */
const TRAIN_EXAMPLES: Record<string, number> = { cifar10: 40_000, gurmukhi: 1_000 };
/** A project's data set is not sized before it is loaded; ordering only needs a guess. */
const UNKNOWN_TRAIN_EXAMPLES = 10_000;
/** Seconds per step of a factory's model, whose size is unknown until it is built: a guess, for ordering only. */
const FACTORY_STEP_SECONDS = 0.05;

/**
 * A rough relative cost of one run, for ordering work, not for reporting: per step, the matrix
 * products at ~30 GFLOP/s plus a fixed dispatch cost per layer (more with batch norm), which is
 * what dominates the deep 16-unit nets. These put sigmoid-bn at 1.6× relu-plain; on the bench
 * (wasm + OpenBLAS) it trains at about half relu-plain's examples/s.
 */
export function runCost(exp: ExperimentConfig, epochs = exp.epochs): number {
  const steps = epochs * Math.ceil((typeof exp.dataset === 'string' ? TRAIN_EXAMPLES[exp.dataset] ?? UNKNOWN_TRAIN_EXAMPLES : UNKNOWN_TRAIN_EXAMPLES) / exp.batchSize);
  const model = exp.model;
  if (isFactoryModelSpec(model)) return steps * FACTORY_STEP_SECONDS;
  const layers = model.hidden.length + 1;
  const perStep = (mlpFlops(model, 'train') * exp.batchSize) / 30e9 + layers * (model.batchNorm ? 1.5e-3 : 0.6e-3);
  return steps * perStep;
}
