import type { Subset } from '../data/Subset.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import { mlpConfigOf } from '../experiments/mlpConfigOf.js';
import { Mlp } from '../models/Mlp.js';
import { createRng } from '../random/Rng.js';
import { evaluate } from '../train/evaluate.js';
import type { PhaseTimings } from './timeTraining.js';

/** Rows per evaluation batch, as trainModel evaluates. */
export const EVAL_BATCH = 1000;

/**
 * Times evaluate() — eval mode, batches of 1,000, loss and accuracy read back — on `test`,
 * `repeats` times after one untimed warm-up, with freshly initialised weights (speed does not
 * depend on their values).
 */
export function timeEvaluation(exp: ExperimentConfig, test: Subset, seed: number, repeats: number): PhaseTimings {
  const model = Mlp.create(mlpConfigOf(exp, "bench: measures gradproof's MLP (its FLOPs and kernels)"), createRng(seed, 'init'));
  const n = test.indices.length;
  const samples: number[] = [];
  const msPerBatch: number[] = [];
  const batches = Math.ceil(n / EVAL_BATCH);
  try {
    for (let r = -1; r < repeats; r++) {
      const started = performance.now();
      evaluate(model, test, EVAL_BATCH);
      const ms = performance.now() - started;
      if (r < 0) continue;
      samples.push((n * 1000) / ms);
      msPerBatch.push(ms / batches);
    }
  } finally {
    model.dispose();
  }
  return { samples, msPerBatch, examplesPerRepeat: n };
}
